/**
 * <aide-walkthrough>: step-by-step tutorials, followed while doing the procedure. Tutorials for the current
 * procedure first, then search and themes; one step at a time ("Étape 2 sur 7"), previous / next and a list of
 * steps; focus moves to the step's heading and the change is announced; progress stays on the device; glossary
 * terms open their definition; images can be enlarged; "Me montrer" frames a field of the page; "Écouter cette
 * étape" uses the browser's own French voice; "Je suis bloqué" leads to human help.
 *
 * @summary Shows tutorials one step at a time.
 * @csspart step - the current step.
 * @csspart navigation - previous / next buttons.
 * @cssproperty --aide-color-primary - buttons and progress.
 * @event aide-step-change - the step shown changed; detail { tutorial, title, step, total, stepTitle }.
 * @event aide-open-view - asks the panel for the locator ("Je suis bloqué") or the feedback form.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { styleMap } from 'lit/directives/style-map.js';
import { property, query, state } from 'lit/decorators.js';
import { AideElement } from '@aide/core/element';
import { sharedStyles } from '@aide/core/lit-styles';
import { focusElement } from '@aide/core/focus';
import { createStore, type KeyValueStore } from '@aide/core/storage';
import { sanitizeHtml } from '@aide/core/markdown/sanitize';
import { findPageTarget, showPageTarget } from '@aide/core/page-target';
import type { StepChangeDetail } from '@aide/core/events';
import { readHelpContext } from '@aide/core/context';
import type { TutorialChunk, TutorialIndex, TutorialSummary } from '../format.ts';
import type { TutorialSearch } from '../search/search.ts';
import { walkthroughStrings, CONTENT_LANG, CONTENT_DIR, type WalkthroughStrings } from './strings.ts';
import { walkthroughStyles } from './walkthrough.styles.ts';

/** Quiet time after the last keystroke before the result count is announced. */
const SEARCH_ANNOUNCE_DELAY = 700;

interface Progress {
  /** 0 = overview, 1…n = steps, n + 1 = finished. */
  step: number;
  seen: number[];
  updated: string;
}

/** Whether a tutorial's `procedures` name this procedure id or match this page's address. */
export function matchesProcedure(procedures: string[], procedure: string, pageUrl: string): boolean {
  return procedures.some((p) => {
    if (!p.startsWith('https://')) return procedure !== '' && p === procedure;
    const pattern = new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    return pattern.test(pageUrl);
  });
}

export class AideWalkthrough extends AideElement<WalkthroughStrings> {
  static override styles = [sharedStyles, walkthroughStyles];
  protected readonly catalogues = walkthroughStrings;

  /** URL of tutorials/index.json. */
  @property() src = '';
  /** Slug of a tutorial to open directly. */
  @property() tutorial = '';
  /** Procedure id: its tutorials are suggested first. */
  @property() procedure = '';
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  @property({ type: Boolean, attribute: 'in-panel' }) inPanel = false;
  /** Collector endpoint for anonymous "Je suis bloqué" counts (…/api/v1/feedback); empty: nothing is sent. */
  @property({ attribute: 'blocked-endpoint' }) blockedEndpoint = '';
  /** false keeps progress in memory only. */
  @property({ type: Boolean }) persist = true;

  @state() private index: TutorialIndex | null = null;
  @state() private loadFailed = false;
  @state() private current: TutorialChunk | null = null;
  @state() private step = 0;
  @state() private seen = new Set<number>();
  @state() private stepListOpen = false;
  @state() private query = '';
  @state() private results: TutorialSummary[] | null = null;
  @state() private resumable: { summary: TutorialSummary; step: number } | null = null;
  @state() private speaking = false;
  @state() private canSpeak = false;
  @state() private targetFound = false;
  @state() private notFound = '';
  @state() private enlarged: { src: string; alt: string } | null = null;
  @state() private stuckUnanswered = false;

  @query('.step-heading') private stepHeading?: HTMLElement;
  @query('dialog') private imageDialog?: HTMLDialogElement;

  private store?: KeyValueStore;
  private search?: Promise<TutorialSearch>;
  private searchTimer?: number;
  private countTimer?: number;
  /** The last result count announced, not repeated while it stays the same. */
  private lastCount = '';
  private readonly chunks = new Map<string, Promise<TutorialChunk>>();
  private readonly onVoicesChanged = () => (this.canSpeak = this.frenchVoice() !== null);

