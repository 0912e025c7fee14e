import { css, unsafeCSS } from 'lit';

/**
 * The docked panel's width on a large screen: 28rem, less when the page would keep under 20rem (the page gives the
 * panel this width, panel.ts: dockPage).
 */
export const PANEL_WIDTH = 'clamp(20rem, 100vw - 20rem, 28rem)';

export const panelStyles = css`
  /* Layout lives on inner elements: page rules like * { all: revert } win over :host but cannot get in here. */
  :host {
    display: contents;
  }
  /* Inherited properties still come from the page through the host (page rules such as * { font-size: 30px } win
     over :host): set again here, where page rules cannot reach. The text size is the person's browser setting
     (medium), not the page's root size (html { font-size: 62.5% } or 200 %). */
  .panel,
  .bar {
    font-family: var(--_font);
    font-size: medium;
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    color: var(--_text);
    visibility: visible;
  }
  .panel {
    position: fixed;
    z-index: 2147482500;
    inset-block: 0;
    /* On the page's end side, whatever the widget's language: an Arabic panel on a French page does not cover the
       page's start, where its skip link and logo are (panel.ts sets dock from the page's direction). */
    right: 0;
    width: ${unsafeCSS(PANEL_WIDTH)};
    display: flex;
    flex-direction: column;
    margin: 0;
    background: var(--_bg);
    color: var(--_text);
    border-left: 1px solid var(--_border-light);
    box-shadow: var(--_shadow);
  }
  :host([dock='left']) .panel {
    right: auto;
    left: 0;
    border-left: 0;
    border-right: 1px solid var(--_border-light);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
    padding: 0.75em 1em;
    border-block-end: 1px solid var(--_border-light);
  }
  .brand {
    flex: 1 0 100%;
    margin: 0;
    color: var(--_text-mention);
    font-size: 0.875em;
    font-weight: 700;
  }
  h2 {
    flex: 1 1 9em;
    margin: 0;
    font-size: 1.375em;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin-inline-start: auto;
  }
  /* The panel's frame is sized in em, from the person's text size: a page's root size (rem) does not reach it. */
  .tools .button {
    min-height: 2.75em;
    min-width: 2.75em;
    gap: 0.5em;
    padding: 0.5em 0.75em;
  }
  .body {
    flex: 1 1 auto;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 1em;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1em;
    padding: 0.5em 1em;
    border-block-start: 1px solid var(--_border-light);
    color: var(--_text-mention);
    font-size: 0.875em;
  }
  .footer p {
    margin: 0;
  }
  /* Looks like a link, acts in the panel: a button (it changes the view, it goes nowhere). */
  .link-button {
    min-height: var(--_target);
    margin: 0;
    padding: 0.25em 0;
    border: 0;
    background: none;
    color: var(--_link);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .link-button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .statement h3 {
    margin: 1.3em 0 0.45em;
    font-size: 1.125em;
  }
  /* A link alone on its line: a 44 px high target (WCAG 2.5.8). */
  .statement p > a:only-child {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
  }
  .statement .external {
    width: 1em;
    height: 1em;
    margin-inline-start: 0.25em;
    vertical-align: -0.125em;
    fill: currentColor;
  }
  kbd {
    font-family: inherit;
    font-weight: 700;
  }
  .back {
    margin-block-end: 1em;
  }
  /* An arrow that says « back » points to the start of the line: mirrored in a right-to-left language. */
  :host([dir='rtl']) .back .icon {
    transform: scaleX(-1);
  }
  .entries {
    display: grid;
    gap: 0.75em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .entry {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em 0.75em;
    align-items: start;
    width: 100%;
    min-height: 4.5em;
    padding: 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    text-align: start;
    cursor: pointer;
  }
  .entry:hover {
    background: var(--_bg-alt);
    border-color: var(--_link);
  }
  .entry .icon {
    grid-row: span 2;
    width: 2em;
    height: 2em;
    fill: var(--_link);
  }
  .entry-title {
    color: var(--_link);
    font-size: 1.125em;
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .entry-description {
    color: var(--_text);
  }
  .status {
    padding: 1em;
    border-inline-start: 4px solid var(--_info);
    background: var(--_bg-alt);
  }
  /* Each follow link is alone on its line: a whole 44 px target (WCAG 2.5.8), not a link inside a sentence. */
  .story-notice a {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
  }
  .status.error {
    border-color: var(--_error);
  }
  .bar {
    position: fixed;
    z-index: 2147482500;
    inset-inline: 0;
    inset-block-end: 0;
    display: flex;
    margin: 0;
    padding: 0.5em;
    background: var(--_bg);
    border-block-start: 2px solid var(--_primary);
    box-shadow: var(--_shadow);
  }
  .moved {
    inset-block: 0 auto;
  }
  .bar .button {
    min-height: 3em;
    gap: 0.5em;
    padding: 0.5em 1em;
    flex: 1;
    justify-content: space-between;
  }
  .home-accessibility {
    margin-block-start: 1em;
  }
  @media (max-width: 639.98px) {
    /* Both edges, not 100vw: Firefox counts the page's scrollbar in 100vw, and cut the panel's start by its width. */
    .panel,
    :host([dock='left']) .panel {
      left: 0;
      right: 0;
      width: auto;
      border-left: 0;
      border-right: 0;
    }
    /* One compact row: the title, then « Réduire » and « Fermer » as icons (their names stay for screen readers);
       the dialog's name, « Aide numérique », is kept for screen readers only (panel.ts: visually-hidden). */
    .header {
      flex-wrap: nowrap;
      padding: 0.25em 0.5em 0.25em 1em;
    }
    h2 {
      flex: 1 1 auto;
      min-width: 0;
      font-size: 1.125em;
      overflow-wrap: anywhere;
    }
    .tools {
      flex-wrap: nowrap;
      flex-shrink: 0;
    }
    /* 48 px: a whole 44 px target wherever the row's rounding puts it. */
    .tools .button {
      min-width: 3em;
      min-height: 3em;
      padding-inline: 0.5em;
    }
    .large-only {
      display: none !important;
    }
  }
  /* On a large screen the bar is a box at the bottom of the panel's side; moved, it goes to the other side. */
  @media (min-width: 640px) {
    .small-only {
      display: none !important;
    }
    .bar {
      left: auto;
      width: ${unsafeCSS(PANEL_WIDTH)};
    }
    .moved,
    :host([dock='left']) .bar {
      left: 0;
      right: auto;
    }
    :host([dock='left']) .moved {
      left: auto;
      right: 0;
    }
    .moved {
      inset-block: auto 0;
    }
  }
  /* No keyboard hint on touch screens; on a small one nothing is left in the footer. */
  @media (hover: none), (pointer: coarse) {
    .shortcut,
    .footer.keys-only {
      display: none;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .panel {
      animation: aide-panel-in 0.2s ease-out;
    }
    @keyframes aide-panel-in {
      from {
        transform: translateX(1.5em);
      }
    }
    :host([dock='left']) .panel {
      animation-name: aide-panel-in-rtl;
    }
    @keyframes aide-panel-in-rtl {
      from {
        transform: translateX(-1.5em);
      }
    }
  }
  @media (forced-colors: active) {
    .panel,
    .bar {
      border: 2px solid CanvasText;
    }
    .link-button {
      color: LinkText;
    }
    .entry {
      border-color: ButtonText;
    }
    .entry .icon {
      fill: ButtonText;
    }
    .status {
      border: 2px solid CanvasText;
    }
  }
  @media print {
    .panel,
    .bar {
      display: none;
    }
  }
`;
