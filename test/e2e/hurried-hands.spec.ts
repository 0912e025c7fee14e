/**
 * Hurried hands (issue 9): people double-click, keys repeat, and they press again while something loads. Every
 * button of the panel's views is pressed that way here; the fixture fails the test on any page error (the known one:
 * `tutorial.steps[this.step - 1] is undefined`), and each step checks that what is shown is coherent: one panel, one
 * step heading, a step number within the tutorial, one list of places, one opinion sent.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const launcher = (page: Page) => page.locator('aide-help[data-floating]').getByRole('button');
const panel = (page: Page) => page.locator('aide-panel').getByRole('dialog');
const walkthrough = (page: Page) => page.locator('aide-walkthrough');

/** "Tutoriel : étape 3 sur 6" shown by the walkthrough, as numbers; null when no step is shown. */
async function shownStep(page: Page): Promise<{ step: number; total: number } | null> {
  const text = (await walkthrough(page).locator('.progress-text').first().textContent().catch(() => null)) ?? '';
  const match = /étape (\d+) sur (\d+)/i.exec(text);
  return match ? { step: Number(match[1]), total: Number(match[2]) } : null;
}

test.describe('hurried hands', () => {
  test('launcher, home entries, tutorial list, every step and back: double clicks and key repeat leave one coherent state', async ({ page }) => {
    // The tutorial's file answers slowly: the double click on its card happens while it loads.
    await page.route('**/tutorials/*.json', async (route) => {
      if (route.request().url().endsWith('/index.json')) return route.continue();
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.goto('/');
    await launcher(page).dblclick();
    await expect(panel(page)).toBeVisible();
    await expect(page.locator('aide-panel')).toHaveCount(1);
    await expect(page.locator('aide-panel').getByRole('heading', { level: 2 })).toHaveCount(1);

    await page.locator('aide-panel').locator('.entry[data-view=tutorials]').dblclick();
    await expect(walkthrough(page).getByRole('searchbox')).toBeVisible();
    // A tutorial that does not explain the page's procedure step opens at its overview (the CAF one would open at the
    // step « Vous êtes ici », issue 10), so that « Commencer » is pressed in a hurry too.
    await walkthrough(page).getByRole('button', { name: /Déclarer ses revenus en ligne/ }).first().dblclick();
    await expect(walkthrough(page).getByRole('button', { name: 'Commencer', exact: true })).toBeVisible();
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).dblclick();
    await expect(walkthrough(page).getByRole('button', { name: 'Étape suivante' })).toBeVisible();

    // Double clicks on « Étape suivante » up to the end: every state on the way is a real step.
    for (let i = 0; i < 20 && (await walkthrough(page).getByRole('button', { name: 'Étape suivante' }).count()) > 0; i++) {
      await walkthrough(page).getByRole('button', { name: 'Étape suivante' }).dblclick();
      await expect(walkthrough(page).locator('h3, h4').first()).toBeVisible();
      const shown = await shownStep(page);
      if (shown) expect(shown.step).toBeLessThanOrEqual(shown.total);
    }
    await walkthrough(page).getByRole('button', { name: 'Terminer' }).dblclick();
    await expect(walkthrough(page).getByRole('heading', { name: 'Vous avez terminé ce tutoriel' })).toBeVisible();

    // Key repeat on « Étape précédente »: Enter held down.
    await walkthrough(page).getByRole('button', { name: 'Étape précédente' }).dblclick();
    await expect(walkthrough(page).getByRole('button', { name: 'Étape précédente' })).toBeVisible();
    const last = await shownStep(page);
    expect(last, 'back on a step').not.toBeNull();
    await walkthrough(page).getByRole('button', { name: 'Étape précédente' }).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
    await expect.poll(async () => (await shownStep(page))?.step).toBeLessThan(last!.step);
    const shown = (await shownStep(page))!;
    expect(shown.step).toBeGreaterThanOrEqual(1);

    await panel(page).getByRole('button', { name: 'Retour au choix de l’aide' }).dblclick();
    await expect(page.locator('aide-panel').locator('.entry[data-view=locator]')).toBeVisible();

    // « Fermer » twice: closed once (the second click lands on the page, where the panel was: the page's own).
    await panel(page).getByRole('button', { name: 'Fermer l’aide' }).dblclick();
    await expect(panel(page)).toBeHidden();
    await expect(launcher(page)).toBeVisible();
    await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');
  });

  test('locator and feedback: a double press searches once and sends one opinion', async ({ page }) => {
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/v1/feedback')) posts.push(request.url());
    });
    await page.goto('/');
    await launcher(page).click();
    await page.locator('aide-panel').locator('.entry[data-view=locator]').dblclick();
    const locator = page.locator('aide-locator');
    await locator.getByRole('combobox').fill('29200');
    // The suggestions close when the field is left (pressing « Rechercher » with the mouse leaves it too).
    await locator.getByRole('combobox').blur();
    await locator.getByRole('button', { name: 'Rechercher', exact: true }).dblclick();
    await expect(locator.locator('.place')).toHaveCount(10);
    await expect(locator.locator('#results-title')).toHaveCount(1);
    // « Afficher plus de lieux » twice quickly: ten more, then ten more, never a broken list.
    await locator.getByRole('button', { name: 'Afficher plus de lieux' }).dblclick();
    await expect.poll(() => locator.locator('.place').count()).toBeGreaterThanOrEqual(20);
    await expect(locator.locator('.place')).not.toHaveCount(0);

    await panel(page).getByRole('button', { name: 'Retour au choix de l’aide' }).click();
    await page.locator('aide-panel').locator('.entry[data-view=feedback]').dblclick();
    const feedback = page.locator('aide-feedback');
    await feedback.locator('label[for=satisfaction-good]').click();
    await feedback.getByRole('button', { name: /Envoyer/ }).dblclick();
    await expect(feedback.locator('.result-title')).toBeVisible();
    await expect.poll(() => posts.length).toBe(1);
    await page.waitForLoadState('networkidle');
    expect(posts, 'one opinion sent for a double press').toHaveLength(1);
  });

  test('Escape closes the innermost open thing first: a glossary definition, the list of steps, then the panel', async ({ page }) => {
    await page.goto('/');
    await launcher(page).click();
    await page.locator('aide-panel').locator('.entry[data-view=tutorials]').click();
    await walkthrough(page).getByRole('searchbox').fill('déclarer mes revenus');
    await walkthrough(page).locator('.search').getByRole('button', { name: /Déclarer ses revenus en ligne/ }).click();
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).click();
    const term = walkthrough(page).locator('button.term').first();
    await term.click();
    await expect(term).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(term).toHaveAttribute('aria-expanded', 'false');
    await expect(panel(page)).toBeVisible();
    await expect(term).toBeFocused();

    const steps = walkthrough(page).locator('button[aria-controls=step-list]');
    await steps.click();
    await expect(steps).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(steps).toHaveAttribute('aria-expanded', 'false');
    await expect(panel(page)).toBeVisible();

    // Nothing open any more: Escape is the panel's.
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    await expect(launcher(page)).toBeFocused();
  });
});
