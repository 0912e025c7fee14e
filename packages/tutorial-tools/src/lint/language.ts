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
export const KNOWN_ACRONYMS = new Set(['PDF', 'SMS', 'OK', 'TV', 'USB', 'QR', 'WIFI', 'GPS', 'PC', 'CB', 'RDV']);

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

export function findPassives(text: string): TextFinding[] {
  const out: TextFinding[] = [];
  for (const m of text.matchAll(PASSIVE)) {
    if (MOTION.test(m[2]!.toLowerCase())) continue;
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

/** Acronyms (two capitals or more) and whether the text explains them. */
export function acronymsIn(text: string): { acronym: string; index: number }[] {
  return [...text.matchAll(/(?<![\p{L}\p{N}])([A-ZÉÈ]{2,}[0-9]?)(?![\p{L}\p{N}])/gu)].map((m) => ({ acronym: m[1]!, index: m.index }));
}

/** "Caisse d'allocations familiales (CAF)" or "CAF (Caisse…)": the acronym is explained where it appears. */
export function isExpandedAt(text: string, index: number, acronym: string): boolean {
  const before = text.slice(Math.max(0, index - 2), index);
  const after = text.slice(index + acronym.length, index + acronym.length + 3);
  return /\(\s*$/.test(before) || /^\s*\(/.test(after);
}
