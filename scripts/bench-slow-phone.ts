/**
 * The widget on a slow phone (issue 9 §6), in Debian's chromium on the demo page: CPU slowed 4× (CDP), a 390 × 844
 * touch screen, and two network profiles applied by CDP:
 *  - slow 4G: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up;
 *  - slow 3G: 400 ms round trip, 400 kbit/s down and up.
 * Each run is one person's first visit (cold: a new browser context, empty cache) then a second visit in the same
 * context (warm: the HTTP cache kept, the tab's session emptied so the panel starts closed). On each visit, once the
 * page has loaded and the launcher shows:
 *  1. tap « Besoin d'aide ? » → the panel's heading focused;
 *  2. tap « Suivre un tutoriel » → the tutorial list shown;
 *  3. back to the first screen, tap « Trouver une aide près de chez moi » → the search field shown;
 *  4. type 59100 (a key every 150 ms: suggestions load meanwhile, as when a person types), tap « Rechercher » →
 *     the places shown.
 * For each activation: the busy state's latency (tap → the first frame showing `data-busy` / `aria-busy`, or the
 * answer itself if it came first) and the answer's; the bytes over the network from the page's start to the places.
 * Times are measured inside the page (performance.now() at the tap, requestAnimationFrame for the frame).
 * Targets: busy state ≤ 100 ms; panel ≤ 1 s on slow 4G; places ≤ 2.5 s cold on slow 3G. Median of the runs.
 * Prints the figures and verdicts; exits 0 (a benchmark, not a test).
 * Usage: node --import tsx scripts/bench-slow-phone.ts [--runs 3]
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { startDemoBrowser } from './demo-browser.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs) || 3);

const kbit = (n: number) => (n * 1000) / 8; // bytes per second
const PROFILES = {
  'slow 4G': { offline: false, latency: 150, downloadThroughput: kbit(1600), uploadThroughput: kbit(750) },
  'slow 3G': { offline: false, latency: 400, downloadThroughput: kbit(400), uploadThroughput: kbit(400) },
} as const;
type ProfileName = keyof typeof PROFILES;
const BUSY_TARGET_MS = 100;
const PANEL_TARGET_MS = 1000; // slow 4G
const PLACES_TARGET_MS = 2500; // cold, slow 3G

type Step = 'panel' | 'tutorials' | 'locator' | 'search';
const STEP_LABELS: Record<Step, string> = {
  panel: 'tap « Besoin d’aide ? » → panel heading focused',
  tutorials: 'tap « Suivre un tutoriel » → tutorial list',
  locator: 'tap « Trouver une aide… » → search field',
  search: 'tap « Rechercher » (59100) → places shown',
};
interface Timing {
  busy: number;
  done: number;
}
interface Visit {
  steps: Record<Step, Timing>;
  bytes: number;
  widgetBytes: number;
}

/**
 * In the page: deep queries through shadow roots, and `measure(step)`: taps the step's control and follows the
 * frames until its busy state, then its answer, show. Plain JavaScript: tsx would wrap named functions passed to
 * evaluate() in a helper the page does not have.
 */
const PAGE_HELPERS = `
window.__bench = (() => {
  const all = (selector) => {
    const out = [];
    const walk = (root) => {
      out.push(...root.querySelectorAll(selector));
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return out;
  };
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const one = (selector) => all(selector).find(shown) || null;
  const active = () => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a;
  };
  const busyShown = () => all('[data-busy], .status[aria-busy="true"]').some(shown);
  const steps = {
    panel: {
      target: () => { const help = document.querySelector('aide-help[data-floating]'); return help && (help.shadowRoot || help).querySelector('button'); },
      done: () => { const a = active(); return !!a && a.tagName === 'H2' && !!a.closest('.panel'); },
    },
    tutorials: {
      target: () => one('.entry[data-view=tutorials]'),
      done: () => !!one('button.card'),
    },
    locator: {
      target: () => one('.entry[data-view=locator]'),
      done: () => !!one('[role=combobox]'),
    },
    search: {
      target: () => all('form.search button[type=submit]').find(shown),
      done: () => !!one('.place'),
    },
  };
  return {
    measure: (name) => new Promise((resolve, reject) => {
      const step = steps[name];
      const target = step.target();
      if (!target) return reject(new Error('nothing to tap for ' + name));
      const start = performance.now();
      let busy = null;
      target.click();
      const frame = () => {
        const now = performance.now();
        const done = step.done();
        if (busy === null && (done || busyShown())) busy = now - start;
        if (done) return resolve({ busy, done: now - start });
        if (now - start > 60000) return reject(new Error(name + ': no answer in 60 s'));
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }),
  };
})();
`;

