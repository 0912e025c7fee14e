import {
  CLOSING,
  CLOSING_FRIENDLY,
  COMPOUND_NAME,
  NAME_INTRO,
  NAME_RELATION,
  NO_LETTER_TO_LINE_END,
  SIGNATURE_GAP,
  TITLE,
  TITLE_CASED,
  WHITE_SPACE,
} from '../patterns.ts';
import {
  type Candidate,
  type Token,
  eachMatch,
  fold,
  isAllCaps,
  isCapitalised,
  isLetter,
  skipSpaces,
  startsWord,
  wordAt,
  wordsFrom,
} from '../scan.ts';
import { DETERMINERS, ELISIONS, FUNCTIONS, ORGANISATIONS, PARTICLES, STOP_WORDS, TITLES } from '../words.ts';

/** `capital`: only capitalised words are names (« mon fils Lucas »); `any`: lower case too (« madame dupont »). */
type Case = 'capital' | 'any';

/** « l'adjointe » → « adjointe », « m'a » → « a »: the word after an elision. */
const afterElision = (token: Token): { elision: string; word: string } | null => {
  const apostrophe = token.key.indexOf("'");
  return apostrophe > 0 ? { elision: token.key.slice(0, apostrophe), word: token.key.slice(apostrophe + 1) } : null;
};

/** Whether a word may be (part of) a person's name here. */
function isNameWord(token: Token, wordCase: Case): boolean {
  const key = token.key;
  if (!isLetter(token.text[0])) return false;
  // An initial, « J. »: its dot is part of the token.
  if (token.end > token.start + token.text.length) return true;
  if (STOP_WORDS.has(key) || ORGANISATIONS.has(key) || FUNCTIONS.has(key) || TITLES.has(key)) return false;
  if (PARTICLES.has(key) || DETERMINERS.has(key)) return false;
  const elided = afterElision(token);
  // « J'espère », « L'agent », « m'a »: a pronoun or an article, never a name; « d'Artagnan » is one.
  if (elided && ELISIONS.has(elided.elision)) return elided.elision === 'd' && isCapitalised(token.text.slice(2));
  if (isCapitalised(token.text)) return true;
  return wordCase === 'any';
}

interface Name {
  start: number;
  end: number;
  words: number;
}

/**
 * The name that starts at tokens[index]: its first word, then capitalised words and particles before a capital
 * (« Jean-Pierre DUPONT », « Marie de La Fontaine »), up to four words. `rest` says whether words after the
 * first may be in lower case (« je m'appelle jean dupont »).
 */
function nameAt(tokens: Token[], index: number, first: Case, rest: Case = 'capital'): Name | null {
  const head = tokens[index];
  if (!head || !isNameWord(head, first)) return null;
  const name: Name = { start: head.start, end: head.end, words: 1 };
  for (let i = index + 1; i < tokens.length && name.words < 4; i++) {
    const token = tokens[i]!;
    if (PARTICLES.has(token.key) || DETERMINERS.has(token.key)) {
      // « de la » then a capitalised word that is no acronym (« Martin de la CAF », « Dupont du SIP »).
      let next = i + 1;
      if (next < tokens.length && (PARTICLES.has(tokens[next]!.key) || DETERMINERS.has(tokens[next]!.key))) next++;
      const after = tokens[next];
      if (!after || !isNameWord(after, 'capital') || (isAllCaps(after.text) && after.text.length <= 5)) break;
      name.end = after.end;
      name.words++;
      i = next;
      continue;
    }
    if (!isNameWord(token, rest)) break;
    name.end = token.end;
    name.words++;
  }
  return name;
}

/**
 * The name after a civility or professional title, if any: « Mme Dupont », « monsieur dupont », « Monsieur Le
 * Goff », « Madame la juge Martin ». None in « Madame la Maire », « Monsieur le Préfet », « Madame, Monsieur »,
 * « le docteur m'a dit ».
 */
function nameAfterTitle(text: string, index: number, first: Case): Name | null {
  const tokens = wordsFrom(text, skipSpaces(text, index), 7);
  let i = tokens[0] && TITLES.has(tokens[0].key) ? 1 : 0;
  const word = tokens[i];
  if (!word) return null;
  const elided = afterElision(word);
  if (DETERMINERS.has(word.key) || (elided && DETERMINERS.has(`${elided.elision}'`))) {
    const next = tokens[i + 1];
    // « Monsieur Le Goff »: a capitalised article inside a Breton or Norman name.
    if (isCapitalised(word.text) && !elided && next && isNameWord(next, 'capital') && !FUNCTIONS.has(next.key)) {
      const rest = nameAt(tokens, i + 1, 'capital');
      return rest && { start: word.start, end: rest.end, words: rest.words + 1 };
    }
    // « la Maire », « le juge Martin », « l'adjointe Dupont »: a function, and maybe a name after it.
    const functionWord = elided ? elided.word : next?.key;
    if (!functionWord || !FUNCTIONS.has(functionWord)) return null;
    i += elided ? 1 : 2;
    return nameAt(tokens, i, 'capital');
  }
  if (FUNCTIONS.has(word.key)) return nameAt(tokens, i + 1, 'capital');
  // « Mme de La Fontaine », « M. de Villepin »: a particle, then a capitalised name.
  if (PARTICLES.has(word.key)) {
    const next = tokens[i + 1] && DETERMINERS.has(tokens[i + 1]!.key) ? i + 2 : i + 1;
    const rest = tokens[next] && isCapitalised(tokens[next].text) ? nameAt(tokens, next, 'capital') : null;
    return rest && { start: word.start, end: rest.end, words: rest.words + 1 };
  }
  return nameAt(tokens, i, first);
}

