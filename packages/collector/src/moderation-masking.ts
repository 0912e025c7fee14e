/**
 * A moderator masks more of a story before publishing it, never less. The moderator edits the masked text and
 * replaces each passage to hide by the marker « [masqué] » (or by a placeholder of @aide/masking, such as
 * « [nom masqué] »). The server accepts the edited text only if it is the stored text with some passages replaced
 * by markers: every other character must be the stored one, in place. So a placeholder cannot be turned back into
 * what it hid, and nothing else can be rewritten. The new passages take @aide/masking's placeholders (`maskRanges`),
 * and are counted under the kind `moderation` (« masqué par la modération »): kinds and counts, never values.
 */
import { PLACEHOLDERS, maskRanges, type PersonalDataKind, type Range } from '#masking';

/** What a moderator types to mask a passage (the placeholder of the kind `other` is written in its place). */
export const MODERATION_MARKER = '[masqué]';
/** The kind the stored list of masked kinds gains for passages masked by hand. */
const MODERATION_KIND = 'moderation';

const MARKERS: [string, PersonalDataKind][] = [[MODERATION_MARKER, 'other'], ...(Object.entries(PLACEHOLDERS.fr) as [PersonalDataKind, string][]).map(([kind, text]): [string, PersonalDataKind] => [text, kind])];
const PLACEHOLDER_TEXTS = new Set(Object.values(PLACEHOLDERS.fr));

type MaskFurther = { ok: true; text: string; added: number } | { ok: false; reason: 'unchanged' | 'not-only-masking' };

/** Line ends as a form sends them (CRLF) or as stored (LF) compare equal. */
const lines = (text: string) => text.replace(/\r\n?/g, '\n');

/**
 * The stored text with the passages the edited text replaces by markers masked, or why the edit is refused.
 * A parse of `edited` as literal pieces and markers must match `stored`, each marker standing for at least one
 * character. The earliest place of each piece is tried: if any placement exists, that one does.
 */
export function maskFurther(stored: string, edited: string): MaskFurther {
  const before = lines(stored);
  const after = lines(edited);
  const pieces: string[] = [];
  const kinds: PersonalDataKind[] = [];
  let cursor = 0;
  for (let at = after.indexOf('['); at >= 0; at = after.indexOf('[', at + 1)) {
    const marker = MARKERS.find(([text]) => after.startsWith(text, at));
    if (!marker) continue;
    pieces.push(after.slice(cursor, at));
    kinds.push(marker[1]);
    cursor = at + marker[0].length;
    at = cursor - 1;
  }
  pieces.push(after.slice(cursor));
  if (kinds.length === 0) return after === before ? { ok: false, reason: 'unchanged' } : { ok: false, reason: 'not-only-masking' };
  const first = pieces[0]!;
  if (!before.startsWith(first)) return { ok: false, reason: 'not-only-masking' };
  const ranges: Range[] = [];
  let position = first.length;
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const last = i === pieces.length - 1;
    const found = last ? before.length - piece.length : before.indexOf(piece, position + 1);
    if (found < position + 1 || found > before.length || (last && !before.endsWith(piece))) return { ok: false, reason: 'not-only-masking' };
    ranges.push({ start: position, end: found, kind: kinds[i - 1]! });
    position = found + piece.length;
  }
  const added = ranges.filter((r) => !PLACEHOLDER_TEXTS.has(before.slice(r.start, r.end))).length;
  if (added === 0) return { ok: false, reason: 'unchanged' };
  return { ok: true, text: maskRanges(before, ranges).text, added };
}

/** The stored list of kinds, with the passages masked by the moderation added to its count. */
export function withModerationKind(maskedKinds: string, added: number): string {
  const kinds = JSON.parse(maskedKinds) as { kind: string; count: number }[];
  const existing = kinds.find((k) => k.kind === MODERATION_KIND);
  if (existing) existing.count += added;
  else kinds.push({ kind: MODERATION_KIND, count: added });
  return JSON.stringify(kinds);
}

/** « adresse e-mail (1), masqué par la modération (2) »: the kinds in words, from the placeholders' own words. */
export function maskedKindsText(maskedKinds: string): string {
  const kinds = JSON.parse(maskedKinds) as { kind: string; count: number }[];
  const label = (kind: string) =>
    kind === MODERATION_KIND ? 'masqué par la modération' : ((PLACEHOLDERS.fr as Record<string, string>)[kind]?.slice(1, -1).replace(/ masquée?$/, '') ?? kind);
  return kinds.map((k) => `${label(k.kind)} (${k.count})`).join(', ') || 'rien';
}
