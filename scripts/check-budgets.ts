/**
 * Size and cost benchmark of the built widget (dist/aide), against budgets.json:
 *  - what a page downloads before anyone clicks: aide.js (loader + launcher), gzip;
 *  - the panel with any one component: the panel chunk, the component chunk and every chunk they import
 *    statically, each counted once, gzip; <aide-experiences>, which the panel never shows, alone in the same budget;
 *  - measured in Debian's chromium on the demo page: main-thread script time the loader adds, and the
 *    layout shift it causes (must be 0).
 * Prints a table; exits non-zero only when a budget is exceeded. Last line: "budgets: N passed, N failed".
 * Usage: node --import tsx scripts/check-budgets.ts [--no-browser]
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startDemoBrowser } from './demo-browser.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist/aide');
const budgets = JSON.parse(readFileSync(join(root, 'budgets.json'), 'utf8')) as {
  loaderGzipBytes: number;
  panelWithComponentGzipBytes: number;
  layoutShift: number;
};
const { values } = parseArgs({ options: { 'no-browser': { type: 'boolean', default: false } } });

const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Chunk files statically imported by a chunk, transitively (dynamic import() is lazy, not counted). */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  for (const match of code.matchAll(/(?:import|export)\s*(?:[\w*${},\s]*?from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
    staticClosure(join('chunks', match[1]!.slice(2)), seen);
  }
  return seen;
}

interface Row {
  name: string;
  raw: number;
  gzip: number;
  budget?: number;
}
const rows: Row[] = [];
let passed = 0;
let failed = 0;
const verdict = (ok: boolean) => {
  if (ok) passed++;
  else failed++;
  return ok ? 'ok' : 'OVER BUDGET';
};

if (!existsSync(join(dist, 'aide.js'))) {
  console.error('dist/aide/aide.js absent : lancez `pnpm run build` d’abord.');
  console.log('budgets: 0 passed, 1 failed');
  process.exit(1);
}

const loader = join(dist, 'aide.js');
rows.push({ name: 'aide.js (loader + launcher)', raw: readFileSync(loader).length, gzip: gzipSize(loader), budget: budgets.loaderGzipBytes });

// The chunks themselves, not the .br and .gz copies the build writes beside them.
const chunkNames = readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js'));
const entryFile = (name: string) => chunkNames.find((f) => f.startsWith(`${name}-`));
const panel = entryFile('panel');
for (const component of ['walkthrough', 'locator', 'feedback']) {
  const file = entryFile(component);
  if (!panel || !file) continue;
  const files = new Set([...staticClosure(join('chunks', panel)), ...staticClosure(join('chunks', file))]);
  const raw = [...files].reduce((sum, f) => sum + readFileSync(join(dist, f)).length, 0);
  const gzip = [...files].reduce((sum, f) => sum + gzipSize(join(dist, f)), 0);
  rows.push({ name: `panel + ${component} (${files.size} chunks)`, raw, gzip, budget: budgets.panelWithComponentGzipBytes });
}
// Placed by the page alone, without the panel: its own chunk and what it imports, within the same budget.
for (const component of ['experiences']) {
  const file = entryFile(component);
  if (!file) continue;
  const files = staticClosure(join('chunks', file));
  const raw = [...files].reduce((sum, f) => sum + readFileSync(join(dist, f)).length, 0);
  const gzip = [...files].reduce((sum, f) => sum + gzipSize(join(dist, f)), 0);
  rows.push({ name: `${component} alone (${files.size} chunks)`, raw, gzip, budget: budgets.panelWithComponentGzipBytes });
}
for (const file of chunkNames.sort()) {
  rows.push({ name: `  chunks/${file}`, raw: readFileSync(join(dist, 'chunks', file)).length, gzip: gzipSize(join(dist, 'chunks', file)) });
}

console.log('\nWidget size (minified; gzip -9)\n');
console.log('entry'.padEnd(44) + 'minified'.padStart(11) + 'gzip'.padStart(11) + 'budget'.padStart(11) + '  verdict');
for (const row of rows) {
  const status = row.budget === undefined ? '' : verdict(row.gzip <= row.budget);
  console.log(
    row.name.padEnd(44) + kb(row.raw).padStart(11) + kb(row.gzip).padStart(11) + (row.budget ? kb(row.budget) : '').padStart(11) + '  ' + status,
  );
}

async function measureInBrowser() {
  const { base, browser, stop } = await startDemoBrowser();
  try {
    /** Script and task time of one page load, with or without the widget, before anyone clicks. */
    async function load(withWidget: boolean) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // Chunks are held back: this measures the loader and launcher only, not the idle-time preload.
      await page.route('**/aide/chunks/**', () => {});
      if (!withWidget) await page.route('**/aide/aide.js', (route) => route.fulfill({ body: '', contentType: 'text/javascript' }));
      await page.addInitScript(() => {
        (window as unknown as { __cls: number }).__cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(base + '/', { waitUntil: 'load' });
      await page.waitForTimeout(300);
      if (withWidget) await page.locator('aide-help[data-floating]').getByRole('button').waitFor();
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
      const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      await context.close();
      return { script: metric('ScriptDuration'), task: metric('TaskDuration'), cls };
    }
    const runs = 7;
    const withW: number[] = [];
    const without: number[] = [];
    let worstCls = 0;
    for (let i = 0; i < runs; i++) {
      const a = await load(true);
      const b = await load(false);
      withW.push(a.script);
      without.push(b.script);
      worstCls = Math.max(worstCls, a.cls - b.cls, a.cls);
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const loaderMs = Math.max(0, median(withW) - median(without));
    console.log(`\nMeasured in chromium on the demo page (median of ${runs} loads, chunks held back)\n`);
    console.log(`main-thread script time added by aide.js   ${loaderMs.toFixed(1)} ms (with ${median(withW).toFixed(1)} ms, without ${median(without).toFixed(1)} ms)`);
    console.log(`cumulative layout shift caused             ${worstCls.toFixed(4)}  (budget ${budgets.layoutShift})  ${verdict(worstCls <= budgets.layoutShift)}`);
  } finally {
    await stop();
  }
}

if (!values['no-browser']) await measureInBrowser();
console.log(`\nbudgets: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
