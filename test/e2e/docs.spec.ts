/**
 * The demo's documentation page (composants.html), generated from the packages' custom-elements.json: every
 * element with its API and a live example, and the embed configurator whose tag is the one aide.js reads, with its
 * live preview. Every state through the RGAA harness; the configurator by keyboard alone.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { checkState } from '../a11y/harness.ts';

const DOCS = 'main';
/** The configurator's states are checked on the configurator (the whole page is checked once, in the first test). */
const CONFIGURATOR = '#configurator';

async function openDocs(page: Page) {
  await page.goto('/composants.html');
  await expect(page.locator('#api')).toHaveAttribute('aria-busy', 'false');
}

test.describe('documentation page', () => {
  test('lists every element from the manifests, with its attributes, events, parts and a live example', async ({ page }) => {
    await openDocs(page);
    for (const tag of ['aide-walkthrough', 'aide-locator', 'aide-feedback', 'aide-experiences', 'aide-panel', 'aide-help']) {
      await expect(page.getByRole('heading', { level: 2, name: `<${tag}>` })).toBeVisible();
    }
    const walkthrough = page.locator('section', { has: page.getByRole('heading', { level: 2, name: '<aide-walkthrough>' }) });
    const attributes = walkthrough.getByRole('list', { name: 'Attributs' });
    for (const attribute of ['src', 'tutorial', 'procedure', 'heading-level', 'in-panel', 'blocked-endpoint', 'no-persist', 'lang', 'theme']) {
      await expect(attributes.locator('.api-name > code').getByText(attribute, { exact: true })).toBeVisible();
    }
    await expect(attributes.getByRole('listitem').filter({ hasText: 'no-persist' })).toContainText('propriété persist');
    const events = walkthrough.getByRole('list', { name: 'Événements' });
    for (const event of ['aide-step-change', 'aide-open-view', 'aide-reveal-page']) await expect(events.getByText(event, { exact: true })).toBeVisible();
    await expect(events.getByRole('listitem').filter({ hasText: 'aide-step-change' })).toContainText('AideStepChangeEvent');
    await expect(walkthrough.getByRole('list', { name: 'Parties CSS' }).getByText('::part(step)')).toBeVisible();
    await expect(walkthrough.getByRole('list', { name: 'Propriétés CSS' }).getByText('--aide-color-primary', { exact: true })).toBeVisible();
    // Every event the widget emits is documented on the element that emits it.
    const documented = await page.locator('#api ul.api').allInnerTexts();
    for (const event of ['aide-step-change', 'aide-open-view', 'aide-reveal-page', 'aide-locator-results', 'aide-feedback-sent', 'aide-panel-toggle', 'aide-launcher-activate']) {
      expect(documented.join('\n'), event).toContain(event);
    }
    // The live examples are the real elements, loaded by aide.js as the page added them.
    await expect(page.locator('.example aide-walkthrough').getByRole('searchbox', { name: 'Rechercher un tutoriel' })).toBeVisible();
    await expect(page.locator('.example aide-locator').getByRole('combobox')).toBeVisible();
    await expect(page.locator('.example aide-feedback').getByRole('button', { name: 'Je donne mon avis' })).toBeVisible();
    await checkState(page, { name: 'docs: page', widget: DOCS });
  });

  test('the configurator explains a refused colour, next to the field, and offers no tag meanwhile', async ({ page }) => {
    await openDocs(page);
    await page.getByRole('textbox', { name: /Couleur des boutons/ }).fill('#ffcc00');
    await expect(page.getByText(/Contraste insuffisant avec le texte blanc des boutons : 1,\d:1/)).toBeVisible();
    await expect(page.getByRole('textbox', { name: /Couleur des boutons/ })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('textbox', { name: /Couleur des boutons/ })).toHaveAccessibleDescription(/Contraste insuffisant/);
    await expect(page.locator('#snippet')).toHaveCount(0);
    await page.getByRole('textbox', { name: /Couleur des boutons/ }).fill('#18753');
    await expect(page.getByText(/Couleur non valide : une couleur #rrggbb/)).toBeVisible();
    await checkState(page, { name: 'docs: configurator, colour refused', widget: CONFIGURATOR });
  });

  test('the configurator writes the tag aide.js reads, by keyboard; it is copied, and previewed live', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openDocs(page);
    const code = page.locator('#snippet');
    const origin = new URL(page.url()).origin;
    // Zero configuration works: the default tag has only its address.
    await expect(code).toHaveText(`<script src="${origin}/aide/aide.js" defer></script>`);
    const preview = page.frameLocator('iframe.preview');
    await expect(preview.locator('aide-help[data-floating]').getByRole('button', { name: "Besoin d'aide ?" })).toBeVisible();

    // By keyboard only: procedure, position, entries, collector, colour, locale.
    await page.getByRole('combobox', { name: /Identifiant de la démarche/ }).focus();
    await page.keyboard.type('demande-logement');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // bottom-left
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // the second help: the locator
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: 'Trouver une aide près de chez moi' })).not.toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`${origin}/api/v1/feedback`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('#18753c');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // from « Langue de la page » to Français
    await expect(page.getByRole('combobox', { name: 'Langue du widget' })).toHaveValue('fr');
    await page.getByRole('combobox', { name: 'Langue du widget' }).selectOption('en');

    const expected =
      `<script src="${origin}/aide/aide.js" data-procedure="demande-logement" data-position="bottom-left" ` +
      `data-entries="tutorials,feedback" data-feedback-endpoint="${origin}/api/v1/feedback" data-color="#18753c" data-locale="en" defer></script>`;
    await expect(code).toHaveText(expected);
    const copy = page.getByRole('button', { name: 'Copier le code' });
    await copy.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator(CONFIGURATOR).getByRole('status')).toHaveText('Code copié dans le presse-papiers.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    // The preview runs that very tag: a launcher on the left, in English, in the chosen colour, two helps.
    const launcher = preview.locator('aide-help[data-floating]').getByRole('button', { name: 'Need help?' });
    await expect(launcher).toBeVisible();
    await expect(preview.locator('script[src$="aide.js"]')).toHaveAttribute('data-entries', 'tutorials,feedback');
    expect(await launcher.evaluate((button) => button.className)).toContain('start');
    expect(await launcher.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(24, 117, 60)');
    await page.locator('iframe.preview').scrollIntoViewIfNeeded();
    await launcher.focus();
    await page.keyboard.press('Enter');
    // Tutorials, and the feedback entry with « Tell my experience » that comes with it.
    await expect(preview.locator('aide-panel').locator('.entry')).toHaveCount(3);
    // Escape closes the preview's panel, as on the page: focus is back on its launcher.
    await page.keyboard.press('Escape');
    await expect(preview.locator('aide-panel').getByRole('dialog')).toBeHidden();
    // The harness walks this page with Tab, and sees the frame as one stop: the preview's own page has one control.
    await checkState(page, { name: 'docs: configurator, tag ready', widget: CONFIGURATOR });
  });

  test('an inline button comes with the <aide-help> element to place', async ({ page }) => {
    await openDocs(page);
    await page.getByRole('combobox', { name: /Place du bouton/ }).selectOption('inline');
    await expect(page.locator('#snippet')).toContainText('data-position="inline"');
    await expect(page.locator('#snippet')).toContainText('<aide-help></aide-help>');
    await expect(page.frameLocator('iframe.preview').locator('main aide-help').getByRole('button')).toBeVisible();
  });
});
