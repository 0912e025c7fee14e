/**
 * Events the components exchange with the panel and the host page. All bubble and cross shadow roots
 * (composed); names carry the aide- prefix so they never collide with native or host events.
 */
export const PANEL_VIEWS = ['home', 'tutorials', 'locator', 'feedback', 'accessibility'] as const;
export type PanelView = (typeof PANEL_VIEWS)[number];

/** A component asks to show another view: "Je suis bloqué" → locator, feedback → tutorials. */
export interface OpenViewDetail {
  view: PanelView;
}

/** The walkthrough moved to another step (also emitted when a tutorial is opened or resumed). */
export interface StepChangeDetail {
  tutorial: string;
  title: string;
  /** 1-based. */
  step: number;
  total: number;
  stepTitle: string;
}

/**
 * A component is about to show something on the host page ("Me montrer"): on a small screen the panel, which
 * covers the page, shrinks to its bar first.
 */
export type RevealPageDetail = Record<string, never>;

declare global {
  interface HTMLElementEventMap {
    'aide-open-view': CustomEvent<OpenViewDetail>;
    'aide-step-change': CustomEvent<StepChangeDetail>;
    'aide-reveal-page': CustomEvent<RevealPageDetail>;
  }
  interface DocumentEventMap {
    'aide-open-view': CustomEvent<OpenViewDetail>;
    'aide-step-change': CustomEvent<StepChangeDetail>;
  }
}
