/**
 * Hostile inputs of 2,000 characters (the story limit): long runs of what each pattern starts with, almost-matches
 * repeated, separators without end. Shared by the tests (no crash, consistent output) and the benchmark (time).
 */
const LIMIT = 2000;
const fill = (unit: string): string => unit.repeat(Math.ceil(LIMIT / unit.length)).slice(0, LIMIT);

export function hostileInputs(): Record<string, string> {
  return {
    'one letter': fill('a'),
    'one digit': fill('1'),
    'digits and spaces': fill('1 '),
    'digit pairs with dots': fill('06.'),
    'at signs': fill('@'),
    'local part without domain': fill('jean.dupont'),
    'dots and letters': fill('a.'),
    'spelled-out e-mail without end': fill('jean point '),
    'arobase without domain': fill('a arobase '),
    'plus and digits': fill('+3 '),
    'IBAN start repeated': fill('FR76 '),
    'alphanumeric groups': fill('AB12 '),
    'NIR almost': fill('1 85 05 78 '),
    'titles without names': fill('Madame '),
    'titles and particles': fill('M. de la '),
    'closings': fill('Cordialement, '),
    'street without end': fill('12 rue de la '),
    'street types': fill('12 rue '),
    'capitalised words': fill('Jean '),
    'cues without values': fill('numéro de dossier : '),
    'birth cue': fill('née à Lyon le '),
    'brackets': fill('['),
    'placeholder halves': fill('[adresse e-mail'),
    'line breaks': fill('\n'),
    'emoji': fill('😀'),
    'apostrophes': fill("l'"),
    'no-break spaces': fill('\u00A0'),
    'mixed noise': fill('06 @ rue Mme. 1er FR76 né le '),
  };
}
