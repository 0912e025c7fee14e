import { findAddresses } from './detectors/address.ts';
import { findEmails, findPhones } from './detectors/contact.ts';
import { findBirthDates, findContextualIdentifiers } from './detectors/context.ts';
import { findNames } from './detectors/names.ts';
import {
  findCompanyIds,
  findIbans,
  findLongDigitRuns,
  findNirs,
  findPaymentCards,
  findRibs,
  findTaxNumbers,
  findVehiclePlates,
} from './detectors/numbers.ts';
import {
  KIND_PRECEDENCE,
  PERSONAL_DATA_KINDS,
  PLACEHOLDERS,
  type PersonalDataKind,
  type PlaceholderLocale,
  type Placeholders,
} from './kinds.ts';
import { CONTACT_NOISE, FRENCH_PREFIX, INVISIBLE, JOINER_IN_WORD } from './patterns.ts';
import type { Candidate } from './scan.ts';

/** What was masked: its kind and where its placeholder stands in the masked text. Never the value. */
export interface MaskedPassage {
  kind: PersonalDataKind;
  /** Offset of the placeholder in the masked text (UTF-16 code units, like `String.prototype.slice`). */
  start: number;
  /** Offset just after the placeholder in the masked text. */
  end: number;
}

/** The masked text and what was masked in it. */
export interface MaskResult {
  text: string;
  /** In the order of the text. Placeholders already in the input are listed too. */
  found: MaskedPassage[];
}

/** Options of {@link maskPersonalData} and {@link maskRanges}. */
export interface MaskOptions {
  /** Language of the placeholders: `fr` (default), `en`, `ar`. */
  locale?: PlaceholderLocale;
  /** Replaces some placeholders of the chosen language (« [courriel retiré] » for `email`…). */
  placeholders?: Partial<Placeholders>;
  /**
   * Public contacts that are never masked: the phone numbers and e-mail addresses a service publishes
   * (`['01 23 45 67 89', 'contact@ma-ville.fr']`). Compared without spaces, dots, dashes or case; +33 and 0033
   * equal 0. Short numbers (3949…) and 08 lines are kept without being listed.
   */
  keep?: readonly string[];
}

/** A passage to mask by hand, in the text given to {@link maskRanges}. */
export interface Range {
  start: number;
  end: number;
  /** Defaults to `other`. */
  kind?: PersonalDataKind;
}

const DETECTORS: readonly ((text: string, out: Candidate[]) => void)[] = [
  findEmails,
  findIbans,
  findRibs,
  findNirs,
  findPaymentCards,
  findTaxNumbers,
  findCompanyIds,
  findPhones,
  findVehiclePlates,
  findContextualIdentifiers,
  findBirthDates,
  findLongDigitRuns,
  findAddresses,
  findNames,
];

/**
 * Finds and masks personal data in a free text written in French: e-mail addresses, phone numbers, NIR, IBAN,
 * card, tax, benefit, France Travail, identity document, SIRET, file and plate numbers, postal addresses,
 * people's names, dates of birth. Each is replaced by a readable placeholder (« [adresse e-mail masquée] »).
 *
 * The text is first normalised (Unicode NFC, invisible characters removed), so the masked text may differ from
 * the input outside the placeholders by those characters only. Placeholders already present (from an earlier
 * pass, in any language) are recognised, translated to `options.locale` and listed in `found`: masking twice
 * gives the same result, so the collector can re-mask what the widget already masked.
 *
 * Runs in linear time on any input (no catastrophic backtracking); same result in browsers and in Node.
 *
 * @example
 * maskPersonalData('Je m’appelle Jean Dupont, mon numéro : 06 12 34 56 78.')
 * // → { text: 'Je m’appelle [nom masqué], mon numéro : [numéro de téléphone masqué].',
 * //     found: [{ kind: 'name', start: 13, end: 25 }, { kind: 'phone', start: 40, end: 68 }] }
 * @throws {TypeError} when `text` is not a string.
 */
export function maskPersonalData(text: string, options: MaskOptions = {}): MaskResult {
  if (typeof text !== 'string') throw new TypeError('maskPersonalData : le texte doit être une chaîne de caractères.');
  const clean = text.normalize('NFC').replace(INVISIBLE, '').replace(JOINER_IN_WORD, '$1');
  const placeholders = placeholdersFor(options);
  const candidates: Candidate[] = [];
  for (const detect of DETECTORS) detect(clean, candidates);
  findPlaceholders(clean, placeholders, candidates);
  if (options.keep?.length) {
    const kept = new Set(options.keep.map(contactKey));
    const keptContacts = candidates.filter((c) => (c.kind === 'phone' || c.kind === 'email') && kept.has(contactKey(clean.slice(c.start, c.end))));
    // What lies inside a kept contact goes with it (« 0123456789 » is also a run of digits).
    const inKeptContact = (c: Candidate) => keptContacts.some((k) => c.start >= k.start && c.end <= k.end);
    return apply(clean, candidates.filter((c) => !inKeptContact(c)), placeholders);
  }
  return apply(clean, candidates, placeholders);
}

