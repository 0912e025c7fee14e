/**
 * « Vous êtes ici » end to end (issue 10), on the demo procedure (demande-logement, 4 pages) and the built corpus:
 * the tutorial opens at the step that explains the page, says so, marks it in the list of steps, follows the person
 * to the next page of the procedure, and follows a one-page form whose host changes `data-step` or dispatches
 * `aide-procedure-step`; the step's image opens in the zoomable view. Every new UI state goes through the harness.
 */
import type { Page } from '@playwright/test';
import { test, expect, deepFocus, hostPage } from './fixtures.ts';
import { checkState, expectAnnouncement } from '../a11y/harness.ts';

const walkthrough = (page: Page) => page.locator('aide-walkthrough');
const panel = (page: Page) => page.locator('aide-panel');
const TITLE = /Faire une demande d'aide au logement à la CAF/;

async function openTutorialFromPanel(page: Page) {
  await page.locator('aide-help').first().getByRole('button').click();
  await panel(page).locator('.entry[data-view=tutorials]').click();
  await walkthrough(page).getByRole('button', { name: TITLE }).first().click();
}

test.describe('walkthrough: where the person is in the procedure', () => {
  test('demo step 2 « Votre logement »: starts at the tutorial’s step for it, says so, marks it; « Voir depuis le début »', async ({ page }) => {
    await page.goto('/');
    await openTutorialFromPanel(page);
    const step = walkthrough(page).locator('.step');
    await expect(step.getByRole('heading', { level: 3 })).toHaveText('Choisir le type de logement');
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 4 sur 11');
    await expect(step.locator('.you-are-here')).toContainText('Vous êtes à l’étape « Votre logement » de votre démarche : le tutoriel commence ici.');
    await expect.poll(() => deepFocus(page)).toMatchObject({ tag: 'h3', text: 'Choisir le type de logement' });
    await expectAnnouncement(page, 'Vous êtes à l’étape « Votre logement » de votre démarche : le tutoriel commence ici. Tutoriel : étape 4 sur 11');
    // No bare « Étape 4 sur 11 » beside the page's own « Étape 2 sur 4 ».
    expect(await walkthrough(page).evaluate((el) => /(^|[^:] )Étape \d+ sur \d+/.test(el.shadowRoot!.textContent ?? ''))).toBe(false);
    await checkState(page, { name: 'walkthrough: starts at the page step (vous êtes ici)', widget: 'aide-panel' });

    await walkthrough(page).getByRole('button', { name: 'Voir toutes les étapes' }).click();
    const marked = walkthrough(page).locator('#step-list li.here');
    await expect(marked).toHaveCount(6);
    await expect(walkthrough(page).locator('#step-list .here-marker')).toHaveCount(1);
    await expect(marked.first().getByRole('button')).toHaveAccessibleName(
      /^Choisir le type de logement \(étape en cours\) ?, ?Vous êtes ici : étape « Votre logement » de votre démarche$/,
    );
    await checkState(page, { name: 'walkthrough: step list with the vous-êtes-ici marker', widget: 'aide-panel' });

    await walkthrough(page).getByRole('button', { name: 'Voir depuis le début' }).click();
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 1 sur 11');
    await expect(step.getByRole('heading', { level: 3 })).toHaveText('Ouvrir le site de la CAF');
  });

  test('next page of the procedure: the reopened tutorial follows to « Vos ressources », politely, focus left to the page', async ({ page }) => {
    await page.goto('/');
    await openTutorialFromPanel(page);
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 4 sur 11');
    await page.getByRole('button', { name: "Continuer vers l'étape 3" }).click();
    await page.waitForURL(/etape-3\.html/);
    await expect(walkthrough(page).locator('.step').getByRole('heading', { level: 3 })).toHaveText('Indiquer vos salaires');
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 10 sur 11');
    await expectAnnouncement(page, /^Votre démarche est passée à l’étape « Vos ressources » : le tutoriel vous suit\. Tutoriel : étape 10 sur 11\. Indiquer vos salaires$/);
    // The panel came back without taking focus: the person is on the page.
    expect((await deepFocus(page)).host).toBe(null);
    await checkState(page, { name: 'walkthrough: followed to the next page of the procedure', widget: 'aide-panel' });
  });

  test('small screen: the reduced bar says what it counts', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/etape-3.html');
    await openTutorialFromPanel(page);
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 10 sur 11');
    await panel(page).getByRole('button', { name: 'Réduire' }).click();
    await expect(panel(page).getByRole('button', { name: /Afficher/ })).toHaveText(/^\s*Tutoriel : étape 10 sur 11\b/);
  });

  test('a form on one page: data-step changes and the aide-procedure-step event move the open tutorial, focus stays in the form', async ({ page }) => {
    await hostPage(
      page,
      '/formulaire-une-page.html',
      `<p class="stepper">Étape 2 sur 4</p><label for="loyer">Loyer</label><input id="loyer">
       <script src="/aide/aide.js" data-procedure="demande-logement" data-step="2" defer></script>`,
    );
    await openTutorialFromPanel(page);
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 4 sur 11');
    await page.locator('#loyer').focus();
    // The host's own step counter moves on, and so does data-step on the script tag.
    await page.evaluate(() => document.querySelector('script[data-step]')!.setAttribute('data-step', '3'));
    await expect(walkthrough(page).locator('.step').getByRole('heading', { level: 3 })).toHaveText('Indiquer vos salaires');
    await expectAnnouncement(page, /^Votre démarche est passée à l’étape « Vos ressources »/);
    await expect(page.locator('#loyer')).toBeFocused();
    // The documented event, as a page without modules sends it.
    await page.evaluate(() => document.dispatchEvent(new CustomEvent('aide-procedure-step', { detail: { step: '4' } })));
    await expect(walkthrough(page).locator('.step').getByRole('heading', { level: 3 })).toHaveText('Envoyer la demande');
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 11 sur 11');
    await expect(page.locator('#loyer')).toBeFocused();
    // A step that is not a valid value is refused like the attribute: the tutorial stays (no step shown in between).
    await page.evaluate(() => {
      const shown: number[] = [];
      (window as Window & { shown?: number[] }).shown = shown;
      document.addEventListener('aide-step-change', (event) => shown.push(event.detail.step));
      document.dispatchEvent(new CustomEvent('aide-procedure-step', { detail: { step: 42 } }));
      document.dispatchEvent(new CustomEvent('aide-procedure-step', { detail: { step: '3' } }));
    });
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 10 sur 11');
    expect(await page.evaluate(() => (window as Window & { shown?: number[] }).shown)).toEqual([10]);
  });

  test('the step’s image: responsive in the panel, enlarged in a zoomable view (keyboard, Escape, focus back)', async ({ page }) => {
    await page.goto('/');
    await openTutorialFromPanel(page);
    const enlarge = walkthrough(page).locator('.step-content button.enlarge');
    await expect(enlarge).toHaveAccessibleName(/^Agrandir l’image : La liste « Type de logement »/);
    const img = enlarge.locator('img');
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    // Chromium takes the AVIF version at the panel's width, never the original.
    expect(await img.evaluate((i: HTMLImageElement) => i.currentSrc)).toMatch(/\/images\/demande-aide-logement-1-\d+\.[0-9a-f]+\.avif$/);
    await enlarge.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('aide-image-zoom dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleName(/^Image agrandie : La liste « Type de logement »/);
    await checkState(page, { name: 'walkthrough: image zoom view', widget: 'aide-panel', modal: true, keyboardStart: dialog.getByRole('button', { name: 'Zoomer', exact: true }) });
    await dialog.getByRole('button', { name: 'Zoomer', exact: true }).focus();
    await page.keyboard.press('+');
    await expect(dialog.locator('output')).not.toHaveText('Zoom : 100 %');
    await page.keyboard.press('0');
    await expect(dialog.locator('output')).toHaveText('Zoom : 100 %');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    // The panel stayed open, and focus is back on the image's button.
    await expect(panel(page).locator('section.panel')).toBeVisible();
    await expect.poll(() => deepFocus(page)).toMatchObject({ tag: 'button', host: 'aide-walkthrough' });
    expect(await enlarge.evaluate((b) => b === (b.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  });

  test.describe('on a touch screen', () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

    test('two fingers spread zoom the enlarged image in, pinched back they zoom it out (real touch input)', async ({ page }) => {
      await page.goto('/');
      await openTutorialFromPanel(page);
      const enlarge = walkthrough(page).locator('.step-content button.enlarge');
      await enlarge.tap();
      const dialog = page.locator('aide-image-zoom dialog');
      await expect(dialog).toBeVisible();
      const output = dialog.locator('output');
      await expect(output).toHaveText('Zoom : 100 %');
      const box = (await dialog.locator('.viewport').boundingBox())!;
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      // Chromium's own touch input (the compositor's pipeline, as from a screen), two fingers moving in steps.
      const cdp = await page.context().newCDPSession(page);
      const fingers = (gap: number) => [
        { x: centre.x - gap / 2, y: centre.y, id: 1 },
        { x: centre.x + gap / 2, y: centre.y, id: 2 },
      ];
      const pinch = async (from: number, to: number) => {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(from) });
        for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(from + ((to - from) * i) / 10) });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      };
      await pinch(60, 240);
      await expect.poll(async () => Number((await output.textContent())!.replace(/\D/g, ''))).toBeGreaterThan(200);
      // The page itself was not zoomed: only the image.
      expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);
      await pinch(240, 40);
      await expect(output).toHaveText('Zoom : 100 %');
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    });
  });
});
