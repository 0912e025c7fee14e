import { css } from 'lit';

export const locatorStyles = css`
  :host {
    display: block;
  }
  /* Own colours: alone on a host page, the page's background must not decide the contrast. */
  .locator {
    display: grid;
    gap: 1rem;
    background: var(--_bg);
    color: var(--_text);
  }
  .search {
    display: grid;
    gap: 0.5rem;
  }
  label {
    font-weight: 700;
  }
  .hint,
  .mention {
    margin: 0;
    color: var(--_text-mention);
    font-size: 0.875rem;
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
    max-height: 18rem;
    overflow-y: auto;
    border: 1px solid var(--_border);
    background: var(--_bg);
    box-shadow: var(--_shadow);
  }
  [role='option'] {
    padding: 0.625rem 0.75rem;
    min-height: 2.75rem;
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
    gap: 0.5rem;
  }
  .status {
    margin: 0;
    padding: 0.75rem 1rem;
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
    gap: 0.75rem;
  }
  .results > h2,
  .results > h3,
  .results > h4 {
    margin: 0;
  }
  .places {
    display: grid;
    gap: 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .place article {
    padding: 1rem;
    border: 1px solid var(--_border-light);
    border-inline-start: 4px solid var(--_primary);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .place h3,
  .place h4,
  .place h5 {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
  }
  .place p {
    margin: 0 0 0.375rem;
  }
  .distance,
  .hours-line {
    display: flex;
    gap: 0.375rem;
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
    gap: 0.25rem;
    margin: 0 0 0.375rem;
    padding: 0;
    list-style: none;
  }
  .labels li {
    padding: 0 0.5rem;
    border: 1px solid var(--_info);
    border-radius: 1rem;
    color: var(--_info);
    font-size: 0.875rem;
    font-weight: 700;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0.5rem 0;
    padding: 0;
    list-style: none;
  }
  .links a {
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
    min-height: 2.75rem;
  }
  .links .icon {
    width: 1em;
    height: 1em;
    margin: 0;
  }
  details summary {
    min-height: 2.75rem;
    display: flex;
    align-items: center;
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
  }
  table {
    border-collapse: collapse;
    margin: 0.25rem 0;
  }
  th,
  td {
    padding: 0.25rem 0.5rem;
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
    gap: 0.5rem;
    align-items: center;
    min-height: 2.75rem;
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
    min-height: 2.75rem;
  }
  input[type='checkbox'] {
    /* Above the label's row-wide target: a click on the box itself reaches the box. */
    position: relative;
    z-index: 1;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .filters {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
  .filter-panel {
    display: grid;
    gap: 0.75rem;
    width: 100%;
    padding: 0.75rem;
    border: 1px solid var(--_border-light);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.25rem;
    font-weight: 700;
  }
  .others ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .others p {
    margin: 0;
  }
  .phone-line {
    padding: 1rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .phone-line p {
    margin: 0;
  }
  .call {
    font-size: 1.125rem;
  }
  .sheet {
    padding: 1rem;
    background: var(--_bg-alt);
  }
  .tutorial-context {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_primary);
  }
  .sources summary {
    font-size: 0.875rem;
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
