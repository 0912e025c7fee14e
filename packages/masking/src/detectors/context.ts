import {
  BIRTH_DATE,
  CUES,
  DATE_SHAPE,
  DATED_VALUE,
  INNER_CODE,
  NON_DIGITS,
  PLATE_VALUE,
  SHORT_CODE,
  VALUE_FOLLOWER,
  VALUE_GROUP,
  YEAR,
} from '../patterns.ts';
import { type Candidate, eachMatch, startsWord, tailGroupStart } from '../scan.ts';

/**
 * How much of a value after a cue is the identifier: groups holding a digit, and short capital codes
 * (« 1234567 A », « AB 123 456 »). Stops at the first word (« 1234567 depuis 2019 »). Returns its length, 0 if
 * what follows is no identifier: too few digits, a date, a year, an amount, a cerfa number.
 */
function identifierLength(value: string, after: string): number {
  const groups: RegExpExecArray[] = [];
  VALUE_GROUP.lastIndex = 0;
  for (let group = VALUE_GROUP.exec(value); group; group = VALUE_GROUP.exec(value)) groups.push(group);
  let length = 0;
  let digits = 0;
  let characters = 0;
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    const groupDigits = group[0].replace(NON_DIGITS, '').length;
    // Letters only: a short code at the end (« 1234567 A »), or a code before more digits (« AB 123 456 »).
    const next = groups[i + 1];
    const nextHasDigits = next !== undefined && next[0].replace(NON_DIGITS, '').length > 0;
    if (groupDigits === 0 && !(INNER_CODE.test(group[0]) && nextHasDigits) && !(SHORT_CODE.test(group[0]) && digits > 0)) break;
    digits += groupDigits;
    characters += group[0].length;
    length = group.index + group[0].length;
  }
  if (digits < 4 && !(digits >= 1 && characters >= 6)) return 0;
  const kept = value.slice(0, length);
  if (DATE_SHAPE.test(kept) || DATED_VALUE.test(kept) || YEAR.test(kept)) return 0;
  if (VALUE_FOLLOWER.test(value.slice(length) + after)) return 0;
  return length;
}

/**
 * Identifiers given in context: « numéro d'allocataire : 1234567 », « mon identifiant France Travail est
 * 7654321A », « n° fiscal 12 34 567 890 123 », « dossier n° 2024-000123 », « passeport 12AB34567 »…
 */
export function findContextualIdentifiers(text: string, out: Candidate[]): void {
  for (const kind of Object.keys(CUES) as (keyof typeof CUES)[]) {
    eachMatch(CUES[kind], text, (match) => {
      if (!startsWord(text, match.index)) return false;
      const value = match[1]!;
      const start = tailGroupStart(match, value);
      const end = start + value.length;
      const plate = kind === 'vehicle-registration' ? PLATE_VALUE.exec(value) : null;
      const length = plate ? plate[0].length : identifierLength(value, text.slice(end, end + 8));
      if (length === 0) return false;
      out.push({ start, end: start + length, kind: kind });
      return start + length;
    });
  }
}

/** Dates of birth given in context (« né le 12 mars 1985 », « date de naissance : 03/04/1990 », « née en 1979 »). */
export function findBirthDates(text: string, out: Candidate[]): void {
  eachMatch(BIRTH_DATE, text, (match) => {
    if (!startsWord(text, match.index)) return false;
    const date = match[2]!;
    // A year alone is a date of birth only after « né(e) » (« né en 1985 »), never after « date de naissance ».
    if (YEAR.test(date) && !match[1]) return false;
    const start = tailGroupStart(match, date);
    out.push({ start, end: start + date.length, kind: 'birth-date' });
    return true;
  });
}
