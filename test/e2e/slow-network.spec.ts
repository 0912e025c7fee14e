/**
 * Never silent, never stuck (issue 9): on a slow network every activation shows and says that it waits, at once, and
 * a wait that does not end gives a clear message and a way to try again. The widget's code and data are held back
 * with page.route, as a slow or broken network would; the page sets the shortest timeout (data-timeout="3").
 */
import { test, expect } from './fixtures.ts';
import type { Page, Route } from '@playwright/test';
import { checkState } from '../a11y/harness.ts';

const launcher = (page: Page) => page.locator('aide-help[data-floating]').getByRole('button');
const panel = (page: Page) => page.locator('aide-panel').getByRole('dialog');

/** Holds the requests matching `pattern` until `release()`, which lets them through (a slow network). */
async function holdBack(page: Page, pattern: string) {
  const held: Route[] = [];
  let holding = true;
  await page.route(pattern, (route) => {
    if (holding) held.push(route);
    else void route.continue();
  });
  return {
    held,
    release: async () => {
      holding = false;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

/** The demo's procedure page, with a 3 s timeout. */
async function slowPage(page: Page) {
  await page.route('**/lent.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body:
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
        '<title>Page lente</title><link rel="icon" href="/favicon.svg">' +
        '<script src="/aide/aide.js" data-procedure="demande-logement" data-timeout="3" defer></script></head>' +
        '<body><main><h1>Page lente</h1><p>Une démarche sur un réseau lent.</p></main></body></html>',
    }),
  );
  await page.goto('/lent.html');
  await expect(launcher(page)).toBeVisible();
}

/** What the launcher's own live region says. */
const launcherStatus = (page: Page) => page.locator('aide-help[data-floating]').getByRole('status');

test.describe('never silent, never stuck', () => {
  test('the panel’s code on its way: the press shows and says it at once; a code that does not come is told, and the next press opens', async ({ page }) => {
    const code = await holdBack(page, '**/chunks/panel-*.js');
    await slowPage(page);
    // Busy in the very task of the press: no frame without feedback.
    const busyAtOnce = await launcher(page).evaluate((button) => {
      (button as HTMLButtonElement).click();
      return button.hasAttribute('data-busy');
    });
    expect(busyAtOnce, 'the launcher is marked busy in the same task as the press').toBe(true);
    await expect(launcherStatus(page)).toHaveText('Ouverture de l’aide…');
    // The code does not come within the timeout: said, and the launcher is itself again.
    await expect(launcherStatus(page)).toHaveText('L’aide n’a pas pu s’ouvrir. Vérifiez votre connexion, puis réessayez.', { timeout: 10_000 });
    await expect(launcher(page)).not.toHaveAttribute('data-busy', '');
    await expect(page.locator('aide-panel')).toHaveCount(0);
    // The network recovers: the next press opens the panel.
    await code.release();
    await launcher(page).click();
    await expect(panel(page)).toBeVisible();
    await expect(page.locator('aide-panel').getByRole('heading', { level: 2 })).toBeFocused();
  });

  test('a view whose code does not come: « Chargement… » at once, then the message and « Réessayer », which works once the network does', async ({ page }) => {
    const code = await holdBack(page, '**/chunks/walkthrough-*.js');
    await slowPage(page);
    await launcher(page).click();
    await expect(panel(page)).toBeVisible();
    await panel(page).getByRole('button', { name: /Suivre un tutoriel/ }).click();
    await expect(panel(page).getByText('Chargement…')).toBeVisible();
    await expect(page.locator('aide-live-region')).toContainText('Chargement…');
    await expect(panel(page).getByText('Cette partie de l’aide n’a pas pu être chargée.')).toBeVisible({ timeout: 10_000 });
    await expect(page.locator('aide-live-region')).toContainText('Cette partie de l’aide n’a pas pu être chargée.');
    await checkState(page, { name: 'panel: a view that could not be loaded', widget: 'aide-panel' });
    await code.release();
    await panel(page).getByRole('button', { name: 'Réessayer' }).click();
    await expect(page.locator('aide-walkthrough')).toBeVisible();
    await expect(panel(page).getByText('Cette partie de l’aide n’a pas pu être chargée.')).toHaveCount(0);
  });
});

test.describe('small on the wire', () => {
  test('the demo sends the precompressed copies the build wrote: Brotli when accepted, else gzip, for code and data', async ({ page }) => {
    await page.goto('/');
    const loader = await page.evaluate(() => new URL(document.querySelector('script[src$="aide.js"]')!.getAttribute('src')!, location.href).href);
    const panelChunk = await page.evaluate(async () => {
      const loader = await (await fetch('/aide/aide.js')).text();
      return `/aide/chunks/${/panel-[\w-]+\.js/.exec(loader)![0]}`;
    });
    for (const path of [new URL(loader).pathname, panelChunk, '/aide/tutorials/index.json', '/aide/places/index.json']) {
      const br = await page.request.get(path, { headers: { 'Accept-Encoding': 'br, gzip' } });
      expect(br.status(), path).toBe(200);
      expect(br.headers()['content-encoding'], `${path} in Brotli`).toBe('br');
      expect(br.headers()['vary'], path).toMatch(/Accept-Encoding/i);
      const gz = await page.request.get(path, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(gz.headers()['content-encoding'], `${path} in gzip`).toBe('gzip');
      expect(await gz.body(), `${path}: the same content`).toEqual(await br.body());
    }
    // The browser itself receives the panel's code compressed.
    await page.locator('aide-help[data-floating]').getByRole('button').click();
    await expect(page.locator('aide-panel').getByRole('dialog')).toBeVisible();
    const sizes = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\/chunks\/panel-/.test(e.name))
        .map((e) => ({ encoded: (e as PerformanceResourceTiming).encodedBodySize, decoded: (e as PerformanceResourceTiming).decodedBodySize })),
    );
    expect(sizes.length).toBeGreaterThan(0);
    for (const { encoded, decoded } of sizes) expect(encoded, 'bytes on the wire').toBeLessThan(decoded / 2);
  });
});
