/**
 * « Raconter mon expérience »: the state and the actions of the story form, as a controller of `<aide-feedback>`
 * (its templates are in story-view.ts). Write → check (rules, then personal data masked on the device by
 * @aide/masking, loaded when the form opens) → see the masked version and confirm, or go back to edit → sent through
 * the delivery queue, which loses nothing offline → the private follow link, remembered on the device. The status
 * shown follows the queue: a story waiting for the connection turns into a sent one, with its link, when the queue
 * delivers it while the form is on screen.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { announce, deepActiveElement, focusElement, type Locale } from '@aide/core';
import type * as Masking from './masking.ts';
import type { MaskedPassage } from '@aide/masking';
import { delivery, type Attempt, type Outcome, type StoryPayload } from '../delivery/delivery.ts';
import { RemainingCount } from '../remaining-count.ts';
import { parseSubmitAnswer, storyMemory, type FollowedStory } from './memory.ts';
import type { StoryStrings } from './strings.ts';
import { characters, checkDraft, serverErrors, STORY_FIELDS, STORY_MAX, type StoryDraft, type StoryErrors, type StoryField } from './validate.ts';

/** What the story form needs from the element that shows it. */
export interface StoryHost extends ReactiveControllerHost {
  readonly locale: Locale;
  readonly persist: boolean;
  readonly procedure: string;
  readonly step: string;
  /** The collector's …/api/v1/stories, absolute. */
  readonly storiesUrl: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly storyStrings: StoryStrings;
  /** "Erreur : ", said before an error that only the live region can say. */
  readonly errorPrefix: string;
}

/** The remaining characters are said from this count down. */
const REMAINING_SAID_FROM = 200;

/** The selector of the control that takes focus for a field in error. */
const FIELD_CONTROL: Record<StoryField, string> = {
  text: '#story-text',
  feeling: 'input[name=story-feeling]',
  channel: 'input[name=story-channel]',
  consent: '#story-consent',
};

/** The errors but the one of `field`. */
function without(errors: StoryErrors, field: StoryField): StoryErrors {
  const next = { ...errors };
  delete next[field];
  return next;
}

