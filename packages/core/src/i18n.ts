/**
 * Locales and catalogues. Every user-facing string lives in a typed catalogue per component
 * (`strings.ts` next to the element), French first; integrators may override any entry.
 */
export const LOCALES = ['fr', 'en', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export type Catalogues<T> = { [L in Locale]: T };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** "ar-MA" → "ar", "EN" → "en"; anything unsupported gives the French default. */
export function resolveLocale(requested: string | null | undefined): Locale {
  const primary = (requested ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : DEFAULT_LOCALE;
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * Picks the plural form with the platform's rules. French puts 0 in "one" ("0 étape restante");
 * Arabic has six forms: missing ones fall back to `other`.
 */
export function plural(
  locale: Locale,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string {
  const rule = new Intl.PluralRules(locale).select(count);
  return (forms[rule] ?? forms.other).replace('{n}', formatNumber(locale, count));
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  // Western digits in Arabic too: phone numbers, postal codes and distances stay readable alongside French data.
  return new Intl.NumberFormat(locale === 'ar' ? 'ar-u-nu-latn' : locale, options).format(value);
}

/** Catalogue for a locale, with integrator overrides applied on top (unknown keys are ignored). */
export function pickStrings<T extends object>(
  catalogues: Catalogues<T>,
  locale: Locale,
  overrides?: Partial<Record<keyof T, unknown>>,
): T {
  const base = catalogues[locale] ?? catalogues[DEFAULT_LOCALE];
  if (!overrides) return base;
  const merged = { ...base };
  for (const key of Object.keys(overrides) as (keyof T)[]) {
    const value = overrides[key];
    // Only plain strings may be overridden: functions (plurals, interpolations) keep their logic.
    if (key in base && typeof base[key] === 'string' && typeof value === 'string') {
      (merged as Record<keyof T, unknown>)[key] = value;
    }
  }
  return merged;
}
