/**
 * Helpers for the component tests (web-test-runner), shared by every package. Never imported by the widget itself.
 */
import { prepareAnnouncer } from './announce.ts';

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every text the widget's live regions receive from now on ("polite: …", "assertive: …", as heard, after the
 * announcer's delay). Waits first, `settleMs`, for what an earlier test left on its way (a region is filled 120 ms
 * after the call; a component may announce later, once typing pauses).
 */
export async function listenToAnnouncements(settleMs = 200) {
  prepareAnnouncer();
  await pause(settleMs);
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
