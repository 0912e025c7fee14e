/**
 * Where places come from, behind one interface: the static shards embedded with the widget (default, no server),
 * or a URL returning records in the national standard schema. And the geocoder over the embedded commune index.
 */
import { requestJson } from '@aide/core';
import type {
  Attribution,
  CommuneEntry,
  CommunesIndex,
  NameShard,
  PhoneLineConfig,
  PlaceRecord,
  PlacesIndex,
  PostcodeShard,
  Shard,
  Vocabularies,
  WeeklySchedule,
} from './types.ts';
import { distanceToBoxKm, haversineKm, type Point } from './geo.ts';
import { FRANCE_SERVICES_LABEL, hasFlag, placePredicate, type PlaceFilters } from './filters.ts';
import { districtKey, nameKey, nameShardFor, postcodeShardId, shardFileId, type LocationQuery } from './query.ts';

export interface PlaceResult {
  place: PlaceRecord;
  distanceKm: number;
  schedule: WeeklySchedule | null;
}

export interface NearestOptions {
  /** How many places (default 10). */
  limit?: number;
  filters?: PlaceFilters;
  /** Put France services first (procedures of their partners). */
  franceServicesFirst?: boolean;
  /** Never look farther than this (default 150 km). */
  maxKm?: number;
  /** "Now", for the "open now" filter (tests pass a fixed date). */
  now?: Date | undefined;
}

export interface PlaceSource {
  vocabularies(): Promise<Vocabularies>;
  attribution(): Promise<Attribution>;
  nearest(point: Point, options?: NearestOptions): Promise<PlaceResult[]>;
}

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** Every data file goes through core's request: a timeout, and a typed error the element turns into words. */
function getJson<T>(fetchFn: Fetch, url: string): Promise<T> {
  return requestJson<T>(url, { fetch: fetchFn });
}

/** Distance in km, rounded to 100 m as shown to people. */
const roundKm = (km: number) => Math.round(km * 10) / 10;

/**
 * Collects the nearest places as candidates arrive (shard after shard), keeping only what can still be shown:
 * the `limit` nearest matching places, and the 3 nearest France services within 30 km when they go first.
 */
export class NearestCollector {
  private readonly best: PlaceResult[] = [];
  private readonly franceServices: PlaceResult[] = [];
  private readonly predicate: (place: PlaceRecord) => boolean;
  private scheduleOfCurrent: WeeklySchedule | null = null;

  constructor(
    private readonly point: Point,
    private readonly vocabularies: Vocabularies,
    private readonly options: NearestOptions,
  ) {
    this.predicate = placePredicate(options.filters ?? {}, vocabularies, options.now ?? new Date(), () => this.scheduleOfCurrent);
  }

  get limit(): number {
    return this.options.limit ?? 10;
  }

  add(place: PlaceRecord, schedule: WeeklySchedule | null): void {
    const distanceKm = haversineKm(this.point, { lat: place.y, lon: place.x });
    if (distanceKm > (this.options.maxKm ?? 150)) return;
    const full = this.best.length >= this.limit;
    const fsWanted = this.options.franceServicesFirst && distanceKm <= 30 && hasFlag(this.vocabularies.labels, place.l, FRANCE_SERVICES_LABEL);
    if (full && distanceKm > this.best[this.best.length - 1]!.distanceKm && !fsWanted) return;
    this.scheduleOfCurrent = schedule;
    if (!this.predicate(place)) return;
    const result = { place, schedule, distanceKm };
    insertSorted(this.best, result, this.limit);
    if (fsWanted) insertSorted(this.franceServices, result, 3);
  }

  /** Distance of the farthest kept place, Infinity while fewer than `limit` are known. */
  get horizonKm(): number {
    return this.best.length >= this.limit ? this.best[this.best.length - 1]!.distanceKm : Infinity;
  }

