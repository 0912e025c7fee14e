/**
 * Plain French: sentence and paragraph length, jargon with plainer words, acronyms explained at first use,
 * passive-voice and nominalisation hints, and a readability score per step (Kandel & Moles' French adaptation
 * of Flesch: 207 − 1.015 × words per sentence − 73.6 × syllables per word).
 */
import { fold } from '@aide/core';
import lexiconFile from './lexicon-fr.json' with { type: 'json' };

export const SENTENCE_MAX_WORDS = 25;
export const PARAGRAPH_MAX_WORDS = 70;
/** Below this, a step is hard to read for the people these tutorials are for. */
export const READABILITY_MIN = 50;

/** Acronyms anyone reads without help. */
export const KNOWN_ACRONYMS = new Set(['PDF', 'SMS', 'OK', 'TV', 'USB', 'QR', 'WIFI', 'GPS', 'PC', 'CB', 'RDV', 'JPEG', 'PNG', 'HTTPS']);

interface LexiconEntry {
  pattern: string;
  suggestion: string;
  kind: 'jargon' | 'nominalisation';
}
const lexicon = (lexiconFile as { entries: LexiconEntry[] }).entries;
/** One pass over the text for the whole lexicon: one named group per entry. */
const LEXICON = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${lexicon.map((e, i) => `(?<e${i}>${e.pattern})`).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

export interface TextFinding {
  /** Offset inside the analysed text. */
  index: number;
  rule: 'jargon' | 'nominalisation' | 'passive';
  match: string;
  suggestion: string;
}

export function findLexicon(text: string): TextFinding[] {
  const out: TextFinding[] = [];
  for (const m of text.matchAll(LEXICON)) {
    const i = Number(Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)![0].slice(1));
    out.push({ index: m.index, rule: lexicon[i]!.kind, match: m[0], suggestion: lexicon[i]!.suggestion });
  }
  return out;
}

/** Verbs conjugated with "être" that are not passives ("est arrivé", "sont partis"). */
const MOTION = /^(all|arriv|venu|revenu|devenu|parti|entr|sorti|rest|tomb|n[ée]|mort|mont|descendu|retourn|rentr|pass)/;
const PASSIVE = /(?<![\p{L}])(est|sont|sera|seront|était|étaient|a été|ont été|sera|soit|soient|être)\s+(?:(?:bien|déjà|toujours|alors|souvent|parfois|automatiquement|ensuite|aussi)\s+)?(\p{L}+(?:é|ée|és|ées))(?![\p{L}])/giu;

