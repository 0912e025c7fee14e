/**
 * Finding and showing an element of the host page for "Me montrer": by a form field's label text, or by a CSS
 * selector where " >>> " goes into open shadow roots. The highlight is a frame drawn around the element by an
 * element of ours, with pointer-events off: it never covers or blocks the page, and it adds nothing to the page's
 * own elements.
 */
import { fold } from './text.ts';
import { isVisible } from './focus.ts';

export interface PageTarget {
  kind: 'label' | 'selector';
  value: string;
}

function bySelectorChain(chain: string, root: ParentNode = document): Element | null {
  let scope: ParentNode | null = root;
  let found: Element | null = null;
  for (const part of chain.split('>>>').map((p) => p.trim())) {
    if (!scope) return null;
    try {
      found = scope.querySelector(part);
    } catch {
      return null;
    }
    scope = found?.shadowRoot ?? found;
  }
  return found;
}

function byLabel(text: string): HTMLElement | null {
  const wanted = fold(text);
  for (const label of document.querySelectorAll('label')) {
    // The label's own text, without the hint spans some forms put inside it.
    const own = fold([...label.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(' '));
    const all = fold(label.textContent ?? '');
    if (own === wanted || all === wanted || own.startsWith(wanted) || all.startsWith(wanted)) {
      const control = label.control ?? (label.htmlFor ? document.getElementById(label.htmlFor) : null);
      if (control instanceof HTMLElement) return control;
    }
  }
  // Buttons and fields named by aria-label.
  for (const el of document.querySelectorAll<HTMLElement>('[aria-label]')) {
    if (fold(el.getAttribute('aria-label') ?? '') === wanted) return el;
  }
  return null;
}

/** The element a step points at, when it is on this page and visible. */
export function findPageTarget(target: PageTarget | undefined): HTMLElement | null {
  if (!target) return null;
  const element = target.kind === 'label' ? byLabel(target.value) : bySelectorChain(target.value);
  return element instanceof HTMLElement && isVisible(element) ? element : null;
}

const HIGHLIGHT_TAG = 'aide-highlight';
const HIGHLIGHT_STYLE =
  'position:fixed;z-index:2147482400;pointer-events:none;box-sizing:border-box;border:4px solid #0a76f6;' +
  'border-radius:6px;box-shadow:0 0 0 4px #ffffff;transition:opacity .2s;';

let frame: HTMLElement | null = null;
let cleanup: (() => void) | null = null;

export function clearHighlight(): void {
  cleanup?.();
  cleanup = null;
  frame?.remove();
  frame = null;
}

/** Scrolls the element into view, frames it, and moves focus there when it can take focus. */
export function showPageTarget(element: HTMLElement): void {
  clearHighlight();
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
  if (!customElements.get(HIGHLIGHT_TAG)) customElements.define(HIGHLIGHT_TAG, class AideHighlight extends HTMLElement {});
  frame = document.createElement(HIGHLIGHT_TAG);
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = HIGHLIGHT_STYLE;
  document.body.append(frame);
  const place = () => {
    const r = element.getBoundingClientRect();
    Object.assign(frame!.style, { top: `${r.top - 6}px`, left: `${r.left - 6}px`, width: `${r.width + 12}px`, height: `${r.height + 12}px` });
  };
  place();
  const timer = window.setTimeout(clearHighlight, 8000);
  window.addEventListener('scroll', place, true);
  window.addEventListener('resize', place);
  element.addEventListener('blur', clearHighlight, { once: true });
  cleanup = () => {
    window.clearTimeout(timer);
    window.removeEventListener('scroll', place, true);
    window.removeEventListener('resize', place);
  };
  element.focus({ preventScroll: true });
}
