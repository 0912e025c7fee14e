/**
 * <aide-panel>: the help panel (its views, its bar on small screens, its state across the pages). Slightly above
 * 350 lines for a reason: its JSDoc is the published API; F6 and page focus are in page-focus.ts.
 */
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { AideElement, sharedStyles, type ComponentView } from '@aide/core/element';
import { AidePanelToggleEvent, directionOf, focusElement, markBusy, prepareAnnouncer, sayBusy, readHelpContext, readSession, resolveLocale, withinTimeout, writeHelpContext, writeSession, type AideConfig, type AideOpenViewEvent, type AideStepChangeEvent, type Locale, type PanelView, type StepChangeDetail } from '@aide/core';
import type { AideHelpElement } from '../launcher/launcher.ts';
import type { PanelState } from './api.ts';
import { panelStrings, type PanelStrings } from './strings.ts';
import { PANEL_WIDTH, panelStyles } from './panel.styles.ts';
import { componentViews } from './views.ts';
import { PageFocusController } from './page-focus.ts';
import { conformanceLevel, renderStatement } from '../accessibility/statement-view.ts';
import { statement } from '../accessibility/statement-data.ts';

const SMALL_SCREEN = '(max-width: 639.98px)';

const closeIcon = svg`<path d="M12 10.6 17 5.6 18.4 7 13.4 12l5 5-1.4 1.4-5-5-5 5L5.6 17l5-5-5-5L7 5.6l5 5Z"/>`;
const backIcon = svg`<path d="M7.8 11H20v2H7.8l5.4 5.4-1.4 1.4L4 12l7.8-7.8 1.4 1.4L7.8 11Z"/>`;
const reduceIcon = svg`<path d="M5 11h14v2H5z"/>`;

/**
 * The help panel that the "Besoin d'aide ?" buttons open: a first screen with the helps the administration offers
 * (tutorials, help near me, feedback), each one a view, and the accessibility statement. Not modal: a person follows
 * a tutorial while filling in the procedure, so on a large screen it is docked beside the page without an overlay;
 * under 640 CSS px it takes the viewport and can be reduced to a bar that stays visible ("Tutoriel : étape 3 sur 7 —
 * Afficher"). F6 and a visible button move focus between panel and page; Escape closes it and focus goes back to
 * the button that opened it. Its state (open, reduced, view, tutorial step) follows the person from page to page of
 * the procedure (the tab's session). aide.js creates it on first use: pages do not place it themselves.
 *
 * @summary The help panel opened by the "Besoin d'aide ?" buttons.
 * @tagname aide-panel
 * @csspart panel - The panel (a non-modal dialog).
 * @csspart header - Its title and tools (back to the page, reduce, close).
 * @csspart body - The current view.
 * @csspart bar - The bar of the reduced panel: on small screens, or when a page control it covered got the focus.
 * @fires {AidePanelToggleEvent} aide-panel-toggle - The panel opened or closed; detail: { open }.
 */
export class AidePanel extends AideElement<PanelStrings> {
  static override styles = [sharedStyles, panelStyles];
  protected readonly catalogues = panelStrings;

  /** The configuration resolved by aide.js (defaults, window.AideConfig, data-* of the script tag, the launcher's attributes). */
  @property({ attribute: false }) config!: AideConfig;
  /** Whether the panel is shown (see show() and close()). */
  @state() open = false;
  /** Reduced to its bar (small screens, or a page control under the panel got the focus). */
  @state() reduced = false;
  /** The view shown. */
  @state() view: PanelView = 'home';
  @state() private loadingView: PanelView | null = null;
  @state() private failedView: PanelView | null = null;
  @state() private small = false;
  @state() private tutorialProgress: StepChangeDetail | null = null;
  /** What the views have to tell on the first screen (« Vous avez une réponse »): asked once per page load. */
  @state() private notices: TemplateResult[] | null = null;
  @state() private askingNotices = false;

  @query('h2') private heading!: HTMLHeadingElement;
  @query('.bar .button') private barButton?: HTMLButtonElement;

