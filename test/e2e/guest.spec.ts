/**
 * A good guest (issue 9): on pages whose own rules style every child of the body (DSFR, GOV.UK and others set
 * display, margins or padding there), the widget changes nothing in the host's layout, the document's height
 * included, closed, opened and closed again.
 */
import type { Page } from '@playwright/test';
import { test, expect, hostPage } from './fixtures.ts';

const launcher = (page: Page) => page.locator('aide-help[data-floating]').getByRole('button');
const panel = (page: Page) => page.locator('aide-panel').getByRole('dialog');

/** The page's own boxes: the document's height and the position of its last paragraph. */
const layout = (page: Page) =>
  page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    bodyHeight: document.body.getBoundingClientRect().height,
    lastTop: document.querySelector('#fin')!.getBoundingClientRect().top + window.scrollY,
  }));

test('the widget takes no room in a page that styles every child of the body: closed, opened, closed again', async ({ page }) => {
  await page.route('**/invitee.css', (route) =>
    route.fulfill({
      contentType: 'text/css',
      body: 'body > * { display: block !important; margin: 24px 0 !important; padding: 12px !important; border: 2px solid; } aide-help { display: inline-block; min-height: 48px; }',
    }),
  );
  await hostPage(
    page,
    '/invitee.html',
    '<p>Une démarche.</p><p id="fin">Fin de la page.</p><script src="/aide/aide.js" defer></script>',
    '<link rel="stylesheet" href="/invitee.css">',
  );
  await expect(launcher(page)).toBeVisible();
  const closed = await layout(page);
  await launcher(page).click();
  await expect(panel(page)).toBeVisible();
  const opened = await layout(page);
  await page.keyboard.press('Escape');
  await expect(panel(page)).toBeHidden();
  const closedAgain = await layout(page);
  // The same page without anything of the widget.
  await page.evaluate(() => document.querySelectorAll('aide-help, aide-panel, aide-live-region').forEach((e) => e.remove()));
  const bare = await layout(page);
  expect(closed, 'closed').toEqual(bare);
  expect(opened, 'opened').toEqual(bare);
  expect(closedAgain, 'closed again').toEqual(bare);
});

test('under a strict CSP (/csp.html), a tutorial step and its progress bar cause no violation', async ({ page }) => {
  // The fixture fails the test on any CSP violation.
  await page.goto('/csp.html');
  await launcher(page).click();
  await page.locator('aide-panel').locator('.entry[data-view=tutorials]').click();
  const walkthrough = page.locator('aide-walkthrough');
  await walkthrough.getByRole('button', { name: /Faire une demande d'aide au logement à la CAF/ }).first().click();
  // The page is at step 2 of its procedure: the tutorial opens at its step for it (« Vous êtes ici »), not its overview.
  await expect(walkthrough.locator('#progress')).toHaveText(/^Tutoriel : étape \d+ sur \d+$/);
  await walkthrough.getByRole('button', { name: 'Étape suivante' }).click();
  const bar = walkthrough.locator('.progress .bar');
  await expect(bar).toHaveAttribute('style', /width: \d+%/);
  expect(await bar.evaluate((e) => (e as HTMLElement).style.width)).toMatch(/^\d+%$/);
});
