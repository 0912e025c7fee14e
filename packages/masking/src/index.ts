/**
 * @aide/masking — finds and masks personal data in a person's free text about a public service, in the browser
 * (the person sees the masked version before sending, even offline) and in the collector (the pass that counts,
 * before anything is stored). No dependency, no Node or DOM API.
 *
 * @example
 * import { maskPersonalData } from '@aide/masking';
 * const { text, found } = maskPersonalData(story);
 * // store `text` and `found.map((f) => f.kind)`, never `story`.
 */
export { maskPersonalData, maskRanges } from './mask.ts';
export type { MaskOptions, MaskResult, MaskedPassage, Range } from './mask.ts';
export { PERSONAL_DATA_KINDS, PLACEHOLDERS } from './kinds.ts';
export type { PersonalDataKind, PlaceholderLocale, Placeholders } from './kinds.ts';
