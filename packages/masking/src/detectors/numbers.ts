import { ibanChecksumIsValid, ibanLength, luhnIsValid, nirKeyIsValid, nirShapeIsValid, siretIsValid } from '../checksums.ts';
import {
  ALPHANUMERIC,
  AMOUNT_AFTER,
  COMPANY_CONTEXT,
  COMPANY_ID,
  DECIMAL_BEFORE,
  GROUPED_BY_FOUR,
  IBAN,
  IBAN_CONTEXT,
  LONG_DIGITS,
  NIR,
  NIR_CONTEXT,
  NON_ALPHANUMERIC,
  NON_DIGITS,
  NUMBER_BEFORE,
  PAYMENT_CARD,
  RIB,
  TAX_NUMBER,
  VEHICLE_PLATE,
  YEAR,
} from '../patterns.ts';
import { type Candidate, eachMatch, isLetterOrDigit, startsWord } from '../scan.ts';

/** The 60 characters before a match, where « n° de sécu », « IBAN », « SIRET » would stand. */
const before = (text: string, index: number): string => text.slice(Math.max(0, index - 60), index);
/** Lengths of the groups a number was typed in (« 1 85 05 » → 1,2,2). */
const groupLengths = (raw: string): string =>
  raw
    .split(NON_ALPHANUMERIC)
    .filter(Boolean)
    .map((group) => group.length)
    .join(',');
const followedByAmount = (text: string, end: number): boolean => AMOUNT_AFTER.test(text.slice(end, end + 8));

/** How people and forms group a NIR: 1 85 05 78 006 084 36, or not at all. */
const NIR_GROUPINGS = new Set(['1,2,2,2,3,3,2', '1,2,2,2,3,3', '15', '13,2', '1,2,2,2,3,3,3']);

/**
 * NIR. A valid key is proof whatever the spacing. A wrong key or no key: still masked when the number is
 * grouped like a NIR or follows « sécu », « NIR », « carte Vitale » (a mistyped number still identifies someone).
 */
export function findNirs(text: string, out: Candidate[]): void {
  eachMatch(NIR, text, (match) => {
    if (!startsWord(text, match.index)) return false;
    const compact = match[0].replace(NON_ALPHANUMERIC, '');
    if (!nirShapeIsValid(compact)) return false;
    const proven = compact.length === 15 && nirKeyIsValid(compact);
    if (!proven && !NIR_GROUPINGS.has(groupLengths(match[0])) && !NIR_CONTEXT.test(before(text, match.index))) return false;
    out.push({ start: match.index, end: match.index + match[0].length, kind: 'nir' });
    return true;
  });
}

/** Numéro fiscal: 13 digits starting 0–3. Next to « sécu » and shaped like one, it is a NIR without its key. */
export function findTaxNumbers(text: string, out: Candidate[]): void {
  eachMatch(TAX_NUMBER, text, (match) => {
    if (!startsWord(text, match.index) || NUMBER_BEFORE.test(before(text, match.index))) return false;
    const compact = match[0].replace(NON_DIGITS, '');
    const nir = nirShapeIsValid(compact) && NIR_CONTEXT.test(before(text, match.index));
    out.push({ start: match.index, end: match.index + match[0].length, kind: nir ? 'nir' : 'tax-number' });
    return true;
  });
}

/**
 * IBAN of any country with its length. Checksum right: masked whatever the spacing. Checksum wrong (a typo):
 * masked when it has exactly its country's length and is grouped by four or follows « IBAN », « RIB »…
 */
