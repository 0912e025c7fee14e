/**
 * Check digits of the identifiers we recognise. A valid key makes a match certain whatever its spacing;
 * detectors decide what to do with a wrong key (a mistyped number still identifies its owner).
 * Strings only, digit by digit: no BigInt, no Number overflow.
 */

/** Remainder of a long decimal string modulo 97. */
function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i++) remainder = (remainder * 10 + digits.charCodeAt(i) - 48) % 97;
  return remainder;
}

/**
 * NIR (numéro de sécurité sociale): 13 characters + 2-digit key = 97 − (number mod 97).
 * Corsica's departments 2A and 2B count as 19 and 18 in the computation.
 */
export function nirKeyIsValid(nir: string): boolean {
  if (nir.length !== 15) return false;
  const body = nir.slice(0, 13).toUpperCase().replace('2A', '19').replace('2B', '18');
  if (!/^\d{13}$/.test(body)) return false;
  return 97 - mod97(body) === Number(nir.slice(13));
}

/**
 * NIR shape without its key: sex 1/2 (3, 4, 7, 8 for temporary and foreign-born registrations), birth month
 * 01–12 or the INSEE pseudo-months (20–42, 50–99), department 01–99, 2A or 2B.
 */
export function nirShapeIsValid(nir: string): boolean {
  const upper = nir.toUpperCase();
  if (!/^[1-478]\d{4}(?:\d\d|2[AB])\d{6}(?:\d\d?)?$/.test(upper)) return false;
  const month = Number(upper.slice(3, 5));
  const department = upper.slice(5, 7);
  const monthOk = (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50;
  return monthOk && department !== '00';
}

/**
 * IBAN lengths by country (ISO 13616 registry, plus the national IBANs of the Maghreb and the franc zone that
 * people living in France often hold). Two letters and the length, 4 characters per entry.
 */
const IBAN_LENGTHS =
  'AD24AE23AL28AO25AT20AZ28BA20BE16BF28BG22BH22BI27BJ28BR29BY28CF27CG27CH21CI28CM27CR22CV25CY28CZ24DE22DJ27' +
  'DK18DO28DZ26EE20EG29ES24FI18FK18FO18FR27GA27GB22GE22GI23GL18GQ27GR27GT28GW25HN28HR21HU28IE22IL23IQ23IR26' +
  'IS26IT27JO30KM27KW30KZ20LB28LC32LI21LT20LU20LV21LY25MA28MC27MD24ME22MG27MK19ML28MN20MR27MT31MU30MZ25NE28' +
  'NI28NL18NO15OM23PK24PL28PS29PT25QA29RO24RS22RU33SA24SC31SD18SE24SI19SK24SM27SN28SO23ST25SV28TD27TG28TL23' +
  'TN24TR26UA29VA22VG24XK20YE30';

/** Expected IBAN length for a country code, or 0 when the country has no IBAN we know of. */
export function ibanLength(country: string): number {
  const code = country.toUpperCase();
  for (let i = 0; i < IBAN_LENGTHS.length; i += 4) {
    if (IBAN_LENGTHS.startsWith(code, i)) return Number(IBAN_LENGTHS.slice(i + 2, i + 4));
  }
  return 0;
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers (A = 10), mod 97 = 1. */
export function ibanChecksumIsValid(iban: string): boolean {
  const upper = iban.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(upper)) return false;
  const rearranged = upper.slice(4) + upper.slice(0, 4);
  let digits = '';
  for (const char of rearranged) digits += char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
  return mod97(digits) === 1;
}

/** Luhn check (payment cards, SIREN, SIRET). */
export function luhnIsValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** SIRET (14 digits): Luhn, except La Poste's establishments (SIREN 356 000 000), whose digits sum to a multiple of 5. */
export function siretIsValid(digits: string): boolean {
  if (!/^\d{14}$/.test(digits)) return false;
  if (digits.startsWith('356000000')) return [...digits].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
  return luhnIsValid(digits);
}
