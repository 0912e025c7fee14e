/**
 * <aide-feedback> end to end against the real collector mounted on the demo's origin: every state through the RGAA
 * harness, the keyboard, and offline delivery that loses nothing and counts nothing twice.
 */
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openPanel } from './fixtures.ts';
import { AXE_TAGS, checkState, expectAnnouncement, expectStays, liveRegionText } from '../a11y/harness.ts';
import { DEMO_OPERATOR_TOKEN } from '../../scripts/serve-demo.ts';

/** The statistics API is for agents' scripts: the demo's operator token. The dashboard is in the back office. */
const asAgent = { authorization: `Bearer ${DEMO_OPERATOR_TOKEN}` };

/** The demo moderator, signed in through the demo's OpenID provider (any password), on the dashboard. */
async function signInToDashboard(page: Page, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/agents\/connexion\?/);
  await page.getByRole('button', { name: 'Se connecter avec ProConnect' }).click();
  await page.locator('input[name=login]').fill('moderatrice@demo.aide-numerique.fr');
  await page.locator('input[name=password]').fill('demo');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page).toHaveURL(/\/agents\/avis/);
}

const feedback = (page: Page) => page.locator('aide-feedback');

async function openFeedback(page: Page, path = '/') {
  await openPanel(page, path);
  const entry = page.locator('aide-panel').locator('.entry[data-view=feedback]');
  await expect(entry.or(feedback(page).locator('form'))).toBeVisible();
  if (await entry.isVisible()) await entry.click();
  await expect(feedback(page).getByRole('radiogroup').or(feedback(page).getByRole('group').first())).toBeVisible();
}

/** Opinions the collector holds for the demo procedure. */
async function stored(page: Page): Promise<number> {
  const response = await page.request.get('/api/v1/stats?procedure=demande-logement', { headers: asAgent });
  return (await response.json()).total.count;
}

