import { css } from 'lit';

/** <aide-experiences>: a list that reads well at 320 px and 200 %, big targets, the feeling said in words. */
export const experiencesStyles = css`
  :host {
    display: block;
  }
  /* Own colours: on a host page, the page's background must not decide the contrast (nor its dark theme). */
  .experiences {
    padding: 1rem;
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
    margin-block-end: 0.25rem;
    font-weight: 700;
  }
  .figures {
    margin: 0 0 1rem;
    padding-inline-start: 1.25rem;
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5rem 0.75rem;
    margin-block-end: 1rem;
  }
  .filter label {
    flex-basis: 100%;
    font-weight: 700;
  }
  select {
    min-height: var(--_target);
    min-width: 12rem;
    max-width: 100%;
    padding: 0.5rem 0.75rem;
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
    gap: 1rem;
    margin: 0 0 1rem;
    padding: 0;
    list-style: none;
  }
  .story {
    padding: 1rem;
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
    font-size: 1.125rem;
  }
  .text {
    white-space: pre-line;
  }
  .answer {
    margin-block-start: 1rem;
    padding: 0.75rem 1rem;
    background: var(--_bg-alt);
    border-inline-start: 4px solid var(--_primary);
  }
  .answer :is(h3, h4, h5, h6) {
    font-size: 1rem;
  }
  .problem {
    margin-block-end: 1rem;
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--_error);
    background: var(--_bg-alt);
  }
  .problem p,
  p.problem {
    margin-block-end: 0.75rem;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5rem;
    margin: 1rem 0 0;
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
