/**
 * The walkthrough's templates: the catalogue (suggested, search, themes), a tutorial's overview, one step, the end.
 * They render what the element gives them (WalkthroughView) and call back its actions; they keep no state.
 */
import { html, nothing } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { heading, styleProperties } from '@aide/core/element';
import type { ForeignText, Locale } from '@aide/core';
import type { TutorialChunk, TutorialIndex, TutorialSummary } from '../format.ts';
import { CONTENT_DIR, CONTENT_LANG, type WalkthroughStrings } from './strings.ts';

export interface WalkthroughView {
  t: WalkthroughStrings;
  locale: Locale;
  headingLevel: number;
  /** Level of the catalogue's sections. */
  sectionLevel: number;
  inPanel: boolean;
  procedure: string;
  step: number;
  /** The first step of the open tutorial that explains the page's step of the procedure (0: none). */
  here: number;
  /** Whether a step of the open tutorial explains the page's step of the procedure. */
  explainsPage(step: number): boolean;
  /** The page's step of the procedure, by its title ("Votre logement"). */
  pageStepTitle: string;
  seen: Set<number>;
  stepListOpen: boolean;
  query: string;
  results: TutorialSummary[] | null;
  resumable: { summary: TutorialSummary; step: number } | null;
  notFound: string;
  targetFound: boolean;
  canSpeak: boolean;
  speaking: boolean;
  stuckUnanswered: boolean;
  phoneLine: { tel: string; display: string };
  /** Published tutorial HTML readied for this page (sanitised, headings from `level`, addresses resolved). */
  html(source: string, level: number): string;
  printUrl(slug: string): string;
  open(slug: string): void;
  goTo(step: number): void;
  /** The step before / after the one shown when pressed (not when rendered: two quick presses go two steps). */
  previous(): void;
  next(): void;
  toggleStepList(): void;
  search(event: InputEvent): void;
  showMe(): void;
  toggleSpeech(): void;
  stuck(): void;
  giveFeedback(): void;
  backToList(): void;
}

/** Whether a tutorial's `procedures` name this procedure id or match this page's address. */
export function matchesProcedure(procedures: string[], procedure: string, pageUrl: string): boolean {
  return procedures.some((p) => {
    if (!p.startsWith('https://')) return procedure !== '' && p === procedure;
    const pattern = new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    return pattern.test(pageUrl);
  });
}

/**
 * A catalogue text with French content in it: "{page}" or "{title}" in `template` become French pieces, marked as
 * such (RGAA 8.7), whatever the interface language.
 */
export function fill(template: string, values: Record<string, string>): (string | ForeignText)[] {
  return template
    .split(/\{(\w+)\}/)
    .map((piece, i) => (i % 2 ? { text: values[piece] ?? '', lang: CONTENT_LANG } : piece))
    .filter((piece) => piece !== '');
}

/** `fill` for a template: the French pieces in spans of their language, read left to right. */
const filled = (template: string, values: Record<string, string>) =>
  fill(template, values).map((piece) => (typeof piece === 'string' ? piece : html`<span lang=${piece.lang} dir=${CONTENT_DIR}>${piece.text}</span>`));

/** A heading of the tutorial content (French, whatever the widget's language) at a level chosen by the element. */
const contentHeading = (level: number, content: string, attributes: { id: string; className: string }) => {
  const tag = unsafeStatic(`h${level}`);
  return staticHtml`<${tag} id=${attributes.id} class=${attributes.className} tabindex="-1" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${content}</${tag}>`;
};

function date(locale: Locale, iso: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  } catch {
    return iso;
  }
}

const themeName = (t: WalkthroughStrings, theme: string) => t.themeNames[theme] ?? theme.charAt(0).toUpperCase() + theme.slice(1);

/**
 * A tutorial card: one button whose name is all it shows (title, summary, length), so that voice control and
 * the visible label agree. A visually hidden full stop in the markup (not CSS-generated text, RGAA 10.2) separates the title from the summary: without it a
 * screen reader runs "Déclarer ses revenus en ligne Vérifier et envoyer…" into one sentence.
 */
function card(v: WalkthroughView, summary: TutorialSummary) {
  const t = v.t;
  return html`<li>
    <button type="button" class="card" data-slug=${summary.slug} @click=${() => v.open(summary.slug)}>
      <span class="card-title" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${summary.title}</span><span class="visually-hidden">.</span>
      <span class="card-summary" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${summary.summary}</span>
      <span class="card-meta">${t.levelNames[summary.level] ?? summary.level} · ${t.minutes(summary.duration)} · ${t.steps(summary.stepCount)}</span>
    </button>
  </li>`;
}