test.describe('feedback', () => {
  test('the form in the panel: every check passes; the required question is a named group of radios', async ({ page }) => {
    await openFeedback(page);
    const faces = feedback(page).getByRole('group', { name: /De façon générale, comment ça s’est passé \? \(obligatoire\)/ });
    await expect(faces.getByRole('radio')).toHaveCount(3);
    await expect(faces.getByRole('radio', { name: 'Très bien' })).toBeVisible();
    await expect(feedback(page).getByRole('textbox', { name: /Souhaitez-vous nous en dire plus/ })).toHaveAttribute('maxlength', '1000');
    await checkState(page, { name: 'feedback: form', widget: 'aide-panel' });
  });

  test('keyboard only: missing answer explained, then sent; the collector stores it once; help is offered after "Pas bien"', async ({ page }) => {
    await openFeedback(page);
    const before = await stored(page);
    const submit = feedback(page).getByRole('button', { name: 'Envoyer mon avis' });
    await submit.focus();
    await page.keyboard.press('Enter');
    await expect(feedback(page).locator('#satisfaction-error')).toHaveText(/Choisissez une réponse/);
    // Focus goes to the first answer, whose description is the error: said once, by the focus move.
    await expect(feedback(page).getByRole('radio', { name: 'Pas bien' })).toBeFocused();
    await expect(feedback(page).getByRole('radio', { name: 'Pas bien' })).toHaveAccessibleDescription(/Choisissez une réponse/);
    await expectStays(page, async () => (await liveRegionText(page)).assertive, '', 'the error is not said again by the alert region');
    await checkState(page, { name: 'feedback: required answer missing', widget: 'aide-panel' });
    // Choosing does not submit (RGAA 7.4): arrows move within the group, Space selects.
    await feedback(page).getByRole('radio', { name: 'Pas bien' }).focus();
    await page.keyboard.press('Space');
    await expect(feedback(page).getByRole('radio', { name: 'Pas bien' })).toBeChecked();
    await expect(feedback(page).locator('.result')).toHaveCount(0);
    await feedback(page).getByRole('checkbox', { name: 'Difficulté à joindre les pièces justificatives' }).press('Space');
    const comment = feedback(page).getByRole('textbox', { name: /Souhaitez-vous nous en dire plus/ });
    await comment.fill('Le téléversement du bail échoue.');
    // The count is in the field's description; it is announced only near the limit.
    await expect(comment).toHaveAccessibleDescription(/Il vous reste 968 caractères/);
    await expectStays(page, async () => /Il vous reste/.test((await liveRegionText(page)).polite), false, 'the count is not announced far from the limit');
    await submit.focus();
    await page.keyboard.press('Enter');
    await expect(feedback(page).getByRole('heading', { name: 'Merci, votre avis a été envoyé.' })).toBeFocused();
    // The focused heading says the title; the live region, the sentence under it.
    await expectAnnouncement(page, 'Il aidera à améliorer cette démarche.');
    await expect.poll(() => stored(page)).toBe(before + 1);
    await checkState(page, { name: 'feedback: sent, with offers of help', widget: 'aide-panel' });
    await feedback(page).getByRole('button', { name: 'Voir les tutoriels pour cette démarche' }).click();
    await expect(page.locator('aide-panel').getByRole('heading', { level: 2 })).toHaveText('Suivre un tutoriel');
  });

  test.describe('offline', () => {
    // The browser reports the requests that could not leave: expected here.
    test.use({ allowedConsoleErrors: [/ERR_INTERNET_DISCONNECTED|ERR_FAILED/] });

  test('offline: three opinions wait on the device, survive a reload, and reach the collector exactly once', async ({ page, context }) => {
      await openFeedback(page);
      const before = await stored(page);
      // The network is gone.
      await context.setOffline(true);
      for (const answer of ['Très bien', 'Moyen', 'Pas bien']) {
        await feedback(page).getByRole('radio', { name: answer }).check();
        await feedback(page).getByRole('button', { name: 'Envoyer mon avis' }).click();
        await expect(feedback(page).getByText('Votre avis sera envoyé dès que la connexion reviendra.', { exact: false })).toBeVisible();
        if (answer === 'Très bien') await checkState(page, { name: 'feedback: waiting for the connection', widget: 'aide-panel' });
        await feedback(page).getByRole('button', { name: 'Donner un autre avis' }).click();
      }
      expect(await page.evaluate(() => localStorage.getItem('aide:feedback-pending'))).toBe('3');
      // Still unreachable after the reload (the collector is blocked, the page itself loads). The block goes in
      // before the network comes back: the 'online' event would otherwise let the queue leave in between.
      let refused = 0;
      await page.route('**/api/v1/feedback', (route) => {
        refused++;
        return route.abort('internetdisconnected');
      });
      await context.setOffline(false);
      await page.reload();
      await expect(page.locator('aide-panel').getByRole('dialog')).toBeVisible();
      // The page load tried each of the three, and each one stays on the device.
      await expect.poll(() => refused).toBeGreaterThanOrEqual(3);
      expect(await stored(page)).toBe(before);
      expect(await page.evaluate(() => localStorage.getItem('aide:feedback-pending'))).toBe('3');
      // The network comes back: the queue leaves, once.
      await page.unroute('**/api/v1/feedback');
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect.poll(() => stored(page), { timeout: 15_000 }).toBe(before + 3);
      await expect.poll(() => page.evaluate(() => localStorage.getItem('aide:feedback-pending'))).toBe(null);
      // Another online event, another page load: nothing is sent again, nothing is counted twice.
      let sentAgain = 0;
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes('/api/v1/feedback')) sentAgain++;
      });
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await page.reload();
      await expect(page.locator('aide-panel').getByRole('dialog')).toBeVisible();
      await expectStays(page, async () => sentAgain, 0, 'no opinion is sent again after the online event and the reload');
      expect(await stored(page)).toBe(before + 3);
    });

    test('a page load with opinions waiting sends them, even if nobody opens the help', async ({ page, context }) => {
      await openFeedback(page);
      const before = await stored(page);
      await context.setOffline(true);
      await feedback(page).getByRole('radio', { name: 'Moyen' }).check();
      await feedback(page).getByRole('button', { name: 'Envoyer mon avis' }).click();
      await expect(feedback(page).getByText('Votre avis sera envoyé dès que la connexion reviendra.', { exact: false })).toBeVisible();
      await context.setOffline(false);
      // A new visit of another page of the procedure, panel closed.
      await page.evaluate(() => sessionStorage.clear());
      await page.goto('/etape-3.html');
      await expect.poll(() => stored(page), { timeout: 15_000 }).toBe(before + 1);
      await expect(page.locator('aide-panel')).toHaveCount(0);
    });
  });

  test.describe('refused by the collector', () => {
    test.use({ allowedConsoleErrors: [/status of 400/] });
    test('a 4xx is dropped with a console message and never retried', async ({ page }) => {
      const warnings: string[] = [];
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      let calls = 0;
      await page.route('**/api/v1/feedback', (route) => {
        calls++;
        return route.fulfill({ status: 400, json: { error: 'invalid_body', message: 'x' } });
      });
      await openFeedback(page);
      await feedback(page).getByRole('radio', { name: 'Moyen' }).check();
      await feedback(page).getByRole('button', { name: 'Envoyer mon avis' }).click();
      await expect(feedback(page).getByRole('heading', { name: 'Votre avis n’a pas pu être envoyé.' })).toBeFocused();
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await expectStays(page, async () => calls, 1, 'the refused opinion is never sent again');
      expect(warnings.join()).toContain('HTTP 400');
      expect(await page.evaluate(() => localStorage.getItem('aide:feedback-pending'))).toBe(null);
    });
  });

  test('the stand-alone "Je donne mon avis" button of the confirmation page', async ({ page }) => {
    await page.goto('/avis.html');
    const open = feedback(page).getByRole('button', { name: 'Je donne mon avis' });
    await expect(open).toHaveAttribute('aria-expanded', 'false');
    await checkState(page, { name: 'feedback: alone, closed', widget: 'aide-feedback' });
    await open.click();
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    await checkState(page, { name: 'feedback: alone, open', widget: 'aide-feedback' });
    await feedback(page).getByRole('radio', { name: 'Très bien' }).check();
    await feedback(page).getByRole('button', { name: 'Envoyer mon avis' }).click();
    await expect(feedback(page).getByRole('heading', { level: 3, name: 'Merci, votre avis a été envoyé.' })).toBeVisible();
  });

  test('in Arabic', async ({ page }) => {
    await openFeedback(page, '/?locale=ar');
    await expect(feedback(page)).toHaveAttribute('dir', 'rtl');
    await checkState(page, { name: 'feedback: form (ar)', widget: 'aide-panel', lang: 'ar' });
  });
});

