/**
 * `@aide/locator/engine`: the locator's data engine, DOM-free, shared by the element and the build scripts:
 * place sources and the geocoder, location queries, opening hours (Paris time), filters on the national
 * standard's vocabularies, and the conversion of standard records to the embedded format.
 */
export * from './source.ts';
export * from './api-source.ts';
export * from './query.ts';
export * from './hours.ts';
export * from './osm-hours.ts';
export * from './filters.ts';
export * from './geo.ts';
export * from './convert.ts';
export * from './vocabularies.ts';
export type * from './types.ts';
