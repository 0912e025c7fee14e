/** The templates of « Raconter mon expérience » (state and actions: story.ts). */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { heading } from '@aide/core/element';
import type { Locale } from '@aide/core';
import type { StoryController } from './story.ts';
import type { StoryStrings } from './strings.ts';
import { characters, CHANNELS, FEELINGS, STORY_MAX, type FieldError, type StoryField } from './validate.ts';

interface StoryViewOptions {
  t: StoryStrings;
  /** "obligatoire", "Erreur : " and the like, shared with the opinion form. */
  required: string;
  errorPrefix: string;
  locale: Locale;
  headingLevel: number;
  /** Alone on a page (not in the panel, whose heading names the view): the form has its own heading. */
  titled: boolean;
  persist: boolean;
}

const dateFormat = (locale: Locale) => new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : locale, { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** The error under a field; the collector's own words, in French, when it is the one that refused. */
function fieldError(id: string, error: FieldError | undefined, errorPrefix: string) {
  if (!error) return nothing;
  // The space is part of a text: a space of its own next to Lit's marker is lost to screen readers in Chromium.
  return html`<p id=${id} class="error"><span class="visually-hidden">${errorPrefix}</span>${error.server ? `${error.message} ` : error.message}${error.server
      ? html`<span lang="fr">${error.server}</span>`
      : nothing}</p>`;
}

const describedBy = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || nothing;

function radioGroup<V extends string>(
  c: StoryController,
  o: StoryViewOptions,
  field: Extract<StoryField, 'feeling' | 'channel'>,
  legend: string,
  values: readonly V[],
  labels: Record<V, string>,
) {
  const error = c.errors[field];
  return html`<fieldset class="story-${field}">
    <legend>${legend} <span class="required">(${o.required})</span></legend>
    ${fieldError(`story-${field}-error`, error, o.errorPrefix)}
    ${values.map(
      (value) => html`<div class="choice">
        <input
          type="radio"
          id="story-${field}-${value}"
          name="story-${field}"
          value=${value}
          required
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy(!!error && `story-${field}-error`)}
          .checked=${live(c.draft[field] === value)}
          @change=${() => c.choose(field, value as never)}
        />
        <label for="story-${field}-${value}">${labels[value]}</label>
      </div>`,
    )}
  </fieldset>`;
}

function renderEdit(c: StoryController, o: StoryViewOptions) {
  const { t } = o;
  const left = STORY_MAX - characters(c.draft.text);
  const textError = c.errors.text;
  const consentError = c.errors.consent;
  return html`<form
      part="form"
      class="story"
      novalidate
      aria-describedby="story-intro"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        void c.check();
      }}
    >
      ${o.titled ? heading(o.headingLevel, t.title, { className: 'story-title', focusable: true }) : nothing}
      <p id="story-intro">${t.intro}</p>
      ${c.general.length
        ? html`<div class="error story-general" tabindex="-1">
            <p><span class="visually-hidden">${o.errorPrefix}</span>${t.serverRefused}</p>
            <ul lang="fr">
              ${c.general.map((message) => html`<li>${message}</li>`)}
            </ul>
          </div>`
        : nothing}
      <div class="story-text">
        <label for="story-text">${t.textLabel} <span class="required">(${o.required})</span></label>
        <p id="story-text-hint" class="hint">${t.textHint}</p>
        <p id="story-text-warning" class="warning">${t.textWarning}</p>
        ${fieldError('story-text-error', textError, o.errorPrefix)}
        <textarea
          id="story-text"
          rows="8"
          required
          aria-invalid=${textError ? 'true' : 'false'}
          aria-describedby=${describedBy(!!textError && 'story-text-error', 'story-text-hint', 'story-text-warning', 'story-text-count')}
          .value=${live(c.draft.text)}
          @input=${(event: InputEvent) => c.setText((event.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p id="story-text-count" class="hint ${left < 0 ? 'over' : ''}">${left >= 0 ? t.remaining(left) : t.over(-left)}</p>
      </div>
      ${radioGroup(c, o, 'feeling', t.feelingLegend, FEELINGS, t.feelings)} ${radioGroup(c, o, 'channel', t.channelLegend, CHANNELS, t.channels)}
      <fieldset class="story-consent">
        <legend>${t.rulesTitle}</legend>
        <ul class="rules">
          ${t.rules.map((rule) => html`<li>${rule}</li>`)}
        </ul>
        ${fieldError('story-consent-error', consentError, o.errorPrefix)}
        <div class="choice">
          <input
            type="checkbox"
            id="story-consent"
            required
            aria-invalid=${consentError ? 'true' : 'false'}
            aria-describedby=${describedBy(!!consentError && 'story-consent-error')}
            .checked=${live(c.draft.consent)}
            @change=${(event: Event) => c.choose('consent', (event.target as HTMLInputElement).checked)}
          />
          <label for="story-consent">${t.consentLabel} <span class="required">(${o.required})</span></label>
        </div>
      </fieldset>
      ${c.maskingFailed ? html`<p id="story-masking-error" class="error">${t.maskingError}</p>` : nothing}
      <p class="actions">
        <button type="submit" class="button" aria-disabled=${c.checking ? 'true' : 'false'} aria-describedby=${describedBy(c.maskingFailed && 'story-masking-error')}>
          ${c.checking ? t.checking : t.check}
        </button>
      </p>
    </form>
    ${renderRemembered(c, o)}`;
}

