/**
 * `@aide/locator`: the `<aide-locator>` class, with no side effect (`@aide/locator/define` registers the tag).
 * The data engine (sources, geocoder, opening hours, filters), used by the build scripts in Node, is
 * `@aide/locator/engine`.
 */
export { AideLocator } from './locator/locator.ts';
export type { PlaceFilters } from './engine/filters.ts';
export type { PlaceResult, PlaceSource, NearestOptions } from './engine/source.ts';
export type { PhoneLineConfig, CommuneEntry } from './engine/types.ts';
