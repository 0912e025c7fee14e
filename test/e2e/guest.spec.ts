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

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  /** What a person sees of the panel, then of its bar: where it is, and how its text is set. */
  async function panelLooks(page: Page) {
    await launcher(page).click();
    await expect(panel(page)).toBeVisible();
    const text = (selector: string) =>
      page.locator('aide-panel').locator(selector).first().evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.fontSize, s.fontFamily, s.lineHeight, s.letterSpacing, s.wordSpacing, s.textTransform, s.textAlign, s.textIndent, s.color].join(' | ');
      });
    const box = (selector: string) =>
      page.locator('aide-panel').locator(selector).evaluate(async (el) => {
        await Promise.all(el.getAnimations().map((a) => a.finished));
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: document.documentElement.clientWidth, height: innerHeight };
      });
    const looks = {
      panel: await box('.panel'),
      header: await box('.header'),
      heading: await text('h2'),
      entry: await text('.entry-title'),
      description: await text('.entry-description'),
      intro: await text('.body > p'),
      close: await box('.close'),
    };
    await panel(page).getByRole('button', { name: 'Réduire' }).click();
    const bar = page.locator('aide-panel').locator('.bar');
    await expect(bar).toBeVisible();
    return { ...looks, bar: await box('.bar'), barText: await text('.bar .button span') };
  }

  test('/hostile.html neither moves nor restyles the panel or its bar (body transformed, root font 200 %, text rules on *)', async ({ page }) => {
    await page.goto('/hostile.html');
    const hostile = await panelLooks(page);
    await page.evaluate(() => sessionStorage.clear());
    await page.goto('/');
    const neutral = await panelLooks(page);
    // From edge to edge of the screen, at the top; the bar at the bottom.
    expect(hostile.panel).toEqual({ left: 0, right: hostile.panel.width, top: 0, bottom: hostile.panel.height, width: 390, height: 844 });
    expect(hostile.bar.left).toBe(0);
    expect(hostile.bar.right).toBe(390);
    expect(hostile.bar.bottom).toBe(844);
    expect(hostile).toEqual(neutral);
  });

  test('content first: one compact header row, no keyboard hint on a touch screen, the accessibility link on the first screen', async ({ page }) => {
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 740 });
      await page.goto('/');
      // A new visit: the panel closed.
      await page.evaluate(() => sessionStorage.clear());
      await page.reload();
      await launcher(page).click();
      await expect(panel(page)).toBeVisible();
      const header = page.locator('aide-panel').locator('.header');
      const rows = await header.evaluate(async (el) => {
        // Where it rests, after its slide in.
        await Promise.all((el.parentElement as HTMLElement).getAnimations().map((a) => a.finished));
        const shown = [...el.querySelectorAll('h2, button')].filter((e) => e.getBoundingClientRect().width > 0);
        return shown.map((e) => {
          const r = e.getBoundingClientRect();
          return { name: e.textContent.trim(), top: r.top, bottom: r.bottom, left: r.left, right: r.right };
        });
      });
      // The title, « Réduire » and « Fermer l’aide », side by side within the screen: one row.
      expect(rows.map((r) => r.name), `${width}`).toEqual(['Comment pouvons-nous vous aider ?', 'Réduire', 'Fermer l’aide']);
      const [title, ...tools] = rows;
      for (const tool of tools) {
        expect(tool.top, `${width}: ${tool.name} in the title's row`).toBeLessThan(title!.bottom);
        expect(tool.bottom - tool.top, `${width}: ${tool.name} 44 px high`).toBeGreaterThanOrEqual(44);
        expect(tool.right - tool.left, `${width}: ${tool.name} 44 px wide`).toBeGreaterThanOrEqual(44);
        expect(tool.right, `${width}: ${tool.name} on screen`).toBeLessThanOrEqual(width);
      }
      expect((await header.boundingBox())!.height, `${width}: header height`).toBeLessThanOrEqual(80);
      // The buttons keep their names for screen readers; the dialog keeps its name.
      await expect(panel(page)).toHaveAccessibleName('Aide numérique');
      await expect(panel(page).getByText(/Touche F6/)).toBeHidden();
      await expect(page.locator('aide-panel').locator('.footer')).toBeHidden();
      // The content takes the rest of the screen.
      const body = (await page.locator('aide-panel').locator('.body').boundingBox())!;
      expect(body.height, `${width}: content height`).toBeGreaterThanOrEqual(740 - 80);
      // The accessibility statement is still one press away, on the first screen.
      const link = page.locator('aide-panel').locator('.body').getByRole('button', { name: /^Accessibilité : / });
      await link.click();
      await expect(panel(page).getByRole('heading', { level: 2, name: 'Accessibilité' })).toBeFocused();
    }
  });
});

/**
 * The views' sizes (headings, paddings, targets) follow the panel, which follows the person's text size: a page's
 * `html { font-size: 62.5% }` (rem become 10 px) does not shrink them, and the browser's text size setting still
 * enlarges them.
 */
test('a page root of 62.5 % does not shrink the views; the browser text size setting still enlarges them', async ({ page }) => {
  await page.goto('/');
  await launcher(page).click();
  await page.locator('aide-panel').locator('.entry[data-view=tutorials]').click();
  const browse = page.locator('aide-walkthrough').locator('#browse');
  await expect(browse).toBeVisible();
  const sizes = () =>
    browse.evaluate((heading) => {
      const root = heading.getRootNode() as ShadowRoot;
      const px = (el: Element, property: string) => parseFloat(getComputedStyle(el).getPropertyValue(property));
      const card = root.querySelector('.card')!;
      const search = root.querySelector('input')!;
      return {
        heading: px(heading, 'font-size'),
        headingMargin: px(heading, 'margin-block-end'),
        text: px(root.host, 'font-size'),
        cardPadding: px(card, 'padding-block-start'),
        cardGap: px(root.querySelector('.cards')!, 'row-gap'),
        fieldHeight: px(search, 'min-height'),
      };
    });
  const normal = await sizes();
  expect(normal.text, 'the person’s text size (16 px by default)').toBe(16);

  await page.addStyleTag({ content: 'html { font-size: 62.5% !important; }' });
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('10px');
  expect(await sizes(), 'on a page whose root is 62.5 %').toEqual(normal);

  // The browser's text size setting (« Taille de la police » : très grande, 24 px).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
  await expect.poll(async () => (await sizes()).text).toBe(24);
  const larger = await sizes();
  for (const key of Object.keys(normal) as (keyof typeof normal)[]) {
    expect(larger[key], `${key} follows the text size`).toBeCloseTo(normal[key] * 1.5, 0);
  }
});
