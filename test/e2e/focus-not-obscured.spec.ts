/**
 * Focus not obscured (WCAG 2.2 2.4.11, issue 9 §3) on a large screen. The docked panel gives its width to the page's
 * flow, but what the page fixes at its end side stays under it: /entete-fixe.html has a fixed header whose account
 * links sit at the end side and a fixed « Haut de page » button at the bottom of the end side. Tabbing through the
 * page with the panel open, every control that gets the focus must be seen: the panel shrinks to its bar (the
 * tutorial step kept), and the bar moves to the other side of the screen when it would cover the focused control.
 * In French (panel docked on the right) and on an Arabic right-to-left page (docked on the left).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { checkState } from '../a11y/harness.ts';

const panel = (page: Page) => page.locator('aide-panel').getByRole('dialog');
const walkthrough = (page: Page) => page.locator('aide-walkthrough');

/** Whether the focused control of the page is covered by anything of the widget: what is at its centre, and the boxes. */
const focusedControl = (page: Page) =>
  page.evaluate(() => {
    const control = document.activeElement as HTMLElement;
    const box = control.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    const widget = [...document.querySelector('aide-panel')!.shadowRoot!.querySelectorAll('.panel, .bar')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    const covered = widget.some((r) => r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom);
    return { name: (control.textContent ?? '').trim(), atCentre: !!hit && (hit === control || control.contains(hit)), covered };
  });

/** The page's fixed controls that the open, docked panel covers. */
const fixedControlsUnderPanel = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector('aide-panel')!.shadowRoot!.querySelector('.panel')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.account a, .to-top')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return box.left < r.right && r.left < box.right && box.top < r.bottom && r.top < box.bottom;
      })
      .map((el) => (el.textContent ?? '').trim());
  });

for (const { locale, dir } of [
  { locale: 'fr', dir: 'ltr' },
  { locale: 'ar', dir: 'rtl' },
] as const) {
  test(`${dir} (${locale}): Tab through a fixed header and « Haut de page » with the panel open, every focused control is seen`, async ({ page }) => {
    if (dir === 'rtl') {
      await page.route('**/entete-fixe.html', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace('<html lang="fr">', '<html lang="ar" dir="rtl">') });
      });
    }
    await page.goto('/entete-fixe.html');
    await page.locator('aide-help[data-floating]').getByRole('button').click();
    await expect(panel(page)).toBeVisible();
    await expect(page.locator('aide-panel')).toHaveAttribute('dock', dir === 'rtl' ? 'left' : 'right');
    // The person is following a tutorial: that place must be kept.
    await page.locator('aide-panel').locator('.entry[data-view=tutorials]').click();
    await walkthrough(page).getByRole('button', { name: /Faire une demande d'aide au logement à la CAF/ }).first().click();
    const progress = walkthrough(page).locator('#progress');
    await expect(progress).toHaveText(/\d+.*\d+/);
    const step = await progress.textContent();
    // What makes this page a test: the docked panel covers its fixed controls.
    expect(await fixedControlsUnderPanel(page)).toEqual(['Mes démarches', 'Mon compte', 'Se déconnecter', 'Haut de page']);

    // From the last language link, which the panel does not cover, through the page to « Haut de page ».
    await page.locator('.lang-switch a').last().focus();
    const seen: string[] = [];
    for (let i = 0; i < 30 && !seen.includes('Haut de page'); i++) {
      await page.keyboard.press('Tab');
      const focused = await focusedControl(page);
      seen.push(focused.name);
      expect(focused, `« ${focused.name} » is seen when it has the focus`).toMatchObject({ atCentre: true, covered: false });
    }
    expect(seen.slice(0, 3)).toEqual(['Mes démarches', 'Mon compte', 'Se déconnecter']);
    expect(seen.at(-1)).toBe('Haut de page');

    // The panel is its bar, which tells the tutorial step; F6 brings the panel back at the same step.
    const bar = page.locator('aide-panel').locator('[part=bar]');
    await expect(panel(page)).toBeHidden();
    await expect(bar).toBeVisible();
    // It left « Haut de page » (bottom, end side) for the other side, and covers nothing of the page's header.
    await expect(bar).toHaveClass(/\bmoved\b/);
    const [barBox, toTop] = [await bar.boundingBox(), await page.locator('.to-top').boundingBox()];
    if (dir === 'ltr') expect(barBox!.x + barBox!.width).toBeLessThan(toTop!.x);
    else expect(barBox!.x).toBeGreaterThan(toTop!.x + toTop!.width);
    expect(barBox!.y).toBeGreaterThan(400);
    if (dir === 'ltr') {
      await expect(bar).toContainText(step!);
      // The page back at its top: scrolled, its text under its own fixed header leaves axe unsure of the header's colours.
      await page.evaluate(() => window.scrollTo(0, 0));
      await checkState(page, { name: 'panel: reduced to its bar on a large screen (a fixed page control had the focus)', widget: 'aide-panel' });
      await page.locator('.to-top').focus();
    }
    await page.keyboard.press('F6');
    await expect(panel(page)).toBeVisible();
    await expect(progress).toHaveText(step!);
    await expect(page.locator('aide-panel').getByRole('heading', { level: 2 })).toBeFocused();
  });
}
