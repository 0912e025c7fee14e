/**
 * Text folding shared by every search in the widget (tutorial search, commune autocomplete):
 * case-, accent-, ligature-, hyphen- and apostrophe-insensitive.
 * "Saint-Étienne", "ST ETIENNE" and "saint étienne" all fold to "saint etienne".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Splits folded text into words. */
export function words(text: string): string[] {
  const folded = fold(text);
  return folded ? folded.split(' ') : [];
}
