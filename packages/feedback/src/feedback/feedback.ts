/** <aide-feedback>: "Je donne mon avis" (the element, its form and the result shown after sending). */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { AideElement, booleanConverter, BusyController, heading, HelpContextController, negatedBooleanConverter, sharedStyles } from '@aide/core/element';
import { AideFeedbackSentEvent, AideOpenViewEvent, deepActiveElement, focusElement, type HelpContext } from '@aide/core';
import { delivery, type FeedbackPayload, type Outcome } from '../delivery/delivery.ts';
import { feedbackStrings, type FeedbackStrings } from './strings.ts';
import { feedbackStyles } from './feedback.styles.ts';

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
 * @summary Collects an anonymous opinion on the procedure, and loses none offline.
 * @tagname aide-feedback
 * @csspart open - The "Je donne mon avis" button of the element placed alone.
 * @csspart form - The form.
 * @fires {AideFeedbackSentEvent} aide-feedback-sent - The opinion left the form; detail: { outcome: 'sent' | 'queued' | 'delayed' | 'rejected' }.
 * @fires {AideOpenViewEvent} aide-open-view - Cancelable. After a difficult procedure, the person chose the tutorials or the locator.
 */
export class AideFeedback extends AideElement<FeedbackStrings> {
  static override styles = [sharedStyles, feedbackStyles];
  protected readonly catalogues = feedbackStrings;

  /** The collector's …/api/v1/feedback. Required: without it the form is not shown (a console message says so). */
  @property() endpoint = '';
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
  /** Sending shows and says it at once (core's busy state); a second press meanwhile is the same opinion. */
  private readonly busy = new BusyController(this);
  private remainingTimer?: number;
  private lastRemaining = COMMENT_MAX;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.endpoint) console.warn('[Aide numérique] <aide-feedback> sans attribut endpoint : le formulaire d’avis n’est pas affiché.');
    // Opinions left waiting by an earlier visit go now.
    delivery({ persist: this.persist }).start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A form that left the page announces nothing more.
    window.clearTimeout(this.remainingTimer);
  }

  private get open(): boolean {
    return this.inPanel || this.expanded;
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
    // The count is in the field's description from the start. It is announced only near the limit, once typing
    // pauses and when it changed: "Il vous reste 993 caractères" at every pause of a short comment is only noise.
    window.clearTimeout(this.remainingTimer);
    const remaining = COMMENT_MAX - this.comment.length;
    if (remaining > REMAINING_ANNOUNCED_FROM || remaining === this.lastRemaining) return;
    this.remainingTimer = window.setTimeout(() => {
      this.lastRemaining = remaining;
      this.announce(this.t.remaining(remaining));
    }, 1200);
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
      const first = this.renderRoot.querySelector<HTMLInputElement>('input[name=satisfaction]');
      // Focus goes to the first answer, whose description is the error: said once by the focus move. Already there
      // (Enter on an answer), focus does not move and only the live region can say it.
      if (!first || deepActiveElement() === first) this.announce(this.t.errorPrefix + this.t.satisfactionError, 'assertive');
      first?.focus();
      return;
    }
    if (this.sending) return;
    this.sending = true;
    const body = this.payload();
    this.offerHelp = body.satisfaction === 'bad' || (body.difficulties?.length ?? 0) > 0;
    const endpoint = new URL(this.endpoint, document.baseURI).href;
    const outcome = await this.busy.run(this.t.sending, () => delivery({ persist: this.persist }).submit(endpoint, body, (later) => this.settled(later)));
    this.sending = false;
    this.outcome = outcome;
    this.emit(new AideFeedbackSentEvent({ outcome }));
    await this.updateComplete;
    const [title, text] = this.resultText(outcome);
    // The form is gone: focus goes to the result's heading, which says its title. The live region says the
    // sentence under it ("Votre avis sera envoyé dès que la connexion reviendra…"), not the title a second time.
    this.announce(focusElement(this.resultTitle) ? text : `${title} ${text}`);
  }

  /** The result's title and sentence for an outcome. */
  private resultText(outcome: Outcome): [string, string] {
    const t = this.t;
    return outcome === 'sent'
      ? [t.sentTitle, t.sentText]
      : outcome === 'queued'
        ? [t.queuedTitle, t.queuedText]
        : outcome === 'delayed'
          ? [t.delayedTitle, t.delayedText]
          : [t.rejectedTitle, t.rejectedText];
  }

  /** The status follows the queue: an opinion kept on the device and sent later says so, if its result is still shown. */
  private settled(outcome: 'sent' | 'rejected'): void {
    if (this.outcome !== 'queued' && this.outcome !== 'delayed') return;
    this.outcome = outcome;
    const [title, text] = this.resultText(outcome);
    this.announce(`${title} ${text}`);
  }

  private reset(): void {
    this.satisfaction = null;
    this.clarity = null;
    this.difficulties = new Set();
    this.help = new Set();
    this.comment = '';
    this.lastRemaining = COMMENT_MAX;
    this.error = false;
    this.outcome = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name=satisfaction]')?.focus());
  }

  private renderResult() {
    const t = this.t;
    const [title, text] = this.resultText(this.outcome ?? 'sent');
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
    return html`<div class="feedback">
      ${this.inPanel
        ? nothing
        : html`<button part="open" type="button" class="button open" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="feedback-body" @click=${() => (this.expanded = !this.expanded)}>
            <svg class="icon" viewBox="0 0 32 32" aria-hidden="true" focusable="false">${faces.good}</svg>${t.open}
          </button>`}
      <div id="feedback-body" ?hidden=${!this.open}>${this.outcome ? this.renderResult() : this.renderForm()}</div>
    </div>`;
  }
}
