/**
 * Widget configuration: one order of precedence, one table of options.
 * defaults < window.AideConfig < data-* on the script tag < attributes on <aide-help>.
 * A wrong value logs one console warning naming the attribute and the accepted values; the default is kept.
 * Boolean options follow HTML, the one convention of the widget's attributes (elements included): present = on,
 * absent = default, "false" = off; an option on by default is written as its negation (`no-persist`).
 * This module is part of the loader, which has a 6 KB gzip budget: keep it plain.
 */
import { isLocale, type Locale } from './i18n.ts';
import { booleanAttribute } from './attributes.ts';
import { DEFAULT_TIMEOUT_SECONDS, parseTimeoutSeconds } from './timeout.ts';

export const ENTRIES = ['tutorials', 'locator', 'feedback'] as const;
export type Entry = (typeof ENTRIES)[number];
export const POSITIONS = ['bottom-right', 'bottom-left', 'inline', 'none'] as const;
export type Position = (typeof POSITIONS)[number];
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const FEEDBACK_QUESTIONS = ['all', 'required'] as const;

export interface AideConfig {
  /** Procedure id, e.g. "demande-logement": tutorials suggested first, feedback grouped by it. */
  procedure: string | null;
  /** The host page's step in the procedure ("2", "situation"), attached to feedback. */
  step: string | null;
  /** 'auto' follows the host page's lang, then French. */
  locale: Locale | 'auto';
  position: Position;
  entries: Entry[];
  tutorialsUrl: string;
  feedbackEndpoint: string | null;
  locatorDataUrl: string;
  /** A URL returning places in the national standard schema, instead of the embedded shards. */
  locatorApiUrl: string | null;
  /** Brand colour for buttons, a hex colour with at least 4.5:1 contrast against white. */
  color: string | null;
  theme: Theme;
  feedbackQuestions: (typeof FEEDBACK_QUESTIONS)[number];
  /** Send anonymous "Je suis bloqué" counts per tutorial step to the collector. */
  reportBlocked: boolean;
  /** Keep progress and unsent feedback on the device (IndexedDB). */
  persist: boolean;
  /** Seconds a request may take before the widget gives up, says so and offers « Réessayer » (3 to 120). */
  timeout: number;
}

type Raw = unknown;
interface Option<K extends keyof AideConfig> {
  key: K;
  /** kebab-case name: data-<attr> on the script tag, <attr> on <aide-help>. */
  attr: string;
  /** The attribute says the opposite of the key (`no-persist` for `persist`); window.AideConfig uses the key. */
  negated?: true;
  accepted: string;
  parse(value: Raw, base: URL): AideConfig[K] | undefined;
}

const text =
  (pattern: RegExp) =>
  (value: Raw): string | null | undefined => {
    if (value === null || value === '') return null;
    return typeof value === 'string' && pattern.test(value.trim()) ? value.trim() : undefined;
  };
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: Raw): T | undefined =>
    typeof value === 'string' && (values as readonly string[]).includes(value.trim().toLowerCase())
      ? (value.trim().toLowerCase() as T)
      : undefined;
const bool = (value: Raw): boolean | undefined => {
  if (typeof value === 'boolean') return value;
  return typeof value === 'string' ? booleanAttribute(value) : undefined;
};
const url = (value: Raw, base: URL): string | undefined => {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const resolved = new URL(value.trim(), base);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
};
const optionalUrl = (value: Raw, base: URL): string | null | undefined =>
  value === null || value === '' ? null : url(value, base);

