/**
 * <aide-feedback>: "Je donne mon avis" (the element, its form and the result shown after sending), and « Raconter mon
 * expérience » (../story: its state in story.ts, its templates in story-view.ts).
 */
import { adoptStyles, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { AideElement, booleanConverter, heading, HelpContextController, negatedBooleanConverter, sharedStyles } from '@aide/core/element';
import { AideFeedbackSentEvent, AideOpenViewEvent, deepActiveElement, focusElement, pickStrings, type HelpContext } from '@aide/core';
import { delivery, type FeedbackPayload, type Outcome } from '../delivery/delivery.ts';
import { feedbackStrings, type FeedbackStrings } from './strings.ts';
import { feedbackStyles } from './feedback.styles.ts';
import { RemainingCount } from '../remaining-count.ts';
import type * as StoryPart from '../story/story-part.ts';
import type { StoryController } from '../story/story.ts';
import type { StoryStrings } from '../story/strings.ts';

const SATISFACTIONS = ['bad', 'medium', 'good'] as const;
const DIFFICULTIES = ['info-before', 'not-working', 'attachments', 'info-after', 'other'] as const;
const HELP = ['counter', 'phone', 'email', 'chat', 'relative', 'association', 'websites', 'other', 'none'] as const;
const COMMENT_MAX = 1000;
/** The remaining characters are announced from this count down. */
const REMAINING_ANNOUNCED_FROM = 100;

const faces: Record<(typeof SATISFACTIONS)[number], TemplateResult> = {
  bad: svg`<circle cx="16" cy="16" r="14"/><circle class="f" cx="11" cy="13" r="2"/><circle class="f" cx="21" cy="13" r="2"/><path class="m" d="M10 23c3-4 9-4 12 0"/>`,
  medium: svg`<circle cx="16" cy="16" r="14"/><circle class="f" cx="11" cy="13" r="2"/><circle class="f" cx="21" cy="13" r="2"/><path class="m" d="M10 21h12"/>`,
  good: svg`<circle cx="16" cy="16" r="14"/><circle class="f" cx="11" cy="13" r="2"/><circle class="f" cx="21" cy="13" r="2"/><path class="m" d="M10 19c3 4 9 4 12 0"/>`,
};

/**
 * "Je donne mon avis", with the questions of the Observatoire de la qualité des démarches en ligne's default form,
 * so the figures compare with the national ones. Anonymous: the procedure, the page's step and the tutorial step
 * (when the person came from one) are attached, nothing that identifies the person. Sent through the delivery
 * queue, which loses nothing offline (kept on the device, sent again when the connection comes back). Placed alone,
 * it is a "Je donne mon avis" button that opens the form; without `endpoint` it shows nothing.
 *
 * After the opinion, and with `mode="story"`, « Raconter mon expérience »: what happened (2,000 characters at most),
 * how it felt, how the person went about it, and consent to publication under rules said in plain words. Before
 * sending, the person sees the text with its personal data masked on the device (@aide/masking, loaded when the form
 * opens) and confirms or goes back to edit. The story goes through the same queue as opinions (offline-safe, sent
 * once); the collector's answer brings a private follow link, shown, copyable, and remembered on the device (unless
 * `no-persist`) so that the help panel can say « Vous avez une réponse » on a later visit. No account, no cookie.
 *
 * @summary Collects an anonymous opinion on the procedure, and the person's story for publication; loses none offline.
 * @tagname aide-feedback
 * @csspart open - The "Je donne mon avis" (or « Raconter mon expérience ») button of the element placed alone.
 * @csspart form - The form (opinion or story).
 * @fires {AideFeedbackSentEvent} aide-feedback-sent - The opinion left the form; detail: { outcome: 'sent' | 'queued' | 'rejected' }.
 * @fires {AideOpenViewEvent} aide-open-view - Cancelable. After a difficult procedure, the person chose the tutorials or the locator.
 */
export class AideFeedback extends AideElement<FeedbackStrings> {
  static override styles = [sharedStyles, feedbackStyles];
  protected readonly catalogues = feedbackStrings;

  /** The collector's …/api/v1/feedback. Required: without it the form is not shown (a console message says so). */
  @property() endpoint = '';
  /** `opinion` (default): "Je donne mon avis", then an offer to tell one's story; `story`: « Raconter mon expérience ». */
  @property() mode: 'opinion' | 'story' = 'opinion';
  /** The collector's …/api/v1/stories (default: next to `endpoint`). */
  @property({ attribute: 'stories-endpoint' }) storiesEndpoint = '';
  /** Procedure id the opinion is about ("non-precisee" when empty). */
  @property() procedure = '';
  /** The host page's step in the procedure, attached to the opinion. */
  @property() step = '';
  /** `required` keeps only the required question; `all` (default) asks the optional ones too. */
  @property() questions: 'all' | 'required' = 'all';
  /** Level of the result's heading (2). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Inside the help panel: the form is shown at once, without the "Je donne mon avis" button. */
  @property({ attribute: 'in-panel', converter: booleanConverter }) inPanel = false;
  /** `false` keeps waiting opinions in memory only; in HTML, the `no-persist` attribute. */
  @property({ attribute: 'no-persist', converter: negatedBooleanConverter }) persist = true;
  /** The tutorial step the person is on, attached to the opinion: given by the panel, else followed on the page. */
  @property({ attribute: false }) context?: HelpContext;

  @state() private expanded = false;
  @state() private satisfaction: (typeof SATISFACTIONS)[number] | null = null;
  @state() private clarity: number | null = null;
  @state() private difficulties = new Set<string>();
  @state() private help = new Set<string>();
  @state() private comment = '';
  @state() private error = false;
  @state() private sending = false;
  @state() private outcome: Outcome | null = null;
  @state() private offerHelp = false;

  @query('.result-title') private resultTitle?: HTMLElement;
  private readonly pageContext = new HelpContextController(this);
  /** The story form's code (its own chunk), once loaded; `failed` when it could not be (offline). */
  @state() private storyPart: typeof StoryPart | 'loading' | 'failed' | null = null;
  private story: StoryController | null = null;
  private storyLoad: Promise<void> | null = null;
  private readonly remaining = new RemainingCount(COMMENT_MAX, REMAINING_ANNOUNCED_FROM, (n) => this.announce(this.t.remaining(n)));

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.endpoint) console.warn('[Aide numérique] <aide-feedback> sans attribut endpoint : le formulaire d’avis n’est pas affiché.');
    // Opinions left waiting by an earlier visit go now.
    delivery().start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A form that left the page announces nothing more.
    this.remaining.stop();
  }

  private get open(): boolean {
    return this.inPanel || this.expanded;
  }

  /** Where stories go (for the story controller). */
  get storiesUrl(): string {
    const feedback = new URL(this.endpoint, document.baseURI);
    return (this.storiesEndpoint ? new URL(this.storiesEndpoint, document.baseURI) : new URL('stories', feedback)).href;
  }

  get storyStrings(): StoryStrings {
    return pickStrings((this.storyPart as typeof StoryPart).storyStrings, this.locale);
  }

  get errorPrefix(): string {
    return this.t.errorPrefix;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.mode !== 'story' || !this.open || !this.endpoint) return;
    void this.loadStory();
    // The story form is on screen: its masking code starts loading.
    this.story?.prepare();
  }

  /** The story form's chunk; its styles join the element's once it is there. */
  private loadStory(): Promise<void> {
    this.storyLoad ??= (async () => {
      this.storyPart = 'loading';
      try {
        const part = await import('../story/story-part.ts');
        adoptStyles(this.renderRoot as ShadowRoot, [...AideFeedback.elementStyles, part.storyStyles]);
        this.story = new part.StoryController(this);
        this.storyPart = part;
      } catch {
        this.storyPart = 'failed';
      }
    })();
    return this.storyLoad;
  }

  private async retryStory(): Promise<void> {
    this.storyLoad = null;
    await this.loadStory();
    await this.updateComplete;
    focusElement(this.renderRoot.querySelector<HTMLElement>('.story-title') ?? this.renderRoot.querySelector<HTMLElement>('.story-loading'));
  }

  /** « Raconter mon expérience » after an opinion: the panel's own view when inside it, else the form in place. */
  private async tellStory(): Promise<void> {
    if (this.inPanel && !this.emit(new AideOpenViewEvent('story'))) return;
    this.mode = 'story';
    // The form comes with its chunk: focus goes to its heading once it is there.
    await this.loadStory();
    await this.updateComplete;
    focusElement(this.renderRoot.querySelector<HTMLElement>('.story-title') ?? this.renderRoot.querySelector<HTMLElement>('.story-loading'));
  }

  private toggleHelp(value: string, on: boolean): void {
    const next = new Set(this.help);
    if (value === 'none' && on) {
      // "Je n'ai pas eu besoin d'aide" excludes every other answer.
      const hadOthers = next.size > 0;
      next.clear();
      next.add('none');
      if (hadOthers) this.announce(this.t.noneUnchecks);
    } else if (on) {
      if (next.delete('none')) this.announce(this.t.othersUncheckNone);
      next.add(value);
    } else {
      next.delete(value);
    }
    this.help = next;
  }

  private toggleDifficulty(value: string, on: boolean): void {
    const next = new Set(this.difficulties);
    if (on) next.add(value);
    else next.delete(value);
    this.difficulties = next;
  }

  private handleComment(event: InputEvent): void {
    this.comment = (event.target as HTMLTextAreaElement).value.slice(0, COMMENT_MAX);
    this.remaining.typed(this.comment.length);
  }

  private payload(): FeedbackPayload {
    const context = (this.context ?? this.pageContext.value).tutorial;
    const optional = this.questions === 'all';
    return {
      procedure: this.procedure || 'non-precisee',
      ...(this.step ? { pageStep: this.step.slice(0, 80) } : {}),
      ...(context ? { tutorial: context.tutorial, tutorialStep: context.step } : {}),
      satisfaction: this.satisfaction!,
      ...(optional && this.clarity !== null ? { clarity: this.clarity } : {}),
      ...(optional && this.difficulties.size ? { difficulties: [...this.difficulties] } : {}),
      ...(optional && this.help.size ? { help: [...this.help] } : {}),
      ...(optional && this.comment.trim() ? { comment: this.comment.trim().replaceAll('\u0000', '') } : {}),
      locale: this.locale,
      clientCreatedAt: new Date().toISOString(),
    };
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.satisfaction) {
      this.error = true;
      await this.updateComplete;
      // The answers' new description (the error) reaches screen readers in its own frame, before the focus: else
      // Orca hears it twice, with the focus and again as a change of the focused answer's description.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const first = this.renderRoot.querySelector<HTMLInputElement>('input[name=satisfaction]');
      // Focus goes to the first answer, whose description is the error: said once by the focus move. Already there
      // (Enter on an answer), focus does not move and only the live region can say it.
      if (!first || deepActiveElement() === first) this.announce(this.t.errorPrefix + this.t.satisfactionError, 'assertive');
      first?.focus();
      return;
    }
    this.sending = true;
    const body = this.payload();
    this.offerHelp = body.satisfaction === 'bad' || (body.difficulties?.length ?? 0) > 0;
    const outcome = await delivery().submit(new URL(this.endpoint, document.baseURI).href, body, { persist: this.persist });
    this.sending = false;
    this.outcome = outcome;
    this.emit(new AideFeedbackSentEvent({ outcome }));
    await this.updateComplete;
    const t = this.t;
    const [title, text] =
      outcome === 'sent' ? [t.sentTitle, t.sentText] : outcome === 'queued' ? [t.queuedTitle, t.queuedText] : [t.rejectedTitle, t.rejectedText];
    // The form is gone: focus goes to the result's heading, which says its title. The live region says the
    // sentence under it ("Votre avis sera envoyé dès que la connexion reviendra…"), not the title a second time.
    this.announce(focusElement(this.resultTitle) ? text : `${title} ${text}`);
  }

  private reset(): void {
    this.satisfaction = null;
    this.clarity = null;
    this.difficulties = new Set();
    this.help = new Set();
    this.comment = '';
    this.remaining.reset();
    this.error = false;
    this.outcome = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name=satisfaction]')?.focus());
  }

  private renderResult() {
    const t = this.t;
    const [title, text] =
      this.outcome === 'sent' ? [t.sentTitle, t.sentText] : this.outcome === 'queued' ? [t.queuedTitle, t.queuedText] : [t.rejectedTitle, t.rejectedText];
    return html`<div class="result ${this.outcome}">
      ${heading(this.headingLevel, title, { className: 'result-title', focusable: true })}
      <p>${text}</p>
      ${this.offerHelp
        ? html`<p>${t.offerIntro}</p>
            <p class="actions">
              <button type="button" class="button secondary" @click=${() => this.emit(new AideOpenViewEvent('tutorials'))}>${t.offerTutorials}</button>
              <button type="button" class="button secondary" @click=${() => this.emit(new AideOpenViewEvent('locator'))}>${t.offerLocator}</button>
            </p>`
        : nothing}
      ${this.outcome === 'rejected'
        ? nothing
        : html`<p>${t.storyOffer}</p>
            <p><button type="button" class="button secondary tell-story" @click=${this.tellStory}>${t.storyTitle}</button></p>`}
      <p><button type="button" class="button tertiary" @click=${this.reset}>${t.again}</button></p>
    </div>`;
  }

  private renderForm() {
    const t = this.t;
    const optional = this.questions === 'all';
    const remaining = COMMENT_MAX - this.comment.length;
    return html`<form part="form" novalidate @submit=${this.handleSubmit} aria-describedby="intro">
      <p id="intro">${t.intro}</p>
      <fieldset class="faces">
        <legend>${t.satisfactionLegend} <span class="required">(${t.required})</span></legend>
        ${this.error ? html`<p id="satisfaction-error" class="error"><span class="visually-hidden">${t.errorPrefix}</span>${t.satisfactionError}</p>` : nothing}
        <div class="options">
          ${SATISFACTIONS.map(
            (value) => html`<div class="face">
              <input
                type="radio"
                id="satisfaction-${value}"
                name="satisfaction"
                value=${value}
                required
                aria-invalid=${this.error ? 'true' : 'false'}
                aria-describedby=${this.error ? 'satisfaction-error' : nothing}
                .checked=${live(this.satisfaction === value)}
                @change=${() => {
                  this.satisfaction = value;
                  this.error = false;
                }}
              />
              <label for="satisfaction-${value}">
                <svg class="face-icon ${value}" viewBox="0 0 32 32" aria-hidden="true" focusable="false">${faces[value]}</svg>
                <span>${t.satisfaction[value]}</span>
              </label>
            </div>`,
          )}
        </div>
      </fieldset>
      ${optional
        ? html`
            <fieldset class="scale">
              <legend>${t.clarityLegend} <span class="optional">(${t.optional})</span></legend>
              <div class="options">
                ${[1, 2, 3, 4, 5].map(
                  (n) => html`<div class="choice">
                    <input type="radio" id="clarity-${n}" name="clarity" value=${n} .checked=${live(this.clarity === n)} @change=${() => (this.clarity = n)} />
                    <label for="clarity-${n}">${t.clarity(n)}</label>
                  </div>`,
                )}
              </div>
            </fieldset>
            <fieldset>
              <legend>${t.difficultiesLegend} <span class="optional">(${t.optional})</span></legend>
              ${DIFFICULTIES.map(
                (value) => html`<div class="choice">
                  <input type="checkbox" id="difficulty-${value}" .checked=${live(this.difficulties.has(value))} @change=${(e: Event) => this.toggleDifficulty(value, (e.target as HTMLInputElement).checked)} />
                  <label for="difficulty-${value}">${t.difficulties[value]}</label>
                </div>`,
              )}
            </fieldset>
            <fieldset>
              <legend>${t.helpLegend} <span class="optional">(${t.optional})</span></legend>
              ${HELP.map(
                (value) => html`<div class="choice ${value === 'none' ? 'exclusive' : ''}">
                  <input type="checkbox" id="help-${value}" .checked=${live(this.help.has(value))} @change=${(e: Event) => this.toggleHelp(value, (e.target as HTMLInputElement).checked)} />
                  <label for="help-${value}">${t.help[value]}</label>
                </div>`,
              )}
            </fieldset>
            <div class="comment">
              <label for="comment">${t.commentLabel} <span class="optional">(${t.optional})</span></label>
              <p id="comment-warning" class="warning">${t.commentWarning}</p>
              <textarea id="comment" rows="4" maxlength=${COMMENT_MAX} aria-describedby="comment-warning comment-count" .value=${live(this.comment)} @input=${this.handleComment}></textarea>
              <p id="comment-count" class="hint">${t.remaining(remaining)}</p>
            </div>
          `
        : nothing}
      <p class="actions">
        <button type="submit" class="button" ?disabled=${this.sending} aria-disabled=${this.sending ? 'true' : 'false'}>${this.sending ? t.sending : t.send}</button>
      </p>
    </form>`;
  }

  override render() {
    const t = this.t;
    if (!this.endpoint) return this.inPanel ? html`<p class="status">${t.notConfigured}</p>` : nothing;
    const story = this.mode === 'story';
    return html`<div class="feedback">
      ${this.inPanel
        ? nothing
        : html`<button part="open" type="button" class="button open" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="feedback-body" @click=${() => (this.expanded = !this.expanded)}>
            <svg class="icon" viewBox="0 0 32 32" aria-hidden="true" focusable="false">${faces.good}</svg>${story ? t.storyTitle : t.open}
          </button>`}
      <div id="feedback-body" ?hidden=${!this.open}>
        ${story ? this.renderStoryPart() : this.outcome ? this.renderResult() : this.renderForm()}
      </div>
    </div>`;
  }

  /** The story form once its chunk is there; until then a busy status, or what to do when it could not load. */
  private renderStoryPart() {
    const t = this.t;
    const part = this.storyPart;
    if (part === 'failed') {
      return html`<div class="story-loading" tabindex="-1">
        <p class="error">${t.storyLoadFailed}</p>
        <p><button type="button" class="button secondary" @click=${this.retryStory}>${t.retry}</button></p>
      </div>`;
    }
    if (!part || part === 'loading' || !this.story) return html`<p class="status story-loading" tabindex="-1" role="status" aria-busy="true">${t.storyLoading}</p>`;
    return part.renderStory(this.story, {
              t: this.storyStrings,
              required: t.required,
              errorPrefix: t.errorPrefix,
              locale: this.locale,
              headingLevel: this.headingLevel,
              titled: !this.inPanel,
              persist: this.persist,
            });
  }
}
