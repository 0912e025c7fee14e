import { css } from 'lit';

export const feedbackStyles = css`
  :host {
    display: block;
  }
  /* Own colours: alone on a host page, the page's background must not decide the contrast. */
  .feedback {
    background: var(--_bg);
    color: var(--_text);
  }
  form {
    display: grid;
    gap: 1.25em;
  }
  form > p {
    margin: 0;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend,
  .comment > label {
    display: block;
    padding: 0;
    margin-block-end: 0.5em;
    font-weight: 700;
  }
  .required,
  .optional {
    font-weight: 400;
    color: var(--_text-mention);
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .face {
    position: relative;
    flex: 1 1 6em;
  }
  .face input {
    position: absolute;
    inset-block-start: 0.75em;
    inset-inline-start: 0.75em;
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_primary);
  }
  .face label {
    display: grid;
    justify-items: center;
    gap: 0.25em;
    min-height: 2.75em;
    padding: 2.25em 0.5em 0.75em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
    text-align: center;
  }
  .face input:checked + label {
    border-color: var(--_primary);
    box-shadow: inset 0 0 0 2px var(--_primary);
    background: var(--_bg-alt);
    font-weight: 700;
  }
  .face input:focus-visible + label {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .face-icon {
    width: 2.5em;
    height: 2.5em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }
  .face-icon .f {
    fill: currentColor;
    stroke: none;
  }
  .face-icon .m {
    stroke-linecap: round;
  }
  .choice {
    position: relative;
    display: flex;
    gap: 0.5em;
    align-items: center;
    min-height: 2.75em;
  }
  /* The whole row is the target, 44 px high (WCAG 2.5.8), not only the box and its words. */
  .choice label::before {
    content: '';
    position: absolute;
    inset: 0;
  }
  .choice input {
    /* Above the label's row-wide target: a click on the box itself reaches the box. */
    position: relative;
    z-index: 1;
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_primary);
  }
  .scale .options {
    display: grid;
    gap: 0;
  }
  .exclusive {
    /* 44 px of row under its separating line. */
    min-height: calc(2.75em + 0.25em);
    margin-block-start: 0.25em;
    padding-block-start: 0.25em;
    border-block-start: 1px solid var(--_border-light);
  }
  textarea {
    display: block;
    min-height: 6em;
    resize: vertical;
  }
  .warning {
    margin: 0 0 0.5em;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_warning);
    background: var(--_bg-alt);
  }
  .hint {
    margin: 0.25em 0 0;
    color: var(--_text-mention);
    font-size: 0.875em;
  }
  .error {
    margin: 0 0 0.5em;
    color: var(--_error);
    font-weight: 700;
  }
  .open {
    margin-block-end: 1em;
  }
  .open .icon {
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
  }
  .open .icon .f {
    fill: currentColor;
    stroke: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0;
  }
  .result {
    padding: 1em;
    border-inline-start: 4px solid var(--_success);
    background: var(--_bg-alt);
  }
  .result.queued {
    border-color: var(--_info);
  }
  .result.rejected {
    border-color: var(--_error);
  }
  .status {
    padding: 0.75em 1em;
    background: var(--_bg-alt);
  }
  @media (forced-colors: active) {
    .face label {
      border-color: ButtonText;
    }
    .face input:checked + label {
      border-color: Highlight;
      border-width: 4px;
    }
    .warning,
    .result {
      border: 2px solid CanvasText;
    }
  }
`;
