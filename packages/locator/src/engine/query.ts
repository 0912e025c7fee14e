/**
 * What a person typed in the "code postal ou commune" field, understood generously: "75 001", "75001 Paris",
 * "st etienne", "ST-ÉTIENNE". Problems come back as typed reasons; the component owns the words.
 */
import { fold } from '@aide/core';

export type LocationQuery =
  /** A postal code, with the commune's name when one was typed too ("Paris 75015", "97400 Saint-Denis"). */
  | { kind: 'postcode'; code: string; name?: string }
  /**
   * A commune's name (its folded `key`), with what settles a homonym or a city's district when typed: a département
   * in brackets ("Saint-Denis (93)", as suggestions write it), an arrondissement number ("Lyon 3", "Paris 15e").
   */
  | { kind: 'name'; key: string; text: string; departement?: string; district?: number }
  | { kind: 'invalid'; reason: InvalidReason; digits?: string };

export type InvalidReason = 'empty' | 'postcode-too-short' | 'postcode-too-long' | 'too-long' | 'no-letters';

export const MAX_QUERY_LENGTH = 80;

/** Abbreviations people type, expanded to the official spelling's words. */
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

/** The folded search key of a commune name or of typed text: "Saint-Étienne", "st etienne" → "saint etienne". */
export function nameKey(text: string): string {
  return fold(text)
    .split(' ')
    .filter(Boolean)
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}

/** The same key without a leading article, so "havre" finds "Le Havre". */
export function keyWithoutArticle(key: string): string | null {
  const match = /^(le|la|les|l) (.+)$/.exec(key);
  return match ? match[2]! : null;
}

/** A district number as people write it: "3", "3e", "3ème", "1er". */
const DISTRICT = /(?:^|\s)(\d{1,2})\s*(?:er|re|e|ème|eme|è)?(?=\s|$)/iu;

/**
 * What a person typed, in any order: a postal code, a commune's name, both ("Paris 75015", "75015 Paris"), a name
 * and a district ("Lyon 3"), a name and its département as suggestions write it ("Saint-Denis (93)").
 */
export function parseLocationQuery(raw: string): LocationQuery {
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'invalid', reason: 'empty' };
  if (text.length > MAX_QUERY_LENGTH) return { kind: 'invalid', reason: 'too-long' };
  if (!/\p{L}/u.test(text)) {
    // Digits only ("75 001"): a postal code, or why it is not one.
    const digits = text.replace(/ /g, '');
    if (!/^\d+$/.test(digits)) return { kind: 'invalid', reason: 'no-letters' };
    if (digits.length === 5) return { kind: 'postcode', code: digits };
    return { kind: 'invalid', reason: digits.length < 5 ? 'postcode-too-short' : 'postcode-too-long', digits };
  }
  const departement = /\((\d[\dAB]?\d?)\)\s*$/i.exec(text)?.[1]?.toUpperCase();
  const rest = text.replace(/\([^)]*\)\s*$/, ' ');
  const code = /(?:^|\D)(\d{5})(?!\d)/.exec(rest)?.[1];
  // "Paris 15e Arrondissement (75)", a suggestion typed back, is a name as the index has it.
  const named = /arrondissement/i.test(rest);
  const districtNumber = code || named ? undefined : Number(DISTRICT.exec(rest)?.[1]);
  const key = nameKey(named && !code ? rest : rest.replace(/\d+(?:\s*(?:er|re|e|ème|eme|è)(?=\s|$))?/giu, ' '));
  if (!/\p{L}/u.test(key)) return { kind: 'invalid', reason: 'no-letters' };
  if (code) return { kind: 'postcode', code, name: key };
  return {
    kind: 'name',
    key,
    text,
    ...(departement ? { departement } : {}),
    ...(districtNumber && districtNumber >= 1 && districtNumber <= 20 ? { district: districtNumber } : {}),
  };
}

/** The folded name of a city's arrondissement, as the commune index has it: "lyon 3e arrondissement". */
export function districtKey(cityKey: string, district: number): string {
  return `${cityKey} ${district === 1 ? '1er' : `${district}e`} arrondissement`;
}

/**
 * The name shard to read for a typed key: the longest shard prefix of the key. Shards are cut by the data build
 * (two letters, split further where names are many: "saint e", "la r"…); a shard whose prefix is the whole key
 * and that was split holds only its biggest communes. Null when no commune starts like this.
 */
export function nameShardFor(key: string, shards: readonly string[]): string | null {
  for (let length = key.length; length >= 1; length--) {
    const prefix = key.slice(0, length);
    if (shards.includes(prefix)) return prefix;
  }
  return null;
}

/** File name of a name shard: spaces become "_", other characters stay (folded keys are a-z, 0-9 and spaces). */
export function shardFileId(prefix: string): string {
  return prefix.replace(/ /g, '_');
}

/** The postal-code shard of a code: its first three digits (a few dozen communes). */
export function postcodeShardId(code: string): string {
  return code.slice(0, 3);
}
