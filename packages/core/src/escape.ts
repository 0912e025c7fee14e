/**
 * Escape closes the innermost open thing first. Inside an element of the widget, the open things are its
 * disclosures: buttons with `aria-expanded="true"` (a glossary definition, the list of steps, the filters…). Escape
 * collapses the one opened last (through its own button, so that its own logic runs) and marks the key as handled;
 * the panel, which closes on an Escape nobody handled, then stays open. Popups that handle Escape themselves (the
 * commune suggestions, an enlarged image) mark it handled first, being deeper in the page.
 * Focus goes back to the disclosure's button when it was inside what closed, so that it is never lost. Every element
 * of the widget has one (AideElement).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface EscapeHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class EscapeController implements ReactiveController {
  /** Disclosure buttons in the order they were opened, the last one last. */
  private opened: Element[] = [];
  private observer: MutationObserver | undefined;

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Escape in a text field is the field's (a form being filled is not collapsed under the person's fingers).
    const origin = event.composedPath()[0];
    if (origin instanceof HTMLElement && origin.matches('input:not([type=checkbox]):not([type=radio]), textarea, select')) return;
    this.opened = this.opened.filter((b) => b.isConnected && b.getAttribute('aria-expanded') === 'true');
    const toggle = this.opened.pop();
    if (!toggle || !(toggle instanceof HTMLElement)) return;
    event.preventDefault();
    const controlled = toggle.getAttribute('aria-controls');
    const region = controlled ? (toggle.getRootNode() as ShadowRoot | Document).getElementById(controlled) : null;
    const path = event.composedPath();
    const focusInside = !!region && path.includes(region);
    toggle.click();
    if (focusInside || toggle.getAttribute('aria-expanded') === 'true') toggle.focus();
  };

  /** The host adds it (`host.addController`). */
  constructor(private readonly host: EscapeHost) {}

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeydown);
    // The render root exists once the element rendered: observed from the first update on.
    void this.host.updateComplete.then(() => {
      if (!this.host.isConnected || this.observer) return;
      this.observer = new MutationObserver((mutations) => {
        for (const m of mutations) {
          const target = m.target as Element;
          // A combobox's list is its own business (it handles Escape itself).
          if (target.getAttribute('role') === 'combobox') continue;
          this.opened = this.opened.filter((b) => b !== target);
          if (target.getAttribute('aria-expanded') === 'true') this.opened.push(target);
        }
      });
      this.observer.observe(this.host.renderRoot, { subtree: true, attributes: true, attributeFilter: ['aria-expanded'] });
    });
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeydown);
    this.observer?.disconnect();
    this.observer = undefined;
    this.opened = [];
  }
}
