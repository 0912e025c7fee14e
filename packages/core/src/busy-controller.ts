/**
 * The Lit elements' busy state (see busy.ts), in its own module: the panel and aide.js use only `markBusy` and do not
 * carry it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { markBusy, sayBusy } from './busy.ts';
import { busyCss } from './busy-styles.ts';

let busySheet: CSSStyleSheet | undefined;

/**
 * The busy mark's styles, added to the shadow root of the elements that use the controller (the others, the panel
 * included, do not carry them): a constructable stylesheet (allowed under a strict CSP), or a <style> element where
 * the browser has none, as Lit itself does.
 */
function adoptBusyStyles(root: HTMLElement | DocumentFragment): void {
  if (!(root instanceof ShadowRoot)) return;
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!busySheet) {
      busySheet = new CSSStyleSheet();
      busySheet.replaceSync(busyCss);
    }
    if (!root.adoptedStyleSheets.includes(busySheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, busySheet];
  } else if (!root.querySelector('style[data-busy-styles]')) {
    const style = document.createElement('style');
    style.dataset.busyStyles = '';
    style.textContent = busyCss;
    root.append(style);
  }
}

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
    adoptBusyStyles(this.host.renderRoot);
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