export function renderCatalogue(v: WalkthroughView, index: TutorialIndex) {
  const t = v.t;
  const section = v.sectionLevel;
  const suggested = index.tutorials.filter((s) => matchesProcedure(s.procedures, v.procedure, location.href));
  return html`
    <div class="catalogue">
      ${v.inPanel ? nothing : heading(v.headingLevel, t.title, { className: 'catalogue-heading', focusable: true })}
      ${v.notFound ? html`<p class="status error">${t.notFound(v.notFound)}</p>` : nothing}
      ${t.contentInFrench ? html`<p class="content-language">${t.contentInFrench}</p>` : nothing}
      ${v.resumable
        ? html`<p>
            <button type="button" class="button resume" @click=${() => v.open(v.resumable!.summary.slug)}>
              ${filled(t.resume(v.resumable.step, v.resumable.summary.stepCount), { title: v.resumable.summary.title })}
            </button>
          </p>`
        : nothing}
      ${suggested.length
        ? html`<section aria-labelledby="suggested">
            ${heading(section, t.forYourProcedure, { id: 'suggested' })}
            <ul class="cards">${suggested.map((s) => card(v, s))}</ul>
          </section>`
        : nothing}
      <section class="search" role="search" aria-labelledby="search-label">
        <label id="search-label" for="search">${t.search}</label>
        <p id="search-hint" class="hint">${t.searchHint}</p>
        <input id="search" type="search" autocomplete="off" aria-describedby="search-hint" .value=${v.query} @input=${(e: InputEvent) => v.search(e)} />
        ${v.results
          ? html`<p class="count">${v.results.length ? t.searchResults(v.results.length) : t.searchNone}</p>
              <ul class="cards">${v.results.map((s) => card(v, s))}</ul>`
          : nothing}
      </section>
      <section aria-labelledby="browse">
        ${heading(section, t.browse, { id: 'browse' })}
        ${index.themes.map((theme) => {
          const list = index.tutorials.filter((s) => s.theme === theme);
          return list.length
            ? // No landmark per theme: its heading names it, and a region of the same name would say it twice.
              html`<section class="theme">
                ${heading(section + 1, themeName(t, theme))}
                <ul class="cards">${list.map((s) => card(v, s))}</ul>
              </section>`
            : nothing;
        })}
      </section>
    </div>
  `;
}

export function renderOverview(v: WalkthroughView, tutorial: TutorialChunk) {
  const t = v.t;
  // A tutorial's own title takes the component's heading level; its parts come one level below.
  const section = v.headingLevel;
  return html`
    <div class="overview">
      ${heading(section, html`<span lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${tutorial.title}</span>`, { className: 'step-heading', focusable: true })}
      <p class="meta">${t.levelNames[tutorial.level] ?? tutorial.level} · ${t.minutes(tutorial.duration)} · ${t.steps(tutorial.steps.length)}</p>
      <p lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${tutorial.summary}</p>
      ${tutorial.prerequisites.length
        ? html`${heading(section + 1, t.prerequisites)}
            <ul lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${tutorial.prerequisites.map((p) => html`<li>${p}</li>`)}</ul>`
        : nothing}
      ${tutorial.introHtml
        ? html`<div class="intro-content" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>
            ${unsafeHTML(v.html(tutorial.introHtml, section + 1))}
          </div>`
        : nothing}
      ${heading(section + 1, t.contents)}
      <ol class="toc" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>
        ${tutorial.steps.map((s, i) => html`<li class=${v.explainsPage(i + 1) ? 'here' : ''}>
          <button type="button" class="link" @click=${() => v.goTo(i + 1)}>${s.title}${hereMarker(v, i + 1)}</button>
        </li>`)}
      </ol>
      <p class="actions">
        <button type="button" class="button" @click=${() => v.goTo(1)}>${t.start}</button>
      </p>
      ${renderFooter(v, tutorial)}
    </div>
  `;
}