/** The masked text, its placeholders highlighted. */
function maskedText(preview: NonNullable<StoryController['preview']>) {
  const parts: (string | TemplateResult)[] = [];
  let at = 0;
  for (const passage of preview.found) {
    parts.push(preview.text.slice(at, passage.start), html`<mark>${preview.text.slice(passage.start, passage.end)}</mark>`);
    at = passage.end;
  }
  parts.push(preview.text.slice(at));
  return parts;
}

function renderPreview(c: StoryController, o: StoryViewOptions) {
  const { t } = o;
  const preview = c.preview!;
  return html`<section class="story-preview" aria-labelledby="story-preview-title">
    ${heading(o.headingLevel, t.previewTitle, { id: 'story-preview-title', className: 'story-preview-title', focusable: true })}
    <p>${preview.found.length ? t.previewMasked(preview.found.length) : t.previewNothing}</p>
    <p id="story-preview-label" class="label">${t.previewTextLabel}</p>
    <blockquote class="preview-text">${maskedText(preview)}</blockquote>
    <dl class="summary">
      <div><dt>${t.previewFeeling}</dt><dd>${c.draft.feeling ? t.feelings[c.draft.feeling] : ''}</dd></div>
      <div><dt>${t.previewChannel}</dt><dd>${c.draft.channel ? t.channels[c.draft.channel] : ''}</dd></div>
    </dl>
    <p>${t.previewModeration}</p>
    <p class="actions">
      <button type="button" class="button" aria-disabled=${c.sending ? 'true' : 'false'} @click=${() => void c.send()}>${c.sending ? t.sending : t.send}</button>
      <button type="button" class="button secondary" ?disabled=${c.sending} @click=${() => void c.edit()}>${t.edit}</button>
    </p>
  </section>`;
}

/** The follow link in a read-only text area rather than an input: the long link wraps at 320 px instead of being cut. */
function renderFollow(c: StoryController, o: StoryViewOptions) {
  const { t } = o;
  if (!c.follow) return html`<p>${t.followMissing}</p>`;
  return html`<section class="follow" aria-labelledby="story-follow-title">
    ${heading(o.headingLevel + 1, t.followTitle, { id: 'story-follow-title' })}
    <p>${t.followText}</p>
    ${o.persist ? html`<p>${t.followRemembered}</p>` : nothing}
    <label for="story-follow-url">${t.followLabel}</label>
    <textarea id="story-follow-url" readonly rows="3" dir="ltr" spellcheck="false" .value=${c.follow.followUrl} @focus=${(event: FocusEvent) => (event.target as HTMLTextAreaElement).select()}></textarea>
    <p class="actions">
      <button type="button" class="button secondary copy" @click=${() => void c.copy()}>${t.copy}</button>
      <a class="button secondary" href=${c.follow.followUrl} target="_blank" rel="noopener">${t.openFollow}<span class="visually-hidden"> (${t.newWindow})</span></a>
    </p>
    <p class="copy-status" role="status">${c.copyStatus}</p>
  </section>`;
}

function renderResult(c: StoryController, o: StoryViewOptions) {
  const { t } = o;
  const [title, text] =
    c.outcome === 'sent'
      ? [t.sentTitle, t.sentText]
      : c.outcome === 'queued'
        ? [t.queuedTitle, o.persist ? t.queuedText : t.queuedTextKeepOpen]
        : c.outcome === 'delayed'
          ? [t.queuedTitle, o.persist ? t.delayedText : t.delayedTextKeepOpen]
          : [t.rejectedTitle, t.rejectedText];
  return html`<div class="result ${c.outcome}">
    ${heading(o.headingLevel, title, { className: 'story-result-title', focusable: true })}
    <p>${text}</p>
    ${c.outcome === 'sent' ? renderFollow(c, o) : nothing}
    ${c.outcome === 'rejected'
      ? html`${c.general.length ? html`<p lang="fr">${c.general.join(' ')}</p>` : nothing}
          <p><button type="button" class="button secondary" @click=${() => void c.edit()}>${t.edit}</button></p>`
      : nothing}
  </div>`;
}

/** Stories sent earlier from this device, with their follow links (a person who told a story offline gets it here). */
function renderRemembered(c: StoryController, o: StoryViewOptions) {
  const { t } = o;
  if (c.remembered.length === 0) return nothing;
  const format = dateFormat(o.locale);
  return html`<section class="remembered" aria-labelledby="story-remembered-title">
    ${heading(o.headingLevel, t.yourStories, { id: 'story-remembered-title' })}
    <ul>
      ${c.remembered.map((story) => {
        const date = t.storyOf(format.format(new Date(story.createdAt)));
        const status = t.statuses[story.answered ? 'answered' : story.lastSeenStatus];
        return html`<li>
          ${date} : ${status}.
          <a href=${story.followUrl} target="_blank" rel="noopener">${t.followThis}<span class="visually-hidden"> (${date}, ${t.newWindow})</span></a>
        </li>`;
      })}
    </ul>
  </section>`;
}

export function renderStory(c: StoryController, o: StoryViewOptions) {
  return c.phase === 'preview' && c.preview ? renderPreview(c, o) : c.phase === 'result' ? renderResult(c, o) : renderEdit(c, o);
}
