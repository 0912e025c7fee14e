import { css } from 'lit';

export const walkthroughStyles = css`
  :host {
    display: block;
  }
  /* Own colours: alone on a host page, the page's background must not decide the contrast. */
  .walkthrough {
    background: var(--_bg);
    color: var(--_text);
  }
  .hint,
  .meta,
  .card-meta {
    color: var(--_text-mention);
    font-size: 0.875em;
  }
  .meta {
    margin: 0 0 0.5em;
  }
  label {
    display: block;
    font-weight: 700;
  }
  .hint {
    margin: 0 0 0.25em;
  }
  section {
    margin-block: 1em;
  }
  .cards {
    display: grid;
    gap: 0.5em;
    margin: 0.5em 0 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: grid;
    gap: 0.25em;
    width: 100%;
    min-height: 2.75em;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    text-align: start;
    cursor: pointer;
  }
  .card:hover {
    background: var(--_bg-alt);
    border-color: var(--_link);
  }
  .card-title {
    color: var(--_link);
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .count {
    margin: 0.5em 0 0;
  }
  .tutorial-title {
    margin: 0 0 0.25em;
    color: var(--_text-mention);
    font-size: 0.875em;
  }
  .progress-text {
    margin: 0;
    font-weight: 700;
    color: var(--_text-mention);
  }
  .progress {
    height: 0.5em;
    margin: 0.25em 0 0.75em;
    background: var(--_bg-contrast);
    border-radius: 0.25em;
    overflow: hidden;
  }
  .progress .bar {
    display: block;
    height: 100%;
    background: var(--_primary);
  }
  .step-tools,
  .navigation,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0.75em 0;
  }
  .navigation {
    justify-content: space-between;
    padding-block-start: 0.75em;
    border-block-start: 1px solid var(--_border-light);
  }
  .step-content,
  .intro-content {
    overflow-wrap: anywhere;
  }
  /* Images fit the panel's width and keep their ratio (width and height are set: no shift while they load). */
  .step-content img,
  .intro-content img {
    display: block;
    max-width: 100%;
    height: auto;
  }
  .enlarge {
    display: block;
    padding: 0;
    border: 1px solid var(--_border-light);
    background: none;
    cursor: zoom-in;
    max-width: 100%;
  }
  .enlarge[aria-busy='true'] {
    cursor: progress;
  }
  .you-are-here {
    margin: 0.5em 0 0.75em;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_primary);
    background: var(--_bg-alt);
  }
  .you-are-here p {
    margin: 0;
  }
  .here {
    border-inline-start: 3px solid var(--_primary);
    padding-inline-start: 0.5em;
  }
  .here-marker {
    display: inline-block;
    margin-inline-start: 0.5em;
    padding: 0 0.375em;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-size: 0.875em;
    font-weight: 700;
    text-decoration: none;
  }
  .callout {
    margin: 0.75em 0;
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_info);
    background: var(--_bg-alt);
  }
  .callout[data-kind='attention'] {
    border-color: var(--_warning);
  }
  .callout[data-kind='si-ca-ne-marche-pas'] {
    border-color: var(--_error);
  }
  .callout[data-kind='a-savoir'] {
    border-color: var(--_success);
  }
  .callout-title {
    margin: 0 0 0.25em;
    font-weight: 700;
  }
  .callout p:last-child {
    margin-block-end: 0;
  }
  button.term {
    /* A word in a sentence, yet a 44 × 44 px target (WCAG 2.5.8): an invisible area around it takes the pointer,
       without changing the line's height. */
    position: relative;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_link);
    font: inherit;
    text-decoration: underline dotted;
    text-decoration-thickness: 2px;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  button.term::before {
    content: '';
    position: absolute;
    inset-block: min(0px, calc(50% - 1.375em));
    inset-inline: min(0px, calc(50% - 1.375em));
  }
  /* The useful links, one a line: 44 px high targets. */
  .links a {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
  }
  .definition {
    display: block;
    margin: 0.25em 0 0.5em;
    padding: 0.5em 0.75em;
    border-inline-start: 3px solid var(--_link);
    background: var(--_bg-alt);
  }
  button.link {
    padding: 0.25em 0;
    min-height: 2.75em;
    border: 0;
    background: none;
    color: var(--_link);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  button.link.current {
    font-weight: 700;
  }
  .toc,
  #step-list {
    padding-inline-start: 1.5em;
  }
  .stuck {
    margin-block: 1em;
    padding: 0.75em 1em;
    border: 1px solid var(--_border-light);
  }
  .stuck p {
    margin: 0 0 0.5em;
  }
  .status {
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_info);
    background: var(--_bg-alt);
  }
  .status.error {
    border-color: var(--_error);
  }
  /* Tables at 320 px and 200 % zoom: the table keeps its columns and scrolls sideways in its region (focusable,
     arrows scroll it); shadows show the side that has more to see; words never break inside a cell. */
  .table-scroll {
    max-width: 100%;
    overflow-x: auto;
    margin-block: 0.75em;
    background:
      linear-gradient(to right, var(--_bg) 30%, transparent) left / 2.5em 100% no-repeat local,
      linear-gradient(to left, var(--_bg) 30%, transparent) right / 2.5em 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, 0.3), transparent) left / 0.85em 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, 0.3), transparent) right / 0.85em 100% no-repeat scroll;
  }
  .table-scroll:focus-visible {
    outline: 3px solid var(--_focus, currentColor);
    outline-offset: 2px;
  }
  table {
    border-collapse: collapse;
    max-width: none;
    overflow-wrap: normal;
    word-break: normal;
  }
  th,
  td {
    padding: 0.25em 0.5em;
    border: 1px solid var(--_border-light);
    text-align: start;
    min-width: 6em;
    overflow-wrap: normal;
    hyphens: manual;
  }
  @media (forced-colors: active) {
    .card,
    .callout,
    .stuck,
    .enlarge {
      border: 2px solid CanvasText;
    }
    .table-scroll {
      border-inline: 2px solid CanvasText;
    }
    .progress .bar {
      background: Highlight;
    }
    .here-marker {
      border: 1px solid CanvasText;
    }
    .here,
    .you-are-here {
      border-inline-start-color: CanvasText;
    }
    button.term,
    button.link {
      color: LinkText;
    }
  }
  @media print {
    .navigation,
    .step-tools,
    .stuck,
    .step-list {
      display: none;
    }
  }
`;