  /** The launcher that opened the panel: focus goes back there on close. */
  launcher: AideHelpElement | null = null;
  /** Every launcher of the page, to keep their aria-expanded in step. */
  launchers: () => AideHelpElement[] = () => [];
  private readonly loadedViews = new Set<PanelView>();
  private viewRequest = 0;
  private readonly media = window.matchMedia(SMALL_SCREEN);
  private readonly pageFocus = new PageFocusController(this);
  private cancelDeferredConceal: (() => void) | null = null;

  private readonly onMediaChange = () => {
    this.small = this.media.matches;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.small = this.media.matches;
    this.media.addEventListener('change', this.onMediaChange);
    this.tutorialProgress = readHelpContext().tutorial ?? null;
    // The announcer's regions must exist before the first message for screen readers to read it.
    prepareAnnouncer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.media.removeEventListener('change', this.onMediaChange);
    this.cancelDeferredConceal?.();
    dockPage(null);
  }

  override get locale(): Locale {
    return resolveLocale(this.config?.locale === 'auto' || !this.config ? document.documentElement.lang : this.config.locale);
  }

  /** Views offered by this configuration, in the order of the first screen. */
  get availableViews(): ComponentView[] {
    return componentViews.filter((v) => this.config.entries.includes(v.entry) && v.available(this.config));
  }

  /** Opens the panel (or brings it back from the bar) and optionally moves focus to its heading. */
  async show(options: { moveFocus: boolean; view?: PanelView | undefined; restore?: PanelState | undefined }): Promise<void> {
    const restore = options.restore;
    const wasOpen = this.open;
    this.open = true;
    if (restore) this.reduced = restore.reduced;
    else if (options.moveFocus) this.reduced = false;
    const target = options.view ?? restore?.view ?? this.view;
    await this.setView(this.isOffered(target) ? target : 'home', false);
    if (!wasOpen) this.emit(new AidePanelToggleEvent({ open: true }));
    if (!this.notices) void this.askNotices();
    this.save();
    await this.updateComplete;
    if (options.moveFocus) this.focusHeading();
    // Opened with a key (or a screen reader's action), the floating launcher, which had the focus, goes away at the
    // person's next key or click, not now: a screen reader still busy with it would follow its removal and say
    // nothing of the panel (Orca does: test/screen-reader/journeys/panel.journey.ts). Until then the panel covers it.
    this.syncLaunchers(options.moveFocus && !this.launcher?.activatedByPointer ? 'at-next-input' : 'now');
  }

