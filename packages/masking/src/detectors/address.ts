import {
  ADDRESS_COMPLEMENT_AFTER,
  ADDRESS_COMPLEMENT_BEFORE,
  AMBIGUOUS_STREET_TYPE,
  DIGITS_ONLY,
  HOUSE_NUMBER,
  HOUSE_NUMBER_AT,
  LIEU_DIT,
  NAMELESS_STREET_TYPE,
  NUMBER_BEFORE,
  POSTCODE,
  RESIDENCE_CUE,
  ROUTE_TYPE,
  STREET,
  STREET_CODE,
  STREET_TYPE_AT,
} from '../patterns.ts';
import { type Candidate, type Token, eachMatch, hasCapital, isAllCaps, isCapitalised, skipSpaces, startsWord, wordAt, wordsFrom } from '../scan.ts';
import { ADDRESS_COMPLEMENTS, DETERMINERS, MONTHS, NOT_PLACES, PARTICLES, STREET_STOP_WORDS } from '../words.ts';

const isNumber = (token: Token | undefined): boolean => token !== undefined && DIGITS_ONLY.test(token.key);
const LINK_WORDS = new Set(['du', 'de', 'des', 'au']);
const isLink = (token: Token): boolean => PARTICLES.has(token.key) || DETERMINERS.has(token.key);

/**
 * The words of a street name from `index` (« des Lilas », « du Général de Gaulle », « du 8 Mai 1945 »). Stops at
 * punctuation, at a word that starts a clause (« depuis », « et »), at a flat or building word, at a postcode.
 */
function streetWords(text: string, index: number): Token[] {
  const tokens = wordsFrom(text, index, 8);
  const kept: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (ADDRESS_COMPLEMENTS.has(token.key)) break;
    // A grammar word ends the name, unless the address is written in capitals (« 19 BIS RUE AUX BOEUFS »).
    if (STREET_STOP_WORDS.has(token.key) && !(isAllCaps(token.text) && token.text.length > 1 && kept.every((k) => isAllCaps(k.text)))) break;
    if (isNumber(token)) {
      // A number belongs to a street name after « du » or a month, or before a month (« rue du 8 Mai 1945 »,
      // « avenue 16 Septembre 1947 »); else it is what comes next (a postcode, a phone number).
      const previous = kept[kept.length - 1];
      const next = tokens[i + 1];
      const dated = (previous && (LINK_WORDS.has(previous.key) || MONTHS.has(previous.key))) || (next && MONTHS.has(next.key));
      if (token.key.length > 4 || !dated) break;
    }
    kept.push(token);
  }
  while (kept.length > 0 && isLink(kept[kept.length - 1]!)) kept.pop();
  return kept;
}

const followedByPostcode = (text: string, index: number): boolean => {
  POSTCODE.lastIndex = index;
  return POSTCODE.test(text);
};

/**
 * End of the street name after a type of street, or -1 when there is none. An ambiguous type (« 3 cours de
 * maths », « 1 place de parking ») is confirmed by a capital (« Place du village », « place de l'Église »), a
 * postcode after it, or a home cue before it (`trusted`); « route » by a place after « de » (« route de nice »).
 * « Grande Rue » needs no name.
 */
function streetNameEnd(text: string, index: number, type: string, trusted = false): number {
  const start = skipSpaces(text, index);
  const kept = start > index ? streetWords(text, start) : [];
  const names = kept.filter((token) => !isLink(token));
  if (names.length === 0) return NAMELESS_STREET_TYPE.test(type) ? index : -1;
  const end = kept[kept.length - 1]!.end;
  const confirmed =
    trusted ||
    !AMBIGUOUS_STREET_TYPE.test(type) ||
    isCapitalised(type) ||
    names.some(hasCapital) ||
    (ROUTE_TYPE.test(type) && isLink(kept[0]!) && !NOT_PLACES.has(names[0]!.key)) ||
    followedByPostcode(text, end);
  return confirmed ? end : -1;
}