const push = (out: Candidate[], name: Name | null): boolean => {
  if (!name) return false;
  out.push({ start: name.start, end: name.end, kind: 'name' });
  return true;
};

const contains = (pattern: RegExp, text: string): boolean => {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
};

/** Titles after which a name in lower case is still a name: people who type everything in lower case. */
const LOWER_CASE_TITLES = new Set(['madame', 'monsieur', 'mademoiselle', 'mme', 'mlle', 'melle', 'mr']);

/**
 * People's names: after a civility or professional title, after « je m'appelle », « mon nom est », « Nom : »,
 * after a relative or an agent (« mon fils Lucas », « la conseillère Nadia »), « je suis Marie Dupont », in a
 * signature (« Cordialement, Jean Dupont », a name alone on the last line after « Merci »).
 * First names alone in a sentence, without any cue, are not found (see README, known limits).
 */
export function findNames(text: string, out: Candidate[]): void {
  eachMatch(TITLE, text, (match) => {
    if (!startsWord(text, match.index)) return false;
    const title = fold(match[0]).replace('.', '');
    return push(out, nameAfterTitle(text, match.index + match[0].length, LOWER_CASE_TITLES.has(title) ? 'any' : 'capital'));
  });
  eachMatch(TITLE_CASED, text, (match) => {
    // « C.I.M.E.S. »: a capital after a dotted initial is part of an acronym.
    if (!startsWord(text, match.index) || text[match.index - 1] === '.') return false;
    return push(out, nameAfterTitle(text, match.index + match[0].length, 'capital'));
  });
  eachMatch(NAME_INTRO, text, (match) => {
    if (!startsWord(text, match.index)) return false;
    const tokens = wordsFrom(text, skipSpaces(text, match.index + match[0].length), 5);
    const skip = tokens[0] && TITLES.has(tokens[0].key) ? 1 : 0;
    return push(out, nameAt(tokens, skip, 'any', 'any'));
  });
  eachMatch(NAME_RELATION, text, (match) => {
    if (!startsWord(text, match.index)) return false;
    const tokens = wordsFrom(text, skipSpaces(text, match.index + match[0].length), 5);
    const skip = tokens[0] && TITLES.has(tokens[0].key) ? 1 : 0;
    const name = nameAt(tokens, skip, 'capital');
    // « je suis Française »: one capitalised word after « je suis » is not enough, a first and last name are.
    if (name && fold(match[0]).startsWith('je') && name.words < 2 && !COMPOUND_NAME.test(text.slice(name.start, name.end))) return false;
    return push(out, name);
  });
  findSignatures(text, out);
}

/** The name right after a closing, alone until the end of its line (a phone number may follow). */
function signatureAfter(text: string, index: number, wordCase: Case): Name | null {
  SIGNATURE_GAP.lastIndex = index;
  const gap = SIGNATURE_GAP.exec(text);
  const tokens = wordsFrom(text, index + (gap ? gap[0].length : 0), 6);
  const skip = tokens[0] && TITLES.has(tokens[0].key) ? 1 : 0;
  const name = nameAt(tokens, skip, wordCase, wordCase);
  if (!name) return null;
  NO_LETTER_TO_LINE_END.lastIndex = name.end;
  return NO_LETTER_TO_LINE_END.test(text) ? name : null;
}

function findSignatures(text: string, out: Candidate[]): void {
  eachMatch(CLOSING, text, (match) => startsWord(text, match.index) && push(out, signatureAfter(text, match.index + match[0].length, 'any')));
  eachMatch(CLOSING_FRIENDLY, text, (match) => startsWord(text, match.index) && push(out, signatureAfter(text, match.index + match[0].length, 'capital')));

  // A name alone on the last line: « Jean Dupont », or « Sophie » under a closing line (« Merci pour tout »).
  let end = text.length;
  while (end > 0 && WHITE_SPACE.test(text[end - 1]!)) end--;
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  if (lineStart === 0) return;
  let first = lineStart;
  while (first < end && !isLetter(text[first])) first++;
  if (first - lineStart > 3 || !wordAt(text, first)) return;
  const tokens = wordsFrom(text, first, 5);
  const skip = tokens[0] && TITLES.has(tokens[0].key) ? 1 : 0;
  const name = nameAt(tokens, skip, 'capital');
  if (!name) return;
  NO_LETTER_TO_LINE_END.lastIndex = name.end;
  if (!NO_LETTER_TO_LINE_END.test(text)) return;
  let previousEnd = lineStart - 1;
  while (previousEnd > 0 && WHITE_SPACE.test(text[previousEnd - 1]!)) previousEnd--;
  const previousLine = text.slice(text.lastIndexOf('\n', previousEnd - 1) + 1, previousEnd);
  const underClosing = contains(CLOSING, previousLine) || contains(CLOSING_FRIENDLY, previousLine);
  if (name.words >= 2 || underClosing) push(out, name);
}