export function renderStep(v: WalkthroughView, tutorial: TutorialChunk) {
  const t = v.t;
  const total = tutorial.steps.length;
  const step = tutorial.steps[v.step - 1]!;
  return html`
    <article class="step" part="step" aria-labelledby="step-title">
      <p class="tutorial-title" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>${tutorial.title}</p>
      <p class="progress-text" id="progress">${t.stepOf(v.step, total)}</p>
      <div class="progress" aria-hidden="true"><span class="bar" ${styleProperties({ width: `${Math.round((v.step / total) * 100)}%` })}></span></div>
      ${contentHeading(v.headingLevel, step.title, { id: 'step-title', className: 'step-heading' })}
      ${v.step === v.here
        ? html`<div class="you-are-here">
            <p>${filled(t.here, { page: v.pageStepTitle })}</p>
            ${v.here > 1 ? html`<button type="button" class="button tertiary" @click=${() => v.goTo(1)}>${t.fromStart}</button>` : nothing}
          </div>`
        : nothing}
      <div class="step-tools">
        ${v.targetFound ? html`<button type="button" class="button secondary" @click=${() => v.showMe()}>${t.showMe}</button>` : nothing}
        ${v.canSpeak
          ? // The label says what the button does ("Arrêter la lecture" while speaking): no aria-pressed on top,
            // which would be heard as "Arrêter la lecture, enfoncé".
            html`<button type="button" class="button secondary" @click=${() => v.toggleSpeech()}>${v.speaking ? t.stopListening : t.listen}</button>`
          : nothing}
      </div>
      <div class="step-content" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>
        ${unsafeHTML(v.html(step.html, v.headingLevel + 1))}
      </div>
      <nav class="navigation" part="navigation" aria-label=${t.stepOf(v.step, total)}>
        <button type="button" class="button secondary" @click=${() => v.previous()}>${t.previous}</button>
        <button type="button" class="button" @click=${() => v.next()}>${v.step === total ? t.finish : t.next}</button>
      </nav>
      <div class="stuck">
        <p>${t.stuckHelp}</p>
        <button type="button" class="button secondary" @click=${() => v.stuck()}>${t.stuck}</button>
        ${v.stuckUnanswered ? html`<p class="status">${t.phoneLine} <a href="tel:${v.phoneLine.tel}">${v.phoneLine.display.replace(/ /g, '\u00a0')}</a></p>` : nothing}
      </div>
      <div class="step-list">
        <button type="button" class="button tertiary" aria-expanded=${v.stepListOpen ? 'true' : 'false'} aria-controls="step-list" @click=${() => v.toggleStepList()}>
          ${v.stepListOpen ? t.stepListClose : t.stepList}
        </button>
        <ol id="step-list" ?hidden=${!v.stepListOpen} lang=${CONTENT_LANG} dir=${CONTENT_DIR}>
          ${tutorial.steps.map(
            (s, i) => html`<li class=${v.explainsPage(i + 1) ? 'here' : ''}>
              <button type="button" class=${i + 1 === v.step ? 'link current' : 'link'} @click=${() => v.goTo(i + 1)}>
                ${s.title}${i + 1 === v.step
                  ? html`<span class="visually-hidden" lang=${v.locale}> ${t.currentStep}</span>`
                  : v.seen.has(i + 1)
                    ? html`<span class="visually-hidden" lang=${v.locale}> ${t.doneStep}</span>`
                    : nothing}${hereMarker(v, i + 1)}
              </button>
            </li>`,
          )}
        </ol>
      </div>
    </article>
  `;
}

/**
 * "Vous êtes ici" on the first step of the tutorial that explains the page's step of the procedure (the steps after
 * it that explain the same page carry a side mark, drawn by CSS).
 */
function hereMarker(v: WalkthroughView, step: number) {
  return step === v.here
    ? html`<span class="visually-hidden">, </span><span class="here-marker" lang=${v.locale}>${v.t.hereMarker}<span class="visually-hidden">
          : ${filled(v.t.herePage, { page: v.pageStepTitle })}</span></span>`
    : nothing;
}

export function renderDone(v: WalkthroughView, tutorial: TutorialChunk) {
  const t = v.t;
  return html`
    <div class="done">
      ${heading(v.headingLevel, t.doneTitle, { className: 'step-heading', focusable: true })}
      <p>${t.doneText}</p>
      <p class="actions">
        <button type="button" class="button secondary" @click=${() => v.goTo(tutorial.steps.length)}>${t.previous}</button>
        <button type="button" class="button secondary" @click=${() => v.giveFeedback()}>${t.giveFeedback}</button>
      </p>
      ${renderFooter(v, tutorial)}
    </div>
  `;
}

function renderFooter(v: WalkthroughView, tutorial: TutorialChunk) {
  const t = v.t;
  return html`
    ${tutorial.links.length
      ? html`${heading(v.headingLevel + 1, t.usefulLinks)}
          <ul class="links" lang=${CONTENT_LANG} dir=${CONTENT_DIR}>
            ${tutorial.links.map(
              (l) => html`<li><a href=${l.url} target="_blank" rel="noopener noreferrer">${l.title}<span class="visually-hidden"> (${t.newWindow})</span></a></li>`,
            )}
          </ul>`
      : nothing}
    <p class="meta">
      ${t.updated(date(v.locale, tutorial.updated))} ·
      <a href=${v.printUrl(tutorial.slug)} target="_blank" rel="noopener">${t.print}<span class="visually-hidden"> (${t.newWindow})</span></a>
    </p>
    <p class="meta">${t.licence} <a href=${tutorial.licence.url} target="_blank" rel="noopener noreferrer">${tutorial.licence.name}<span class="visually-hidden"> (${t.newWindow})</span></a></p>
    <p><button type="button" class="button tertiary" @click=${() => v.backToList()}>${t.backToList}</button></p>
  `;
}
