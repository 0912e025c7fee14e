import type { PersonalDataKind } from './kinds.ts';
import { APOSTROPHE, COMBINING_MARKS, LETTER, LETTER_OR_DIGIT, SPACES, TYPOGRAPHIC_APOSTROPHE, WORD, WORD_GAP } from './patterns.ts';

/** A passage of the input that holds personal data. */
export interface Candidate {
  start: number;
  end: number;
  kind: PersonalDataKind;
}


export const isLetterOrDigit = (char: string | undefined): boolean => char !== undefined && LETTER_OR_DIGIT.test(char);
export const isLetter = (char: string | undefined): boolean => char !== undefined && LETTER.test(char);

/** A match may start here: the character before it is no letter or digit (what `\b` would say, for all scripts). */
export const startsWord = (text: string, index: number): boolean => !isLetterOrDigit(text[index - 1]);

/**
 * Runs a global regular expression over the text; `accept` decides on each match. A refused match (false) is
 * retried one character further, so a refusal never hides a later match that starts inside it. An accepted match
 * may say where the search goes on (a number), when it used less of the text than the pattern matched.
 */
export function eachMatch(pattern: RegExp, text: string, accept: (match: RegExpExecArray) => boolean | number): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const verdict = accept(match);
    if (verdict === false) pattern.lastIndex = match.index + 1;
    else if (typeof verdict === 'number') pattern.lastIndex = Math.max(verdict, match.index + 1);
    else if (match[0].length === 0) pattern.lastIndex++;
  }
}

/** Offset of the last capture group when it ends the match (every value group of our patterns does). */
export const tailGroupStart = (match: RegExpExecArray, group: string): number => match.index + match[0].length - group.length;

/** Lower case, no accents, typographic apostrophe as ASCII: the form the word lists are written in. */
export const fold = (word: string): string =>
  word
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(TYPOGRAPHIC_APOSTROPHE, "'");

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Folded form, for the word lists. */
  key: string;
}

/** The word starting exactly at `index`, if any. An initial (« J. ») keeps its dot. */
export function wordAt(text: string, index: number): Token | null {
  WORD.lastIndex = index;
  const match = WORD.exec(text);
  if (!match) return null;
  let end = index + match[0].length;
  if (match[0].length === 1 && text[end] === '.' && isCapitalised(match[0])) end++;
  return { start: index, end, text: match[0], key: fold(match[0]) };
}

/** Up to `max` words from `index`, separated by spaces (a name or a street name never spans punctuation but « ' »). */
export function wordsFrom(text: string, index: number, max: number): Token[] {
  const tokens: Token[] = [];
  let position = index;
  while (tokens.length < max) {
    const token = wordAt(text, position);
    if (!token) break;
    tokens.push(token);
    WORD_GAP.lastIndex = token.end;
    const gap = WORD_GAP.exec(text);
    if (!gap) break;
    position = token.end + gap[0].length;
  }
  return tokens;
}

/** Position after the spaces at `index` (at most 3, none across a line break). */
export function skipSpaces(text: string, index: number): number {
  SPACES.lastIndex = index;
  const gap = SPACES.exec(text);
  return gap ? index + gap[0].length : index;
}

export const isCapitalised = (word: string): boolean => {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
};
/** A capital at the start or after an elision (« l'Église », « d'Armes »). */
export const hasCapital = (token: Token): boolean => {
  const apostrophe = token.text.search(APOSTROPHE);
  return isCapitalised(token.text) || (apostrophe > 0 && isCapitalised(token.text.slice(apostrophe + 1)));
};
export const isAllCaps = (word: string): boolean => word === word.toUpperCase() && word !== word.toLowerCase();
