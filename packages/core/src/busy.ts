/**
 * The widget's one busy state. Whatever a person activates that waits for the network or the device (opening the
 * panel, a view, the tutorial list, a tutorial, a search, sending an opinion), the control they activated shows it
 * at once (`data-busy`: a spinner drawn by the shared styles, cursor "progress"), and screen readers hear what is
 * being waited for ("Recherche en cours…") once the wait passes BUSY_SAY_AFTER_MS: an answer that comes quicker is
 * only seen, not said, so that a quick filter does not fill the live region with noise. Both happen within 100 ms of
 * the activation; `scripts/bench-slow-phone.ts` measures it on a slow phone profile.
 *
 * `markBusy` is framework-free (the launcher in aide.js uses it); BusyController is the Lit elements' way.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { announce } from './announce.ts';

/** A wait shorter than this is not announced (it is over before a screen reader could say it). */
export const BUSY_SAY_AFTER_MS = 50;

/**
 * Marks `element` busy (when given) and says `message` if the wait lasts, with `say`: the widget's live region
 * (`sayBusy`), or the launcher's own (aide.js is too small to hold the announcer). Returns the function that ends it;
 * ending twice is harmless.
 */
export function markBusy(element: Element | null | undefined, message: string, say: (message: string) => void): () => void {
  element?.setAttribute('data-busy', '');
  const timer = setTimeout(() => say(message), BUSY_SAY_AFTER_MS);
  return () => {
    clearTimeout(timer);
    element?.removeAttribute('data-busy');
  };
}

/** Says a busy message in the widget's polite live region, in `lang`. */
export const sayBusy = (lang: string) => (message: string) => announce(message, 'polite', lang);

/** The host: a Lit element of the widget (it knows its language). */
export interface BusyHost extends ReactiveControllerHost, HTMLElement {
  readonly locale: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * An element's busy state. `run(label, task)` marks the control the person just activated (remembered from the last
 * click or submit inside the element), says `label` if the task lasts, and ends both when the task settles; `label`
 * is also there for the element's own status area (`busy.label`) while the task runs. Several runs may overlap (a
 * second search before the first ended): the state ends with the last one.
 */
export class BusyController implements ReactiveController {
  /** What is being waited for, while something is; null otherwise. */
  label: string | null = null;
  private running = 0;
  private lastActivated: Element | null = null;

  private readonly remember = (event: Event) => {
    const submitter = (event as SubmitEvent).submitter;
    const origin = submitter ?? (event.composedPath()[0] as Element | undefined);
    this.lastActivated = origin instanceof Element ? (origin.closest('button, a, input, [role=option], form') ?? origin) : null;
  };

  constructor(private readonly host: BusyHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('click', this.remember, true);
    this.host.renderRoot.addEventListener('submit', this.remember, true);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('click', this.remember, true);
    this.host.renderRoot.removeEventListener('submit', this.remember, true);
  }

  /** Whether a task runs now (a control that must not run twice at once checks it: a double click is one action). */
  get active(): boolean {
    return this.running > 0;
  }

  async run<T>(label: string, task: () => Promise<T>, options: { trigger?: Element | null } = {}): Promise<T> {
    const trigger = options.trigger !== undefined ? options.trigger : this.lastActivated;
    this.lastActivated = null;
    this.running++;
    this.label = label;
    this.host.requestUpdate();
    const end = markBusy(trigger?.isConnected ? (trigger.tagName === 'FORM' ? null : trigger) : null, label, sayBusy(this.host.locale));
    try {
      return await task();
    } finally {
      end();
      if (--this.running === 0) {
        this.label = null;
        this.host.requestUpdate();
      }
    }
  }
}
