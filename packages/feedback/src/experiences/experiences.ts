/**
 * <aide-experiences>: the published stories of a procedure with the administration's public answers, read from the
 * collector's public JSON (GET …/api/v1/experiences, open CORS), for an administration's own pages.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { AideElement, BusyController, heading, sharedStyles } from '@aide/core/element';
import { datasetLayer, defaultConfig, focusElement, objectLayer, requestFailureText, requestJson, resolveConfig, deepActiveElement, type AideConfig, type Locale } from '@aide/core';
import { experiencesStrings, type Channel, type ExperiencesStrings, type Feeling } from './strings.ts';
import { experiencesStyles } from './experiences.styles.ts';

const FEELINGS: readonly Feeling[] = ['positive', 'negative', 'mixed'];
const CHANNELS: readonly Channel[] = ['online', 'phone', 'desk', 'with-help'];
const PROCEDURE = /^[a-z0-9][a-z0-9._-]{0,63}$/;

interface PublicStory {
  id: string;
  maskedText: string;
  feeling: Feeling;
  channel: Channel | null;
  publishedAt: string;
  answer: { text: string; signedBy: string; answeredAt: string } | null;
}

interface Indicators {
  stories: number;
  answeredShare: number | null;
  medianAnswerHours: number | null;
}

interface ExperiencesPage {
  indicators: Indicators;
  items: PublicStory[];
  /** Stories of the filter (the collector says it; otherwise estimated from the pages). */
  total: number;
  page: number;
  pages: number;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** The collector's answer, checked: what does not fit is left out (a story) or refused (the page); never thrown at people. */
function readPage(value: unknown, page: number): ExperiencesPage | null {
  if (!value || typeof value !== 'object') return null;
  const body = value as Record<string, unknown>;
  const ind = (body.indicators ?? {}) as Record<string, unknown>;
  if (!Array.isArray(body.items) || !isCount(ind.stories)) return null;
  const items: PublicStory[] = [];
  for (const raw of body.items as unknown[]) {
    const s = (raw ?? {}) as Record<string, unknown>;
    if (!isText(s.id) || !isText(s.maskedText) || !isText(s.publishedAt) || !FEELINGS.includes(s.feeling as Feeling)) continue;
    const a = s.answer as Record<string, unknown> | undefined;
    items.push({
      id: s.id,
      maskedText: s.maskedText,
      feeling: s.feeling as Feeling,
      channel: CHANNELS.includes(s.channel as Channel) ? (s.channel as Channel) : null,
      publishedAt: s.publishedAt,
      answer: a && isText(a.text) && isText(a.signedBy) && isText(a.answeredAt) ? { text: a.text, signedBy: a.signedBy, answeredAt: a.answeredAt } : null,
    });
  }
  const pages = isCount(body.pages) && body.pages >= 1 ? Math.floor(body.pages) : 1;
  return {
    indicators: {
      stories: ind.stories,
      answeredShare: isCount(ind.answeredShare) ? Math.min(1, ind.answeredShare) : null,
      medianAnswerHours: isCount(ind.medianAnswerHours) ? ind.medianAnswerHours : null,
    },
    items,
    total: isCount(body.total) ? body.total : pages > page ? pages * items.length : (page - 1) * items.length + items.length,
    page,
    pages,
  };
}

/**
 * The page's configuration, as aide.js reads it (window.AideConfig, then data-* on the aide.js tag next to this
 * chunk, else the first aide.js tag of the page): an element placed alone needs no more than its procedure.
 */
function pageConfig(): AideConfig {
  let script: HTMLScriptElement | undefined;
  try {
    const loaderUrl = new URL(/* @vite-ignore */ '../aide.js', import.meta.url).href;
    script = [...document.scripts].find((s) => s.src === loaderUrl);
  } catch {
    // import.meta.url not a URL (bundled otherwise): the page's aide.js tag below.
  }
  script ??= [...document.scripts].find((s) => /\/aide\.js(\?|$)/.test(s.src));
  const base = new URL('.', script?.src || document.baseURI);
  return resolveConfig(defaultConfig(base), [objectLayer((window as Window & { AideConfig?: unknown }).AideConfig), datasetLayer(script ?? null)], base);
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
/**
 * A date in words, as plain text, that the catalogue puts in its sentence (one string): a <time> element was an object
 * of its own, which Orca read as a separate line (« publiée le », then the date); and Chromium gave Orca the text
 * around a space of its own (one node of Lit's template between two others) without that space (« publiée le16 »).
 */
function formatDate(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  let format = dateFormats.get(locale);
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : locale, { dateStyle: 'long' })));
  return format.format(date);
}

