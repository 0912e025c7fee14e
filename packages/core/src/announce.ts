/**
 * One polite and one assertive live region for the whole widget, living in a small element at the end
 * of the body from the first announcement on. A new message replaces the region's text at once (a busy state must
 * be heard within 100 ms); the same message again is set a moment after the region is emptied, since screen readers
 * only read changes, and so is a first message in a region created by that very call.
 */
import { guestStyle } from './guest.ts';

export type Politeness = 'polite' | 'assertive';

/** A piece of a message in another language than the message's own: a French title in an English sentence (RGAA 8.7). */
export interface ForeignText {
  text: string;
  lang: string;
}
/** A message: plain text, or pieces of which some are in another language. */
export type Announcement = string | readonly (string | ForeignText)[];

const TAG = 'aide-live-region';
const VISUALLY_HIDDEN =
  'position:fixed;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0';

interface AideLiveRegion extends HTMLElement {
  readonly polite: HTMLElement;
  readonly assertive: HTMLElement;
}

// Made on first use, not at import: the module is also imported in Node (by the build), where HTMLElement is absent.
const liveRegionClass = () =>
  class extends HTMLElement implements AideLiveRegion {
  readonly polite: HTMLElement;
  readonly assertive: HTMLElement;
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const make = (politeness: Politeness) => {
      const region = document.createElement('div');
      region.setAttribute('role', politeness === 'polite' ? 'status' : 'alert');
      region.setAttribute('aria-live', politeness);
      region.setAttribute('aria-atomic', 'true');
      region.dataset.politeness = politeness;
      // Inline styles through the CSSOM are allowed under a strict style-src CSP.
      region.style.cssText = VISUALLY_HIDDEN;
      root.append(region);
      return region;
    };
    this.polite = make('polite');
    this.assertive = make('assertive');
  }
  };

function liveRegion(): AideLiveRegion {
  if (!customElements.get(TAG)) customElements.define(TAG, liveRegionClass());
  let element = document.querySelector<AideLiveRegion>(TAG);
  if (!element) {
    element = document.createElement(TAG) as AideLiveRegion;
    // No box in the host page's layout, whatever its rules for body's children (see guestStyle).
    guestStyle(element);
    document.body.append(element);
  }
  return element;
}

const timers = new WeakMap<HTMLElement, number>();

/** Creates the regions ahead of time, so that the first announcement is not lost. */
export function prepareAnnouncer(): void {
  liveRegion();
}

export function announce(message: Announcement, politeness: Politeness = 'polite', lang?: string): void {
  const existed = !!document.querySelector(TAG);
  const element = liveRegion();
  const region = politeness === 'polite' ? element.polite : element.assertive;
  window.clearTimeout(timers.get(region));
  const text = typeof message === 'string' ? message : message.map((part) => (typeof part === 'string' ? part : part.text)).join('');
  const say = () => {
    // Without a language the message takes the page's, not the one a previous message left.
    if (lang) region.setAttribute('lang', lang);
    else region.removeAttribute('lang');
    if (typeof message === 'string') region.textContent = message;
    else region.replaceChildren(...message.map((part) => (typeof part === 'string' ? part : Object.assign(document.createElement('span'), { lang: part.lang, textContent: part.text }))));
  };
  if (existed && region.textContent !== text) {
    say();
    return;
  }
  region.textContent = '';
  timers.set(region, window.setTimeout(say, 120));
}