/** Participles that describe a state (« le wifi est activé »), not an action done by someone. */
const STATE = /^(activ|désactiv|connect|déconnect|allum|branch|coch|décoch|bloqu|débloqu|ferm|affich|sélectionn|enregistr|install|termin|fini|rempli|vide|valid|cach|verrouill|déverrouill|situ|oblig|autoris|interdit|destin|conçu|compris|inclu|li[ée]|dispon|ouvert|éteint|atteint|protég|sécuris|chiffr|mis à jour|coupé|vérifi|rang)/;
/** A condition or a time clause (« si », « quand », « une fois que ») describes a state. */
const CONDITION = /(?:^|[\s,;(])(si|s['’]|quand|lorsque?|lorsqu['’]|une fois que|dès que|tant que)\s+(?:[\p{L}'’-]+\s+){0,4}$/iu;

export function findPassives(text: string): TextFinding[] {
  const out: TextFinding[] = [];
  for (const m of text.matchAll(PASSIVE)) {
    if (MOTION.test(m[2]!.toLowerCase())) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 5);
    const byAgent = /^\s+par\b/i.test(after);
    if (!byAgent && STATE.test(m[2]!.toLowerCase())) continue;
    if (!byAgent && CONDITION.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    out.push({ index: m.index, rule: 'passive', match: m[0], suggestion: 'dites qui fait l’action (« le site envoie un code » plutôt que « un code est envoyé »)' });
  }
  return out;
}

/** Sentences of a text, with their offsets. Abbreviations like "p. ex." and "M." do not end a sentence. */
export function sentences(text: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  const re = /[^.!?…]+(?:[.!?…]+(?=\s+\S|$)|$)/g;
  let buffer = '';
  let start = 0;
  for (const m of text.matchAll(re)) {
    if (!buffer) start = m.index!;
    buffer += m[0];
    if (/(?:^|[\s(])(p|ex|M|Mme|n°|cf)\.$/i.test(buffer.trim())) continue;
    if (buffer.trim()) out.push({ text: buffer.trim(), index: start + (buffer.length - buffer.trimStart().length) });
    buffer = '';
  }
  if (buffer.trim()) out.push({ text: buffer.trim(), index: start });
  return out;
}

export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** French syllables, from vowel groups: silent final "e", "es" and verb "ent" don't count. */
export function syllables(word: string): number {
  let w = fold(word).replace(/[^a-z]/g, '');
  if (w.length <= 3) return Math.max(1, (w.match(/[aeiouy]+/g) ?? []).length);
  w = w.replace(/(?<=[^aeiouy])(e|es|ent)$/, '');
  return Math.max(1, (w.match(/[aeiouy]+/g) ?? []).length);
}

export interface Readability {
  score: number;
  words: number;
  sentences: number;
}

/** Kandel & Moles (1958): the French adaptation of the Flesch reading ease. */
export function kandelMoles(text: string): Readability {
  const list = sentences(text).filter((s) => wordsOf(s.text).length > 0);
  const words = list.flatMap((s) => wordsOf(s.text));
  if (words.length === 0) return { score: 100, words: 0, sentences: 0 };
  const wps = words.length / list.length;
  const spw = words.reduce((sum, w) => sum + syllables(w), 0) / words.length;
  return { score: Math.round((207 - 1.015 * wps - 73.6 * spw) * 10) / 10, words: words.length, sentences: list.length };
}

export function readabilityLabel(score: number): string {
  if (score >= 80) return 'très facile';
  if (score >= 70) return 'facile';
  if (score >= 60) return 'assez facile';
  if (score >= READABILITY_MIN) return 'standard';
  return 'difficile';
}

/** Licence and rights codes written in capitals: not acronyms to explain. */
const CODES = new Set(['CC', 'BY', 'NC', 'ND', 'SA', 'CC0', 'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII']);
/** Word endings of French words written in capitals (a button « VALIDER », « ATTENTION »), not of acronyms. */
const FRENCH_WORD_END = /(?:ER|IR|EZ|TION|SION|MENT|ANT|ENT|EUR|EUSE|IQUE|AGE|URE|ONS|ÉE|ÉS|IE|ELLE|ETTE|OIR|AIRE|ISTE|ABLE|IBLE)$/;

/**
 * Acronyms (two capitals or more) and where they are. Not acronyms: words in capitals inside a run of capitals
 * (« CC BY NC ND », « MOT DE PASSE »), elided or hyphenated words (« S'ENREGISTRER »), words with accents or
 * French word endings (« ATTENTION », « VALIDER »), licence codes and Roman numerals.
 */
export function acronymsIn(text: string): { acronym: string; index: number }[] {
  const found: { acronym: string; index: number }[] = [];
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const isCaps = (w: string) => /^\p{Lu}[\p{Lu}\p{N}]*$/u.test(w) && (w.length >= 2 || w === 'À' || w === 'A');
  words.forEach((m, i) => {
    const word = m[0];
    if (!/^[A-Z][A-Z]+[0-9]?$/.test(word)) return;
    const previous = words[i - 1];
    const next = words[i + 1];
    const between = (a: RegExpMatchArray, b: RegExpMatchArray) => text.slice(a.index! + a[0].length, b.index);
    // Part of a run of capitals: a label or a shout, not an acronym.
    if ((previous && isCaps(previous[0]) && /^[\s,-]+$/.test(between(previous, m))) || (next && isCaps(next[0]) && /^[\s,-]+$/.test(between(m, next)))) return;
    // Elided or hyphenated: S'ENREGISTRER, E-MAIL.
    if (/['’-]$/.test(text.slice(Math.max(0, m.index - 1), m.index)) || /^['’-]\p{L}/u.test(text.slice(m.index + word.length, m.index + word.length + 2))) return;
    if (CODES.has(word) || (word.length >= 5 && FRENCH_WORD_END.test(word))) return;
    found.push({ acronym: word, index: m.index });
  });
  // Accented capitals are French words (« CRÉER », « ÉTAPE »): the ASCII test above already leaves them out.
  return found;
}

/** "Caisse d'allocations familiales (CAF)" or "CAF (Caisse…)": the acronym is explained where it appears. */
export function isExpandedAt(text: string, index: number, acronym: string): boolean {
  const before = text.slice(Math.max(0, index - 2), index);
  const after = text.slice(index + acronym.length, index + acronym.length + 3);
  return /\(\s*$/.test(before) || /^\s*\(/.test(after);
}

/** Link texts that do not say where the link goes (RGAA 6.1): « cliquez ici », « ici », « page »… */
const VAGUE_LINKS = new Set(
  ['ici', 'cliquez ici', 'cliquer ici', 'clic ici', 'la', 'page', 'cette page', 'la page', 'lien', 'ce lien', 'le lien', 'en savoir plus', 'savoir plus', 'plus',
    'voir', 'voir plus', 'voir ici', 'lire la suite', 'la suite', 'suite', 'site', 'le site', 'ce site', 'cliquez', 'cliquer', 'clic', 'plus d infos', 'plus d informations',
    'infos', 'info', 'details', 'here', 'click here', 'read more', 'more', 'link', 'lien ici', 'accès', 'acceder', 'accéder', 'url'].map(fold),
);
export const isVagueLinkText = (text: string) => VAGUE_LINKS.has(fold(text));

/** « 1. », « 2) », « Étape 3 : », « III. », « a) » at the start of a step title: the number found, or null. */
export function titleNumber(title: string): string | null {
  const m = /^\s*((?:(?:[ée]tape|step|partie|phase)\s*\d+\s*[:.)-–—]?|\d+\s*(?:[.)°:–—-]|\s)|[IVX]+\s*[.)–—-]|[a-z]\s*\))\s*)/iu.exec(title);
  return m ? m[1]!.trim() : null;
}

/** Words that look like infinitives (-er, -ir, -re, -oir) but are not verbs, in titles. */
const NOT_VERBS = new Set(
  ['votre', 'notre', 'autre', 'entre', 'contre', 'titre', 'lettre', 'nombre', 'ordre', 'chiffre', 'centre', 'livre', 'fenetre', 'formulaire', 'dossier', 'papier',
    'fichier', 'courrier', 'premier', 'dernier', 'loyer', 'hier', 'mer', 'cher', 'hiver', 'soir', 'noir', 'espoir', 'calendrier', 'clavier', 'particulier', 'sur', 'pour',
    'leur', 'plusieurs', 'notaire', 'salaire', 'horaire', 'annuaire', 'commentaire', 'propriétaire', 'proprietaire', 'locataire', 'bénéficiaire', 'beneficiaire', 'itineraire',
    'itinéraire', 'ministere', 'ministère', 'quatre', 'montre', 'filtre', 'registre', 'cadre', 'membre', 'nombre', 'timbre', 'octobre', 'novembre', 'decembre', 'septembre',
    'premiere', 'derniere', 'entier', 'metier', 'métier', 'quartier', 'panier', 'atelier', 'pilier', 'collier', 'plaisir', 'loisir', 'desir', 'avenir', 'miroir', 'couloir',
    'tiroir', 'trottoir', 'rasoir', 'peignoir', 'manoir', 'pouvoir', 'devoir', 'savoir'].map(fold),
);
const PRONOUNS = new Set(['se', 's', 'vous', 'me', 'm', 'te', 't', 'nous', 'le', 'la', 'les', 'l', 'lui', 'leur', 'y', 'en']);

/**
 * Whether a step title says an action in the infinitive, as the guide asks (« Ouvrir le site », « Vous connecter »,
 * « Ne pas cliquer sur le lien », « La rendre plus solide »). A heuristic on the first words: infinitive endings,
 * with the pronouns and negation that may come before, and a list of nouns that end like verbs.
 */
export function isActionTitle(title: string): boolean {
  const words = fold(title.replace(/['’]/g, "' ")).split(' ').filter(Boolean);
  let i = 0;
  if (words[i] === 'ne' || words[i] === 'n') {
    i++;
    if (['pas', 'plus', 'jamais', 'rien'].includes(words[i] ?? '')) i++;
  }
  while (i < words.length - 1 && PRONOUNS.has(words[i]!)) i++;
  const verb = words[i] ?? '';
  if (NOT_VERBS.has(verb)) {
    // « Savoir », « pouvoir », « devoir » are verbs when something follows that they govern (« Savoir si… »).
    return ['savoir', 'pouvoir', 'devoir'].includes(verb) && i === 0 && words.length > 1;
  }
  return /(?:er|ir|re|oir)$/.test(verb) && verb.length > 2;
}
