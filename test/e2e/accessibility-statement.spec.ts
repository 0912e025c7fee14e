/**
 * The accessibility statement: summarised in the panel ("Accessibilité" at the bottom of every view), published in
 * full next to aide.js, both generated from the audit grid (test/a11y/rgaa-grid.json).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import { AXE_TAGS, checkState } from '../a11y/harness.ts';
import { conformanceRate, loadGrid } from '../../scripts/rgaa.ts';

const grid = loadGrid();
const rate = conformanceRate(grid.criteria);
const frenchRate = new Intl.NumberFormat('fr', { maximumFractionDigits: 1 }).format(rate.rate);

test.describe('accessibility statement', () => {
  test('the panel shows the conformance state from the grid, and the way back', async ({ page }) => {
    await page.goto('/');
    await page.locator('aide-help[data-floating]').getByRole('button').click();
    const panel = page.locator('aide-panel').getByRole('dialog');
    const link = panel.getByRole('button', { name: /^Accessibilité : (totalement|partiellement|non) conforme$/ });
    await expect(link).toBeVisible();
    await link.press('Enter');
    await expect(panel.getByRole('heading', { level: 2, name: 'Accessibilité' })).toBeFocused();
    await expect(panel).toContainText(`${frenchRate} % des critères qui la concernent sont respectés`);
    await expect(panel).toContainText(
      `${rate.conforme} critères conformes, ${rate.nonConforme} non conformes, ${rate.aConfirmer} à confirmer par une personne, ${rate.nonApplicable} non applicables.`,
    );
    await expect(panel).toContainText('Défenseur des droits');
    const full = panel.getByRole('link', { name: 'Lire la déclaration d’accessibilité complète (nouvelle fenêtre)' });
    await expect(full).toHaveAttribute('href', /\/aide\/accessibilite\.html$/);
    await expect(full).toHaveAttribute('hreflang', 'fr');
    await checkState(page, { name: 'panel: accessibility statement', widget: 'aide-panel' });
    // The statement's own button is not offered again inside it; "Retour au choix de l'aide" leads back.
    await expect(panel.getByRole('button', { name: /^Accessibilité :/ })).toHaveCount(0);
    await panel.getByRole('button', { name: 'Retour au choix de l’aide' }).click();
    await expect(panel.getByRole('heading', { level: 2, name: 'Comment pouvons-nous vous aider ?' })).toBeFocused();
  });

  test('in English, the full statement is marked as French', async ({ page }) => {
    await page.goto('/?locale=en');
    await page.locator('aide-help[data-floating]').getByRole('button').click();
    const panel = page.locator('aide-panel').getByRole('dialog');
    await panel.getByRole('button', { name: /^Accessibility: / }).click();
    await expect(panel.getByRole('heading', { level: 2, name: 'Accessibility' })).toBeVisible();
    await expect(panel.getByRole('link', { name: /Read the full accessibility statement \(in French\)/ })).toHaveAttribute('hreflang', 'fr');
    await checkState(page, { name: 'panel: accessibility statement (en)', widget: 'aide-panel', lang: 'en' });
  });

  test('the full statement page, published next to aide.js, is the generated one and is accessible itself', async ({ page }) => {
    await page.goto('/aide/accessibilite.html');
    await expect(page).toHaveTitle(/^Déclaration d'accessibilité/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Déclaration d'accessibilité/);
    await expect(page.getByRole('main')).toContainText(`${rate.rate.toString().replace('.', ',')} %`);
    const markdown = readFileSync(new URL('../../packages/embed/ACCESSIBILITE.md', import.meta.url), 'utf8');
    // Every criterion of the grid is a row of the published table.
    const rows = page.getByRole('region', { name: 'Grille d’audit' }).getByRole('row');
    await expect(rows).toHaveCount(grid.criteria.length + 1);
    // And every criterion WCAG 2.2 adds, in a table of its own.
    await expect(page.getByRole('region', { name: 'Critères ajoutés par les WCAG 2.2' }).getByRole('row')).toHaveCount(grid.wcag22.length + 1);
    expect(markdown).toContain(grid.auditDate);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), scheme).toEqual([]);
    }
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});
