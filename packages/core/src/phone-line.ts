/**
 * The national phone line for help with online procedures (Solidarité Numérique), offered wherever the widget
 * sends a person to human help. Its full description (hours, cost, closures) is an operator's file,
 * packages/locator/config/ligne-solidarite-numerique.json, published with the places; this is the fallback shown
 * when that file cannot be read, and the only place the number is written in code.
 */
export const NATIONAL_PHONE_LINE = {
  name: 'Solidarité Numérique',
  /** E.164, for tel: links. */
  tel: '+33170772372',
  /** As written for people. */
  display: '01 70 772 372',
} as const;
