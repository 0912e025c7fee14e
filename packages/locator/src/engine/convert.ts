/**
 * A record of the national standard (as published, `|`-separated lists) → the compact PlaceRecord the widget
 * uses. Shared by the data build and by the API source, so both sides read the standard the same way.
 */
import type { PlaceRecord, Vocabularies, WeeklySchedule } from './types.ts';
import { PASS_NUMERIQUE } from './vocabularies.ts';
import type { ParsedHours } from './osm-hours.ts';

/** The standard's fields this widget reads (all strings as published, except coordinates). */
export interface StandardRecord {
  id: string;
  nom: string;
  commune: string;
  code_postal: string;
  adresse: string;
  complement_adresse?: string;
  latitude?: number | string;
  longitude?: number | string;
  telephone?: string;
  site_web?: string;
  horaires?: string;
  itinerance?: string;
  date_maj: string;
  services?: string;
  publics_specifiquement_adresses?: string;
  prise_en_charge_specifique?: string;
  frais_a_charge?: string;
  dispositif_programmes_nationaux?: string;
  autres_formations_labels?: string;
  presentation_resume?: string;
  presentation_detail?: string;
  modalites_acces?: string;
  modalites_accompagnement?: string;
  fiche_acces_libre?: string;
  prise_rdv?: string;
}

export const listOf = (value: string | undefined) => (value ?? '').split('|').map((v) => v.trim()).filter(Boolean);

function mask(vocabulary: string[], values: string[]): number | undefined {
  let m = 0;
  for (const value of values) {
    const index = vocabulary.indexOf(value);
    if (index >= 0) m |= 1 << index;
  }
  return m === 0 ? undefined : m;
}

const httpUrl = (value: string | undefined) => {
  const first = listOf(value)[0];
  if (!first) return undefined;
  try {
    const url = new URL(/^https?:\/\//i.test(first) ? first : `https://${first}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
};

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

/** The APTIC "pass numérique" appears as a label or in the description. */
export function offersPassNumerique(record: StandardRecord): boolean {
  return /\b(aptic|pass num[ée]riques?)\b/i.test(`${record.autres_formations_labels ?? ''} ${record.presentation_resume ?? ''} ${record.presentation_detail ?? ''}`);
}

export interface Converted {
  place: PlaceRecord;
  schedule: WeeklySchedule | null;
}

export function toPlaceRecord(record: StandardRecord, vocabularies: Vocabularies, hours: ParsedHours | null): Converted | null {
  const lat = Number(record.latitude);
  const lon = Number(record.longitude);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || record.latitude === undefined || record.longitude === undefined) return null;
  const labels = listOf(record.dispositif_programmes_nationaux);
  if (offersPassNumerique(record)) labels.push(PASS_NUMERIQUE);
  const place: PlaceRecord = {
    id: record.id,
    n: record.nom.trim(),
    a: [record.adresse, record.complement_adresse].filter(Boolean).join(', ').trim(),
    z: record.code_postal,
    m: record.commune,
    y: round5(lat),
    x: round5(lon),
    u: record.date_maj,
  };
  const optional: { [K in keyof PlaceRecord]?: PlaceRecord[K] | undefined } = {
    t: record.telephone || undefined,
    w: httpUrl(record.site_web),
    r: httpUrl(record.prise_rdv),
    al: httpUrl(record.fiche_acces_libre),
    hu: record.horaires && hours && !hours.schedule ? 1 : undefined,
    ph: hours?.schedule && hours.closedOnPublicHolidays ? 1 : undefined,
    s: mask(vocabularies.services, listOf(record.services)),
    pu: mask(vocabularies.publics, listOf(record.publics_specifiquement_adresses)),
    ps: mask(vocabularies.specificSupport, listOf(record.prise_en_charge_specifique)),
    f: mask(vocabularies.fees, listOf(record.frais_a_charge)),
    k: mask(vocabularies.supportKinds, listOf(record.modalites_accompagnement)),
    ma: mask(vocabularies.access, listOf(record.modalites_acces)),
    l: mask(vocabularies.labels, labels),
    it: listOf(record.itinerance).includes('Itinérant') ? 1 : undefined,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (place as unknown as Record<string, unknown>)[key] = value;
  return { place, schedule: hours?.schedule ?? null };
}