/** « +33 (0)1 23 45 67 89 » and « 01.23.45.67.89 » → « 0123456789 »; e-mail addresses in lower case. */
function contactKey(contact: string): string {
  const key = contact.replace(CONTACT_NOISE, '').toLowerCase();
  return key.includes('@') ? key : key.replace(FRENCH_PREFIX, '0');
}

/**
 * Masks passages chosen by hand, for a moderator adjusting the masking of a story. Offsets are those of `text`
 * (UTF-16 code units). Overlapping ranges are masked as one. Placeholders already in the text are recognised and
 * listed in `found`, as with {@link maskPersonalData}; nothing else is detected.
 *
 * @throws {TypeError} when `text` is not a string.
 * @throws {RangeError} when a range is not within the text or ends before it starts.
 */
export function maskRanges(text: string, ranges: readonly Range[], options: MaskOptions = {}): MaskResult {
  if (typeof text !== 'string') throw new TypeError('maskRanges : le texte doit être une chaîne de caractères.');
  const placeholders = placeholdersFor(options);
  const candidates: Candidate[] = [];
  for (const range of ranges) {
    const { start, end, kind = 'other' } = range;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
      throw new RangeError(`maskRanges : le passage ${start}–${end} n’est pas dans le texte (longueur ${text.length}).`);
    }
    if (!PERSONAL_DATA_KINDS.includes(kind)) throw new RangeError(`maskRanges : genre inconnu « ${String(kind)} ».`);
    candidates.push({ start, end, kind });
  }
  findPlaceholders(text, placeholders, candidates);
  return apply(text, candidates, placeholders);
}

function placeholdersFor(options: MaskOptions): Placeholders {
  const base = PLACEHOLDERS[options.locale ?? 'fr'] ?? PLACEHOLDERS.fr;
  return options.placeholders ? { ...base, ...options.placeholders } : base;
}

/** Placeholders of every language, and the caller's own: masked text that comes back is recognised. */
function findPlaceholders(text: string, own: Placeholders, out: Candidate[]): void {
  const known = new Map<string, PersonalDataKind>();
  for (const catalogue of [PLACEHOLDERS.ar, PLACEHOLDERS.en, PLACEHOLDERS.fr, own]) {
    for (const kind of PERSONAL_DATA_KINDS) if (catalogue[kind]) known.set(catalogue[kind], kind);
  }
  const longest = Math.max(...[...known.keys()].map((placeholder) => placeholder.length));
  for (let index = text.indexOf('['); index >= 0; index = text.indexOf('[', index + 1)) {
    // Only as far as the longest placeholder: never a scan to the end of the text for each « [ ».
    const reach = text.slice(index, index + longest);
    // Own placeholders may hold brackets: try each « ] » within reach, shortest first.
    for (let close = reach.indexOf(']'); close > 0; close = reach.indexOf(']', close + 1)) {
      const kind = known.get(reach.slice(0, close + 1));
      if (kind) {
        out.push({ start: index, end: index + close + 1, kind });
        break;
      }
    }
  }
}

const rank = (kind: PersonalDataKind): number => KIND_PRECEDENCE.indexOf(kind);

/** Overlapping passages become one, under the kind ranked first; then each is replaced by its placeholder. */
function apply(text: string, candidates: Candidate[], placeholders: Placeholders): MaskResult {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Candidate[] = [];
  for (const candidate of candidates) {
    const last = merged[merged.length - 1];
    if (last && candidate.start < last.end) {
      last.end = Math.max(last.end, candidate.end);
      if (rank(candidate.kind) < rank(last.kind)) last.kind = candidate.kind;
    } else merged.push({ ...candidate });
  }
  let masked = '';
  let cursor = 0;
  const found: MaskedPassage[] = [];
  for (const { start, end, kind } of merged) {
    masked += text.slice(cursor, start);
    const placeholder = placeholders[kind];
    found.push({ kind, start: masked.length, end: masked.length + placeholder.length });
    masked += placeholder;
    cursor = end;
  }
  masked += text.slice(cursor);
  return { text: masked, found };
}