  results(): PlaceResult[] {
    let chosen = this.best;
    if (this.options.franceServicesFirst) {
      const fs = new Set(this.franceServices);
      const rest = this.best.filter((r) => !fs.has(r) && !(r.distanceKm <= 30 && hasFlag(this.vocabularies.labels, r.place.l, FRANCE_SERVICES_LABEL)));
      const nearbyFs = [...this.franceServices, ...this.best.filter((r) => !fs.has(r) && !rest.includes(r))].sort(byDistance);
      chosen = [...nearbyFs, ...rest].slice(0, this.limit);
    }
    return chosen.map((c) => ({ ...c, distanceKm: roundKm(c.distanceKm) }));
  }
}

const byDistance = (a: PlaceResult, b: PlaceResult) => a.distanceKm - b.distanceKm || (a.place.id < b.place.id ? -1 : a.place.id > b.place.id ? 1 : 0);

function insertSorted(list: PlaceResult[], item: PlaceResult, max: number): void {
  let i = list.length;
  while (i > 0 && byDistance(list[i - 1]!, item) > 0) i--;
  if (i >= max) return;
  list.splice(i, 0, item);
  if (list.length > max) list.pop();
}

/** The nearest places among candidates, nearest first (France services first on demand). */
export function rankNearest(
  point: Point,
  candidates: { place: PlaceRecord; schedule: WeeklySchedule | null }[],
  vocabularies: Vocabularies,
  options: NearestOptions,
): PlaceResult[] {
  const collector = new NearestCollector(point, vocabularies, options);
  for (const c of candidates) collector.add(c.place, c.schedule);
  return collector.results();
}

/** The embedded static data: loads only the département shards a query needs, nearest first, and keeps them. */
export class StaticShardSource implements PlaceSource {
  private index: Promise<PlacesIndex> | undefined;
  private readonly shards = new Map<string, Promise<Shard>>();

  constructor(
    /** URL of places/index.json. */
    private readonly indexUrl: string,
    private readonly fetchFn: Fetch = (url, init) => fetch(url, init),
  ) {}

  loadIndex(): Promise<PlacesIndex> {
    this.index ??= getJson<PlacesIndex>(this.fetchFn, this.indexUrl).catch((error: unknown) => {
      this.index = undefined;
      throw error;
    });
    return this.index;
  }

  async vocabularies(): Promise<Vocabularies> {
    return (await this.loadIndex()).vocabularies;
  }

  async attribution(): Promise<Attribution> {
    return (await this.loadIndex()).attribution;
  }

  fileUrl(file: string): string {
    return new URL(file, new URL(this.indexUrl, globalThis.location?.href ?? 'http://localhost/')).href;
  }

  private loadShard(file: string): Promise<Shard> {
    let shard = this.shards.get(file);
    if (!shard) {
      shard = getJson<Shard>(this.fetchFn, this.fileUrl(file)).then((loaded) => {
        // A France services file numbers its places as the full shard does: the same place, the same id.
        loaded.places.forEach((place, i) => (place.id = `${loaded.code}-${loaded.positions?.[i] ?? i}`));
        return loaded;
      });
      this.shards.set(file, shard);
      shard.catch(() => this.shards.delete(file));
    }
    return shard;
  }

  async nearest(point: Point, options: NearestOptions = {}): Promise<PlaceResult[]> {
    const index = await this.loadIndex();
    const maxKm = options.maxKm ?? 150;
    const order = index.shards
      .map((info) => ({ info, bound: distanceToBoxKm(point, info.bbox) }))
      .filter((s) => s.bound <= maxKm)
      .sort((a, b) => a.bound - b.bound);
    const collector = new NearestCollector(point, index.vocabularies, options);
    // The shards whose box holds the point are always read (nothing can be nearer than 0 km), and in partner mode so
    // are, most often, the France services within 30 km: fetched together, one round trip for all, not one after
    // another (Lille: the Nord's and the Pas-de-Calais's shards; Roubaix: the Nord's, and the Pas-de-Calais's France
    // services). At worst a France services file is read for nothing (a few hundred bytes) when its whole shard is
    // needed after all.
    for (const { info, bound } of order) {
      const file = bound === 0 ? info.file : options.franceServicesFirst && bound <= 30 ? info.franceServices?.file : undefined;
      if (file) this.loadShard(file).catch(() => undefined);
    }
    for (const { info, bound } of order) {
      // Every kept place is nearer than anything this shard (and the farther ones) could hold: done.
      // France services first also needs the France services within 30 km: from a shard that can hold nothing
      // nearer than the places kept, only its France services (a small file), unless the whole shard is at hand.
      const nearerPossible = bound <= collector.horizonKm;
      if (!nearerPossible && (!options.franceServicesFirst || bound > 30)) break;
      const file = nearerPossible || this.shards.has(info.file) ? info.file : info.franceServices?.file;
      if (!file) continue;
      const shard = await this.loadShard(file);
      for (const place of shard.places) collector.add(place, place.h === undefined ? null : (shard.schedules[place.h] ?? null));
    }
    return collector.results();
  }