export class StoryController implements ReactiveController {
  draft: StoryDraft = { text: '', feeling: null, channel: null, consent: false };
  errors: StoryErrors = {};
  /** Refusals of the collector that name no field of the form. */
  general: string[] = [];
  phase: 'edit' | 'preview' | 'result' = 'edit';
  checking = false;
  maskingFailed = false;
  sending = false;
  /** The masked text the person is asked to confirm, and where its placeholders stand. */
  preview: { text: string; found: MaskedPassage[] } | null = null;
  outcome: Outcome | null = null;
  /** After sending: the private follow link (null when the collector's answer had none). */
  follow: { id: string; followUrl: string } | null = null;
  copyStatus = '';
  /** Stories sent earlier from this device. */
  remembered: FollowedStory[] = [];
  readonly remaining: RemainingCount;
  /** The queue's key of the story being sent: its later attempts are followed. */
  private key: string | null = null;
  private masking: Promise<typeof Masking> | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly host: StoryHost) {
    host.addController(this);
    this.remaining = new RemainingCount(STORY_MAX, REMAINING_SAID_FROM, (n) => this.say(n >= 0 ? this.t.remaining(n) : this.t.over(-n)));
  }

  private get t(): StoryStrings {
    return this.host.storyStrings;
  }

  hostConnected(): void {
    this.unsubscribe = delivery().subscribe((attempt) => void this.followQueue(attempt));
    void this.loadRemembered();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.remaining.stop();
  }

  /** The form is on screen: the masking code starts loading now, so that checking does not wait for it. */
  prepare(): void {
    void this.loadMasking().catch(() => undefined);
  }

  private loadMasking() {
    this.masking ??= import('./masking.ts').catch((error: unknown) => {
      this.masking = undefined; // offline now: tried again at the next check
      throw error;
    });
    return this.masking;
  }

  private async loadRemembered(): Promise<void> {
    this.remembered = await storyMemory().list();
    this.host.requestUpdate();
  }

  private say(message: string, politeness: 'polite' | 'assertive' = 'polite'): void {
    announce(message, politeness, this.host.locale);
  }

  private root(): ParentNode {
    return this.host.renderRoot;
  }

  setText(text: string): void {
    this.draft = { ...this.draft, text };
    this.remaining.typed(characters(text));
    // The text the error asked for is there: the error goes (one too long stays until it is short enough).
    const length = characters(text.trim());
    if (this.errors.text && length > 0 && length <= STORY_MAX) this.errors = without(this.errors, 'text');
    this.host.requestUpdate();
  }

  choose<K extends 'feeling' | 'channel' | 'consent'>(field: K, value: StoryDraft[K]): void {
    this.draft = { ...this.draft, [field]: value };
    // The answer the error asked for is given: the error goes.
    if (this.errors[field] && value) this.errors = without(this.errors, field);
    this.host.requestUpdate();
  }

  /** « Vérifier mon récit avant l'envoi »: the rules, then the masked version to confirm. */
  async check(): Promise<void> {
    if (this.checking) return;
    this.general = [];
    this.errors = checkDraft(this.draft, this.t);
    if (Object.keys(this.errors).length > 0) {
      this.host.requestUpdate();
      await this.focusFirstError();
      return;
    }
    this.checking = true;
    this.maskingFailed = false;
    this.host.requestUpdate();
    try {
      const { maskPersonalData } = await this.loadMasking();
      const masked = maskPersonalData(this.draft.text.replaceAll('\u0000', '').trim(), { locale: this.host.locale });
      const over = characters(masked.text) - STORY_MAX;
      if (over > 0) {
        this.errors = { text: { message: this.t.maskedTooLong(over) } };
      } else {
        this.preview = masked;
        this.phase = 'preview';
      }
    } catch {
      this.maskingFailed = true;
    } finally {
      this.checking = false;
      this.host.requestUpdate();
    }
    await this.host.updateComplete;
    if (this.maskingFailed) this.say(this.t.maskingError, 'assertive');
    else if (this.errors.text) await this.focusFirstError();
    else focusElement(this.root().querySelector<HTMLElement>('.story-preview-title'));
  }

  /** « Modifier mon récit »: back to the form as the person left it. */
  async edit(): Promise<void> {
    this.phase = 'edit';
    this.outcome = null;
    this.preview = null;
    this.key = null;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.root().querySelector<HTMLTextAreaElement>(FIELD_CONTROL.text)?.focus();
  }

  /** « Envoyer mon récit »: the confirmed, masked text goes into the delivery queue. Pressed twice, it sends once. */
  async send(): Promise<void> {
    if (this.sending || this.key || !this.preview || !this.draft.feeling || !this.draft.channel) return;
    this.sending = true;
    this.host.requestUpdate();
    const body: StoryPayload = {
      procedure: this.host.procedure || 'non-precisee',
      ...(this.host.step ? { step: this.host.step.slice(0, 80) } : {}),
      text: this.preview.text,
      feeling: this.draft.feeling,
      channel: this.draft.channel,
      consent: true,
      locale: this.host.locale,
      clientCreatedAt: new Date().toISOString(),
    };
    const attempt = await delivery().submitStory(this.host.storiesUrl, body, { persist: this.host.persist });
    this.key = attempt.key;
    this.sending = false;
    await this.settle(attempt, false);
  }

  /** The queue tried this story again (a retry, the connection back): the status on screen follows. */
  private async followQueue(attempt: Attempt): Promise<void> {
    if (attempt.key !== this.key || this.sending || this.outcome !== 'queued' || attempt.outcome === 'queued') return;
    await this.settle(attempt, true);
  }

  private async settle(attempt: Attempt, later: boolean): Promise<void> {
    const t = this.t;
    if (attempt.outcome === 'rejected' && (attempt.status === 400 || attempt.status === 413)) {
      // What the collector refused, the person can fix: back to the form, the errors under their fields.
      const { fields, general } = attempt.status === 413 ? { fields: { text: { message: t.tooLarge } }, general: [] } : serverErrors(attempt.answer, t);
      if (Object.keys(fields).length > 0 || general.length > 0) {
        this.errors = fields;
        this.general = general;
        this.phase = 'edit';
        this.outcome = null;
        this.key = null;
        this.host.requestUpdate();
        await this.focusFirstError();
        return;
      }
    }
    this.outcome = attempt.outcome;
    this.phase = 'result';
    if (attempt.outcome === 'sent') {
      const sent = parseSubmitAnswer(attempt.answer);
      this.follow = sent ? { id: sent.id, followUrl: sent.followUrl } : null;
      if (sent) await storyMemory().update(sent.id, { linkShown: true });
      this.remembered = await storyMemory().list();
    }
    if (attempt.outcome === 'rejected') this.general = serverErrors(attempt.answer, t).general;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const [title, text] =
      attempt.outcome === 'sent'
        ? [t.sentTitle, t.sentText]
        : attempt.outcome === 'queued'
          ? [t.queuedTitle, this.host.persist ? t.queuedText : t.queuedTextKeepOpen]
          : [t.rejectedTitle, t.rejectedText];
    if (later) {
      // The person may be elsewhere in the form or the page: the news is said, focus stays where it is.
      this.say(attempt.outcome === 'sent' ? t.sentLater : `${title} ${text}`);
      return;
    }
    // The form is gone: focus goes to the result's heading, which says its title; the live region says the rest.
    this.say(focusElement(this.root().querySelector<HTMLElement>('.story-result-title')) ? text : `${title} ${text}`);
  }

  /** « Copier le lien », with a status message; where the clipboard is refused, the link is selected instead. */
  async copy(): Promise<void> {
    if (!this.follow) return;
    let status: string;
    try {
      await navigator.clipboard.writeText(this.follow.followUrl);
      status = this.t.copied;
    } catch {
      this.root().querySelector<HTMLTextAreaElement>('#story-follow-url')?.select();
      status = this.t.copyFailed;
    }
    // Emptied first, so that the same message said twice is heard twice.
    this.copyStatus = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    this.copyStatus = status;
    this.host.requestUpdate();
  }

  private async focusFirstError(): Promise<void> {
    await this.host.updateComplete;
    const field = STORY_FIELDS.find((f) => this.errors[f]);
    const control = field
      ? this.root().querySelector<HTMLElement>(FIELD_CONTROL[field])
      : this.root().querySelector<HTMLElement>('.story-general');
    // The control's description is its error: said by the focus move. Already there (Enter in the field), focus does
    // not move and only the live region can say it.
    if (!control || deepActiveElement() === control) {
      const error = field ? this.errors[field] : undefined;
      const message = error ? `${error.message}${error.server ? ` ${error.server}` : ''}` : this.general.join(' ');
      this.say(this.host.errorPrefix + message, 'assertive');
    }
    control?.focus();
  }
}

