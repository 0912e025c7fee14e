/**
 * Regenerates the screenshots of the tutorial « Faire une demande d'aide au logement à la CAF »
 * (tutorials/images/demande-aide-logement-N.png) from the demo's own procedure pages (demo/index.html,
 * demo/etape-3.html), so the pictures always show the fields the tutorial's « Me montrer » lines point at.
 *
 * Only the procedure pages are served (no widget), on a free port of 127.0.0.1, in Debian's Chromium.
 * Usage: node --import tsx scripts/tutorial-screenshots.ts [--check]
 *   --check  regenerate into a temporary folder and fail if a picture is missing or over the 150 KB budget.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { chromium, type Locator, type Page } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUDGET_BYTES = 150 * 1024;
const check = process.argv.includes('--check');
const outDir = check ? mkdtempSync(join(tmpdir(), 'aide-screenshots-')) : join(root, 'tutorials/images');

interface Shot {
  file: string;
  page: string;
  /** Fills the form as the tutorial's example does, then returns the region to photograph. */
  prepare(page: Page): Promise<Locator[]>;
}

const field = (page: Page, id: string) => page.locator(`#${id}`).locator('xpath=ancestor::div[contains(@class,"field")][1]');

const SHOTS: Shot[] = [
  { file: 'demande-aide-logement-1.png', page: '/index.html', async prepare(page) { await page.selectOption('#type-logement', 'Location vide'); return [field(page, 'type-logement')]; } },
  { file: 'demande-aide-logement-2.png', page: '/index.html', async prepare(page) { await page.fill('#date-entree', '01/09/2026'); return [field(page, 'date-entree')]; } },
  { file: 'demande-aide-logement-3.png', page: '/index.html', async prepare(page) { await page.fill('#loyer', '450'); return [field(page, 'loyer')]; } },
  { file: 'demande-aide-logement-4.png', page: '/index.html', async prepare(page) { await page.fill('#charges', '50'); return [field(page, 'charges')]; } },
  { file: 'demande-aide-logement-5.png', page: '/index.html', async prepare(page) { await page.fill('#proprietaire', 'Agence du Centre'); return [field(page, 'proprietaire')]; } },
  { file: 'demande-aide-logement-6.png', page: '/index.html', async prepare(page) { await page.fill('#code-postal', '59000'); return [field(page, 'code-postal'), page.locator('#continuer')]; } },
  { file: 'demande-aide-logement-7.png', page: '/etape-3.html', async prepare(page) { return [page.locator('.stepper'), field(page, 'salaires')]; } },
];

function serveDemo(): Promise<Server> {
  const demo = sirv(join(root, 'demo'), { dev: true, extensions: ['html'] });
  const server = createServer((req, res) =>
    demo(req, res, () => {
      res.statusCode = 404; // the widget (/aide/…) is not needed for the pictures
      res.end();
    }),
  );
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function regionOf(page: Page, parts: Locator[]) {
  // boundingBox() is relative to the viewport; the full-page clip wants page coordinates.
  const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  const boxes = await Promise.all(parts.map(async (p) => (await p.boundingBox()) ?? Promise.reject(new Error(`Élément introuvable : ${p.toString()}`))));
  const margin = 8;
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + margin;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + margin;
  return { x: x + scroll.x, y: y + scroll.y, width: right - x, height: bottom - y };
}

const server = await serveDemo();
const { port } = server.address() as AddressInfo;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
let failed = 0;
try {
  // A phone-sized page, as most people follow the tutorials on a phone; 2x for sharp text once zoomed.
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, deviceScaleFactor: 2, locale: 'fr-FR', reducedMotion: 'reduce' });
  mkdirSync(outDir, { recursive: true });
  for (const shot of SHOTS) {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}${shot.page}`, { waitUntil: 'domcontentloaded' });
    const parts = await shot.prepare(page);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // no focus ring in the pictures
    const path = join(outDir, shot.file);
    await page.screenshot({ path, fullPage: true, clip: await regionOf(page, parts), animations: 'disabled', caret: 'hide' });
    const bytes = statSync(path).size;
    const ok = bytes > 0 && bytes <= BUDGET_BYTES;
    if (!ok) failed++;
    console.log(`${ok ? 'ok  ' : 'TROP'} ${shot.file} ${(bytes / 1024).toFixed(1)} Ko`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${SHOTS.length - failed} images prêtes dans ${outDir}${failed ? `, ${failed} hors budget (150 Ko)` : ''}`);
process.exit(failed ? 1 : 0);