test.describe('collector dashboard', () => {
  test('shows the opinions per procedure and step, accessibly, and works without JavaScript', async ({ page, browser, baseURL }) => {
    await page.request.post('/api/v1/feedback', {
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      data: { procedure: 'demande-logement', pageStep: '2', satisfaction: 'good' },
    });
    // The agent works in a browser of their own (the back office's session cookie is on the collector's origin).
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ ...(baseURL ? { baseURL } : {}), javaScriptEnabled });
      const agent = await context.newPage();
      // The old address leads to the back office, which asks the agent to sign in first.
      await signInToDashboard(agent, '/dashboard?procedure=demande-logement');
      await expect(agent.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord des avis');
      await expect(agent.getByRole('table', { name: 'Satisfaction par démarche' }).getByRole('rowheader', { name: 'demande-logement' })).toBeVisible();
      if (javaScriptEnabled) {
        await expect(agent.getByRole('table', { name: 'Satisfaction par étape' })).toBeVisible();
        for (const scheme of ['light', 'dark'] as const) {
          await agent.emulateMedia({ colorScheme: scheme });
          const results = await new AxeBuilder({ page: agent }).withTags(AXE_TAGS).analyze();
          expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), scheme).toEqual([]);
        }
        await agent.setViewportSize({ width: 320, height: 640 });
        expect(await agent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      } else {
        // Without JavaScript, the filter form works by keyboard.
        await agent.getByLabel('Démarche').selectOption('');
        await agent.getByRole('button', { name: 'Afficher' }).press('Enter');
        await expect(agent).toHaveURL(/\/agents\/avis\?procedure=&from=&to=/);
        await expect(agent.getByRole('table', { name: 'Satisfaction par démarche' })).toBeVisible();
      }
      await context.close();
    }
  });
});
