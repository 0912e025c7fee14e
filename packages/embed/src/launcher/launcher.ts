/** <aide-help>: the "Besoin d'aide ?" button, part of aide.js. */
import { AideLauncherActivateEvent, busyCss, directionOf, guestStyle, markBusy, resolveLocale, buttonTokensCss, type Locale } from '@aide/core';
import type { LauncherStrings } from './strings.ts';
import { launcherStrings } from './strings.ts';
import { launcherCss } from './launcher.styles.ts';

let sheet: CSSStyleSheet | undefined;
function styles(): CSSStyleSheet {
  // Constructable stylesheets are allowed under style-src 'self' (no <style> element, no inline style).
  sheet ??= new CSSStyleSheet();
  if (sheet.cssRules.length === 0) sheet.replaceSync(buttonTokensCss + launcherCss + busyCss);
  return sheet;
}

const ICON_PATH =
  'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 15.5a1.25 1.25 0 1 1 0-2.5 1.25 1.25 0 0 1 0 2.5Zm1.3-5.2v.7h-2.6v-1.1c0-1.5 1-2.2 1.8-2.7.6-.4 1-.7 1-1.3 0-.7-.6-1.2-1.5-1.2-.9 0-1.6.5-1.9 1.3l-2.3-1c.6-1.6 2.2-2.7 4.3-2.7 2.4 0 4.1 1.4 4.1 3.4 0 1.7-1.1 2.5-2 3.1-.5.4-.9.6-.9 1.5Z';

function adoptStyles(root: ShadowRoot): void {
  root.adoptedStyleSheets = [styles()];
}

/** The button, built node by node: no innerHTML, so nothing to declare under Trusted Types. */
function launcherButton(label: HTMLSpanElement): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('part', 'launcher');
  button.setAttribute('aria-expanded', 'false');
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', ICON_PATH);
  svg.append(path);
  button.append(svg, label);
  return button;
}

/**
 * The "Besoin d'aide ?" button that opens the help panel. aide.js adds one at the bottom of the screen (data-position),
 * and turns every `<aide-help>` the page places into such a button; its attributes are the configuration's
 * (`procedure`, `entries`, `color`… as on the script tag, and they win over it). Framework-free on purpose: it is all
 * a page downloads before anyone clicks (6 KB gzip with the loader), so Lit and the panel come later.
 *
 * @summary The "Besoin d'aide ?" button that opens the help panel.
 * @tagname aide-help
 * @csspart launcher - The button.
 * @cssproperty --aide-color-primary - Background of the button.
 * @cssproperty --aide-color-on-primary - Text of the button.
 * @cssproperty --aide-brand - The administration's colour, set by aide.js from `data-color`.
 * @cssproperty --aide-color-focus - The focus ring.
 * @cssproperty --aide-font-family - Font.
 * @cssproperty --aide-radius - Corner radius.
 * @cssproperty --aide-shadow - Shadow of the floating button.
 * @fires {AideLauncherActivateEvent} aide-launcher-activate - The person pressed the button; aide.js opens the panel.
 */
export class AideHelpElement extends HTMLElement {
  /** Lets a second copy of aide.js recognise the first one. */
  static readonly isAide = true;
  /** Set by aide.js: configures each launcher when it connects (the page's own, and those added later). */
  static whenConnected: ((launcher: AideHelpElement) => void) | undefined;
  /** The button in the shadow root: the panel gives focus back to it when it closes. */
  button: HTMLButtonElement;
  private label: HTMLSpanElement;
  /** Its own live region, there from the start (screen readers only read changes to a region that exists). */
  private readonly status: HTMLSpanElement;
  /** The message in the status region, or on its way to it. */
  private said = '';
  /** The frame that will write `said` into the status region. */
  private pendingFrame = 0;
  private locale: Locale = 'fr';
  /**
   * The last activation came from a pointer (a click has a detail ≥ 1; a key, or a screen reader's action, 0).
   * @internal Read by the panel.
   */
  activatedByPointer = false;
  private readonly activate = (event: MouseEvent) => {
    // A double click opens once (its second click would land in the panel opening over the launcher).
    if (event.detail >= 2) return;
    this.activatedByPointer = event.detail > 0;
    this.dispatchEvent(new AideLauncherActivateEvent());
  };

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root);
    this.label = document.createElement('span');
    this.button = launcherButton(this.label);
    this.status = document.createElement('span');
    this.status.setAttribute('role', 'status');
    // Visually hidden, set through the CSSOM (allowed under a strict CSP).
    this.status.style.cssText = 'position:fixed;clip-path:inset(50%);white-space:nowrap';
    root.append(this.button, this.status);
    this.button.addEventListener('click', this.activate);
  }

  connectedCallback(): void {
    AideHelpElement.whenConnected?.(this);
  }

  /** Sets locale, placement and brand colour; called by the loader with the resolved configuration. */
  configure(options: { locale: string; floating: 'bottom-right' | 'bottom-left' | null; color: string | null; theme: string }) {
    const locale = resolveLocale(options.locale);
    this.locale = locale;
    this.label.textContent = this.strings.label;
    this.button.lang = locale;
    this.button.dir = directionOf(locale);
    this.button.className = options.floating ? `floating${options.floating === 'bottom-left' ? ' start' : ''}` : 'inline';
    // The floating button takes no room in the page: the host has no box of its own.
    if (options.floating) guestStyle(this);
    if (options.theme !== 'auto') this.setAttribute('theme', options.theme);
    if (options.color) {
      // The colour was accepted for its contrast with white text: white it stays in the dark theme too (as in the panel).
      this.style.setProperty('--aide-brand', options.color);
      this.style.setProperty('--_on-brand', '#ffffff');
    }
  }

  private get strings(): LauncherStrings {
    // Every locale has all three strings, and no overrides apply to the launcher: no pickStrings to carry.
    return launcherStrings[this.locale];
  }

  /** Shows and says that the panel is on its way (slow network); returns the function that ends it. */
  busy(): () => void {
    const end = markBusy(this.button, this.strings.loading, (message) => this.say(message));
    return () => {
      end();
      // The wait is over: its message leaves the hidden region, where a reading cursor would still find it (RGAA
      // 10.8). A failure said meanwhile stays.
      if (this.said === this.strings.loading) this.unsay();
    };
  }

  /** Says that the panel could not be loaded (the button stays, to try again). */
  failed(): void {
    this.say(this.strings.loadFailed);
  }

  private say(message: string): void {
    this.unsay();
    this.status.lang = this.locale;
    this.said = message;
    // The same message again is set after the region was emptied, or it would not be read.
    this.pendingFrame = requestAnimationFrame(() => (this.status.textContent = message));
  }

  private unsay(): void {
    cancelAnimationFrame(this.pendingFrame);
    this.status.textContent = '';
    this.said = '';
  }

  /** Whether the panel it opens is open (the button's aria-expanded). */
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
