/**
 * Places from a URL returning records in the national standard's schema, instead of the embedded data: a chunk of
 * its own in the widget, with the standard's vocabularies and the conversion of its records, ranked by
 * `rankedSource` (source.ts): `rankedSource(async () => new StandardApiSource(url))` is a PlaceSource.
 */
import { requestJson } from '@aide/core';
import type { Attribution, PlaceRecord, Vocabularies, WeeklySchedule } from './types.ts';
import type { CandidateSource, Fetch } from './source.ts';
import { VOCABULARIES } from './vocabularies.ts';
import { toPlaceRecord, type StandardRecord } from './convert.ts';

/**
 * Places from a URL returning records in the national standard schema (a JSON array, or `{ "lieux": [...] }`
 * as data.gouv.fr exports do). Opening hours are parsed in the browser, by the opening_hours library loaded
 * on demand: this path costs more than the embedded data, which parses them at build time.
 */
export class StandardApiSource implements CandidateSource {
  private places: Promise<{ place: PlaceRecord; schedule: WeeklySchedule | null }[]> | undefined;

  constructor(
    private readonly url: string,
    private readonly fetchFn: Fetch = (url, init) => fetch(url, init),
    private readonly attributionText: Attribution = {
      title: 'Lieux de médiation numérique',
      sources: [{ name: 'Source configurée par le site', licence: 'voir la source', date: '' }],
      notice: 'Données au format du standard national « Lieux de médiation numérique ».',
    },
  ) {}

  async vocabularies(): Promise<Vocabularies> {
    return VOCABULARIES;
  }

  async attribution(): Promise<Attribution> {
    return this.attributionText;
  }

  candidates(): Promise<{ place: PlaceRecord; schedule: WeeklySchedule | null }[]> {
    this.places ??= (async () => {
      const body = await requestJson<StandardRecord[] | { lieux: StandardRecord[] }>(this.url, { fetch: this.fetchFn });
      const records = Array.isArray(body) ? body : body.lieux;
      const { parseOsmHours } = await import('./osm-hours.ts');
      return records
        .map((record) => {
          try {
            return toPlaceRecord(record, VOCABULARIES, record.horaires ? parseOsmHours(record.horaires) : null);
          } catch {
            return null; // A malformed record is skipped; the others are still shown.
          }
        })
        .filter((c): c is NonNullable<typeof c> => c !== null);
    })().catch((error: unknown) => {
      this.places = undefined;
      throw error;
    });
    return this.places;
  }
}
