/**
 * `@aide/core/element`, the Lit layer: the one base class of the widget's elements (typed events, safe
 * registration, reactive lang/dir and the locale catalogue of the component), the shared styles, and the contract
 * by which a component offers itself as a view of the help panel.
 */
import { LitElement, nothing, type ComplexAttributeConverter, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { directionOf, pickStrings, resolveLocale, type Catalogues, type Locale } from './i18n.ts';
import { announce, type Announcement, type Politeness } from './announce.ts';
import { booleanAttribute } from './attributes.ts';
import { ignoreRepeatedClick } from './hurried.ts';
import { EscapeController } from './escape.ts';

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

/**
 * What every element of the widget shares: its language and direction, its theme, string overrides, and the
 * design tokens its styles read (each falls back on the DSFR's token when the page uses the DSFR, then on a value).
 *
 * @cssproperty --aide-color-primary - Buttons and progress (default: the DSFR's bleu France, #000091).
 * @cssproperty --aide-color-primary-hover - Buttons under the pointer.
 * @cssproperty --aide-color-on-primary - Text on buttons (default: white).
 * @cssproperty --aide-brand - The administration's colour, set by aide.js from `data-color`; --aide-color-primary wins over it.
 * @cssproperty --aide-color-link - Links.
 * @cssproperty --aide-color-text - Text.
 * @cssproperty --aide-color-text-mention - Secondary text (hints, dates).
 * @cssproperty --aide-color-background - Background.
 * @cssproperty --aide-color-background-alt - Background of highlighted areas.
 * @cssproperty --aide-color-background-contrast - Background of fields.
 * @cssproperty --aide-color-border - Borders of fields and controls (keep 3:1 against the background).
 * @cssproperty --aide-color-border-light - Separators.
 * @cssproperty --aide-color-focus - The focus ring (keep 3:1 against the background).
 * @cssproperty --aide-color-success - Success messages.
 * @cssproperty --aide-color-error - Error messages.
 * @cssproperty --aide-color-info - Information callouts.
 * @cssproperty --aide-color-warning - Warnings.
 * @cssproperty --aide-font-family - Font (default: Marianne, then Arial).
 * @cssproperty --aide-radius - Corner radius.
 * @cssproperty --aide-shadow - Shadow of raised surfaces.
 */
export abstract class AideElement<Strings extends object = Record<string, never>> extends LitElement {
  /** Language: `fr`, `en` or `ar`. When empty, the closest `lang` above the element, then the page's; French otherwise. */
  @property({ reflect: true }) override lang = '';
  /** Direction, set from the language (`rtl` in Arabic). */
  @property({ reflect: true }) override dir = '';
  /** `light` or `dark` forces a theme; empty follows the system's preference (prefers-color-scheme). */
  @property({ reflect: true }) theme = '';

  /** Catalogues of this component (fr, en, ar). */
  protected abstract readonly catalogues: Catalogues<Strings>;

  /** The integrator's replacements for plain strings of the catalogue, by key (texts with a number keep their logic). */
  @property({ attribute: false }) strings?: Partial<Record<keyof Strings, string>>;

  get locale(): Locale {
    const own = this.lang || this.closestLang();
    return resolveLocale(own || document.documentElement.lang);
  }

  /** The strings for the current locale. */
  protected get t(): Strings {
    return pickStrings(this.catalogues, this.locale, this.strings);
  }

  constructor() {
    super();
    // Escape closes the innermost open disclosure of the component first (escape.ts), then the panel.
    this.addController(new EscapeController(this));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A double click is one action, in every component (hurried.ts); the same function is added once.
    this.renderRoot.addEventListener('click', ignoreRepeatedClick, true);
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
   * the page, whose lang may differ (RGAA 8.7), so the voice would be the wrong one. Pieces in another language
   * (a French title in an English message) carry their own.
   */
  protected announce(message: Announcement, politeness: Politeness = 'polite'): void {
    announce(message, politeness, this.locale);
  }

  /** Dispatches one of the widget's events (see events.ts); returns false when a listener cancelled it. */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }
}

/**
 * A heading whose level depends on where the element is placed (`heading-level`), kept within h2–h6. `focusable`
 * gives it tabindex="-1", for the headings focus is moved to.
 */
export function heading(level: number, content: unknown, options: { id?: string; className?: string; focusable?: boolean } = {}) {
  const tag = unsafeStatic(`h${Math.min(6, Math.max(2, level))}`);
  return staticHtml`<${tag} id=${options.id ?? nothing} class=${options.className ?? nothing} tabindex=${options.focusable ? '-1' : nothing}>${content}</${tag}>`;
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
export { HelpContextController } from './help-context-controller.ts';
export { BusyController } from './busy-controller.ts';
export { styleProperties } from './style-properties.ts';
export type { ComponentView, ViewContext } from './panel-view.ts';
