/**
 * Tutorial search, shared by the build (which makes the index) and the browser (which queries it):
 * MiniSearch with French stemming (Snowball, from @orama/stemmers), accents and case folded, plurals merged,
 * prefix matching as you type, fields ranked title > tags > summary > steps.
 * "declaration revenu", "déclarer mes revenus" and "impot" all find "Déclarer ses revenus en ligne".
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { stemmer } from '@orama/stemmers/french';
import { fold } from '@aide/core';

/** Words too common to help (articles, possessives, prepositions). */
const STOP_WORDS = new Set(
  'le la les l un une des de du d au aux a et ou en dans par pour sur sous avec sans ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs je tu il elle on nous vous ils elles me te se y qui que quoi dont comment faire est sont etre avoir'.split(' '),
);

/** One word → its search form, or null for a word that should not count. */
export function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  if (STOP_WORDS.has(fold(lower))) return null;
  let stem = fold(stemmer(lower));
  // Snowball keeps some plurals ("revenus"): merge them with the singular.
  if (stem.length > 3 && /[sx]$/.test(stem)) stem = stem.slice(0, -1);
  return stem || null;
}

export interface SearchDocument {
  id: string;
  title: string;
  tags: string;
  summary: string;
  body: string;
}

export const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: ['title', 'tags', 'summary', 'body'],
  storeFields: [],
  processTerm,
  // Split on anything that is not a letter or digit, hyphens and apostrophes included ("l'impôt", "e-mail").
  tokenize: (text) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean),
};

export const QUERY_OPTIONS: SearchOptions = {
  boost: { title: 4, tags: 3, summary: 2, body: 1 },
  prefix: (term) => term.length >= 3,
  fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
  combineWith: 'AND',
};

export function buildSearchIndex(documents: SearchDocument[]): string {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(documents);
  return JSON.stringify(index);
}

export type TutorialSearch = (query: string, limit?: number) => string[];

export function loadSearchIndex(json: string): TutorialSearch {
  const index = MiniSearch.loadJSON<SearchDocument>(json, INDEX_OPTIONS);
  return (query, limit = 10) => {
    // Everything the person typed must match; if nothing does, accept any word (typos, extra words).
    let results = index.search(query, QUERY_OPTIONS);
    if (results.length === 0) results = index.search(query, { ...QUERY_OPTIONS, combineWith: 'OR' });
    return results.slice(0, limit).map((r) => String(r.id));
  };
}