  /** Every place of every shard (benchmarks and tests over the whole dataset). */
  async loadAll(): Promise<void> {
    const index = await this.loadIndex();
    await Promise.all(index.shards.map((s) => this.loadShard(s.file)));
  }
}

/** Places read all at once (from an address in the standard's schema), ranked by `rankedSource`. */
export interface CandidateSource {
  vocabularies(): Promise<Vocabularies>;
  attribution(): Promise<Attribution>;
  candidates(): Promise<{ place: PlaceRecord; schedule: WeeklySchedule | null }[]>;
}

/**
 * A place source over places read all at once, whose code may come in a chunk of its own, loaded when first asked
 * (the API source: most pages never need it; it imports nothing of this module at run time, so that the bundler
 * makes no chunk shared by the two). A load that failed is tried again at the next question (« Réessayer »).
 */
export function rankedSource(load: () => Promise<CandidateSource>): PlaceSource {
  let source: Promise<CandidateSource> | undefined;
  const get = () =>
    (source ??= load().catch((error: unknown) => {
      source = undefined;
      throw error;
    }));
  return {
    vocabularies: async () => (await get()).vocabularies(),
    attribution: async () => (await get()).attribution(),
    nearest: async (point, options = {}) => {
      const places = await get();
      return rankNearest(point, await places.candidates(), await places.vocabularies(), options);
    },
  };
}

/** Postal codes and commune names → communes with their centre, from the embedded index. */
export class Geocoder {
  private index: Promise<CommunesIndex> | undefined;
  private readonly files = new Map<string, Promise<unknown>>();

  private readonly base: URL;

  constructor(
    /** URL of places/index.json (the geocoding files sit beside it). */
    placesIndexUrl: string,
    private readonly fetchFn: Fetch = (url, init) => fetch(url, init),
  ) {
    this.base = new URL('.', new URL(placesIndexUrl, globalThis.location?.href ?? 'http://localhost/'));
  }

  private loadIndex(): Promise<CommunesIndex> {
    this.index ??= getJson<CommunesIndex>(this.fetchFn, new URL('communes/index.json', this.base).href).catch((error: unknown) => {
      this.index = undefined;
      throw error;
    });
    return this.index;
  }

  private load<T>(file: string): Promise<T> {
    let loaded = this.files.get(file);
    if (!loaded) {
      loaded = getJson<T>(this.fetchFn, new URL(file, this.base).href);
      this.files.set(file, loaded);
      loaded.catch(() => this.files.delete(file));
    }
    return loaded as Promise<T>;
  }

  /**
   * Fetches the communes index ahead, when the person reaches the field: on slow 3G the search then waits one round
   * trip less. A failure is forgotten; the search asks again.
   */
  warm(): void {
    this.loadIndex().catch(() => undefined);
  }

  /** Communes of a postal code (several when the code is shared), biggest first; empty when unknown. */
  async postcode(code: string): Promise<CommuneEntry[]> {
    const index = await this.loadIndex();
    const prefix = postcodeShardId(code);
    if (!index.postcodePrefixes.includes(prefix)) return [];
    const shard = await this.load<PostcodeShard>(`postcodes/${prefix}.json`);
    return shard[code] ?? [];
  }