/** Extends a street to its postcode and town, and to the flat, building or PO box written before or after it. */
function extend(text: string, start: number, end: number): Candidate {
  let postcodeSeen = false;
  for (let step = 0; step < 5; step++) {
    POSTCODE.lastIndex = end;
    const postcode = postcodeSeen ? null : POSTCODE.exec(text);
    if (postcode) {
      postcodeSeen = true;
      end += postcode[0].length;
      const townStart = skipSpaces(text, end);
      const town: Token[] = [];
      for (const token of wordsFrom(text, townStart, 4)) {
        if (STREET_STOP_WORDS.has(token.key) || (isNumber(token) && town[town.length - 1]?.key !== 'cedex')) break;
        town.push(token);
      }
      if (town.length > 0 && townStart > end) end = town[town.length - 1]!.end;
      continue;
    }
    ADDRESS_COMPLEMENT_AFTER.lastIndex = end;
    const complement = ADDRESS_COMPLEMENT_AFTER.exec(text);
    if (!complement) break;
    end += complement[0].length;
  }
  for (let step = 0; step < 3; step++) {
    const complement = ADDRESS_COMPLEMENT_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
    if (!complement || !startsWord(text, start - complement[0].length)) break;
    start -= complement[0].length;
  }
  return { start, end, kind: 'address' };
}

/** Number + words with a capital (no month, no grammar word): « 23 Les Verchères du Port », « 96 LA CANEBIERE ». */
function namedPlaceEnd(text: string, index: number): number {
  const kept = streetWords(text, index);
  const names = kept.filter((token) => !isLink(token) && !isNumber(token));
  if (names.length === 0 || !names.some(hasCapital) || MONTHS.has(kept[0]!.key)) return -1;
  return kept[kept.length - 1]!.end;
}

/**
 * Postal addresses: « 12 bis rue des Lilas, 59000 Lille », « 3, av. Jean Jaurès », « Bât. B, 5 allée des Pins
 * appartement 12 », « 902 CHE DE MALARIAS »; any « number + name + postcode » (« 6 Le Bourg, 24140 … »); after
 * « j'habite », « domicilié », « mon adresse : » a street without a number or a number without a type of street;
 * « lieu-dit Les Granges ». A postcode or a town alone is not masked (« la CAF de Lille », « 59000 »).
 */
export function findAddresses(text: string, out: Candidate[]): void {
  const found = (start: number, end: number): number => {
    const address = extend(text, start, end);
    out.push(address);
    return address.end;
  };
  const typed = (match: RegExpExecArray): boolean | number => {
    if (!startsWord(text, match.index) || NUMBER_BEFORE.test(text.slice(Math.max(0, match.index - 2), match.index))) return false;
    const end = streetNameEnd(text, match.index + match[0].length, match[1]!);
    return end >= 0 && found(match.index, end);
  };
  eachMatch(STREET, text, typed);
  eachMatch(STREET_CODE, text, typed);
  eachMatch(HOUSE_NUMBER, text, (match) => {
    if (!startsWord(text, match.index) || NUMBER_BEFORE.test(text.slice(Math.max(0, match.index - 2), match.index))) return false;
    const end = namedPlaceEnd(text, match.index + match[0].length);
    if (end < 0 || !followedByPostcode(text, end)) return false;
    return found(match.index, end);
  });
  eachMatch(RESIDENCE_CUE, text, (match) => {
    if (!startsWord(text, match.index)) return false;
    const at = match.index + match[0].length;
    STREET_TYPE_AT.lastIndex = at;
    const type = STREET_TYPE_AT.exec(text);
    if (type) {
      const end = streetNameEnd(text, at + type[0].length, type[1]!, true);
      return end >= 0 && found(at, end);
    }
    HOUSE_NUMBER_AT.lastIndex = at;
    const number = HOUSE_NUMBER_AT.exec(text);
    if (!number) return false;
    const afterNumber = at + number[0].length;
    STREET_TYPE_AT.lastIndex = afterNumber;
    const numberedType = STREET_TYPE_AT.exec(text);
    const end = numberedType
      ? streetNameEnd(text, afterNumber + numberedType[0].length, numberedType[1]!, true)
      : namedPlaceEnd(text, afterNumber);
    return end >= 0 && found(at, end);
  });
  eachMatch(LIEU_DIT, text, (match) => {
    if (!startsWord(text, match.index)) return false;
    // « le lieu dit de quel lieu il s'agit »: without its hyphen, only before a capitalised name.
    const next = wordAt(text, skipSpaces(text, match.index + match[0].length));
    if (!match[0].includes('-') && !(next && hasCapital(next))) return false;
    const end = streetNameEnd(text, match.index + match[0].length, 'lieu-dit');
    return end >= 0 && found(match.index, end);
  });
}
