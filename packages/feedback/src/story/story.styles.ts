import { css } from 'lit';

/** « Raconter mon expérience »: what the story form adds to the opinion form's styles (feedback.styles.ts). */
export const storyStyles = css`
  .story-text > label,
  .follow > label {
    display: block;
    margin-block-end: 0.5em;
    font-weight: 700;
  }
  .story-text .hint:first-of-type {
    margin: 0 0 0.5em;
  }
  textarea#story-text {
    min-height: 10em;
  }
  .hint.over {
    color: var(--_error);
    font-weight: 700;
  }
  .rules {
    margin: 0 0 0.75em;
    padding-inline-start: 1.25em;
  }
  .rules li + li {
    margin-block-start: 0.25em;
  }
  .story-general ul {
    margin: 0;
    padding-inline-start: 1.25em;
    font-weight: 400;
  }
  .story-general:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .story-preview,
  .remembered {
    display: grid;
    gap: 0.75em;
  }
  .story-preview > *,
  .remembered > * {
    margin: 0;
  }
  .remembered {
    margin-block-start: 2em;
    padding-block-start: 1em;
    border-block-start: 1px solid var(--_border-light);
  }
  .remembered ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .label {
    font-weight: 700;
  }
  .preview-text {
    margin: 0;
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_border);
    background: var(--_bg-alt);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  mark {
    padding: 0 0.125em;
    background: var(--_bg-contrast);
    color: inherit;
    font-weight: 700;
    text-decoration: underline dotted;
  }
  .summary {
    display: grid;
    gap: 0.25em;
    margin: 0;
  }
  .summary dt {
    font-weight: 700;
  }
  .summary dd {
    margin: 0;
  }
  .follow {
    display: grid;
    gap: 0.5em;
    margin-block-start: 1em;
  }
  .follow > * {
    margin: 0;
  }
  .follow textarea {
    min-height: 0;
    font-family: monospace;
    font-size: 0.875em;
    word-break: break-all;
    resize: none;
  }
  @media (forced-colors: active) {
    mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
    .preview-text {
      border: 2px solid CanvasText;
    }
  }
`;
