import { css } from 'lit';

/** <aide-experiences>: a list that reads well at 320 px and 200 %, big targets, the feeling said in words. */
export const experiencesStyles = css`
  :host {
    display: block;
  }
  /* Own colours: on a host page, the page's background must not decide the contrast (nor its dark theme). */
  .experiences {
    padding: 1em;
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  .intro,
  .meta,
  .figures-title {
    color: var(--_text-mention);
  }
  .figures-title {
    margin-block-end: 0.25em;
    font-weight: 700;
  }
  .figures {
    margin: 0 0 1em;
    padding-inline-start: 1.25em;
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5em 0.75em;
    margin-block-end: 1em;
  }
  .filter label {
    flex-basis: 100%;
    font-weight: 700;
  }
  select {
    min-height: var(--_target);
    min-width: 12em;
    max-width: 100%;
    padding: 0.5em 0.75em;
    border: 0;
    border-block-end: 2px solid var(--_border);
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: var(--_bg-contrast);
    color: var(--_text);
  }
  .count {
    font-weight: 700;
  }
  .stories {
    display: grid;
    gap: 1em;
    margin: 0 0 1em;
    padding: 0;
    list-style: none;
  }
  .story {
    padding: 1em;
    border: 1px solid var(--_border-light);
    border-inline-start: 4px solid var(--_border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .story > :last-child,
  .answer > :last-child {
    margin-block-end: 0;
  }
  .story-title {
    font-size: 1.125em;
  }
  .text {
    white-space: pre-line;
  }
  .answer {
    margin-block-start: 1em;
    padding: 0.75em 1em;
    background: var(--_bg-alt);
    border-inline-start: 4px solid var(--_primary);
  }
  .answer :is(h3, h4, h5, h6) {
    font-size: 1em;
  }
  .problem {
    margin-block-end: 1em;
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_error);
    background: var(--_bg-alt);
  }
  .problem p,
  p.problem {
    margin-block-end: 0.75em;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5em;
    margin: 1em 0 0;
    padding: 0;
    list-style: none;
  }
  .links a {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
  }
  @media (forced-colors: active) {
    .story,
    .answer,
    .problem {
      border-color: CanvasText;
    }
    select {
      border: 1px solid ButtonText;
    }
  }
`;
