/**
 * The locator's static data format, shared by the data build (scripts/build-locator-data.ts) and the browser.
 * Compact on purpose: one search from a cold cache must download well under 60 KB gzip.
 */

/** Seven days, Monday first; each day a list of [start, end) in minutes since midnight, Paris wall-clock time. */
export type WeeklySchedule = [number, number][][];

/** One place (lieu de médiation numérique), short keys to keep shards small. */
export interface PlaceRecord {
  /**
   * Identifier: the source's for API records; for embedded shards "<département>-<position>", given when the
   * shard is loaded (not stored: it would weigh 15 % of a shard).
   */
  id: string;
  /** Name. */
  n: string;
  /** Street address (with its complement). */
  a: string;
  /** Postal code. */
  z: string;
  /** Commune. */
  m: string;
  /** Latitude, longitude (WGS84, 5 decimals). */
  y: number;
  x: number;
  /** 1 when the position is only the commune's centre. */
  ap?: 1;
  /** Phone number, E.164 (+33…). */
  t?: string;
  /** Website. */
  w?: string;
  /** Online appointment page. */
  r?: string;
  /** acceslibre.beta.gouv.fr accessibility sheet. */
  al?: string;
  /** Index of the weekly schedule in the shard's `schedules`. */
  h?: number;
  /** 1 when hours were given but could not be read (shown as "se renseigner", never guessed). */
  hu?: 1;
  /** 1 when the hours say closed on public holidays. */
  ph?: 1;
  /** Bitmasks over the index's vocabularies. */
  s?: number;
  pu?: number;
  ps?: number;
  f?: number;
  k?: number;
  ma?: number;
  l?: number;
  /** 1 for a mobile (itinerant) service. */
  it?: 1;
  /** Date of the record's last update (YYYY-MM-DD). */
  u: string;
}

export interface Shard {
  v: 1;
  /** Département (or collectivité) code: "75", "2A", "974", "988". */
  code: string;
  schedules: WeeklySchedule[];
  places: PlaceRecord[];
  /** In a France services file (fs-<code>.json): each place's position in the full shard (its identifier). */
  positions?: number[];
}

export interface Vocabularies {
  /** Services (standard field `services`). */
  services: string[];
  /** Publics spécifiquement adressés. */
  publics: string[];
  /** Prise en charge spécifique (hearing, visual, motor impairment, illiteracy, languages…). */
  specificSupport: string[];
  /** Frais à charge. */
  fees: string[];
  /** Modalités d'accompagnement. */
  supportKinds: string[];
  /** Modalités d'accès. */
  access: string[];
  /** Labels: dispositifs nationaux, plus "Pass numérique". */
  labels: string[];
  /**
   * The values shown in other words in French, where the standard's are not plain (a typo, a slash, a network's bare
   * name): value → words. The others are shown as they are. English and Arabic have their own words in their
   * catalogues, keyed by the same values.
   */
  plainFr: Record<string, string>;
}

export interface ShardInfo {
  code: string;
  name: string;
  /** [minLat, minLon, maxLat, maxLon] of its places. */
  bbox: [number, number, number, number];
  count: number;
  file: string;
  gzipBytes: number;
  /** The shard's France services alone (absent when it has none), read instead of the shard in partner mode. */
  franceServices?: { file: string; count: number; gzipBytes: number };
}

export interface Attribution {
  title: string;
  sources: { name: string; licence: string; url?: string; date: string }[];
  notice: string;
}

export interface PlacesIndex {
  v: 1;
  /** Content hash of the data: changes when any shard changes. */
  version: string;
  dataDate: string;
  count: number;
  vocabularies: Vocabularies;
  shards: ShardInfo[];
  attribution: Attribution;
  /** File names under the index's folder. */
  files: { phoneLine: string; communesIndex: string };
}

/** A commune as the geocoder knows it: [name, département, INSEE code, lat, lon, population] (lat/lon may be null). */
export type CommuneEntry = [string, string, string, number | null, number | null, number];

/** postcodes/<prefix>.json: postal code → communes. */
export type PostcodeShard = Record<string, CommuneEntry[]>;

/** communes/<file>.json: folded search keys → communes. */
export interface NameShard {
  /** [folded key, index into `communes`] sorted by key. */
  keys: [string, number][];
  communes: CommuneEntry[];
}

/** communes/index.json: which name shards exist, and which postcode prefixes. */
export interface CommunesIndex {
  v: 1;
  nameShards: string[];
  postcodePrefixes: string[];
}

/** The national phone line, a file an operator edits by hand. */
export interface PhoneLineConfig {
  name: string;
  /** As displayed: "01 70 772 372". */
  display: string;
  /** E.164 for the tel: link. */
  tel: string;
  /** What the call costs and what the service costs, in plain French. */
  cost: string;
  description: string;
  /** Opening hours per day, Paris time: { "mo": [["09:00", "18:00"]], … } (days: mo tu we th fr sa su). */
  hours: Partial<Record<'mo' | 'tu' | 'we' | 'th' | 'fr' | 'sa' | 'su', [string, string][]>>;
  /** Days the line is closed: public holidays and exceptional closures, inclusive dates. */
  closures: { from: string; to: string; label: string }[];
  source: string;
}