  /** Closes the panel; focus goes back to the launcher that opened it (or to the page). */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.reduced = false;
    this.syncLaunchers();
    this.save();
    this.emit(new AidePanelToggleEvent({ open: false }));
    const launcher = this.launcher && this.launcher.isConnected ? this.launcher : this.launchers()[0];
    if (launcher) {
      // The floating launcher was hidden while the panel was open: show it before focusing it.
      launcher.concealed = false;
      launcher.button.focus();
    } else {
      this.pageFocus.focusPage();
    }
  }

  /** Reduces the panel to its bar (small screens); focus goes to the bar's button. */
  reduce(): void {
    this.toBar();
    void this.updateComplete.then(() => this.barButton?.focus());
  }

  /** Brings the panel back from its bar; focus goes to its heading. */
  expand(): void {
    this.reduced = false;
    this.save();
    void this.updateComplete.then(() => this.focusHeading());
  }

  /** Focus to the page, where the person was; on a small screen the panel first shrinks to its bar. */
  goToPage(): void {
    if (this.small) this.toBar();
    void this.updateComplete.then(() => this.pageFocus.focusPage());
  }

  /** Focus to the panel's heading (from the bar, the panel comes back first). */
  goToPanel(): void {
    if (this.reduced) this.expand();
    else this.focusHeading();
  }

  private focusHeading(): void {
    focusElement(this.heading);
  }

  private isOffered(view: PanelView): boolean {
    return view === 'home' || view === 'accessibility' || this.availableViews.some((v) => v.view === view);
  }

  /**
   * Shows a view. Its code may have to arrive first: the view says so at once ("Chargement…", shown and said), and
   * after the configured timeout offers « Réessayer ». Pressed twice, or another view chosen meanwhile, the last
   * choice wins and focus moves once.
   */
  private async setView(view: PanelView, moveFocus = true): Promise<void> {
    const request = ++this.viewRequest;
    this.view = view;
    this.failedView = null;
    const definition = componentViews.find((v) => v.view === view);
    if (definition && !this.loadedViews.has(view)) {
      this.loadingView = view;
      const end = markBusy(null, this.t.loading, sayBusy(this.locale));
      try {
        await withinTimeout(definition.load(), view, this.config.timeout);
        this.loadedViews.add(view);
      } catch (error) {
        console.warn(`[Aide numérique] la vue « ${view} » n'a pas pu être chargée.`, error);
        if (request === this.viewRequest) {
          this.failedView = view;
          this.announce(this.t.loadError, 'assertive');
        }
      } finally {
        end();
        if (request === this.viewRequest) this.loadingView = null;
      }
    }
    if (request !== this.viewRequest) return;
    this.save();
    if (moveFocus) {
      await this.updateComplete;
      this.focusHeading();
    }
  }

  private async askNotices(): Promise<void> {
    this.notices = [];
    this.askingNotices = true;
    const context = { config: this.config, locale: this.locale, theme: this.theme, help: {} };
    const told = await Promise.all(componentViews.map(async (v) => (await v.notice?.(context).catch(() => null)) ?? null));
    this.notices = told.filter((notice): notice is TemplateResult => notice !== null);
    this.askingNotices = false;
  }

  private save(): void {
    writeSession('panel', { open: this.open, reduced: this.reduced, view: this.view } satisfies PanelState);
  }

  private syncLaunchers(conceal: 'now' | 'at-next-input' = 'now'): void {
    this.cancelDeferredConceal?.();
    this.cancelDeferredConceal = null;
    // The docked panel takes the floating launcher's place; inline launchers stay where the page put them.
    const floating = this.launchers().filter((launcher) => launcher.hasAttribute('data-floating'));
    if (!this.open || conceal === 'now') for (const launcher of floating) launcher.concealed = this.open;
    for (const launcher of this.launchers()) launcher.expanded = this.open;
    if (!this.open || conceal === 'now') return;
    const events = ['keydown', 'pointerdown'] as const;
    const concealNow = () => {
      this.cancelDeferredConceal?.();
      this.cancelDeferredConceal = null;
      if (this.open) for (const launcher of floating) launcher.concealed = true;
    };
    for (const type of events) document.addEventListener(type, concealNow, { capture: true });
    this.cancelDeferredConceal = () => {
      for (const type of events) document.removeEventListener(type, concealNow, { capture: true });
    };
  }

  /**
   * A control of the page got the focus: it must not be hidden under the panel (WCAG 2.4.11). On a small screen the
   * open panel covers the whole page; on a large one the docked panel can cover what the page fixed at its end side
   * (a fixed header's last links, « Haut de page »). Then the panel shrinks to its bar, as with F6: the view and its
   * state stay, and the bar says where the person was. A control under the bar too (fixed at the bottom): the bar
   * moves (panel.styles.ts).
   * @internal Called by the PageFocusController.
   */
  pageFocused(control: Element): void {
    if (!this.open) return;
    const bar = this.barButton!.parentElement!;
    // A hidden box (the reduced panel, the bar of an open panel) has no size and covers nothing.
    const covers = (box: Element) => {
      const a = box.getBoundingClientRect();
      const b = control.getBoundingClientRect();
      return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    };
    if (this.small || covers(bar.previousElementSibling!)) this.toBar();
    // The bar covers it too (fixed at the bottom, or left there by the page's scroll): the bar moves, to the other
    // side on a large screen, to the top on a small one. The class is the bar's own: Lit does not render it again.
    void this.updateComplete.then(() => covers(bar) && bar.classList.toggle('moved'));
  }

  private toBar(): void {
    if (!this.reduced) {
      this.reduced = true;
      this.save();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Docked on the page's end side (its direction, not the widget's language's).
    const side = getComputedStyle(document.documentElement).direction === 'rtl' ? 'left' : 'right';
    if (this.getAttribute('dock') !== side) this.setAttribute('dock', side);
    dockPage(!this.open ? null : this.reduced ? this.barButton!.parentElement!.offsetHeight + 8 : this.small ? null : side);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('config') && this.config) {
      this.lang = this.locale;
      this.dir = directionOf(this.locale);
      if (this.config.theme !== 'auto') this.theme = this.config.theme;
      if (this.config.color) {
        this.style.setProperty('--aide-brand', this.config.color);
        this.style.setProperty('--_on-brand', '#ffffff');
      }
    }
  }

  private handleKeydown(event: KeyboardEvent): void {
    // Components close their own popups with Escape and mark the event as handled.
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      this.close();
    }
  }

  private handleOpenView(event: AideOpenViewEvent): void {
    event.preventDefault();
    event.stopPropagation();
    if (this.isOffered(event.detail.view)) void this.setView(event.detail.view);
  }

  /** A component shows something on the page: on a small screen the panel shrinks to its bar, focus stays. */
  private handleRevealPage(): void {
    if (this.small) this.toBar();
  }

  private handleStepChange(event: AideStepChangeEvent): void {
    this.tutorialProgress = event.detail;
    writeHelpContext({ ...readHelpContext(), tutorial: event.detail });
  }

  private viewTitle(view: PanelView): string {
    const t = this.t;
    switch (view) {
      case 'tutorials':
        return t.tutorialsTitle;
      case 'locator':
        return t.locatorTitle;
      case 'feedback':
        return t.feedbackTitle;
      case 'story':
        return t.storyTitle;
      case 'accessibility':
        return t.accessibilityTitle;
      default:
        return t.homeTitle;
    }
  }

  private viewDescription(view: PanelView): string {
    const t = this.t;
    return view === 'tutorials' ? t.tutorialsDescription : view === 'locator' ? t.locatorDescription : view === 'story' ? t.storyDescription : t.feedbackDescription;
  }

  private renderHome() {
    return html`
      <div class="notices" role="status" aria-busy=${this.askingNotices ? 'true' : 'false'}>${this.notices}</div>
      <p>${this.t.homeIntro}</p>
      <ul class="entries">
        ${this.availableViews.map(
          (v) => html`<li>
            <button type="button" class="entry" data-view=${v.view} @click=${() => this.setView(v.view)}>
              <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${v.icon}</svg>
              <span class="entry-title">${this.viewTitle(v.view)}<span class="visually-hidden">.</span></span>
              <span class="entry-description">${this.viewDescription(v.view)}</span>
            </button>
          </li>`,
        )}
      </ul>
      ${this.small ? html`<p class="home-accessibility">${this.renderAccessibilityLink()}</p>` : nothing}
    `;
  }

  private renderAccessibilityLink() {
    const t = this.t;
    return html`<button type="button" class="link-button accessibility" @click=${() => this.setView('accessibility')}>
      ${t.accessibilityLink(t.conformanceLevels[conformanceLevel(statement.rate)])}
    </button>`;
  }

  private renderView() {
    if (this.view === 'home') return this.renderHome();
    if (this.view === 'accessibility') return renderStatement(this.t, this.locale);
    if (this.loadingView === this.view) return html`<p class="status" aria-busy="true">${this.t.loading}</p>`;
    if (this.failedView === this.view) {
      return html`<div class="status error">
        <p>${this.t.loadError}</p>
        <button type="button" class="button" @click=${() => this.setView(this.view)}>${this.t.retry}</button>
      </div>`;
    }
    const definition = componentViews.find((v) => v.view === this.view);
    const help = this.tutorialProgress ? { tutorial: this.tutorialProgress } : {};
    return definition?.render({ config: this.config, locale: this.locale, theme: this.theme, help }) ?? nothing;
  }

  private get barLabel(): string {
    const progress = this.tutorialProgress;
    return this.view === 'tutorials' && progress
      ? this.t.barStep(progress.step, progress.total)
      : this.viewTitle(this.view === 'home' ? 'home' : this.view) || this.t.barDefault;
  }

  override render() {
    if (!this.config) return nothing;
    const t = this.t;
    const showPanel = this.open && !this.reduced;
    const showBar = this.open && this.reduced;
    return html`
      <!-- lang again here: the host is display: contents, and Firefox then takes the page's language for what is
           inside (Orca read the English panel with a French voice). -->
      <section
        class="panel"
        part="panel"
        role="dialog"
        aria-labelledby="panel-label"
        lang=${this.locale}
        ?hidden=${!showPanel}
        @keydown=${this.handleKeydown}
        @aide-open-view=${this.handleOpenView}
        @aide-step-change=${this.handleStepChange}
        @aide-reveal-page=${this.handleRevealPage}
      >
        <div class="header" part="header">
          <!-- The dialog's name, shown. Not hidden from screen readers: when the control that had focus goes with
               the previous view, Orca 43 moves to the first thing of the dialog without a word, and would then
               stay silent on the heading if the heading came first (test/screen-reader/journeys). -->
          <p class="brand ${this.small ? 'visually-hidden' : ''}" id="panel-label">${t.panelLabel}</p>
          <h2 tabindex="-1">${this.viewTitle(this.view)}</h2>
          <div class="tools">
            <button type="button" class="button tertiary large-only go-to-page" @click=${this.goToPage}>${t.goToPage}</button>
            <!-- On a phone these two are icons with their names kept for screen readers: one compact header row. -->
            <button type="button" class="button secondary small-only reduce" @click=${this.reduce}>
              <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${reduceIcon}</svg><span class=${this.small ? 'visually-hidden' : ''}>${t.reduce}</span>
            </button>
            <button type="button" class="button secondary close" @click=${this.close}>
              <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${closeIcon}</svg><span class=${this.small ? 'visually-hidden' : ''}>${t.close}</span>
            </button>
          </div>
        </div>
        <!-- A scrolling box: Firefox would make it a silent stop of its own in the Tab order (tabindex="-1" keeps
             it out; what is inside is reached with Tab, and scrolls it). -->
        <div class="body" part="body" tabindex="-1">
          ${this.view !== 'home'
            ? html`<button type="button" class="button tertiary back" @click=${() => this.setView('home')}>
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${backIcon}</svg>${t.backHome}
              </button>`
            : nothing}
          ${this.renderView()}
        </div>
        <!-- On a small screen the content comes first: the accessibility link is on the first screen (renderHome), and
             the F6 hint is not shown on touch screens (panel.styles.ts), which leaves no footer there. -->
        <div class="footer ${this.small ? 'keys-only' : ''}">
          <p class="shortcut">${t.shortcutHint}</p>
          ${this.view === 'accessibility' || this.small ? nothing : html`<p>${this.renderAccessibilityLink()}</p>`}
        </div>
      </section>
      <div class="bar" part="bar" ?hidden=${!showBar}>
        <button type="button" class="button" aria-expanded="false" @click=${this.expand}>
          <span>${this.barLabel}</span><span aria-hidden="true">—</span><span class="visually-hidden">:</span> <span>${t.show}</span>
        </button>
      </div>
    `;
  }
}

