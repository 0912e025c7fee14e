/**
 * The launcher and the panel, end to end on the demo pages, with the built aide.js.
 */
import { test, expect, deepFocus, hostPage } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { checkState, countClicks, expectStays } from '../a11y/harness.ts';

const launcher = (page: Page) => page.locator('aide-help[data-floating]').getByRole('button');
const panel = (page: Page) => page.locator('aide-panel').getByRole('dialog');

test.describe('launcher and panel', () => {
  test('closed: the launcher is the only thing the widget shows, and passes every check', async ({ page }) => {
    await page.goto('/');
    await expect(launcher(page)).toHaveText("Besoin d'aide ?");
    await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('aide-panel')).toHaveCount(0);
    await checkState(page, { name: 'panel: closed', widget: 'aide-help' });
  });

  test('keyboard-only journey: launcher, heading, Tab order, F6 and back, Escape', async ({ page }) => {
    await page.goto('/');
    // Tab from the top of the page until the floating launcher (last in the page) has focus.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      const focus = await deepFocus(page);
      reached = focus.tag === 'button' && focus.text === "Besoin d'aide ?" && (await launcher(page).evaluate((b) => b === (b.getRootNode() as ShadowRoot).activeElement));
    }
    expect(reached, 'Tab reaches the floating launcher').toBe(true);
    await page.keyboard.press('Enter');
    await expect(panel(page)).toBeVisible();
    await expect.poll(() => deepFocus(page)).toMatchObject({ tag: 'h2', text: 'Comment pouvons-nous vous aider ?' });

    // Tab walks the panel in a logical order: page link, close, then the entries.
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      order.push((await deepFocus(page)).text);
    }
    expect(order[0]).toBe('Revenir à la page');
    expect(order[1]).toBe('Fermer l’aide');

    // F6 goes to the page, where the person was (the launcher was the last page element focused → main).
    await page.getByLabel('Montant du loyer mensuel, hors charges (en euros)').focus();
    await page.keyboard.press('F6');
    await expect.poll(() => deepFocus(page)).toMatchObject({ tag: 'h2' });
    await page.keyboard.press('F6');
    await expect.poll(async () => page.evaluate(() => document.activeElement?.id)).toBe('loyer');

    // The visible "Revenir à la page" button does the same.
    await page.keyboard.press('F6');
    await panel(page).getByRole('button', { name: 'Revenir à la page' }).click();
    await expect.poll(async () => page.evaluate(() => document.activeElement?.id)).toBe('loyer');

    // Escape closes and gives focus back to the launcher.
    await page.keyboard.press('F6');
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    await expect(launcher(page)).toBeVisible();
    await expect(launcher(page)).toBeFocused();
    await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');
  });

  test('open: every check passes; the close button returns focus to the launcher', async ({ page }) => {
    await page.goto('/');
    await launcher(page).click();
    await expect(panel(page)).toBeVisible();
    await expect(panel(page)).toHaveAccessibleName('Aide numérique');
    await checkState(page, { name: 'panel: open (home)', widget: 'aide-panel' });
    await panel(page).getByRole('button', { name: 'Fermer l’aide' }).click();
    await expect(panel(page)).toBeHidden();
    await expect(launcher(page)).toBeFocused();
  });

  test('large screen: the page stays usable while the panel is open (no overlay)', async ({ page }) => {
    await page.goto('/');
    await launcher(page).click();
    await expect(panel(page)).toBeVisible();
    const field = page.getByLabel('Montant du loyer mensuel, hors charges (en euros)');
    // The field is not covered: the element at its centre is the field itself.
    const box = (await field.boundingBox())!;
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.id, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(hit).toBe('loyer');
    await field.click();
    await page.keyboard.type('450');
    await page.getByLabel('Type de logement').selectOption('Location vide');
    await expect(field).toHaveValue('450');
    await expect(panel(page)).toBeVisible();
  });

  test('small screen: full viewport, reduced to a bar that stays visible and reopens where it was', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 700 });
    await page.goto('/');
    await launcher(page).click();
    const box = (await panel(page).boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(374);
    expect(box.height).toBeGreaterThanOrEqual(699);
    await panel(page).getByRole('button', { name: 'Réduire' }).click();
    const bar = page.locator('aide-panel').getByRole('button', { name: /Afficher/ });
    await expect(bar).toBeVisible();
    await expect(bar).toBeFocused();
    await expect(panel(page)).toBeHidden();
    await checkState(page, { name: 'panel: reduced bar (small screen)', widget: 'aide-panel' });
    // The page is usable above the bar.
    await page.getByLabel('Nom du propriétaire ou de l’agence'.replace('’', "'")).fill('Agence du centre');
    await bar.click();
    await expect(panel(page)).toBeVisible();
    await expect.poll(() => deepFocus(page)).toMatchObject({ tag: 'h2', text: 'Comment pouvons-nous vous aider ?' });
    // F6 on a small screen shrinks the panel to its bar before going to the page.
    await page.keyboard.press('F6');
    await expect(bar).toBeVisible();
  });

  test('panel state survives navigation between the pages of the procedure, without stealing focus', async ({ page }) => {
    await page.goto('/');
    await launcher(page).click();
    await expect(panel(page)).toBeVisible();
    await page.locator('#continuer').click();
    await page.waitForURL(/etape-3/);
    await expect(panel(page)).toBeVisible();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    // Closing on this page (its launcher is placed inline by the page) is remembered too.
    await panel(page).getByRole('button', { name: 'Fermer l’aide' }).click();
    await expect(page.locator('aide-help').getByRole('button')).toBeFocused();
    await page.goBack();
    await expect(launcher(page)).toBeVisible();
    await expect(page.locator('aide-panel')).toHaveCount(0);
  });

  for (const [locale, label, title, dir] of [
    ['en', 'Need help?', 'How can we help you?', 'ltr'],
    ['ar', 'هل تحتاج إلى مساعدة؟', 'كيف يمكننا مساعدتك؟', 'rtl'],
  ] as const) {
    test(`locale ${locale}: launcher and panel translated (${dir}), page language untouched`, async ({ page }) => {
      await page.goto(`/?locale=${locale}`);
      await expect(launcher(page)).toHaveText(label);
      await launcher(page).click();
      await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(title);
      await expect(page.locator('aide-panel')).toHaveAttribute('dir', dir);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      const box = (await panel(page).boundingBox())!;
      // Docked on the page's end side whatever the widget's language: the right of this French page, also in
      // Arabic (on the left it would cover the page's start: its skip link, its logo).
      expect(box.x + box.width).toBeGreaterThan(1275);
      await checkState(page, { name: `panel: open (${locale})`, widget: 'aide-panel', lang: locale });
    });
  }

  test('strict CSP and Trusted Types: no violation, the widget works', async ({ page }) => {
    const response = await page.goto('/csp.html');
    expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
    await launcher(page).click();
    await expect(panel(page)).toBeVisible();
    await panel(page).getByRole('button', { name: 'Fermer l’aide' }).click();
    await expect(launcher(page)).toBeFocused();
  });

  test('a hostile host stylesheet does not break the widget', async ({ page }) => {
    await page.goto('/hostile.html');
    await expect(launcher(page)).toBeVisible();
    const before = await launcher(page).boundingBox();
    expect(before!.width).toBeGreaterThan(40);
    await launcher(page).click();
    await expect(panel(page)).toBeVisible();
    const close = panel(page).getByRole('button', { name: 'Fermer l’aide' });
    await expect(close).toBeVisible();
    const panelBox = (await panel(page).boundingBox())!;
    // Within a hundredth of a pixel: the panel is sized in em, and layout gives 640.00006 for 40 em.
    expect(panelBox.width).toBeLessThanOrEqual(1280 * 0.5 + 0.01);
    await close.click();
    await expect(launcher(page)).toBeFocused();
  });

  test('loaded twice: one launcher, no error', async ({ page }) => {
    await hostPage(
      page,
      '/twice.html',
      '<p>Deux balises.</p><script src="/aide/aide.js" defer></script><script src="/aide/aide.js" defer></script>',
    );
    await expect(page.locator('aide-help')).toHaveCount(1);
    await launcher(page).click();
    await expect(page.locator('aide-panel')).toHaveCount(1);
  });

  test('configuration: wrong values warn once, naming the attribute and accepted values; defaults are kept', async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await hostPage(
      page,
      '/config.html',
      '<script src="/aide/aide.js" data-position="milieu" data-locale="de" data-color="#ffcc00" data-entries="tutorials,chat" defer></script>',
    );
    await expect(launcher(page)).toHaveText("Besoin d'aide ?");
    const box = (await launcher(page).boundingBox())!;
    expect(box.x + box.width).toBeGreaterThan(1200); // bottom-right, the default
    expect(warnings.filter((w) => w.includes('data-position'))).toHaveLength(1);
    expect(warnings.find((w) => w.includes('data-position'))).toContain('bottom-right, bottom-left, inline, none');
    expect(warnings.find((w) => w.includes('data-locale'))).toContain('fr, en, ar, auto');
    expect(warnings.find((w) => w.includes('data-color'))).toContain('4,5:1');
    expect(warnings.find((w) => w.includes('data-entries'))).toContain('tutorials, locator, feedback');
    expect(warnings).toHaveLength(4);
  });

  test('configuration precedence: window.AideConfig < data-* < <aide-help> attributes', async ({ page }) => {
    await hostPage(
      page,
      '/precedence.html',
      '<aide-help locale="ar"></aide-help><script src="/aide/aide.js" data-locale="en" data-position="none" defer></script>',
      '<script src="/assets/config.js"></script>',
    );
    // data-position="none": no floating launcher; the inline one follows its own attribute.
    await expect(page.locator('aide-help[data-floating]')).toHaveCount(0);
    await expect(page.locator('aide-help').getByRole('button')).toHaveText('هل تحتاج إلى مساعدة؟');
  });

  test('custom brand colour: applied, and contrast still passes in light and dark', async ({ page }) => {
    await hostPage(page, '/brand.html', '<script src="/aide/aide.js" data-color="#6a1b9a" defer></script>');
    const background = await launcher(page).evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(background).toBe('rgb(106, 27, 154)');
    // The closed state too: the launcher alone, in the brand colour, light and dark.
    await checkState(page, { name: 'launcher: custom colour', widget: 'aide-help' });
    await launcher(page).click();
    await expect(panel(page)).toBeVisible();
    await checkState(page, { name: 'panel: open (custom colour)', widget: 'aide-panel' });
  });

  test('pointer cancellation and no single-key shortcut (RGAA 13.11, 12.10)', async ({ page }) => {
    await page.goto('/');
    const box = (await launcher(page).boundingBox())!;
    // Pressing on the launcher then sliding away before releasing does nothing: no click reaches it.
    const clicks = await countClicks(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x - 200, box.y - 200);
    await page.mouse.up();
    await expectStays(page, clicks, 0, 'RGAA 13.11: sliding away before release cancels the press');
    await expect(page.locator('aide-panel')).toHaveCount(0);
    // Letters typed in the page never trigger the widget.
    await page.locator('main h1').click();
    for (const key of ['a', 'h', '?', 'f', '6']) await page.keyboard.press(key);
    await expectStays(page, () => page.locator('aide-panel').count(), 0, 'RGAA 12.10: a letter typed in the page opens nothing');
  });

  test('inline launcher placed by the host opens the same panel', async ({ page }) => {
    await page.goto('/etape-3.html');
    await expect(page.locator('aide-help[data-floating]')).toHaveCount(0);
    const inline = page.locator('aide-help:not([data-floating])').getByRole('button');
    await inline.click();
    await expect(panel(page)).toBeVisible();
    await expect(inline).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(inline).toBeFocused();
  });
});
