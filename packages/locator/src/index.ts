export { AideLocator, displayPhone } from './locator/locator.ts';
export * from './engine/source.ts';
export * from './engine/hours.ts';
export * from './engine/query.ts';
export * from './engine/filters.ts';
export type * from './engine/types.ts';