export function findIbans(text: string, out: Candidate[]): void {
  eachMatch(IBAN, text, (match) => {
    if (!startsWord(text, match.index)) return false;
    const raw = match[0];
    const length = ibanLength(raw.slice(0, 2));
    if (!length) return false;
    // Where the country's length ends: the pattern may have run into the words after.
    let count = 0;
    let end = -1;
    for (let i = 0; i < raw.length && end < 0; i++) if (isLetterOrDigit(raw[i]) && ++count === length) end = i + 1;
    if (end < 0) return false;
    const typed = raw.slice(0, end);
    const atBoundary = !isLetterOrDigit(text[match.index + end]);
    const valid = ibanChecksumIsValid(typed.replace(NON_ALPHANUMERIC, ''));
    const groupedByFour = GROUPED_BY_FOUR.test(groupLengths(typed));
    if (!valid && !(atBoundary && (groupedByFour || IBAN_CONTEXT.test(before(text, match.index))))) return false;
    out.push({ start: match.index, end: match.index + end, kind: 'iban' });
    return match.index + end;
  });
}

/** French RIB written in its four parts: a bank account as surely as an IBAN. */
export function findRibs(text: string, out: Candidate[]): void {
  eachMatch(RIB, text, (match) => {
    if (!startsWord(text, match.index)) return false;
    out.push({ start: match.index, end: match.index + match[0].length, kind: 'iban' });
    return true;
  });
}

/** Payment cards (Luhn), not a list of four years (« 2021 2022 2023 2024 »). */
export function findPaymentCards(text: string, out: Candidate[]): void {
  eachMatch(PAYMENT_CARD, text, (match) => {
    if (!startsWord(text, match.index)) return false;
    const groups = match[0].split(NON_ALPHANUMERIC).filter(Boolean);
    if (groups.every((group) => YEAR.test(group)) || !luhnIsValid(groups.join(''))) return false;
    out.push({ start: match.index, end: match.index + match[0].length, kind: 'payment-card' });
    return true;
  });
}

/**
 * SIRET and SIREN. Masked: in a person's story they are mostly their own micro-enterprise's, and a sole
 * trader's number leads to their name and often their home address in the public SIRENE register.
 * A SIRET (14 digits, key right) always; a SIREN (9 digits, key right) next to « SIREN », « entreprise »….
 */
export function findCompanyIds(text: string, out: Candidate[]): void {
  eachMatch(COMPANY_ID, text, (match) => {
    const start = match.index;
    const end = start + match[0].length;
    if (!startsWord(text, start) || NUMBER_BEFORE.test(before(text, start)) || followedByAmount(text, end)) return false;
    const digits = match[0].replace(NON_DIGITS, '');
    const ok = digits.length === 14 ? siretIsValid(digits) : luhnIsValid(digits) && COMPANY_CONTEXT.test(before(text, start));
    if (!ok) return false;
    out.push({ start, end, kind: 'company-id' });
    return true;
  });
}

/** Number plates in the current format (AB-123-CD). */
export function findVehiclePlates(text: string, out: Candidate[]): void {
  eachMatch(VEHICLE_PLATE, text, (match) => {
    if (!startsWord(text, match.index)) return false;
    out.push({ start: match.index, end: match.index + match[0].length, kind: 'vehicle-registration' });
    return true;
  });
}

/**
 * Any run of 9 digits or more that nothing else claimed: a file, invoice or parcel number. No date, year, postcode
 * or amount is written that long; amounts followed by € or % are left, and 08 service lines.
 */
export function findLongDigitRuns(text: string, out: Candidate[]): void {
  eachMatch(LONG_DIGITS, text, (match) => {
    let start = match.index;
    let end = start + match[0].length;
    if (followedByAmount(text, end) || (match[0].length === 10 && match[0].startsWith('08'))) return true;
    if (DECIMAL_BEFORE.test(text.slice(Math.max(0, start - 2), start))) return true;
    // The whole code it belongs to (« 6A12345678901 »), not only its digits.
    for (let steps = 0; steps < 40 && start > 0 && ALPHANUMERIC.test(text[start - 1]!); steps++) start--;
    for (let steps = 0; steps < 40 && end < text.length && ALPHANUMERIC.test(text[end]!); steps++) end++;
    out.push({ start, end, kind: 'file-number' });
    return end;
  });
}
