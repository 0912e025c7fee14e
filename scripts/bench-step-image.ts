/**
 * A tutorial step with its picture on an old phone over slow 4G (issue 10: image visible ≤ 1.5 s), in Debian's
 * chromium on the demo page at procedure step 2 (« Votre logement »), whose tutorial opens at a step with a screenshot:
 *  - network: Lighthouse's "slow 4G" as DevTools applies it (562.5 ms round trip, 1.47 Mbit/s down, 675 kbit/s up),
 *    CPU slowed 4×, a 390 × 844 screen at 2 device pixels per CSS pixel;
 *  - "open": the person has the list of tutorials open (panel, walkthrough and index loaded) and taps the
 *    procedure's tutorial: the tap → the step's image decoded and painted. Twice: tapped at once (the tutorial's
 *    chunk, the content code and the image fetched on the tap, cold), and after reading the list (the walkthrough
 *    fetches, when idle, the tutorial that explains the page: only the image is left to fetch);
 *  - "next": inside the tutorial, « Étape suivante » → the next step's image painted: tapped at once (the image is
 *    fetched on the tap), and after reading the step (the walkthrough fetches the next step's image when idle);
 *  - each run in a new browser context (empty cache); the image's bytes and the version the browser chose are printed,
 *    with what the original (the fallback format at full width) would have cost.
 * Target: ≤ 1,500 ms for both. Prints the figures; exits 0 (the budgets are in check-budgets.ts).
 * Usage: node --import tsx scripts/bench-step-image.ts [--runs 5]
 */
import { parseArgs } from 'node:util';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { startDemoBrowser } from './demo-browser.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Math.max(1, Number(values.runs) || 5);
const TARGET_MS = 1500;
const root = fileURLToPath(new URL('..', import.meta.url));
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Taps the tutorial's card or « Étape suivante » in the walkthrough, then waits for the step image to be decoded and painted. */
function tapUntilImagePainted(page: Page, button: 'card' | 'next'): Promise<{ ms: number; src: string; bytes: number; width: number }> {
  // No named function inside: tsx would wrap it in a helper (__name) that the page does not have.
  return page.evaluate(async (which) => {
    // The walkthrough lives in the panel's shadow root.
    const root = document.querySelector('aide-panel')!.shadowRoot!.querySelector('aide-walkthrough')!.shadowRoot!;
    const target =
      which === 'card'
        ? root.querySelector<HTMLButtonElement>('button.card')!
        : [...root.querySelectorAll<HTMLButtonElement>('.navigation button')].find((b) => b.textContent?.trim() === 'Étape suivante')!;
    const before = root.querySelector('.step-content img');
    const start = performance.now();
    target.click();
    let img: HTMLImageElement | null = null;
    for (;;) {
      img = root.querySelector<HTMLImageElement>('.step-content img');
      if (img && img !== before && img.complete && img.naturalWidth > 0) break;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await img.decode().catch(() => undefined);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const ms = performance.now() - start;
    const entry = performance.getEntriesByName(img.currentSrc)[0] as PerformanceResourceTiming | undefined;
    return { ms, src: img.currentSrc, bytes: entry?.encodedBodySize ?? 0, width: img.getBoundingClientRect().width };
  }, button);
}

const { base, browser, stop } = await startDemoBrowser();
type Figure = { ms: number; src: string; bytes: number; width: number };
const results: Record<'open' | 'read' | 'next' | 'nextRead', Figure[]> = { open: [], read: [], next: [], nextRead: [] };
try {
  for (let run = 0; run < runs * 2; run++) {
    const afterReading = run % 2 === 1;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'fr-FR' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${base}/`, { waitUntil: 'load' });
    // The person opens the help and the list of tutorials (not measured here: check-budgets.ts and the panel).
    await page.locator('aide-help[data-floating]').getByRole('button').click();
    await page.locator('aide-panel').locator('.entry[data-view=tutorials]').click();
    await page.locator('aide-walkthrough').locator('button.card').first().waitFor();
    if (afterReading) {
      // The person reads the list: the idle-time fetch of the page's tutorial (chunk and content code) is done.
      await page.waitForFunction(() => {
        const names = performance.getEntriesByType('resource').map((e) => e.name);
        return names.some((n) => /\/tutorials\/demande-aide-logement\.[0-9a-f]+\.json$/.test(n)) && names.some((n) => /\/chunks\/content-/.test(n));
      });
      results.read.push(await tapUntilImagePainted(page, 'card'));
      // The person reads the step: the next step's image is fetched meanwhile, when the browser is idle.
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/images\/demande-aide-logement-2-/.test(e.name)));
      results.nextRead.push(await tapUntilImagePainted(page, 'next'));
    } else {
      results.open.push(await tapUntilImagePainted(page, 'card'));
      results.next.push(await tapUntilImagePainted(page, 'next'));
    }
    await context.close();
  }
} finally {
  await stop();
}

const load = loadavg()[0]!.toFixed(1);
console.log(`\nA tutorial step with its picture, slow 4G (562.5 ms RTT, 1.47 Mbit/s), CPU ÷4, 390 px at 2× (${runs} cold runs of each, load average ${load})\n`);
console.log(`${'measure'.padEnd(52)}${'median'.padStart(9)}${'max'.padStart(9)}   target`);
for (const [key, label] of [
  ['open', 'tap the tutorial at once → its first image painted'],
  ['read', 'tap it after reading the list → first image painted'],
  ['next', '« Étape suivante » at once → next image painted'],
  ['nextRead', '« Étape suivante » after reading → next image'],
] as const) {
  const ms = results[key].map((r) => r.ms);
  const worst = Math.max(...ms);
  console.log(`${label.padEnd(52)}${`${median(ms).toFixed(0)} ms`.padStart(9)}${`${worst.toFixed(0)} ms`.padStart(9)}   ≤ ${TARGET_MS} ms ${median(ms) <= TARGET_MS ? 'ok' : 'MISSED'}`);
}
for (const [key, label] of [
  ['open', 'first image'],
  ['next', 'next image'],
] as const) {
  const r = results[key][0]!;
  const file = new URL(r.src).pathname.replace(/^\/aide\//, '');
  // What a plain <img> of the original would have cost: the fallback format at the largest width published.
  const original = file.replace(/-\d+(\.[0-9a-f]+)\.(avif|webp|png|jpe?g)$/, '');
  console.log(
    `${label}: ${file.split('/').pop()} chosen, ${(r.bytes / 1024).toFixed(1)} KB over the network, shown ${r.width.toFixed(0)} CSS px wide` +
      ` (source image: ${(statSync(join(root, 'tutorials/images', `${original.split('/').pop()}.png`)).size / 1024).toFixed(1)} KB)`,
  );
}
