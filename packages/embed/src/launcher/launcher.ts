/**
 * <aide-help>: the "Besoin d'aide ?" button. Framework-free on purpose: it is all a page downloads before
 * anyone clicks (6 KB gzip budget with the loader), so Lit and the panel come later.
 *
 * @summary Opens the help panel.
 * @csspart launcher - the button.
 * @cssproperty --aide-color-primary - background of the button.
 * @event aide-launcher-activate - the person pressed the button (handled by the loader).
 */
import { tokensCss } from '@aide/core/styles';
import { directionOf, pickStrings, resolveLocale } from '@aide/core/i18n';
import { launcherStrings } from './strings.ts';
import { launcherCss } from './launcher.styles.ts';

let sheet: CSSStyleSheet | undefined;
function styles(): CSSStyleSheet {
  // Constructable stylesheets are allowed under style-src 'self' (no <style> element, no inline style).
  sheet ??= new CSSStyleSheet();
  if (sheet.cssRules.length === 0) sheet.replaceSync(tokensCss + launcherCss);
  return sheet;
}

const ICON_PATH =
  'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 15.5a1.25 1.25 0 1 1 0-2.5 1.25 1.25 0 0 1 0 2.5Zm1.3-5.2v.7h-2.6v-1.1c0-1.5 1-2.2 1.8-2.7.6-.4 1-.7 1-1.3 0-.7-.6-1.2-1.5-1.2-.9 0-1.6.5-1.9 1.3l-2.3-1c.6-1.6 2.2-2.7 4.3-2.7 2.4 0 4.1 1.4 4.1 3.4 0 1.7-1.1 2.5-2 3.1-.5.4-.9.6-.9 1.5Z';

export class AideHelpElement extends HTMLElement {
  /** Lets a second copy of aide.js recognise the first one. */
  static readonly isAide = true;
  button: HTMLButtonElement;
  private label: HTMLSpanElement;
  /** The last activation came from a pointer (a click has a detail ≥ 1; a key, or a screen reader's action, 0). */
  activatedByPointer = false;
  private readonly activate = (event: MouseEvent) => {
    this.activatedByPointer = event.detail > 0;
    this.dispatchEvent(new CustomEvent('aide-launcher-activate', { bubbles: true, composed: true }));
  };

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    // DOM built node by node: no innerHTML, so nothing to declare under Trusted Types.
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.setAttribute('part', 'launcher');
    this.button.setAttribute('aria-expanded', 'false');
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', ICON_PATH);
    svg.append(path);
    this.label = document.createElement('span');
    this.button.append(svg, this.label);
    root.append(this.button);
    this.button.addEventListener('click', this.activate);
  }

  /** Sets locale, placement and brand colour; called by the loader with the resolved configuration. */
  configure(options: { locale: string; floating: 'bottom-right' | 'bottom-left' | null; color: string | null; theme: string }) {
    const locale = resolveLocale(options.locale);
    this.label.textContent = pickStrings(launcherStrings, locale).label;
    this.button.lang = locale;
    this.button.dir = directionOf(locale);
    this.button.className = options.floating ? `floating${options.floating === 'bottom-left' ? ' start' : ''}` : 'inline';
    if (options.theme !== 'auto') this.setAttribute('theme', options.theme);
    if (options.color) {
      this.style.setProperty('--aide-brand', options.color);
      // A brand colour is dark (the configuration refuses one under 4.5:1 with white): white text on it, in the
      // dark theme too, as in the panel.
      this.style.setProperty('--_on-brand', '#ffffff');
    }
  }

  set expanded(value: boolean) {
    this.button.setAttribute('aria-expanded', String(value));
  }

  /**
   * Hides the floating launcher while the docked panel takes its place. Done inside the shadow root,
   * not with the host's hidden attribute, which a page rule like [hidden] { display: block } would undo.
   */
  set concealed(value: boolean) {
    if (!value && this.concealed) {
      // Shown again as a new button: for the one that was hidden, Chromium and the screen reader keep the state it
      // had then, and Orca said « expanded » on the button of a closed panel (test/screen-reader).
      const fresh = this.button.cloneNode(true) as HTMLButtonElement;
      fresh.classList.remove('concealed');
      fresh.addEventListener('click', this.activate);
      this.button.replaceWith(fresh);
      this.button = fresh;
      this.label = fresh.querySelector('span')!;
      return;
    }
    this.button.classList.toggle('concealed', value);
  }
  get concealed(): boolean {
    return this.button.classList.contains('concealed');
  }
}