/** Restored state, if any, for the loader to reopen the panel after a navigation. */
export function savedPanelState(): PanelState | undefined {
  return readSession<PanelState>('panel');
}

/**
 * The open panel on a large screen takes its width from the page instead of covering it: controls of the page
 * never end up hidden under it (WCAG 2.4.11). A constructable stylesheet, allowed under a strict style-src; the
 * same width as the panel's (panel.styles.ts).
 */
let dockSheet: CSSStyleSheet | null = null;
let docked: 'left' | 'right' | number | null = null;
function dockPage(place: 'left' | 'right' | number | null): void {
  const sheets = document.adoptedStyleSheets;
  if (!place) {
    if (dockSheet && sheets.includes(dockSheet)) document.adoptedStyleSheets = sheets.filter((sheet) => sheet !== dockSheet);
    return;
  }
  dockSheet ??= new CSSStyleSheet();
  if (docked !== place) {
    dockSheet.replaceSync(
      typeof place == 'number'
        ? // The reduced bar covers the bottom of the screen: the page scrolls a control that gets the focus above it,
          // and can scroll its last lines above it. Its height in px, measured: the bar's size follows the person's
          // text size, not the page's root size (rem).
          `:root{scroll-padding-block-end:${place}px!important;padding-block-end:${place}px!important}`
        : `@media screen and (min-width:640px){:root{margin-${place}:${PANEL_WIDTH}!important}}`,
    );
  }
  docked = place;
  if (!sheets.includes(dockSheet)) document.adoptedStyleSheets = [...sheets, dockSheet];
}
