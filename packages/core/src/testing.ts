/**
 * Helpers for the component tests (web-test-runner), shared by every package. Never imported by the widget itself.
 */
import { waitUntil as waitUntilOpenWc } from '@open-wc/testing';
import { prepareAnnouncer } from './announce.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Waits for a condition. The limit, 15 s, only stops a test that hangs; it is never a speed check. A shorter one
 * (open-wc's default is 1 s) failed under CPU contention: the Arabic catalogue chunk took longer to arrive.
 */
export function waitUntil(predicate: () => unknown, message?: string): Promise<void> {
  return waitUntilOpenWc(predicate, message, { interval: 50, timeout: 15_000 });
}

/**
 * The longest the widget waits before it acts by itself: the comment's remaining characters are said 1.2 s after
 * typing pauses, through the live region (120 ms more); the other delays are shorter (suggestions and their count,
 * the tutorial search and its count). The same figure as the end-to-end harness's (test/a11y/harness.ts).
 */
export const LONGEST_WIDGET_DELAY = 1500;

/**
 * Resolves once the page has run what it had queued: every timer set up to `within` ms before this call (a timer
 * set now fires after them: the HTML timer order, on the page's own clock, however busy the machine is), the
 * elements' pending renders, and two rendering steps. A condition, not a guess at how long things take.
 */
export async function settled(within = 0): Promise<void> {
  if (within > 0) await pause(within);
  await frame();
  const renders: Promise<unknown>[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      const update = (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
      if (update) renders.push(update);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  await Promise.all(renders);
  await frame();
}

/**
 * A bounded poll that proves a negative (nothing more is said, nothing moves): `read` gives the same value now and
 * after each of `rounds` settled rounds of the page, the first one covering the widget's longest delay.
 */
export async function expectStays<T>(read: () => T, message: string, rounds = 2): Promise<void> {
  const expected = JSON.stringify(read());
  for (let round = 1; round <= rounds; round++) {
    await settled(round === 1 ? LONGEST_WIDGET_DELAY : 0);
    const now = JSON.stringify(read());
    if (now !== expected) throw new Error(`${message}: ${expected} became ${now} (after ${round} settled round${round > 1 ? 's' : ''})`);
  }
}

/**
 * Every text the widget's live regions receive from now on ("polite: …", "assertive: …", as heard, after the
 * announcer's delay). Waits first, `settleMs`, for what an earlier test left on its way (a region is filled 120 ms
 * after the call; a component may announce later, once typing pauses).
 */
export async function listenToAnnouncements(settleWithin = 200) {
  prepareAnnouncer();
  await settled(settleWithin);
  const heard: string[] = [];
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      const region = (m.target instanceof Element ? m.target : m.target.parentElement)?.closest('[aria-live]');
      const text = region?.textContent?.trim();
      if (region && text) heard.push(`${region.getAttribute('aria-live')}: ${text}`);
    }
  });
  observer.observe(document.querySelector('aide-live-region')!.shadowRoot!, { subtree: true, childList: true, characterData: true });
  return { heard, stop: () => observer.disconnect() };
}