/**
 * Plain text in paragraphs (a blank line between them); line breaks kept by the styles. Never HTML. Each paragraph
 * takes the direction of its own text (dir=auto): a story written in French reads left to right in the Arabic
 * interface, its full stop at its end.
 */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p class="text" dir="auto">${p}</p>`);

type Reason = 'start' | 'filter' | 'more';

/**
 * What people told of a procedure, as an administration shows it on its own site (in the spirit of Services Publics
 * +): the stories published after moderation, newest first, each with how it felt and how the procedure was done, and
 * the administration's public answer signed with the service's name; the procedure's figures (stories, share
 * answered, median time to answer); a filter by feeling; « Voir plus d'expériences » adds the next page and moves
 * focus to the first story added. Links to the collector's public page and Atom feed.
 *
 * Zero configuration beyond the procedure: the collector is the one the page's aide.js sends opinions to
 * (`data-feedback-endpoint`, or `window.AideConfig.feedbackEndpoint`), its …/api/v1/experiences next to it; the
 * procedure defaults to the page's `data-procedure`. Every wait shows at once and ends (the page's `timeout`), with
 * the reason in plain words and « Réessayer ». The stories are text: nothing the service sends is read as HTML.
 *
 * @summary The published stories of a procedure, with the administration's public answers.
 * @tagname aide-experiences
 * @csspart story - Each story (an `<article>`).
 * @csspart answer - The administration's answer within a story.
 * @csspart more - The « Voir plus d'expériences » button.
 */
export class AideExperiences extends AideElement<ExperiencesStrings> {
  static override styles = [sharedStyles, experiencesStyles];
  protected readonly catalogues = experiencesStrings;

  /** Procedure id ("demande-logement"); by default the page's `data-procedure` on the aide.js tag. */
  @property() procedure = '';
  /** The collector's …/api/v1/experiences; by default next to the page's `data-feedback-endpoint`. */
  @property() endpoint = '';
  /** Level of the element's heading (2); stories are one level below, answers two. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private stories: PublicStory[] = [];
  @state() private indicators: Indicators | null = null;
  @state() private total = 0;
  @state() private page = 0;
  @state() private pages = 0;
  /** The feeling shown (the select may hold another one until « Afficher »). */
  @state() private feeling: Feeling | '' = '';
  @state() private phase: 'loading' | 'ready' | 'failed' = 'loading';
  @state() private loadingMore = false;
  /** Another filter is loading: the list shown stays in place (marked busy) until the new one replaces it. */
  @state() private refreshing = false;
  /**
   * Each list shown (not a page added) is new elements: Orca in Chromium, its text changed in place, skipped the count
   * and the first heading when it read on from « Afficher ».
   */
  private listShown = 0;
  @state() private failure: { message: string; reason: Reason; feeling: Feeling | '' } | null = null;

  /** Loading shows on the control pressed and is said if it lasts (core's busy state). */
  private readonly busy = new BusyController(this);
  /** The address being read: the same one asked again meanwhile (a double click) is the same request. */
  private inFlight: string | null = null;
  /** Each load's number: an answer that comes after a newer request (another filter) is dropped. */
  private generation = 0;
  private warned = false;
  private started = false;

  private get resolved(): { procedure: string; api: URL } | null {
    const config = this.procedure && this.endpoint ? null : pageConfig();
    const procedure = this.procedure || config?.procedure || '';
    let api: URL | null = null;
    try {
      api = this.endpoint ? new URL(this.endpoint, document.baseURI) : config?.feedbackEndpoint ? new URL('experiences', config.feedbackEndpoint) : null;
    } catch {
      api = null;
    }
    if (!PROCEDURE.test(procedure) || !api) {
      if (!this.warned) console.warn('[Aide numérique] <aide-experiences> sans démarche valide (attribut procedure) ou sans service de collecte (data-feedback-endpoint sur aide.js, ou attribut endpoint) : rien n’est affiché.');
      this.warned = true;
      return null;
    }
    return { procedure, api };
  }

  private pageUrl(page: number, feeling: Feeling | ''): string | null {
    const where = this.resolved;
    if (!where) return null;
    const url = new URL(where.api);
    url.search = new URLSearchParams({ procedure: where.procedure, page: String(page), ...(feeling ? { feeling } : {}) }).toString();
    return url.href;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Zero configuration: the first update loads (the procedure may come from the page, not an attribute).
    if (!this.started || changed.has('procedure') || changed.has('endpoint')) {
      this.started = true;
      void this.load(1, this.feeling, 'start');
    }
  }

  private async load(page: number, feeling: Feeling | '', reason: Reason): Promise<void> {
    const url = this.pageUrl(page, feeling);
    if (!url) {
      this.phase = 'failed';
      this.failure = null;
      return;
    }
    if (this.inFlight === url) return;
    this.inFlight = url;
    const ticket = ++this.generation;
    const t = this.t;
    this.failure = null;
    this.loadingMore = reason === 'more';
    // A new filter keeps the list where it is until the answer comes: a screen reader's reading position, which was on
    // a story, is not lost in a « Chargement… » that replaced the list (Orca then restarted from the top of the page).
    this.refreshing = reason === 'filter' && this.phase === 'ready';
    if ((reason === 'start' || reason === 'filter') && !this.refreshing) this.phase = 'loading';
    // The first load starts without anyone pressing anything: nothing to mark but the list (aria-busy).
    const trigger = reason === 'start' ? { trigger: null } : {};
    try {
      const body = await this.busy.run(reason === 'more' ? t.loadingMore : t.loading, () => requestJson<unknown>(url, { credentials: 'omit' }), trigger);
      if (ticket !== this.generation) return;
      const read = readPage(body, page);
      if (!read) throw new Error('format');
      await this.show(read, reason, feeling);
    } catch (error) {
      if (ticket !== this.generation) return;
      const message = requestFailureText(error, this.locale);
      const hadFocus = this.hasFocusWithin();
      this.failure = { message, reason, feeling };
      if (reason !== 'more') this.phase = 'failed';
      this.loadingMore = false;
      this.refreshing = false;
      if (reason !== 'start') this.announce(`${t.failed} ${message}`, 'assertive');
      // The list gave way to the message and « Réessayer »: focus goes there rather than falling to the page.
      if (hadFocus) {
        await this.updateComplete;
        if (!this.hasFocusWithin()) focusElement(this.renderRoot.querySelector<HTMLElement>('.retry'));
      }
    } finally {
      if (ticket === this.generation || this.inFlight === url) this.inFlight = null;
    }
  }

  private hasFocusWithin(): boolean {
    const active = deepActiveElement();
    return !!active && (active === this || this.renderRoot.contains(active));
  }

  private async show(read: ExperiencesPage, reason: Reason, feeling: Feeling | ''): Promise<void> {
    const t = this.t;
    const hadFocus = this.hasFocusWithin();
    const known = new Set(this.stories.map((s) => s.id));
    // A story published between two pages moves the others down one: the one seen twice is shown once.
    const added = reason === 'more' ? read.items.filter((s) => !known.has(s.id)) : read.items;
    this.stories = reason === 'more' ? [...this.stories, ...added] : added;
    this.indicators = read.indicators;
    this.total = Math.max(read.total, this.stories.length);
    this.page = read.page;
    this.pages = read.pages;
    if (reason !== 'more') {
      this.feeling = feeling;
      this.listShown++;
    }
    this.phase = 'ready';
    this.loadingMore = false;
    this.refreshing = false;
    // What changed is said after the focus moved: a screen reader presenting the new focus cuts short a message that
    // came before it (Orca in Firefox did, now and then).
    if (reason === 'more') {
      await this.updateComplete;
      const first = added[0] ? this.renderRoot.querySelector<HTMLElement>(`[data-story="${CSS.escape(added[0].id)}"] .story-title`) : null;
      focusElement(first ?? this.renderRoot.querySelector<HTMLElement>('.count'));
      this.announce(t.moreLoaded(added.length, this.stories.length, this.total));
    } else if (reason === 'filter' || hadFocus) {
      await this.updateComplete;
      // After « Réessayer » (gone now) the person lands on the count; after « Afficher », focus stays on it.
      if (!this.hasFocusWithin()) focusElement(this.renderRoot.querySelector<HTMLElement>('.count'));
      this.announce(this.stories.length ? t.count(this.total, this.feeling ? t.feelingOptions[this.feeling] : null) : this.emptyText());
    }
  }

  private emptyText(): string {
    return this.feeling ? this.t.emptyFiltered(this.t.feelingOptions[this.feeling]) : this.t.empty;
  }

  private filter(event: SubmitEvent): void {
    event.preventDefault();
    const value = (this.renderRoot.querySelector('select') as HTMLSelectElement).value as Feeling | '';
    void this.load(1, FEELINGS.includes(value as Feeling) ? value : '', 'filter');
  }

  private more(): void {
    // While another filter loads, the next page would be the old filter's.
    if (this.loadingMore || this.refreshing) return;
    void this.load(this.page + 1, this.feeling, 'more');
  }

  private async retry(): Promise<void> {
    const failure = this.failure;
    if (!failure) return;
    if (failure.reason === 'more') return this.load(this.page + 1, failure.feeling, 'more');
    const done = this.load(1, failure.feeling, 'filter');
    // « Réessayer » gives way to the loading message: focus waits there, then goes to the count or the message.
    await this.updateComplete;
    if (!this.hasFocusWithin()) focusElement(this.renderRoot.querySelector<HTMLElement>('.loading'));
    await done;
  }

  protected override render() {
    const where = this.resolved;
    if (!where) return nothing;
    const t = this.t;
    const level = this.headingLevel;
    const links = new URL(`../../experiences/${where.procedure}`, where.api);
    return html`<section class="experiences" aria-labelledby="experiences-title">
      ${heading(level, t.title, { id: 'experiences-title', className: 'title' })}
      <p class="intro">${t.intro}</p>
      ${this.renderFigures()}
      <form class="filter" @submit=${this.filter}>
        <label for="feeling">${t.filterLabel}</label>
        <select id="feeling" name="feeling">
          <option value="" ?selected=${this.feeling === ''}>${t.allFeelings}</option>
          ${FEELINGS.map((f) => html`<option value=${f} ?selected=${this.feeling === f}>${t.feelingOptions[f]}</option>`)}
        </select>
        <button class="button secondary" type="submit">${t.filter}</button>
      </form>
      <div class="results" aria-busy=${this.phase === 'loading' || this.loadingMore || this.refreshing ? 'true' : 'false'}>${keyed(this.listShown, this.renderResults())}</div>
      <ul class="links">
        <li><a href=${links.href}>${t.publicPage}</a></li>
        <li><a href=${`${links.href}/feed.atom`} type="application/atom+xml">${t.feed}</a></li>
      </ul>
    </section>`;
  }

  private renderFigures() {
    const figures = this.indicators;
    if (!figures) return nothing;
    const t = this.t;
    return html`<p class="figures-title">${t.figures}</p>
      <ul class="figures">
        <li>${t.published(figures.stories)}</li>
        ${figures.answeredShare === null ? nothing : html`<li>${t.answeredShare(figures.answeredShare)}</li>`}
        <li>${figures.medianAnswerHours === null ? t.noAnswerYet : t.medianDelay(figures.medianAnswerHours)}</li>
      </ul>`;
  }

  // In « <strong>…</strong>${` ${message}`} », the space is part of the message's text: a space of its own next to
  // Lit's marker is lost to screen readers in Chromium (harness: words-spaced).
  private renderFailure() {
    const failure = this.failure;
    if (!failure) return nothing;
    return html`<div class="problem">
      <p><strong>${this.t.failed}</strong>${` ${failure.message}`}</p>
      <button class="button retry" type="button" @click=${this.retry}>${this.t.retry}</button>
    </div>`;
  }

  private renderResults() {
    const t = this.t;
    if (this.phase === 'loading') return html`<p class="loading" tabindex="-1">${t.loading}</p>`;
    if (this.phase === 'failed') return this.renderFailure();
    if (this.stories.length === 0) return html`<p class="count empty" tabindex="-1">${this.emptyText()}</p>`;
    const level = this.headingLevel + 1;
    const moreFailed = this.failure?.reason === 'more';
    return html`<p class="count" tabindex="-1">${t.count(this.total, this.feeling ? t.feelingOptions[this.feeling] : null)}</p>
      <ol class="stories">
        ${this.stories.map(
          (story) => html`<li>
            <article class="story" part="story" data-story=${story.id} data-feeling=${story.feeling} aria-labelledby=${`story-${story.id}`}>
              ${heading(level, t.storyTitle(story.feeling, formatDate(this.locale, story.publishedAt)), {
                id: `story-${story.id}`,
                className: 'story-title',
              })}
              ${story.channel ? html`<p class="meta">${t.channels[story.channel]}</p>` : nothing}
              ${paragraphs(story.maskedText)}
              ${story.answer
                ? // Not a <section>: twenty landmarks named « Réponse de … » would crowd the page's landmarks; its heading says it.
                  html`<div class="answer" part="answer">
                    ${heading(level + 1, t.answerFrom(story.answer.signedBy))} ${paragraphs(story.answer.text)}
                    <p class="meta">${t.answeredOn(formatDate(this.locale, story.answer.answeredAt))}</p>
                  </div>`
                : html`<p class="meta">${t.notAnswered}</p>`}
            </article>
          </li>`,
        )}
      </ol>
      ${moreFailed ? html`<p class="problem"><strong>${t.failed}</strong>${` ${this.failure!.message}`}</p>` : nothing}
      ${moreFailed || this.page < this.pages
        ? // One button, « Voir plus » or « Réessayer » after it failed: the element stays, and focus with it.
          html`<button
            class=${moreFailed ? 'button retry' : 'button secondary more'}
            part="more"
            type="button"
            aria-disabled=${this.loadingMore || this.refreshing ? 'true' : 'false'}
            @click=${moreFailed ? this.retry : this.more}
          >
            ${moreFailed ? t.retry : t.more}
          </button>`
        : nothing}`;
  }
}