/** Bytes received over the network (headers and encoded bodies), all and the widget's (/aide/…). */
function countBytes(cdp: CDPSession) {
  const urls = new Map<string, string>();
  const totals = { all: 0, widget: 0 };
  const sent = (e: { requestId: string; request: { url: string } }) => urls.set(e.requestId, e.request.url);
  const finished = (e: { requestId: string; encodedDataLength: number }) => {
    totals.all += e.encodedDataLength;
    if (new URL(urls.get(e.requestId) ?? 'about:blank').pathname.startsWith('/aide/')) totals.widget += e.encodedDataLength;
  };
  cdp.on('Network.requestWillBeSent', sent);
  cdp.on('Network.loadingFinished', finished);
  const stop = () => {
    cdp.off('Network.requestWillBeSent', sent);
    cdp.off('Network.loadingFinished', finished);
  };
  return { totals, stop };
}

async function visit(page: Page, cdp: CDPSession, base: string): Promise<Visit> {
  const { totals: bytes, stop } = countBytes(cdp);
  await page.goto(`${base}/`, { waitUntil: 'load' });
  await page.locator('aide-help[data-floating]').getByRole('button').waitFor();
  const measure = (step: Step) => page.evaluate((name) => (window as unknown as { __bench: { measure(n: string): Promise<Timing> } }).__bench.measure(name), step);
  const panel = await measure('panel');
  const tutorials = await measure('tutorials');
  await page.locator('aide-panel').locator('.back').click();
  const locator = await measure('locator');
  await page.locator('aide-locator').getByRole('combobox').pressSequentially('59100', { delay: 150 });
  const search = await measure('search');
  const visit = { steps: { panel, tutorials, locator, search }, bytes: bytes.all, widgetBytes: bytes.widget };
  stop();
  return visit;
}

async function throttle(context: BrowserContext, page: Page, profile: ProfileName): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PROFILES[profile]);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: Record<ProfileName, { cold: Visit[]; warm: Visit[] }> = { 'slow 4G': { cold: [], warm: [] }, 'slow 3G': { cold: [], warm: [] } };

const { base, browser, stop } = await startDemoBrowser();
try {
  for (let run = 0; run < runs; run++) {
    for (const profile of Object.keys(PROFILES) as ProfileName[]) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'fr-FR' });
      await context.addInitScript({ content: PAGE_HELPERS });
      const page = await context.newPage();
      const cdp = await throttle(context, page, profile);
      results[profile].cold.push(await visit(page, cdp, base));
      // The second visit: same browser cache; the panel starts closed as on a new tab.
      await page.evaluate(() => sessionStorage.clear());
      results[profile].warm.push(await visit(page, cdp, base));
      await context.close();
    }
  }
} finally {
  await stop();
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const kb = (x: number) => `${(x / 1024).toFixed(0)} KB`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
console.log(`\nThe widget on a slow phone: CPU ÷4, 390 px touch screen, demo page (median of ${runs} runs; load average ${loadavg()[0]!.toFixed(1)})`);
for (const profile of Object.keys(PROFILES) as ProfileName[]) {
  const p = PROFILES[profile];
  console.log(`\n${profile} (${p.latency} ms RTT, ${(p.downloadThroughput * 8) / 1000} kbit/s)`);
  console.log(`${''.padEnd(50)}${'busy cold'.padStart(11)}${'busy warm'.padStart(11)}${'cold'.padStart(9)}${'warm'.padStart(9)}   verdict`);
  for (const step of Object.keys(STEP_LABELS) as Step[]) {
    const figure = (cache: 'cold' | 'warm', key: keyof Timing) => median(results[profile][cache].map((v) => v.steps[step][key]));
    const busyWorst = Math.max(figure('cold', 'busy'), figure('warm', 'busy'));
    const verdicts = [`busy ≤ ${BUSY_TARGET_MS} ms ${verdict(busyWorst <= BUSY_TARGET_MS)}`];
    if (step === 'panel' && profile === 'slow 4G') verdicts.push(`panel ≤ ${PANEL_TARGET_MS} ms ${verdict(Math.max(figure('cold', 'done'), figure('warm', 'done')) <= PANEL_TARGET_MS)}`);
    if (step === 'search' && profile === 'slow 3G') verdicts.push(`places cold ≤ ${PLACES_TARGET_MS} ms ${verdict(figure('cold', 'done') <= PLACES_TARGET_MS)}`);
    console.log(
      `${STEP_LABELS[step].padEnd(50)}${ms(figure('cold', 'busy')).padStart(11)}${ms(figure('warm', 'busy')).padStart(11)}${ms(figure('cold', 'done')).padStart(9)}${ms(figure('warm', 'done')).padStart(9)}   ${verdicts.join('; ')}`,
    );
  }
  for (const cache of ['cold', 'warm'] as const) {
    const visits = results[profile][cache];
    console.log(`bytes over the network, page start → places (${cache}): ${kb(median(visits.map((v) => v.bytes)))}, of which the widget ${kb(median(visits.map((v) => v.widgetBytes)))}`);
  }
}
