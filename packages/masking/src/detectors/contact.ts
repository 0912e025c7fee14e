import {
  AMOUNT_AFTER,
  AT_MARKER,
  DATE_SHAPE,
  DATED_VALUE,
  EMAIL,
  LOCAL_PART_CHAR,
  NON_DIGITS,
  NUMBER_BEFORE,
  PHONE_CUE,
  PHONE_FR,
  PHONE_FR_INTL,
  PHONE_INTL,
  WEBMAIL,
} from '../patterns.ts';
import { type Candidate, eachMatch, startsWord, tailGroupStart } from '../scan.ts';

/**
 * E-mail addresses. A plain `local@domain` is always one; a spaced or spelled-out one (« arobase », « (at) »)
 * needs a dotted domain (« gmail point com ») to be told from a sentence.
 */
export function findEmails(text: string, out: Candidate[]): void {
  // Most stories hold no address: scan only around each « @ » or « arobase », 200 characters either side.
  let windowStart = -1;
  let windowEnd = -1;
  AT_MARKER.lastIndex = 0;
  for (let marker = AT_MARKER.exec(text); ; marker = AT_MARKER.exec(text)) {
    if (marker && windowStart >= 0 && marker.index - 200 <= windowEnd) {
      windowEnd = Math.min(text.length, marker.index + 200);
      continue;
    }
    if (windowStart >= 0) findEmailsIn(text, windowStart, windowEnd, out);
    if (!marker) break;
    windowStart = Math.max(0, marker.index - 200);
    windowEnd = Math.min(text.length, marker.index + 200);
  }
}

function findEmailsIn(text: string, from: number, to: number, out: Candidate[]): void {
  const window = text.slice(from, to);
  eachMatch(EMAIL, window, (match) => {
    const marker = match[1]!;
    const dottedDomain = match[2]!.length > 0;
    // Without a dotted domain only « jean@gmail » counts: « Cyber@base », « M@ison » are names of places.
    const domain = match[0].slice(match[0].indexOf(marker) + marker.length);
    if (!dottedDomain && !((marker === '@' || marker === '＠') && WEBMAIL.test(domain))) return false;
    // A local part longer than the pattern's bound, or after dots it did not take: reach its real start.
    let start = from + match.index;
    for (let steps = 0; steps < 128 && start > 0 && LOCAL_PART_CHAR.test(text[start - 1]!); steps++) start--;
    out.push({ start, end: from + match.index + match[0].length, kind: 'email' });
    return true;
  });
}

/** A number followed by €, % (an amount). */
const isAmount = (text: string, end: number): boolean => AMOUNT_AFTER.test(text.slice(end, end + 8));
/** « 2 005 123 456 »: 00 there continues an amount, it is no international prefix. */
const continuesNumber = (text: string, start: number): boolean =>
  text.startsWith('00', start) && NUMBER_BEFORE.test(text.slice(Math.max(0, start - 2), start));

/**
 * National form of a French number, to recognise the administration's own lines: 08 numbers are services
 * (« 0 806 000 245 » Solidarité Numérique, 0 800 free numbers…), never a person's.
 */
function isServiceLine(number: string): boolean {
  let digits = number.replace(NON_DIGITS, '');
  if (digits.startsWith('0033')) digits = digits.slice(4);
  else if (number.trimStart().startsWith('+') || number.trimStart().startsWith('(+')) digits = digits.startsWith('33') ? digits.slice(2) : digits;
  if (!digits.startsWith('0')) digits = `0${digits}`;
  return digits.startsWith('08');
}

/**
 * Phone numbers: French in every notation (06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6…, +33 (0)6…,
 * 0033…, overseas 0590…/+590…), international, and any number given after « tél », « portable », « joignable au »
 * even when mistyped. Short numbers (3949, 3646, 3230…) never match; 08 lines are services and are kept.
 */
export function findPhones(text: string, out: Candidate[]): void {
  const strict = (match: RegExpExecArray): boolean => {
    const start = match.index;
    const end = start + match[0].length;
    if (!startsWord(text, start) || text[start - 1] === '+') return false;
    if (isAmount(text, end) || continuesNumber(text, start) || isServiceLine(match[0])) return false;
    out.push({ start, end, kind: 'phone' });
    return true;
  };
  eachMatch(PHONE_FR, text, strict);
  eachMatch(PHONE_FR_INTL, text, strict);
  eachMatch(PHONE_INTL, text, strict);
  eachMatch(PHONE_CUE, text, (match) => {
    if (!startsWord(text, match.index)) return false;
    const value = match[1]!;
    const start = tailGroupStart(match, value);
    const end = start + value.length;
    if (DATE_SHAPE.test(value) || DATED_VALUE.test(value) || isAmount(text, end) || isServiceLine(value)) return false;
    out.push({ start, end, kind: 'phone' });
    return true;
  });
}
