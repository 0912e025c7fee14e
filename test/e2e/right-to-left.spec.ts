/**
 * Right to left (issue 9 §5): in Arabic every view of the panel reads from the right, block by block, while the
 * French content shown in it (tutorials, the operators' texts) stays French, left to right, aligned on the left.
 * Alignment is measured on screen (where the last line of a block's text sits in its box), not read from CSS.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const panel = (page: Page) => page.locator('aide-panel');
const walkthrough = (page: Page) => page.locator('aide-walkthrough');
const locator = (page: Page) => page.locator('aide-locator');

/**
 * The block's direction, and the side its last line of text sits on: 'right', 'left', or 'full' (a full line). A box
 * as wide as its text (a legend) is measured in its parent's box.
 */
const reading = (block: Locator, inParent = false) =>
  block.evaluate((el, parent) => {
    const style = getComputedStyle(el);
    const frame = parent ? el.parentElement! : el;
    const frameStyle = getComputedStyle(frame);
    const box = frame.getBoundingClientRect();
    const start = box.left + parseFloat(frameStyle.borderLeftWidth) + parseFloat(frameStyle.paddingLeft);
    const end = box.right - parseFloat(frameStyle.borderRightWidth) - parseFloat(frameStyle.paddingRight);
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const last = rects.at(-1)!;
    const line = rects.filter((r) => Math.abs(r.bottom - last.bottom) < 2);
    const left = Math.min(...line.map((r) => r.left)) - start;
    const right = end - Math.max(...line.map((r) => r.right));
    return { direction: style.direction, side: Math.abs(left - right) < 2 ? 'full' : left < right ? 'left' : 'right' };
  }, inParent);

const arabic = { direction: 'rtl', side: 'right' };
const french = { direction: 'ltr', side: 'left' };

test.describe('in Arabic, every view reads from the right; French content stays left to right', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/?locale=ar');
    await page.locator('aide-help[data-floating]').getByRole('button').click();
    await expect(panel(page).getByRole('dialog')).toBeVisible();
  });

  test('first screen, tutorial list, a tutorial step', async ({ page }) => {
    expect(await reading(panel(page).locator('h2'))).toEqual(arabic);
    expect(await reading(panel(page).locator('.body > p').first())).toEqual(arabic);
    expect(await reading(panel(page).locator('.entry-description').first())).toEqual(arabic);

    await panel(page).locator('.entry[data-view=tutorials]').click();
    // The « back » arrow's mirroring is checked in packages/embed/src/panel/panel.test.ts.
    expect(await reading(walkthrough(page).locator('.content-language'))).toEqual(arabic);
    expect(await reading(walkthrough(page).locator('#browse'))).toEqual(arabic);
    expect(await reading(walkthrough(page).locator('#search-label'))).toEqual(arabic);
    const card = walkthrough(page).getByRole('button', { name: /Faire une demande d'aide au logement à la CAF/ }).first();
    expect(await reading(card.locator('.card-title'))).toEqual(french);
    expect(await reading(card.locator('.card-meta'))).toEqual(arabic);

    await card.click();
    await expect(walkthrough(page).locator('#progress')).toBeVisible();
    expect(await reading(walkthrough(page).locator('#progress'))).toEqual(arabic);
    expect(await reading(walkthrough(page).locator('.step-heading'))).toEqual(french);
    expect(await reading(walkthrough(page).locator('.step-content p').first())).toMatchObject({ direction: 'ltr' });
    expect(['left', 'full']).toContain((await reading(walkthrough(page).locator('.step-content p').first())).side);
    // « Étape suivante » at the end of the line (the left), « Étape précédente » at its start (the right).
    const next = await walkthrough(page).getByRole('button', { name: 'الخطوة التالية' }).boundingBox();
    const previous = await walkthrough(page).getByRole('button', { name: 'الخطوة السابقة' }).boundingBox();
    expect(next!.x).toBeLessThan(previous!.x);
  });

  test('help near me: form, places, the phone line, the sources', async ({ page }) => {
    await panel(page).locator('.entry[data-view=locator]').click();
    const field = locator(page).getByRole('combobox');
    await expect(field).toBeVisible();
    expect(await reading(locator(page).locator('label[for]').first())).toEqual(arabic);
    await field.fill('59100');
    await field.press('Enter');
    const place = locator(page).locator('.place').first();
    await expect(place).toBeVisible();
    expect(await reading(place.locator('.distance span').first())).toMatchObject({ direction: 'rtl' });
    // A French address in an Arabic panel: « 173 rue de l'Epeule… », not « …59100 173 Roubaix ».
    expect(await reading(place.locator('.address'))).toMatchObject({ direction: 'ltr' });
    expect(['left', 'full']).toContain((await reading(place.locator('.address'))).side);
    const line = locator(page).locator('.phone-line p').first();
    expect(await line.getAttribute('lang')).toBe('fr');
    expect(await reading(line)).toMatchObject({ direction: 'ltr' });
    expect((await reading(place.locator('.hours-line span').first())).direction).toBe('rtl');
    // The phone icon means no direction: it is not mirrored.
    const transforms = await locator(page).locator('.call .icon, .place .icon').evaluateAll((icons) => icons.map((i) => getComputedStyle(i).transform));
    expect(transforms.every((t) => t === 'none')).toBe(true);
    const sources = locator(page).locator('details.sources');
    await sources.locator('summary').click();
    expect(await reading(sources.locator('summary'))).toEqual(arabic);
    expect(await reading(sources.locator('p[lang=fr]'))).toMatchObject({ direction: 'ltr' });
    expect(['left', 'full']).toContain((await reading(sources.locator('p[lang=fr]'))).side);
  });

  test('feedback and story forms', async ({ page }) => {
    await panel(page).locator('.entry[data-view=feedback]').click();
    const feedback = page.locator('aide-feedback');
    await expect(feedback.locator('legend').first()).toBeVisible();
    expect(await reading(feedback.locator('legend').first(), true)).toEqual(arabic);
    expect(await reading(feedback.locator('label[for]').last())).toEqual(arabic);
  });
});
