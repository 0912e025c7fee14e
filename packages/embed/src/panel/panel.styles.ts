import { css } from 'lit';

export const panelStyles = css`
  /* Layout lives on inner elements: page rules like * { all: revert } win over :host but cannot get in here. */
  :host {
    display: contents;
  }
  .panel {
    position: fixed;
    z-index: 2147482500;
    inset-block: 0;
    inset-inline-end: 0;
    /* 100%, not 100vw: the viewport without its scrollbar (Firefox counts a classic scrollbar in vw, and the panel
       would be cut on the other side). */
    width: min(28rem, 100%);
    display: flex;
    flex-direction: column;
    margin: 0;
    background: var(--_bg);
    color: var(--_text);
    border-inline-start: 1px solid var(--_border-light);
    box-shadow: var(--_shadow);
    font-family: var(--_font);
    font-size: 1rem;
    line-height: 1.5;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    padding: 0.75rem 1rem;
    border-block-end: 1px solid var(--_border-light);
  }
  .brand {
    flex: 1 0 100%;
    margin: 0;
    color: var(--_text-mention);
    font-size: 0.875rem;
    font-weight: 700;
  }
  h2 {
    flex: 1 1 12rem;
    margin: 0;
    font-size: 1.375rem;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin-inline-start: auto;
  }
  .tools .button {
    min-height: 2.75rem;
    padding-inline: 0.75rem;
  }
  .body {
    flex: 1 1 auto;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 1rem;
  }
  .footer {
    margin: 0;
    padding: 0.5rem 1rem;
    border-block-start: 1px solid var(--_border-light);
    color: var(--_text-mention);
    font-size: 0.875rem;
  }
  /* Touch screens have no F6 key: the hint would only take room from the content. */
  @media (hover: none) and (pointer: coarse) {
    .footer {
      display: none;
    }
  }
  .more {
    margin: 1rem 0 0;
  }
  /* Looks like a link, acts in the panel: a button (it changes the view, it goes nowhere). */
  .link-button {
    min-height: 2.75rem;
    margin: 0;
    padding: 0.25rem 0;
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
    margin: 1.5rem 0 0.5rem;
    font-size: 1.125rem;
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
    margin-block-end: 1rem;
  }
  .entries {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .entry {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.75rem;
    align-items: start;
    width: 100%;
    min-height: 4.5rem;
    padding: 1rem;
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
    width: 2rem;
    height: 2rem;
    fill: var(--_link);
  }
  .entry-title {
    color: var(--_link);
    font-size: 1.125rem;
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .entry-description {
    color: var(--_text);
  }
  .status {
    padding: 1rem;
    border-inline-start: 4px solid var(--_info);
    background: var(--_bg-alt);
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
    padding: 0.5rem;
    background: var(--_bg);
    border-block-start: 2px solid var(--_primary);
    box-shadow: var(--_shadow);
    /* Set here, not inherited: the host's own font rules may reach the host element (a page's * { font-size }). */
    font-family: var(--_font);
    font-size: 1rem;
    line-height: 1.5;
  }
  .bar .button {
    flex: 1;
    justify-content: space-between;
  }
  /* On a phone the content comes first: one compact header row (title, then "Réduire" and "Fermer" as icons named
     for screen readers); "Revenir à la page" is what "Réduire" does there. */
  @media (max-width: 639.98px) {
    .panel {
      width: 100%;
      border-inline-start: 0;
    }
    .header {
      flex-wrap: nowrap;
      padding: 0.25rem 0.5rem 0.25rem 1rem;
    }
    .brand,
    .go-to-page {
      display: none;
    }
    h2 {
      flex: 1 1 auto;
      min-width: 0;
      font-size: 1.125rem;
    }
    .tools {
      flex-wrap: nowrap;
    }
    .tools .button {
      width: 2.75rem;
      padding: 0;
    }
    .tool-label {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .body {
      padding: 0.75rem 1rem;
    }
  }
  @media (min-width: 640px) {
    .small-only {
      display: none !important;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .panel {
      animation: aide-panel-in 0.2s ease-out;
    }
    @keyframes aide-panel-in {
      from {
        transform: translateX(1.5rem);
      }
    }
    :host([dir='rtl']) .panel {
      animation-name: aide-panel-in-rtl;
    }
    @keyframes aide-panel-in-rtl {
      from {
        transform: translateX(-1.5rem);
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
