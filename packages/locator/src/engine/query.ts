/**
 * What a person typed in the "code postal ou commune" field, understood generously: "75 001", "75001 Paris",
 * "st etienne", "ST-ÉTIENNE". Problems come back as typed reasons; the component owns the words.
 */
import { fold } from '@aide/core';

export type LocationQuery =
  | { kind: 'postcode'; code: string }
  | { kind: 'name'; key: string; text: string }
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

export function parseLocationQuery(raw: string): LocationQuery {
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'invalid', reason: 'empty' };
  if (text.length > MAX_QUERY_LENGTH) return { kind: 'invalid', reason: 'too-long' };
  // A postal code, possibly with spaces ("75 001") or followed by the commune ("75001 Paris").
  const digits = /^(\d[\d ]*\d|\d)(?:\s+\D.*)?$/.exec(text)?.[1]?.replace(/ /g, '');
  if (digits !== undefined) {
    if (digits.length === 5) return { kind: 'postcode', code: digits };
    if (/\p{L}/u.test(text)) {
      // "750 Paris": the digits are not a postal code, but the name may still be.
    } else {
      return { kind: 'invalid', reason: digits.length < 5 ? 'postcode-too-short' : 'postcode-too-long', digits };
    }
  }
  const key = nameKey(text.replace(/\d+/g, ' '));
  if (!/\p{L}/u.test(key)) return { kind: 'invalid', reason: 'no-letters' };
  return { kind: 'name', key, text };
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
