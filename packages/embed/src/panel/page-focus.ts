/**
 * Moving between the panel and the page, for a panel that is not modal: F6 (and the "Revenir à la page" button)
 * goes from one to the other; back on the page, focus returns where the person was (the last element of the page
 * that had focus, not a launcher), else to the page's main content.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { containsFocus, deepActiveElement, focusElement, isVisible } from '@aide/core';

export interface PageFocusHost extends ReactiveControllerHost, HTMLElement {
  readonly open: boolean;
  /** Every launcher of the page: focus on one of them is not "where the person was". */
  launchers(): HTMLElement[];
  goToPage(): void;
  goToPanel(): void;
  /** A control of the page got the focus (Tab past the panel, a click on the page). */
  pageFocused(control: Element): void;
}

export class PageFocusController implements ReactiveController {
  private lastPageFocus: Element | null = null;

  private readonly onDocumentKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'F6' || !this.host.open || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (containsFocus(this.host)) this.host.goToPage();
    else this.host.goToPanel();
  };

  private readonly onDocumentFocusIn = () => {
    if (containsFocus(this.host)) return;
    const active = deepActiveElement();
    if (active && active !== document.body && !this.host.launchers().some((l) => l === active || l.contains(active))) {
      this.lastPageFocus = active;
      this.host.pageFocused(active);
    }
  };

  constructor(private readonly host: PageFocusHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onDocumentKeydown, true);
    document.addEventListener('focusin', this.onDocumentFocusIn, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onDocumentKeydown, true);
    document.removeEventListener('focusin', this.onDocumentFocusIn, true);
  }

  /** Focus back on the page: where the person was, else its main content. */
  focusPage(): void {
    const previous = this.lastPageFocus;
    if (previous instanceof HTMLElement && previous.isConnected && isVisible(previous)) {
      previous.focus();
      return;
    }
    const main = document.querySelector<HTMLElement>('main, [role="main"]') ?? document.querySelector<HTMLElement>('h1');
    if (!focusElement(main)) focusElement(document.body);
  }
}
