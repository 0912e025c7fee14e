import { css } from 'lit';

export const locatorStyles = css`
  :host {
    display: block;
  }
  /* Own colours: alone on a host page, the page's background must not decide the contrast. */
  .locator {
    display: grid;
    gap: 1em;
    background: var(--_bg);
    color: var(--_text);
  }
  .search {
    display: grid;
    gap: 0.5em;
  }
  label {
    font-weight: 700;
  }
  .hint,
  .mention {
    margin: 0;
    color: var(--_text-mention);
    font-size: 0.875em;
  }
  .field-error {
    margin: 0;
    color: var(--_error);
    font-weight: 700;
  }
  .combobox {
    position: relative;
  }
  input[aria-invalid='true'] {
    border-block-end-color: var(--_error);
    box-shadow: inset 0 -2px 0 0 var(--_error);
  }
  [role='listbox'] {
    position: absolute;
    z-index: 2;
    inset-inline: 0;
    margin: 0;
    padding: 0;
    list-style: none;
    max-height: 18em;
    overflow-y: auto;
    border: 1px solid var(--_border);
    background: var(--_bg);
    box-shadow: var(--_shadow);
  }
  [role='option'] {
    padding: 0.625em 0.75em;
    min-height: var(--_target);
    cursor: pointer;
  }
  [role='option']:hover,
  [role='option'].active {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .status {
    margin: 0;
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_info);
    background: var(--_bg-alt);
  }
  .status.error {
    border-color: var(--_error);
  }
  .status.warning {
    border-color: var(--_warning);
  }
  .results,
  .phone-line,
  .sheet {
    display: grid;
    gap: 0.75em;
  }
  .results > h2,
  .results > h3,
  .results > h4 {
    margin: 0;
  }
  .places {
    display: grid;
    gap: 1em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .place article {
    padding: 1em;
    border: 1px solid var(--_border-light);
    border-inline-start: 4px solid var(--_primary);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .place h3,
  .place h4,
  .place h5 {
    margin: 0 0 0.5em;
    font-size: 1.125em;
  }
  .place p {
    margin: 0 0 0.375em;
  }
  .distance,
  .hours-line {
    display: flex;
    gap: 0.375em;
    align-items: flex-start;
  }
  .distance {
    font-weight: 700;
  }
  .hours-line.open {
    color: var(--_success);
    font-weight: 700;
  }
  .hours-line.closed {
    color: var(--_text);
  }
  .icon {
    margin-block-start: 0.15em;
  }
  .labels {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin: 0 0 0.375em;
    padding: 0;
    list-style: none;
  }
  .labels li {
    padding: 0 0.5em;
    border: 1px solid var(--_info);
    border-radius: 1em;
    color: var(--_info);
    font-size: 0.875em;
    font-weight: 700;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0.5em 0;
    padding: 0;
    list-style: none;
  }
  .links a {
    display: inline-flex;
    gap: 0.25em;
    align-items: center;
    min-height: var(--_target);
  }
  .links .icon {
    width: 1em;
    height: 1em;
    margin: 0;
  }
  details summary {
    min-height: var(--_target);
    display: flex;
    align-items: center;
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
  }
  table {
    border-collapse: collapse;
    margin: 0.25em 0;
  }
  th,
  td {
    padding: 0.25em 0.5em;
    border-block-end: 1px solid var(--_border-light);
    text-align: start;
    vertical-align: top;
  }
  th[scope='row'] {
    font-weight: 400;
    text-transform: capitalize;
  }
  .check {
    position: relative;
    display: flex;
    gap: 0.5em;
    align-items: center;
    min-height: var(--_target);
    margin: 0;
  }
  .check label {
    font-weight: 400;
  }
  /* The whole row is the target, 44 px high (WCAG 2.5.8), not only the box and its words. */
  .check label::before {
    content: '';
    position: absolute;
    inset: 0;
  }
  /* A phone number is a target of its own: 44 px high, on its line. */
  a.tel {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
  }
  input[type='checkbox'] {
    /* Above the label's row-wide target: a click on the box itself reaches the box. */
    position: relative;
    z-index: 1;
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .filters {
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }
  .filter-panel {
    display: grid;
    gap: 0.75em;
    width: 100%;
    padding: 0.75em;
    border: 1px solid var(--_border-light);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.25em;
    font-weight: 700;
  }
  .others ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .others p {
    margin: 0;
  }
  .phone-line {
    padding: 1em;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .phone-line p {
    margin: 0;
  }
  .call {
    font-size: 1.125em;
  }
  .sheet {
    padding: 1em;
    background: var(--_bg-alt);
  }
  .tutorial-context {
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_primary);
  }
  .sources summary {
    font-size: 0.875em;
  }
  @media (forced-colors: active) {
    [role='option'].active {
      outline: 2px solid Highlight;
    }
    .place article,
    .phone-line,
    .labels li {
      border-color: CanvasText;
    }
    input[type='text'] {
      border: 2px solid CanvasText;
    }
  }
`;
