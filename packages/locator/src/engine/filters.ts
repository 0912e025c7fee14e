/**
 * Filters over places, from the national standard's own vocabularies (the index carries them in order,
 * each place carries bitmasks over them), and the ordering that puts France services first for the procedures
 * of their partners.
 */
import { fold } from '@aide/core';
import type { PlaceRecord, Vocabularies, WeeklySchedule } from './types.ts';
import { openingState } from './hours.ts';

export interface PlaceFilters {
  /** Values of `services` that must all be offered. */
  services?: string[];
  /** Values of `specificSupport` that must all be offered (hearing, visual impairment, illiteracy…). */
  specificSupport?: string[];
  /** Values of `publics` (any of them). */
  publics?: string[];
  /** Values of `supportKinds` (any of them): individual, workshop, remote, on one's own. */
  supportKinds?: string[];
  /** Values of `labels` (any of them). */
  labels?: string[];
  freeOfCharge?: boolean;
  wheelchair?: boolean;
  openNow?: boolean;
}

/** The "prise en charge spécifique" value the data uses for motor disabilities: our wheelchair-access signal. */
export const WHEELCHAIR_VALUE = 'Handicaps moteurs';
export const FREE_VALUE = 'Gratuit';
/** The service most people look for: one of the three filters in sight. */
export const ADMINISTRATIVE_HELP = 'Aide aux démarches administratives';
export const FRANCE_SERVICES_LABEL = 'France Services';

const maskOf = (vocabulary: string[], values: string[] | undefined) =>
  (values ?? []).reduce((mask, value) => {
    const index = vocabulary.indexOf(value);
    return index < 0 ? mask : mask | (1 << index);
  }, 0);

export function hasFlag(vocabulary: string[], mask: number | undefined, value: string): boolean {
  const index = vocabulary.indexOf(value);
  return index >= 0 && ((mask ?? 0) & (1 << index)) !== 0;
}

export function valuesOf(vocabulary: string[], mask: number | undefined): string[] {
  return vocabulary.filter((_, i) => ((mask ?? 0) & (1 << i)) !== 0);
}

/** Builds a predicate once per query, so that scanning thousands of places stays cheap. */
export function placePredicate(
  filters: PlaceFilters,
  vocabularies: Vocabularies,
  now: Date,
  scheduleOf: (place: PlaceRecord) => WeeklySchedule | null,
): (place: PlaceRecord) => boolean {
  const all = (vocabulary: string[], values: string[] | undefined, key: keyof PlaceRecord) => {
    const mask = maskOf(vocabulary, values);
    return mask === 0 ? null : (p: PlaceRecord) => (((p[key] as number | undefined) ?? 0) & mask) === mask;
  };
  const any = (vocabulary: string[], values: string[] | undefined, key: keyof PlaceRecord) => {
    const mask = maskOf(vocabulary, values);
    return mask === 0 ? null : (p: PlaceRecord) => (((p[key] as number | undefined) ?? 0) & mask) !== 0;
  };
  const checks = [
    all(vocabularies.services, filters.services, 's'),
    all(vocabularies.specificSupport, [...(filters.specificSupport ?? []), ...(filters.wheelchair ? [WHEELCHAIR_VALUE] : [])], 'ps'),
    any(vocabularies.publics, filters.publics, 'pu'),
    any(vocabularies.supportKinds, filters.supportKinds, 'k'),
    any(vocabularies.labels, filters.labels, 'l'),
    filters.freeOfCharge ? all(vocabularies.fees, [FREE_VALUE], 'f') : null,
    filters.openNow ? (p: PlaceRecord) => openingState(scheduleOf(p), now).state === 'open' : null,
  ].filter((c): c is (p: PlaceRecord) => boolean => c !== null);
  return (place) => checks.every((check) => check(place));
}

/**
 * Procedures of France services' national partners (CAF, impôts/DGFiP, France Travail, Assurance Maladie,
 * Assurance retraite, MSA, ANTS, La Poste, Justice): for them, France services come first in the results.
 * Matched on words of the procedure id or of the tutorial's procedures, e.g. "declaration-trimestrielle-caf".
 */
const PARTNER_WORDS = [
  'caf', 'apl', 'rsa', 'allocation', 'allocations', 'prime', 'logement',
  'impot', 'impots', 'dgfip', 'fiscal', 'revenus', 'declaration', 'taxe',
  'france travail', 'pole emploi', 'chomage', 'actualisation', 'emploi',
  'ameli', 'cpam', 'assurance maladie', 'sante', 'carte vitale', 'css',
  'retraite', 'cnav', 'carsat', 'msa', 'agricole',
  'ants', 'carte grise', 'immatriculation', 'permis', 'passeport', 'identite',
  'justice', 'la poste',
];

export function isFranceServicesPartnerProcedure(procedure: string | null | undefined): boolean {
  if (!procedure) return false;
  const words = ` ${fold(procedure)} `;
  return PARTNER_WORDS.some((word) => words.includes(` ${word} `));
}
