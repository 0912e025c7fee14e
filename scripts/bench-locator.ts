/**
 * Locator benchmarks on the built data (dist/aide/places):
 *  - nearest-10 query time over the whole dataset (all shards in memory), p50 / p95 over 2,000 queries;
 *  - bytes downloaded (gzip) for one search from a cold cache: the engine's real fetches recorded, for postal
 *    codes and for commune names typed letter by letter (every prefix fetched, the worst case of an autocomplete).
 *  - in Debian's chromium, on the demo page: time from submitting a postal code to the results rendered (the next
 *    frame after the first result card is in the shadow tree), from a cold cache (a new browser context per search:
 *    geocoding files and place shards fetched from the demo server) and warm (the same page, data in memory);
 *  - the locator chunk's gzip size.
 * Targets: p95 < 2 ms; < 60 KB gzip per search; submit → rendered < 100 ms.
 * Usage: node --import tsx scripts/bench-locator.ts
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { startDemoBrowser } from './demo-browser.ts';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Geocoder, StaticShardSource, type Fetch, nameKey } from '@aide/locator/engine';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'dist/aide/places');
if (!existsSync(join(dir, 'index.json'))) {
  console.error('dist/aide/places absent : lancez `pnpm run build` d’abord.');
  process.exit(1);
}

function recordingFetch(log: string[]): Fetch {
  return async (url) => {
    const path = join(dir, new URL(url).pathname.replace(/^\/places\//, ''));
    log.push(path);
    return new Response(readFileSync(path));
  };
}
const gzipBytes = (files: string[]) => [...new Set(files)].reduce((sum, f) => sum + statSync(`${f}.gz`).size, 0);
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const communes = (() => {
  const file = JSON.parse(readFileSync(join(root, '../shared/data/communes.json'), 'utf8')) as { fields: string[]; rows: unknown[][] };
  return file.rows.map((r) => Object.fromEntries(file.fields.map((f, i) => [f, r[i]]))) as { nom: string; type: string; codesPostaux: string[]; lat: number | null; lon: number | null; population: number | null }[];
})();
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;

// 1. nearest-10 over the whole dataset.
const all = new StaticShardSource('http://bench/places/index.json', recordingFetch([]));
await all.loadAll();
const centres = communes.filter((c) => c.type === 'COM' && c.lat !== null);
for (let i = 0; i < 200; i++) await all.nearest({ lat: pick(centres).lat!, lon: pick(centres).lon! }); // warm-up
const times: number[] = [];
for (let i = 0; i < 2000; i++) {
  const c = pick(centres);
  const start = performance.now();
  await all.nearest({ lat: c.lat!, lon: c.lon! }, { limit: 10 });
  times.push(performance.now() - start);
}
const p95 = percentile(times, 95);
console.log('\nLocator: nearest 10 over the whole dataset (2,000 queries at commune centres)');
console.log(`  p50 ${percentile(times, 50).toFixed(3)} ms   p95 ${p95.toFixed(3)} ms   max ${Math.max(...times).toFixed(2)} ms   target p95 < 2 ms: ${p95 < 2 ? 'ok' : 'MISSED'}`);

// 2. bytes for one search from a cold cache.
async function postcodeSearch(code: string) {
  const log: string[] = [];
  const fetchFn = recordingFetch(log);
  const geocoder = new Geocoder('http://bench/places/index.json', fetchFn);
  const source = new StaticShardSource('http://bench/places/index.json', fetchFn);
  const [commune] = await geocoder.postcode(code);
  if (commune?.[3] != null) await source.nearest({ lat: commune[3], lon: commune[4]! }, { limit: 10 });
  log.push(join(dir, 'ligne-solidarite-numerique.json'));
  return gzipBytes(log);
}
async function nameSearch(name: string) {
  const log: string[] = [];
  const fetchFn = recordingFetch(log);
  const geocoder = new Geocoder('http://bench/places/index.json', fetchFn);
  const source = new StaticShardSource('http://bench/places/index.json', fetchFn);
  const key = nameKey(name);
  let found;
  for (let n = 2; n <= key.length; n++) found = (await geocoder.suggest(key.slice(0, n)))[0] ?? found;
  if (found?.[3] != null) await source.nearest({ lat: found[3], lon: found[4]! }, { limit: 10 });
  log.push(join(dir, 'ligne-solidarite-numerique.json'));
  return gzipBytes(log);
}
const withCoords = communes.filter((c) => c.type === 'COM' && c.lat !== null);
const byPostcode: number[] = [];
const byName: number[] = [];
for (let i = 0; i < 400; i++) byPostcode.push(await postcodeSearch(pick(pick(withCoords).codesPostaux)));
for (let i = 0; i < 400; i++) byName.push(await nameSearch(pick(withCoords).nom));
// The biggest cities, where shards are fullest.
const big = [...withCoords].sort((a, b) => (b.population ?? 0) - (a.population ?? 0)).slice(0, 30);
for (const c of big) {
  byPostcode.push(await postcodeSearch(c.codesPostaux[0]!));
  byName.push(await nameSearch(c.nom));
}
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const worst = Math.max(...byPostcode, ...byName);
console.log('\nLocator: bytes downloaded for one search from a cold cache (gzip; index, geocoding, place shards, phone line)');
console.log(`  by postal code  p50 ${kb(percentile(byPostcode, 50))}  p95 ${kb(percentile(byPostcode, 95))}  max ${kb(Math.max(...byPostcode))}`);
console.log(`  by name, typed letter by letter  p50 ${kb(percentile(byName, 50))}  p95 ${kb(percentile(byName, 95))}  max ${kb(Math.max(...byName))}`);
console.log(`  target < 60 KB: ${worst < 60 * 1024 ? 'ok (worst case included)' : percentile([...byPostcode, ...byName], 95) < 60 * 1024 ? 'ok at p95, worst case over' : 'MISSED'}`);

// 3. submit → results rendered, in the browser.
async function submitToRendered(page: Page, code: string): Promise<number> {
  return page.evaluate(async (postcode) => {
    const locator = document.querySelector('aide-panel')!.shadowRoot!.querySelector('aide-locator')!;
    const root = locator.shadowRoot!;
    const input = root.querySelector<HTMLInputElement>('#location')!;
    input.value = postcode;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const previous = root.querySelector('#results-title')?.textContent ?? '';
    const start = performance.now();
    root.querySelector('form')!.requestSubmit();
    for (;;) {
      await new Promise(requestAnimationFrame);
      const title = root.querySelector('#results-title')?.textContent ?? '';
      if (root.querySelector('.place') && title !== previous) break;
      if (performance.now() - start > 10_000) throw new Error(`no results for ${postcode}`);
    }
    // The frame that shows them.
    await new Promise(requestAnimationFrame);
    return performance.now() - start;
  }, code);
}

const { base, browser, stop } = await startDemoBrowser();
async function openLocator(page: Page) {
  await page.goto(`${base}/`);
  await page.locator('aide-help[data-floating]').getByRole('button').click();
  await page.locator('aide-panel').locator('.entry[data-view=locator]').click();
  await page.locator('aide-locator').getByRole('combobox').waitFor();
}
// Big cities: the fullest shards. Consecutive searches differ, so the results title changes each time.
const codes = big.map((c) => c.codesPostaux[0]!).filter((c) => /^\d{5}$/.test(c));
const cold: number[] = [];
const warm: number[] = [];
try {
  for (const code of codes.slice(0, 12)) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await openLocator(page);
    cold.push(await submitToRendered(page, code));
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openLocator(page);
  for (const code of codes) await submitToRendered(page, code); // data in memory
  for (const code of codes) warm.push(await submitToRendered(page, code));
  await context.close();
} finally {
  await stop();
}
const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log('\nLocator in chromium: submit → results rendered (postal codes of the 30 biggest communes)');
console.log(`  cold cache (data fetched from the server)  p50 ${ms(percentile(cold, 50))}  p95 ${ms(percentile(cold, 95))}  max ${ms(Math.max(...cold))}`);
console.log(`  warm (data already on the page)            p50 ${ms(percentile(warm, 50))}  p95 ${ms(percentile(warm, 95))}  max ${ms(Math.max(...warm))}`);
console.log(`  target < 100 ms: ${percentile(warm, 95) < 100 && percentile(cold, 95) < 100 ? 'ok, cold and warm' : percentile(warm, 95) < 100 ? 'ok warm, cold over' : 'MISSED'}`);

// 4. the locator chunk.
const chunk = readdirSync(join(root, 'dist/aide/chunks')).find((f) => f.startsWith('locator-'))!;
console.log(`\nLocator chunk: chunks/${chunk} ${kb(gzipSync(readFileSync(join(root, 'dist/aide/chunks', chunk)), { level: 9 }).length)} gzip (the panel and shared chunks: scripts/check-budgets.ts)`);