function srgbChannel(hex: string): number {
  const c = parseInt(hex, 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}
/** WCAG contrast ratio of a #rrggbb colour against white. */
export function contrastWithWhite(hex6: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => srgbChannel(hex6.slice(i, i + 2)));
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (luminance + 0.05);
}
const color = (value: Raw): string | null | undefined => {
  if (value === null || value === '') return null;
  if (typeof value !== 'string') return undefined;
  let hex = value.trim().toLowerCase();
  if (/^#[0-9a-f]{3}$/.test(hex)) hex = '#' + [...hex.slice(1)].map((c) => c + c).join('');
  return /^#[0-9a-f]{6}$/.test(hex) && contrastWithWhite(hex) >= 4.5 ? hex : undefined;
};
const entries = (value: Raw): Entry[] | undefined => {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
  if (!list) return undefined;
  const parsed = list.map((v) => oneOf(ENTRIES)(v));
  return parsed.length > 0 && parsed.every((v) => v !== undefined) ? [...new Set(parsed)] : undefined;
};

const OPTIONS: Option<keyof AideConfig>[] = [
  { key: 'procedure', attr: 'procedure', accepted: 'un identifiant en minuscules (lettres, chiffres, - . _), 64 caractères au plus', parse: text(/^[a-z0-9][a-z0-9._-]{0,63}$/) },
  { key: 'step', attr: 'step', accepted: 'un texte de 80 caractères au plus', parse: text(/^.{1,80}$/u) },
  { key: 'locale', attr: 'locale', accepted: 'fr, en, ar, auto', parse: (v) => (v === 'auto' || isLocale(v) ? v : undefined) },
  { key: 'position', attr: 'position', accepted: POSITIONS.join(', '), parse: oneOf(POSITIONS) },
  { key: 'entries', attr: 'entries', accepted: 'une liste séparée par des virgules parmi ' + ENTRIES.join(', '), parse: entries },
  { key: 'tutorialsUrl', attr: 'tutorials-url', accepted: 'une adresse http(s) ou relative', parse: url },
  { key: 'feedbackEndpoint', attr: 'feedback-endpoint', accepted: 'une adresse http(s) ou relative', parse: optionalUrl },
  { key: 'locatorDataUrl', attr: 'locator-data-url', accepted: 'une adresse http(s) ou relative', parse: url },
  { key: 'locatorApiUrl', attr: 'locator-api-url', accepted: 'une adresse http(s) ou relative', parse: optionalUrl },
  { key: 'color', attr: 'color', accepted: 'une couleur #rrggbb contrastée (au moins 4,5:1 avec du texte blanc)', parse: color },
  { key: 'theme', attr: 'theme', accepted: THEMES.join(', '), parse: oneOf(THEMES) },
  { key: 'feedbackQuestions', attr: 'feedback-questions', accepted: FEEDBACK_QUESTIONS.join(', '), parse: oneOf(FEEDBACK_QUESTIONS) },
  { key: 'reportBlocked', attr: 'report-blocked', accepted: 'attribut présent (ou true, false)', parse: bool },
  { key: 'persist', attr: 'no-persist', negated: true, accepted: 'attribut présent (ou true, false)', parse: bool },
  { key: 'timeout', attr: 'timeout', accepted: 'un nombre de secondes entre 3 et 120', parse: parseTimeoutSeconds },
];

/** Every option's attribute, window.AideConfig key and accepted values, for the README table and the manifest. */
export const CONFIG_OPTIONS: readonly { attr: string; key: keyof AideConfig; accepted: string }[] = /* @__PURE__ */ OPTIONS.map(({ attr, key, accepted }) => ({ attr, key, accepted }));

/**
 * Checks one attribute's value as aide.js will read it (for forms that write the tag, like the demo's
 * configurator): ok, or the accepted values in plain French. An empty value means "not set".
 */
export function checkOption(attr: string, value: string, base: URL): { ok: true } | { ok: false; accepted: string } {
  const option = OPTIONS.find((o) => o.attr === attr);
  if (!option) return { ok: false, accepted: '' };
  return option.parse(value, base) === undefined ? { ok: false, accepted: option.accepted } : { ok: true };
}

export function defaultConfig(base: URL): AideConfig {
  return {
    procedure: null,
    step: null,
    locale: 'auto',
    position: 'bottom-right',
    entries: [...ENTRIES],
    tutorialsUrl: new URL('tutorials/index.json', base).href,
    feedbackEndpoint: null,
    locatorDataUrl: new URL('places/index.json', base).href,
    locatorApiUrl: null,
    color: null,
    theme: 'auto',
    feedbackQuestions: 'all',
    reportBlocked: false,
    persist: true,
    timeout: DEFAULT_TIMEOUT_SECONDS,
  };
}

const warned = new Set<string>();
function warnOnce(source: string, value: Raw, option: Option<keyof AideConfig>, kept: unknown) {
  const id = `${source}|${option.attr}|${String(value)}`;
  if (warned.has(id)) return;
  warned.add(id);
  console.warn(
    `[Aide numérique] ${source} = ${JSON.stringify(value)} n'est pas valide. ` +
      `Valeurs acceptées : ${option.accepted}. Valeur utilisée : ${JSON.stringify(kept)}.`,
  );
}

export interface ConfigLayer {
  /** How the layer is named in warnings: 'window.AideConfig', 'data-*', '<aide-help>'. */
  source: 'window.AideConfig' | 'script' | 'aide-help';
  read(option: { key: string; attr: string }): Raw;
}

/** Applies layers in order on top of `start`; invalid values warn and leave the previous value. */
export function resolveConfig(start: AideConfig, layers: ConfigLayer[], base: URL): AideConfig {
  const config = { ...start };
  for (const layer of layers) {
    for (const option of OPTIONS) {
      const value = layer.read(option);
      if (value === undefined) continue;
      let parsed = option.parse(value, base);
      if (option.negated && layer.source !== 'window.AideConfig' && typeof parsed === 'boolean') parsed = !parsed;
      if (parsed === undefined) {
        const name =
          layer.source === 'window.AideConfig'
            ? `window.AideConfig.${option.key}`
            : layer.source === 'script'
              ? `data-${option.attr}`
              : `<aide-help ${option.attr}>`;
        warnOnce(name, value, option, config[option.key]);
      } else {
        (config as Record<string, unknown>)[option.key] = parsed;
      }
    }
  }
  return config;
}

export function objectLayer(object: unknown): ConfigLayer {
  const record = object && typeof object === 'object' ? (object as Record<string, unknown>) : {};
  return { source: 'window.AideConfig', read: (o) => record[o.key] };
}

export function datasetLayer(element: HTMLElement | null): ConfigLayer {
  return {
    source: 'script',
    read: (o) => element?.getAttribute('data-' + o.attr) ?? undefined,
  };
}

export function attributeLayer(element: Element): ConfigLayer {
  return { source: 'aide-help', read: (o) => element.getAttribute(o.attr) ?? undefined };
}
