/**
 * The events of the widget, one class each, with a typed `detail`. All bubble and cross shadow roots (composed),
 * so the panel and the host page can listen on `document`; names carry the `aide-` prefix so they never collide
 * with native or host events. Those that ask for something another part can refuse are cancelable: the element
 * checks `defaultPrevented` to know whether someone answered.
 *
 * ```js
 * document.addEventListener('aide-step-change', (event) => console.log(event.detail.step));
 * ```
 */
export const PANEL_VIEWS = ['home', 'tutorials', 'locator', 'feedback', 'story', 'accessibility'] as const;
export type PanelView = (typeof PANEL_VIEWS)[number];

/** Base of the widget's events: bubbling, composed, with a typed `detail` (like CustomEvent's). */
abstract class AideEvent<Detail> extends Event {
  readonly detail: Detail;
  constructor(type: `aide-${string}`, detail: Detail, options: { cancelable?: boolean } = {}) {
    super(type, { bubbles: true, composed: true, cancelable: options.cancelable ?? false });
    this.detail = detail;
  }
}

export interface StepChangeDetail {
  /** Tutorial slug. */
  tutorial: string;
  /** Tutorial title. */
  title: string;
  /** The step shown, 1-based. */
  step: number;
  /** Number of steps. */
  total: number;
  stepTitle: string;
  /** The page's step in the procedure (`data-step`) when this step was shown, if the page says it. */
  pageStep?: string;
}

/** `aide-step-change`: the walkthrough shows another step (also when a tutorial is opened or resumed at a step). */
export class AideStepChangeEvent extends AideEvent<StepChangeDetail> {
  constructor(detail: StepChangeDetail) {
    super('aide-step-change', detail);
  }
}

export interface ProcedureStepDetail {
  /** The step id of the procedure the page is now at, as in `data-step` (tutorials/procedures.yml). */
  step: string;
  /** The procedure id, when the page also moves to another procedure. */
  procedure?: string;
}

/**
 * `aide-procedure-step`: the host page moved to another step of its procedure without loading a new page (a form
 * on one page). Dispatched by the page on `document`; aide.js takes it as the page's new `data-step`, and an open
 * tutorial moves to the step that explains it. From a page without modules:
 * `document.dispatchEvent(new CustomEvent('aide-procedure-step', { detail: { step: '3' } }))`.
 */
export class AideProcedureStepEvent extends AideEvent<ProcedureStepDetail> {
  constructor(detail: ProcedureStepDetail) {
    super('aide-procedure-step', detail);
  }
}

/** `aide-image-close`: a tutorial image shown enlarged was closed; focus is back on the button that opened it. */
export class AideImageCloseEvent extends AideEvent<Record<string, never>> {
  constructor() {
    super('aide-image-close', {});
  }
}

export interface OpenViewDetail {
  view: PanelView;
}

/**
 * `aide-open-view` (cancelable): a component asks for another view of the help panel ("Je suis bloqué" → locator,
 * after a difficult procedure → tutorials). The panel, or aide.js for an element placed alone, cancels it when it
 * answers; an element left without an answer shows the national phone line instead.
 */
export class AideOpenViewEvent extends AideEvent<OpenViewDetail> {
  constructor(view: PanelView) {
    super('aide-open-view', { view }, { cancelable: true });
  }
}

/**
 * `aide-reveal-page`: a component is about to show something on the host page ("Me montrer"); on a small screen
 * the panel, which covers the page, shrinks to its bar first.
 */
export class AideRevealPageEvent extends AideEvent<Record<string, never>> {
  constructor() {
    super('aide-reveal-page', {});
  }
}

export interface LocatorResultsDetail {
  /** Number of places listed. */
  count: number;
  /** What the places are near: "Lyon 1er Arrondissement (69)", or "votre position". */
  origin: string;
}

/** `aide-locator-results`: the locator shows a new list of places. */
export class AideLocatorResultsEvent extends AideEvent<LocatorResultsDetail> {
  constructor(detail: LocatorResultsDetail) {
    super('aide-locator-results', detail);
  }
}

export interface FeedbackSentDetail {
  /**
   * 'sent': the collector acknowledged it; 'queued': kept on the device while offline, sent later; 'delayed': kept
   * although online (no answer in time, server error, blocked request), sent again later; 'rejected': refused for good.
   */
  outcome: 'sent' | 'queued' | 'delayed' | 'rejected';
}

/** `aide-feedback-sent`: an opinion left the form. */
export class AideFeedbackSentEvent extends AideEvent<FeedbackSentDetail> {
  constructor(detail: FeedbackSentDetail) {
    super('aide-feedback-sent', detail);
  }
}

export interface PanelToggleDetail {
  open: boolean;
}

/** `aide-panel-toggle`: the help panel opened or closed. */
export class AidePanelToggleEvent extends AideEvent<PanelToggleDetail> {
  constructor(detail: PanelToggleDetail) {
    super('aide-panel-toggle', detail);
  }
}

/** `aide-launcher-activate`: the person pressed a "Besoin d'aide ?" button; aide.js opens the panel. */
export class AideLauncherActivateEvent extends AideEvent<Record<string, never>> {
  constructor() {
    super('aide-launcher-activate', {});
  }
}

declare global {
  // HTMLElementEventMap and DocumentEventMap both extend this map: listeners on elements and on document are typed.
  interface GlobalEventHandlersEventMap {
    'aide-step-change': AideStepChangeEvent;
    'aide-procedure-step': AideProcedureStepEvent;
    'aide-image-close': AideImageCloseEvent;
    'aide-open-view': AideOpenViewEvent;
    'aide-reveal-page': AideRevealPageEvent;
    'aide-locator-results': AideLocatorResultsEvent;
    'aide-feedback-sent': AideFeedbackSentEvent;
    'aide-panel-toggle': AidePanelToggleEvent;
    'aide-launcher-activate': AideLauncherActivateEvent;
  }
}