  override connectedCallback(): void {
    super.connectedCallback();
    if ('speechSynthesis' in window) {
      this.canSpeak = this.frenchVoice() !== null;
      window.speechSynthesis.addEventListener?.('voiceschanged', this.onVoicesChanged);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearTimeout(this.countTimer);
    if ('speechSynthesis' in window) {
      window.speechSynthesis.removeEventListener?.('voiceschanged', this.onVoicesChanged);
      if (this.speaking) window.speechSynthesis.cancel();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('persist') || !this.store) this.store = createStore('walkthrough', { persist: this.persist });
    if (changed.has('src') && this.src) void this.loadIndex();
  }

  private get base(): URL {
    return new URL(this.src, document.baseURI);
  }

  private async loadIndex(): Promise<void> {
    this.loadFailed = false;
    try {
      const response = await fetch(this.base.href);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.index = (await response.json()) as TutorialIndex;
    } catch {
      this.loadFailed = true;
      return;
    }
    const last = await this.store!.get<string>('last');
    const summary = last ? this.index.tutorials.find((t) => t.slug === last) : undefined;
    const saved = summary ? await this.store!.get<Progress>(`progress:${summary.slug}`) : undefined;
    this.resumable = summary && saved && saved.step >= 1 && saved.step <= summary.stepCount ? { summary, step: saved.step } : null;
    if (this.tutorial) {
      await this.open(this.tutorial, { focus: false });
    } else if (this.inPanel) {
      // Back on another page of the procedure: the panel reopens where the person was, tutorial and step included.
      // The tab's session has the step even when the device storage had no time to write it.
      const context = readHelpContext().tutorial;
      if (context && this.index.tutorials.some((t) => t.slug === context.tutorial)) await this.open(context.tutorial, { focus: false, step: context.step, resumed: true });
    }
  }

  private loadChunk(summary: TutorialSummary): Promise<TutorialChunk> {
    let chunk = this.chunks.get(summary.slug);
    if (!chunk) {
      chunk = fetch(new URL(summary.file, this.base).href).then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json() as Promise<TutorialChunk>;
      });
      this.chunks.set(summary.slug, chunk);
      chunk.catch(() => this.chunks.delete(summary.slug));
    }
    return chunk;
  }

  /** Opens a tutorial where the person left it (or at its overview). */
  async open(slug: string, options: { focus?: boolean; step?: number; resumed?: boolean } = {}): Promise<void> {
    const summary = this.index?.tutorials.find((t) => t.slug === slug);
    if (!summary) {
      this.notFound = slug;
      return;
    }
    this.notFound = '';
    try {
      this.current = await this.loadChunk(summary);
    } catch {
      this.loadFailed = true;
      return;
    }
    const saved = await this.store!.get<Progress>(`progress:${slug}`);
    this.seen = new Set(saved?.seen ?? []);
    const resumeAt = options.step ?? (saved && saved.step >= 1 && saved.step <= this.current.steps.length ? saved.step : 0);
    await this.store!.set('last', slug);
    await this.goTo(resumeAt, { focus: options.focus ?? true, resumed: (options.resumed ?? options.step === undefined) && resumeAt > 0 });
  }

  private async goTo(step: number, options: { focus?: boolean; resumed?: boolean } = {}): Promise<void> {
    const tutorial = this.current;
    if (!tutorial) return;
    const total = tutorial.steps.length;
    this.step = Math.max(0, Math.min(step, total + 1));
    this.stepListOpen = false;
    this.stopSpeaking();
    const inStep = this.step >= 1 && this.step <= total;
    if (inStep) this.seen = new Set([...this.seen, this.step]);
    // The panel keeps the step in the tab's session synchronously, on this event: a navigation right after the
    // click must not lose it while the device storage is still writing.
    if (inStep) {
      this.emit<StepChangeDetail>('aide-step-change', { tutorial: tutorial.slug, title: tutorial.title, step: this.step, total, stepTitle: tutorial.steps[this.step - 1]!.title });
    }
    await this.store!.set(`progress:${tutorial.slug}`, { step: this.step, seen: [...this.seen], updated: new Date().toISOString() } satisfies Progress);
    await this.updateComplete;
    this.targetFound = inStep && findPageTarget(tutorial.steps[this.step - 1]!.target) !== null;
    const moved = options.focus !== false && focusElement(this.stepHeading);
    if (inStep) {
      const stepTitle = tutorial.steps[this.step - 1]!.title;
      // Focus on the step's heading already says its title: the live region adds only what focus does not say
      // ("Étape 2 sur 6"), so the title is not heard twice. Without a focus move, it says both.
      if (moved) this.announce(options.resumed ? this.t.resumed(this.step, total) : this.t.stepOf(this.step, total));
      else this.announce(options.resumed ? `${this.t.resumed(this.step, total)} ${stepTitle}` : this.t.announceStep(this.step, total, stepTitle));
    }
  }

  private backToList(): void {
    this.stopSpeaking();
    const left = this.current?.slug;
    this.current = null;
    this.step = 0;
    this.lastCount = '';
    // Back on the card of the tutorial just left (a visible focus, RGAA 10.7), or the search field.
    void this.updateComplete.then(() =>
      focusElement(this.renderRoot.querySelector<HTMLElement>(`.card[data-slug="${CSS.escape(left ?? '')}"]`) ?? this.renderRoot.querySelector<HTMLElement>('#search')),
    );
  }

  // --- Search (its code is loaded on the first keystroke: the panel's budget is small) ---------------------

  private handleSearch(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    window.clearTimeout(this.searchTimer);
    window.clearTimeout(this.countTimer);
    this.searchTimer = window.setTimeout(() => void this.runSearch(), 200);
  }

  /**
   * The count is announced once typing pauses, and not again when it has not changed: a person who types slowly
   * must not hear "4 tutoriels trouvés" after every letter.
   */
  private announceCount(message: string): void {
    window.clearTimeout(this.countTimer);
    this.countTimer = window.setTimeout(() => {
      // Not once a tutorial is open: the count would come after its title, out of place.
      if (message === this.lastCount || this.current) return;
      this.lastCount = message;
      this.announce(message);
    }, SEARCH_ANNOUNCE_DELAY);
  }

  private async runSearch(): Promise<void> {
    const query = this.query.trim();
    if (!query || !this.index) {
      this.results = null;
      this.lastCount = '';
      return;
    }
    this.search ??= Promise.all([import('../search/search.ts'), fetch(new URL(this.index.search, this.base).href).then((r) => r.text())]).then(
      ([module, json]) => module.loadSearchIndex(json),
    );
    try {
      const slugs = (await this.search)(query, 20);
      if (query !== this.query.trim()) return;
      this.results = slugs.map((slug) => this.index!.tutorials.find((t) => t.slug === slug)).filter((t): t is TutorialSummary => !!t);
      this.announceCount(this.results.length ? this.t.searchResults(this.results.length) : this.t.searchNone);
    } catch {
      this.search = undefined;
      this.results = [];
      this.announce(this.t.loadError, 'assertive');
    }
  }

  // --- Actions on a step ------------------------------------------------------------------------------------

  private showMe(): void {
    const target = findPageTarget(this.current?.steps[this.step - 1]?.target);
    if (!target) {
      this.targetFound = false;
      return;
    }
    // On a small screen the panel covers the page: it shrinks first.
    this.emit('aide-reveal-page', {});
    showPageTarget(target);
    this.announce(this.t.showMeDone);
  }

  private frenchVoice(): SpeechSynthesisVoice | null {
    try {
      return window.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('fr')) ?? null;
    } catch {
      return null;
    }
  }

  private toggleSpeech(): void {
    if (this.speaking) return this.stopSpeaking();
    const voice = this.frenchVoice();
    const container = this.renderRoot.querySelector<HTMLElement>('.step-content');
    const step = this.current?.steps[this.step - 1];
    if (!voice || !container || !step) return;
    const utterance = new SpeechSynthesisUtterance(`${step.title}. ${container.innerText}`);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    utterance.onend = () => (this.speaking = false);
    utterance.onerror = () => (this.speaking = false);
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
    this.speaking = true;
  }

  private stopSpeaking(): void {
    if (this.speaking && 'speechSynthesis' in window) window.speechSynthesis.cancel();
    this.speaking = false;
  }

  private stuck(): void {
    const tutorial = this.current;
    if (tutorial && this.blockedEndpoint && this.step >= 1) {
      // Anonymous count only; never retried, never stored: it must not slow the person down.
      const url = new URL('blocked', new URL(this.blockedEndpoint, document.baseURI)).href;
      const key = typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : undefined;
      if (key) {
        void fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body: JSON.stringify({ tutorial: tutorial.slug, step: this.step, ...(this.procedure ? { procedure: this.procedure } : {}) }),
          keepalive: true,
        }).catch(() => undefined);
      }
    }
    // The panel (or aide.js for a walkthrough placed alone) takes the person to the locator; without either,
    // the national phone line is shown here.
    this.stuckUnanswered = this.emit('aide-open-view', { view: 'locator' }, { cancelable: true });
  }

  /** Makes the sanitised step HTML work in the widget: terms, links, images, heading levels. */
  private enhance(container: HTMLElement | null, headingLevel: number): void {
    if (!container || container.dataset.enhanced === this.renderKey) return;
    container.dataset.enhanced = this.renderKey;
    const t = this.t;
    const glossary = this.current?.glossary ?? [];
    // Headings inside a step start at h3 in the published HTML: put them under the step's own heading.
    for (const heading of container.querySelectorAll<HTMLElement>('h3, h4, h5, h6')) {
      const level = Math.min(6, headingLevel + Number(heading.tagName[1]) - 3);
      if (level === Number(heading.tagName[1])) continue;
      const replacement = document.createElement(`h${level}`);
      replacement.append(...heading.childNodes);
      heading.replaceWith(replacement);
    }
    for (const img of container.querySelectorAll<HTMLImageElement>('img')) {
      const src = img.getAttribute('src') ?? '';
      if (!/^[a-z][a-z0-9+.-]*:/i.test(src)) img.src = new URL(src, this.base).href;
      const alt = img.alt;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'enlarge';
      button.setAttribute('aria-label', t.enlarge(alt));
      img.replaceWith(button);
      button.append(img);
      button.addEventListener('click', () => this.openImage(img.src, alt));
    }
    for (const link of container.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const href = link.getAttribute('href') ?? '';
      if (/^https?:/i.test(href)) {
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        const hint = document.createElement('span');
        hint.className = 'visually-hidden';
        hint.textContent = ` (${t.newWindow})`;
        link.append(hint);
      } else if (/^#etape-\d+$/.test(href)) {
        link.addEventListener('click', (event) => {
          event.preventDefault();
          void this.goTo(Number(href.slice('#etape-'.length)));
        });
      } else if (/^[a-z0-9-]+\.md$/.test(href.replace(/^\.\//, ''))) {
        link.addEventListener('click', (event) => {
          event.preventDefault();
          void this.open(href.replace(/^\.\//, '').replace(/\.md$/, ''), { step: 0 });
        });
      }
    }
    let n = 0;
    for (const span of container.querySelectorAll<HTMLElement>('span.term')) {
      const entry = glossary.find((g) => g.id === span.dataset.term);
      if (!entry) continue;
      const id = `definition-${this.step}-${n++}`;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'term';
      button.textContent = span.textContent;
      button.setAttribute('aria-expanded', 'false');
      button.setAttribute('aria-controls', id);
      const definition = document.createElement('span');
      definition.id = id;
      definition.className = 'definition';
      definition.hidden = true;
      const label = document.createElement('span');
      label.className = 'visually-hidden';
      label.textContent = `${t.definitionOf(entry.term)} : `;
      definition.append(label, entry.definition);
      button.addEventListener('click', () => {
        const open = button.getAttribute('aria-expanded') !== 'true';
        button.setAttribute('aria-expanded', String(open));
        definition.hidden = !open;
      });
      span.replaceWith(button, definition);
    }
    for (const aside of container.querySelectorAll<HTMLElement>('aside.callout')) {
      const title = aside.querySelector('.callout-title');
      const kind = aside.dataset.kind ?? '';
      if (title && t.callouts[kind] && this.locale !== 'fr') title.textContent = t.callouts[kind]!;
      aside.setAttribute('role', 'note');
      if (title) {
        title.id ||= `callout-${this.step}-${n++}`;
        aside.setAttribute('aria-labelledby', title.id);
      }
      if (kind === 'si-ca-ne-marche-pas') {
        const offer = document.createElement('button');
        offer.type = 'button';
        offer.className = 'button secondary';
        offer.textContent = t.findHelp;
        offer.addEventListener('click', () => this.stuck());
        aside.append(offer);
      }
    }
  }

  private get renderKey(): string {
    return `${this.current?.slug}:${this.step}:${this.locale}`;
  }

  private openImage(src: string, alt: string): void {
    this.enlarged = { src, alt };
    void this.updateComplete.then(() => this.imageDialog?.showModal());
  }

  private closeImage(): void {
    this.imageDialog?.close();
  }

  private handleDialogKeydown(event: KeyboardEvent): void {
    // The image closes; the panel behind must not.
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.closeImage();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const level = this.headingLevel + 1;
    this.enhance(this.renderRoot.querySelector<HTMLElement>('.step-content'), level);
    this.enhance(this.renderRoot.querySelector<HTMLElement>('.intro-content'), level);
  }

  // --- Rendering ---------------------------------------------------------------------------------------------

  /** Catalogue sections: under the component's title when alone, under the panel's when in the panel. */
  private get sectionLevel(): number {
    return this.inPanel ? this.headingLevel : this.headingLevel + 1;
  }

  private heading(level: number, content: unknown, className = '') {
    const tag = unsafeStatic(`h${Math.min(6, Math.max(2, level))}`);
    return staticHtml`<${tag} class=${className || nothing} tabindex=${className.includes('heading') ? '-1' : nothing}>${content}</${tag}>`;
  }

  private date(iso: string): string {
    try {
      return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
    } catch {
      return iso;
    }
  }

  private themeName(theme: string): string {
    return this.t.themeNames[theme] ?? theme.charAt(0).toUpperCase() + theme.slice(1);
  }

  /**
   * A tutorial card: one button whose name is all it shows (title, summary, length), so that voice control and
   * the visible label agree. A visually hidden full stop in the markup (not CSS-generated text, RGAA 10.2) separates the title from the summary: without it a
   * screen reader runs "Déclarer ses revenus en ligne Vérifier et envoyer…" into one sentence.
   */
  private renderCard(summary: TutorialSummary) {
    const t = this.t;
    return html`<li>
      <button type="button" class="card" data-slug=${summary.slug} @click=${() => this.open(summary.slug)}>
        <span class="card-title" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${summary.title}</span><span class="visually-hidden">.</span>
        <span class="card-summary" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${summary.summary}</span>
        <span class="card-meta">${this.t.levelNames[summary.level] ?? summary.level} · ${t.minutes(summary.duration)} · ${t.steps(summary.stepCount)}</span>
      </button>
    </li>`;
  }

  private renderCatalogue() {
    const t = this.t;
    const index = this.index!;
    const section = this.sectionLevel;
    const suggested = index.tutorials.filter((s) => matchesProcedure(s.procedures, this.procedure, location.href));
    return html`
      <div class="catalogue">
        ${this.inPanel ? nothing : this.heading(this.headingLevel, t.title, 'catalogue-heading')}
        ${this.notFound ? html`<p class="status error">${t.notFound(this.notFound)}</p>` : nothing}
        ${this.resumable
          ? html`<p>
              <button type="button" class="button resume" @click=${() => this.open(this.resumable!.summary.slug)}>
                ${t.resume(this.resumable.summary.title, this.resumable.step, this.resumable.summary.stepCount)}
              </button>
            </p>`
          : nothing}
        ${suggested.length
          ? html`<section aria-labelledby="suggested">
              ${staticHtml`<${unsafeStatic(`h${section}`)} id="suggested">${t.forYourProcedure}</${unsafeStatic(`h${section}`)}>`}
              <ul class="cards">${suggested.map((s) => this.renderCard(s))}</ul>
            </section>`
          : nothing}
        <section class="search" role="search" aria-labelledby="search-label">
          <label id="search-label" for="search">${t.search}</label>
          <p id="search-hint" class="hint">${t.searchHint}</p>
          <input id="search" type="search" autocomplete="off" aria-describedby="search-hint" .value=${this.query} @input=${this.handleSearch} />
          ${this.results
            ? html`<p class="count">${this.results.length ? t.searchResults(this.results.length) : t.searchNone}</p>
                <ul class="cards">${this.results.map((s) => this.renderCard(s))}</ul>`
            : nothing}
        </section>
        <section aria-labelledby="browse">
          ${staticHtml`<${unsafeStatic(`h${section}`)} id="browse">${t.browse}</${unsafeStatic(`h${section}`)}>`}
          ${index.themes.map((theme) => {
            const list = index.tutorials.filter((s) => s.theme === theme);
            return list.length
              ? // No landmark per theme: its heading names it, and a region of the same name would say it twice.
                html`<section class="theme">
                  ${this.heading(section + 1, this.themeName(theme))}
                  <ul class="cards">${list.map((s) => this.renderCard(s))}</ul>
                </section>`
              : nothing;
          })}
        </section>
      </div>
    `;
  }

  private renderOverview(tutorial: TutorialChunk) {
    const t = this.t;
    // A tutorial's own title takes the component's heading level; its parts come one level below.
    const section = this.headingLevel;
    return html`
      <div class="overview">
        ${this.heading(section, html`<span lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${tutorial.title}</span>`, 'step-heading')}
        <p class="meta">${t.levelNames[tutorial.level] ?? tutorial.level} · ${t.minutes(tutorial.duration)} · ${t.steps(tutorial.steps.length)}</p>
        <p lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${tutorial.summary}</p>
        ${tutorial.prerequisites.length
          ? html`${this.heading(section + 1, t.prerequisites)}
              <ul lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${tutorial.prerequisites.map((p) => html`<li>${p}</li>`)}</ul>`
          : nothing}
        ${tutorial.introHtml ? html`<div class="intro-content" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${unsafeHTML(sanitizeHtml(tutorial.introHtml))}</div>` : nothing}
        ${this.heading(section + 1, t.contents)}
        <ol class="toc" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>
          ${tutorial.steps.map((s, i) => html`<li><button type="button" class="link" @click=${() => this.goTo(i + 1)}>${s.title}</button></li>`)}
        </ol>
        <p class="actions">
          <button type="button" class="button" @click=${() => this.goTo(1)}>${t.start}</button>
        </p>
        ${this.renderFooter(tutorial)}
      </div>
    `;
  }

  private renderStep(tutorial: TutorialChunk) {
    const t = this.t;
    const total = tutorial.steps.length;
    const step = tutorial.steps[this.step - 1]!;
    const section = this.headingLevel;
    return html`
      <article class="step" part="step" aria-labelledby="step-title">
        <p class="tutorial-title" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${tutorial.title}</p>
        <p class="progress-text" id="progress">${t.stepOf(this.step, total)}</p>
        <div class="progress" aria-hidden="true"><span class="bar" style=${styleMap({ width: `${Math.round((this.step / total) * 100)}%` })}></span></div>
        ${staticHtml`<${unsafeStatic(`h${section}`)} id="step-title" class="step-heading" tabindex="-1" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${step.title}</${unsafeStatic(`h${section}`)}>`}
        <div class="step-tools">
          ${this.targetFound ? html`<button type="button" class="button secondary" @click=${this.showMe}>${t.showMe}</button>` : nothing}
          ${this.canSpeak
            ? // The label says what the button does ("Arrêter la lecture" while speaking): no aria-pressed on top,
              // which would be heard as "Arrêter la lecture, enfoncé".
              html`<button type="button" class="button secondary" @click=${this.toggleSpeech}>
                ${this.speaking ? t.stopListening : t.listen}
              </button>`
            : nothing}
        </div>
        <div class="step-content" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${unsafeHTML(sanitizeHtml(step.html))}</div>
        <nav class="navigation" part="navigation" aria-label=${t.stepOf(this.step, total)}>
          <button type="button" class="button secondary" @click=${() => this.goTo(this.step - 1)}>${t.previous}</button>
          <button type="button" class="button" @click=${() => this.goTo(this.step + 1)}>${this.step === total ? t.finish : t.next}</button>
        </nav>
        <div class="stuck">
          <p>${t.stuckHelp}</p>
          <button type="button" class="button secondary" @click=${this.stuck}>${t.stuck}</button>
          ${this.stuckUnanswered ? html`<p class="status">${t.phoneLine} <a href="tel:+33170772372">01&nbsp;70&nbsp;772&nbsp;372</a></p>` : nothing}
        </div>
        <div class="step-list">
          <button type="button" class="button tertiary" aria-expanded=${this.stepListOpen ? 'true' : 'false'} aria-controls="step-list" @click=${() => (this.stepListOpen = !this.stepListOpen)}>
            ${this.stepListOpen ? t.stepListClose : t.stepList}
          </button>
          <ol id="step-list" ?hidden=${!this.stepListOpen} lang=${CONTENT_LANG} dir=${CONTENT_DIR}>
            ${tutorial.steps.map(
              (s, i) => html`<li>
                <button type="button" class=${i + 1 === this.step ? 'link current' : 'link'} @click=${() => this.goTo(i + 1)}>
                  ${s.title}${i + 1 === this.step ? html`<span class="visually-hidden"> ${t.currentStep}</span>` : this.seen.has(i + 1) ? html`<span class="visually-hidden"> ${t.doneStep}</span>` : nothing}
                </button>
              </li>`,
            )}
          </ol>
        </div>
      </article>
    `;
  }

  private renderDone(tutorial: TutorialChunk) {
    const t = this.t;
    const section = this.headingLevel;
    return html`
      <div class="done">
        ${this.heading(section, t.doneTitle, 'step-heading')}
        <p>${t.doneText}</p>
        <p class="actions">
          <button type="button" class="button secondary" @click=${() => this.goTo(tutorial.steps.length)}>${t.previous}</button>
          <button type="button" class="button secondary" @click=${() => this.emit('aide-open-view', { view: 'feedback' }, { cancelable: true })}>${t.giveFeedback}</button>
        </p>
        ${this.renderFooter(tutorial)}
      </div>
    `;
  }

  private renderFooter(tutorial: TutorialChunk) {
    const t = this.t;
    return html`
      ${tutorial.links.length
        ? html`${this.heading(this.headingLevel + 1, t.usefulLinks)}
            <ul class="links" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>
              ${tutorial.links.map(
                (l) => html`<li><a href=${l.url} target="_blank" rel="noopener noreferrer">${l.title}<span class="visually-hidden"> (${t.newWindow})</span></a></li>`,
              )}
            </ul>`
        : nothing}
      <p class="meta">
        ${t.updated(this.date(tutorial.updated))} ·
        <a href=${new URL(`${tutorial.slug}.print.html`, this.base).href} target="_blank" rel="noopener">${t.print}<span class="visually-hidden"> (${t.newWindow})</span></a>
      </p>
      <p class="meta">${t.licence} <a href=${tutorial.licence.url} target="_blank" rel="noopener noreferrer">${tutorial.licence.name}<span class="visually-hidden"> (${t.newWindow})</span></a></p>
      <p><button type="button" class="button tertiary" @click=${this.backToList}>${t.backToList}</button></p>
    `;
  }

  override render() {
    const t = this.t;
    let body;
    if (this.loadFailed) {
      body = html`<div class="status error">
        <p>${t.loadError}</p>
        <button type="button" class="button" @click=${() => (this.current ? this.open(this.current.slug) : this.loadIndex())}>${t.retry}</button>
      </div>`;
    } else if (!this.index) {
      body = html`<p class="status" aria-busy="true">${t.loading}</p>`;
    } else if (!this.current) {
      body = this.renderCatalogue();
    } else if (this.step === 0) {
      body = this.renderOverview(this.current);
    } else if (this.step > this.current.steps.length) {
      body = this.renderDone(this.current);
    } else {
      body = this.renderStep(this.current);
    }
    return html`
      <div class="walkthrough">${body}</div>
      <dialog aria-label=${this.enlarged?.alt ?? ''} @keydown=${this.handleDialogKeydown} @close=${() => (this.enlarged = null)}>
        ${this.enlarged
          ? html`<img src=${this.enlarged.src} alt=${this.enlarged.alt} />
              <button type="button" class="button" @click=${this.closeImage}>${t.closeImage}</button>`
          : nothing}
      </dialog>
    `;
  }
}
