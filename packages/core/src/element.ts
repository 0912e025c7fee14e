/**
 * `@aide/core/element`, the Lit layer: the one base class of the widget's elements (typed events, safe
 * registration, reactive lang/dir and the locale catalogue of the component), the shared styles, and the contract
 * by which a component offers itself as a view of the help panel.
 */
import { LitElement, type ComplexAttributeConverter, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { directionOf, pickStrings, resolveLocale, type Catalogues, type Locale } from './i18n.ts';
import { announce, type Politeness } from './announce.ts';
import { booleanAttribute } from './attributes.ts';

/**
 * The widget's one convention for Boolean attributes, as in HTML and as on the script tag (see config.ts): present =
 * on, absent = off, and "false" = off too (Lit's own Boolean converter would read "false" as on).
 * `@property({ attribute: 'in-panel', converter: booleanConverter }) inPanel = false`.
 */
export const booleanConverter: ComplexAttributeConverter<boolean> = {
  fromAttribute: (value) => booleanAttribute(value),
  toAttribute: (value) => (value ? '' : null),
};

/**
 * An option on by default, written in HTML as its negation: `no-persist` sets `persist = false`.
 * `@property({ attribute: 'no-persist', converter: negatedBooleanConverter }) persist = true`.
 */
export const negatedBooleanConverter: ComplexAttributeConverter<boolean> = {
  fromAttribute: (value) => !booleanAttribute(value),
  toAttribute: (value) => (value ? null : ''),
};

export abstract class AideElement<Strings extends object = Record<string, never>> extends LitElement {
  /** Locale of the component; when empty, the closest `lang` above it, then the page's. */
  @property({ reflect: true }) override lang = '';
  @property({ reflect: true }) override dir = '';
  /** 'light' | 'dark' forces a theme; empty follows prefers-color-scheme. */
  @property({ reflect: true }) theme = '';

  /** Catalogues of this component (fr, en, ar). */
  protected abstract readonly catalogues: Catalogues<Strings>;

  /** Integrator overrides of plain strings, by key. */
  @property({ attribute: false }) strings?: Partial<Record<keyof Strings, string>>;

  get locale(): Locale {
    const own = this.lang || this.closestLang();
    return resolveLocale(own || document.documentElement.lang);
  }

  /** The strings for the current locale. */
  protected get t(): Strings {
    return pickStrings(this.catalogues, this.locale, this.strings);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Without an explicit lang the component takes the page's, resolved to a supported locale, so that
    // assistive technologies read it with the right voice (RGAA 8.3 / 8.4).
    if (!this.lang) this.lang = this.locale;
    if (!this.dir) this.dir = directionOf(this.locale);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('lang') && this.lang && changed.get('lang') !== undefined) this.dir = directionOf(this.locale);
  }

  private closestLang(): string {
    let node: Node | null = this.parentNode;
    while (node) {
      if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
      node = node instanceof ShadowRoot ? node.host : node.parentNode;
    }
    return '';
  }

  /**
   * Says a message through the widget's live regions, in the component's language: the regions sit at the end of
   * the page, whose lang may differ (RGAA 8.7), so the voice would be the wrong one.
   */
  protected announce(message: string, politeness: Politeness = 'polite'): void {
    announce(message, politeness, this.locale);
  }

  /** Dispatches a bubbling, composed, optionally cancelable event; returns false if it was cancelled. */
  protected emit<T>(name: `aide-${string}`, detail: T, options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(
      new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
    );
  }
}

/**
 * Registers a tag once. If the page already uses the name for something else, warns instead of throwing:
 * the widget must never break the host page.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === constructor) return;
  if (existing) {
    console.warn(`[Aide numérique] <${tag}> est déjà défini par la page : ce composant n'est pas chargé.`);
    return;
  }
  customElements.define(tag, constructor);
}

export { sharedStyles } from './lit-styles.ts';
export type { ComponentView, ViewContext } from './panel-view.ts';