  /**
   * Communes whose name starts with what was typed (a folded key from `nameKey`), best first: exact names,
   * then prefixes; bigger communes first among equals. Homonyms stay apart by their département.
   */
  async suggest(key: string, limit = 8): Promise<CommuneEntry[]> {
    const index = await this.loadIndex();
    const shardId = nameShardFor(key, index.nameShards);
    if (shardId === null) return [];
    const shard = await this.load<NameShard>(`communes/${shardFileId(shardId)}.json`);
    const seen = new Set<number>();
    const exact: CommuneEntry[] = [];
    const prefix: CommuneEntry[] = [];
    for (const [candidate, i] of shard.keys) {
      if (seen.has(i) || !candidate.startsWith(key)) continue;
      seen.add(i);
      (candidate === key ? exact : prefix).push(shard.communes[i]!);
    }
    const byPopulation = (a: CommuneEntry, b: CommuneEntry) => b[5] - a[5] || a[0].localeCompare(b[0], 'fr');
    return [...exact.sort(byPopulation), ...prefix.sort(byPopulation)].slice(0, limit);
  }
}

/**
 * What a query found: the communes to suggest, best first; the one it names for sure (`match`), if any; and what the
 * other communes share with it (the same postal code, or the same name: homonyms).
 */
export interface GeocodeResult {
  communes: CommuneEntry[];
  match: CommuneEntry | null;
  sharing: 'postcode' | 'name';
}

/** Whether every word typed is a word of the commune's name ("paris" in "Paris 15e Arrondissement"). */
function namesCommune(typedKey: string, commune: CommuneEntry): boolean {
  const words = new Set(nameKey(commune[0]).split(' '));
  return typedKey.split(' ').every((word) => words.has(word));
}

/**
 * The communes a parsed query means, for suggestions and for the search: a postal code's communes (the one named, when
 * a name was typed too, first); an arrondissement ("Lyon 3"); a name's homonyms, settled by a département in
 * brackets; else the communes whose name starts so.
 */
export async function geocode(geocoder: Geocoder, query: Exclude<LocationQuery, { kind: 'invalid' }>, limit = 8): Promise<GeocodeResult> {
  if (query.kind === 'postcode') {
    const all = await geocoder.postcode(query.code);
    const name = query.name;
    if (!name) return { communes: all, match: all[0] ?? null, sharing: 'postcode' };
    const named = all.filter((c) => namesCommune(name, c));
    if (named.length > 0) return { communes: [...named, ...all.filter((c) => !named.includes(c))], match: named[0]!, sharing: 'postcode' };
    // A name that is not one of this code's communes: the name decides, in the code's département when it has one.
    const byName = await geocode(geocoder, { kind: 'name', key: name, text: name }, limit);
    if (byName.match && query.code.startsWith(byName.match[1])) return byName;
    return all.length > 0 ? { communes: all, match: all[0]!, sharing: 'postcode' } : byName;
  }
  const found = await geocoder.suggest(query.key, limit);
  if (query.district) {
    const key = districtKey(query.key, query.district);
    const [district] = await geocoder.suggest(key, 1);
    if (district && nameKey(district[0]) === key) return { communes: [district, ...found.filter((c) => c !== district)].slice(0, limit), match: district, sharing: 'name' };
  }
  const exact = found.filter((c) => nameKey(c[0]) === query.key && (!query.departement || c[1] === query.departement));
  // The communes of that exact name first (homonyms), then those whose name starts so: still suggestions.
  return { communes: [...exact, ...found.filter((c) => !exact.includes(c))], match: exact[0] ?? null, sharing: 'name' };
}

/** The national phone line's configuration, fetched next to the places index. */
export async function loadPhoneLine(url: string, fetchFn: Fetch = (u, init) => fetch(u, init)): Promise<PhoneLineConfig> {
  return getJson<PhoneLineConfig>(fetchFn, url);
}
