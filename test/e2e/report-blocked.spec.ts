/**
 * "Je suis bloqué" counts: sent to the collector only when the administration turns them on, anonymous (the tutorial,
 * the step and the procedure, nothing else), and shown by the collector's stats per tutorial step.
 */
import type { Page, Request } from '@playwright/test';
import { test, expect, hostPage } from './fixtures.ts';
import { DEMO_OPERATOR_TOKEN } from '../../scripts/serve-demo.ts';

/** The statistics are for agents: the demo's operator token. */
const asAgent = { headers: { authorization: `Bearer ${DEMO_OPERATOR_TOKEN}` } };

async function stuckAtStepTwo(page: Page) {
  await page.locator('aide-help[data-floating]').getByRole('button').click();
  await page.locator('aide-panel').locator('.entry[data-view=tutorials]').click();
  const walkthrough = page.locator('aide-walkthrough');
  await walkthrough.getByRole('searchbox').fill('déclarer mes revenus');
  await walkthrough.getByRole('button', { name: /Déclarer ses revenus en ligne/ }).first().click();
  await walkthrough.getByRole('button', { name: 'Commencer', exact: true }).click();
  await walkthrough.getByRole('button', { name: 'Étape suivante' }).click();
  await expect(walkthrough.getByText(/Tutoriel : étape 2 sur \d+/).first()).toBeVisible();
  await walkthrough.getByRole('button', { name: 'Je suis bloqué' }).click();
  await expect(page.locator('aide-panel').getByRole('heading', { level: 2 })).toHaveText('Trouver une aide près de chez moi');
}

const embed = (procedure: string, extra: string) =>
  `<script src="/aide/aide.js" data-procedure="${procedure}" data-feedback-endpoint="/api/v1/feedback" ${extra} defer></script>`;

test.describe('"Je suis bloqué" counts', () => {
  test('turned on: one anonymous count per click reaches the collector, per tutorial step', async ({ page }) => {
    const procedure = `bloque-${Date.now()}`;
    const sent: Request[] = [];
    page.on('request', (r) => r.url().endsWith('/api/v1/blocked') && sent.push(r));
    await hostPage(page, '/bloque.html', '<p>Étape 2 de la démarche.</p>', embed(procedure, 'data-report-blocked="true"'));
    await stuckAtStepTwo(page);
    await expect.poll(() => sent.length).toBe(1);
    const body = sent[0]!.postDataJSON() as Record<string, unknown>;
    // Counts only: no session, no identifier, no text typed by the person.
    expect(Object.keys(body).sort()).toEqual(['procedure', 'step', 'tutorial']);
    expect(body).toMatchObject({ procedure, step: 2 });
    expect(sent[0]!.headers().cookie).toBeUndefined();
    await expect
      .poll(async () => (await (await page.request.get(`/api/v1/stats?procedure=${procedure}`, asAgent)).json()).blocked)
      .toEqual([{ tutorial: body.tutorial, step: 2, count: 1 }]);
  });

  test('off by default: "Je suis bloqué" sends nothing', async ({ page }) => {
    const procedure = `non-bloque-${Date.now()}`;
    let sent = 0;
    page.on('request', (r) => r.url().includes('/api/v1/blocked') && sent++);
    await hostPage(page, '/non-bloque.html', '<p>Étape 2 de la démarche.</p>', embed(procedure, ''));
    await stuckAtStepTwo(page);
    await page.waitForLoadState('networkidle');
    expect(sent).toBe(0);
    expect((await (await page.request.get(`/api/v1/stats?procedure=${procedure}`, asAgent)).json()).blocked).toEqual([]);
  });
});
