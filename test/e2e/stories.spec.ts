/**
 * « Raconter mon expérience » end to end in the demo's panel, against the stories contract played by Playwright
 * routes (test/e2e/fixtures/stories-contract.ts, exactly /work/notes/stories-api.md) until the collector serves it:
 * every new state through the RGAA harness, the keyboard, the masked preview, the follow link, delivery offline and
 * through faults (503, a slow collector, refusals with per-field French errors), and « Vous avez une réponse » on a
 * later visit.
 */
import type { Page, Route } from '@playwright/test';
import { test, expect, openPanel } from './fixtures.ts';
import { checkState, expectAnnouncement } from '../a11y/harness.ts';
import { routeStoriesContract, StoriesContract } from './fixtures/stories-contract.ts';

const STORY =
  'Je m’appelle Fatima Benali. J’ai envoyé mon bail trois fois, le site refusait le fichier. ' +
  'La conseillère m’a rappelée au 06 12 34 56 78, écrivez-moi à fatima.benali@gmail.com si besoin.';

const feedback = (page: Page) => page.locator('aide-feedback');
const panel = (page: Page) => page.locator('aide-panel');

async function openStory(page: Page, path = '/') {
  await openPanel(page, path);
  await panel(page).locator('.entry[data-view=story]').click();
  await expect(feedback(page).getByRole('textbox', { name: /Que s’est-il passé/ })).toBeVisible();
}

async function fillIn(page: Page, text = STORY) {
  await feedback(page).getByRole('textbox', { name: /Que s’est-il passé/ }).fill(text);
  await feedback(page).getByRole('radio', { name: 'Négative' }).check();
  await feedback(page).getByRole('radio', { name: 'En ligne, sur internet' }).check();
  await feedback(page).getByRole('checkbox', { name: /J’accepte que mon récit soit publié/ }).check();
}

async function toPreview(page: Page) {
  await feedback(page).getByRole('button', { name: 'Vérifier mon récit avant l’envoi' }).click();
  await expect(feedback(page).getByRole('heading', { name: 'Vérifiez votre récit avant l’envoi' })).toBeFocused();
}

async function withContract(page: Page, baseURL: string | undefined) {
  const contract = new StoriesContract({ origin: new URL(baseURL!).origin });
  await routeStoriesContract(page, contract);
  return contract;
}

test.describe('stories', () => {
  test('keyboard only: errors tied to their fields, the masked version to confirm, sent once, the private follow link', async ({ page, baseURL }) => {
    const contract = await withContract(page, baseURL);
    await openStory(page);
    await checkState(page, { name: 'story: form', widget: 'aide-panel' });
    // The rules of publication in plain French, before the consent.
    await expect(feedback(page).getByRole('group', { name: 'Comment votre récit est publié' })).toContainText('Une personne de l’administration lit chaque récit');
    const check = feedback(page).getByRole('button', { name: 'Vérifier mon récit avant l’envoi' });
    await check.focus();
    await page.keyboard.press('Enter');
    const text = feedback(page).getByRole('textbox', { name: /Que s’est-il passé/ });
    await expect(text).toBeFocused();
    await expect(text).toHaveAccessibleDescription(/Écrivez votre récit : ce champ est vide/);
    await expect(feedback(page).getByRole('radio', { name: 'Positive' })).toHaveAccessibleDescription(/Choisissez comment s’est passée votre expérience/);
    await expect(feedback(page).getByRole('checkbox', { name: /J’accepte/ })).toHaveAccessibleDescription(/Cochez la case/);
    await checkState(page, { name: 'story: errors', widget: 'aide-panel' });
    await text.focus();
    await page.keyboard.type(STORY);
    const left = new Intl.NumberFormat('fr-FR').format(2000 - [...STORY].length);
    await expect(text).toHaveAccessibleDescription(new RegExp(`^Avec vos mots.*Il vous reste ${left.replace(/\s/u, '\\s')} caractères\\.$`));
    await feedback(page).getByRole('radio', { name: 'Négative' }).focus();
    await page.keyboard.press('Space');
    await feedback(page).getByRole('radio', { name: 'En ligne, sur internet' }).focus();
    await page.keyboard.press('Space');
    await feedback(page).getByRole('checkbox', { name: /J’accepte/ }).press('Space');
    await check.focus();
    await page.keyboard.press('Enter');
    await expect(feedback(page).getByRole('heading', { name: 'Vérifiez votre récit avant l’envoi' })).toBeFocused();
    const preview = feedback(page).locator('.preview-text');
    await expect(preview).toContainText('[adresse e-mail masquée]');
    await expect(preview).toContainText('[numéro de téléphone masqué]');
    await expect(preview).not.toContainText('fatima.benali@gmail.com');
    await expect(preview).not.toContainText('06 12 34 56 78');
    await checkState(page, { name: 'story: masked preview', widget: 'aide-panel' });
    // « Modifier mon récit » goes back with everything kept.
    await feedback(page).getByRole('button', { name: 'Modifier mon récit' }).press('Enter');
    await expect(text).toBeFocused();
    await expect(text).toHaveValue(STORY);
    await check.press('Enter');
    const send = feedback(page).getByRole('button', { name: 'Envoyer mon récit' });
    await send.focus();
    // Pressed twice in a hurry: sent once.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(feedback(page).getByRole('heading', { name: 'Merci, votre récit a été envoyé.' })).toBeFocused();
    await expectAnnouncement(page, /Une personne de l’administration va le lire/);
    expect(contract.submissions()).toHaveLength(1);
    expect(contract.submissions()[0]!.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const [stored] = contract.stories;
    expect(stored).toMatchObject({ procedure: 'demande-logement', step: '2', feeling: 'negative', channel: 'online' });
    expect(stored!.maskedText).not.toContain('gmail');
    // The private follow link: shown, copyable, printable (its page opens in a new window), remembered on the device.
    const link = feedback(page).getByRole('textbox', { name: 'Lien de suivi' });
    await expect(link).toHaveValue(`${new URL(baseURL!).origin}/suivi/${stored!.followToken}`);
    await expect(feedback(page).getByRole('link', { name: /Ouvrir ma page de suivi/ })).toHaveAttribute('href', `${new URL(baseURL!).origin}/suivi/${stored!.followToken}`);
    await expect(feedback(page).getByText('Cet appareil s’en souvient')).toBeVisible();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await feedback(page).getByRole('button', { name: 'Copier le lien' }).click();
    await expect(feedback(page).locator('.copy-status')).toHaveText('Lien copié dans le presse-papiers.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${new URL(baseURL!).origin}/suivi/${stored!.followToken}`);
    expect(await page.evaluate(() => localStorage.getItem('aide:stories-followed'))).toBe('1');
    await checkState(page, { name: 'story: sent, follow link', widget: 'aide-panel' });
  });

  test('after an opinion, « Raconter mon expérience » is offered and opens the story view', async ({ page, baseURL }) => {
    await withContract(page, baseURL);
    await openPanel(page);
    await panel(page).locator('.entry[data-view=feedback]').click();
    await feedback(page).getByRole('radio', { name: 'Moyen' }).check();
    await feedback(page).getByRole('button', { name: 'Envoyer mon avis' }).click();
    await feedback(page).getByRole('button', { name: 'Raconter mon expérience' }).click();
    await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('Raconter mon expérience');
    await expect(feedback(page).getByRole('textbox', { name: /Que s’est-il passé/ })).toBeVisible();
  });

  test.describe('refused', () => {
    test.use({ allowedConsoleErrors: [/status of 400/] });
  test('the collector refuses a field: its French message under that field, focus on it', async ({ page, baseURL }) => {
    await withContract(page, baseURL);
    await page.route('**/api/v1/stories', (route) =>
      route.fulfill({
        status: 400,
        json: { error: 'invalid_body', message: 'La requête ne respecte pas le schéma.', fields: [{ field: '/text', message: 'le récit contient des propos contraires à la charte' }] },
      }),
    );
    await openStory(page);
    await fillIn(page, 'Le site ne marchait pas du tout.');
    await toPreview(page);
    await feedback(page).getByRole('button', { name: 'Envoyer mon récit' }).click();
    const text = feedback(page).getByRole('textbox', { name: /Que s’est-il passé/ });
    await expect(text).toBeFocused();
    await expect(text).toHaveAttribute('aria-invalid', 'true');
    await expect(text).toHaveAccessibleDescription(/Le service n’a pas accepté cette réponse : le récit contient des propos contraires à la charte/);
    await expect(text).toHaveValue('Le site ne marchait pas du tout.');
    await checkState(page, { name: 'story: refused by the collector, per field', widget: 'aide-panel' });
  });
  });

  test('a slow collector: the send button is busy at once, pressed again it sends nothing more; then sent', async ({ page, baseURL }) => {
    const contract = await withContract(page, baseURL);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/stories', async (route: Route) => {
      await gate;
      await route.fallback();
    });
    await openStory(page);
    await fillIn(page);
    await toPreview(page);
    const send = feedback(page).getByRole('button', { name: 'Envoyer mon récit' });
    await send.click();
    const busy = feedback(page).getByRole('button', { name: 'Envoi en cours…' });
    await expect(busy).toHaveAttribute('aria-disabled', 'true');
    // aria-disabled (not disabled: it keeps focus and is still announced): a click goes through and does nothing.
    await busy.click({ force: true });
    release();
    await expect(feedback(page).getByRole('heading', { name: 'Merci, votre récit a été envoyé.' })).toBeFocused();
    expect(contract.submissions()).toHaveLength(1);
    expect(contract.stories).toHaveLength(1);
  });

  test.describe('faults', () => {
    test.use({ allowedConsoleErrors: [/ERR_INTERNET_DISCONNECTED|ERR_FAILED|status of 503/] });

    test('offline: the story waits on the device; back online it is sent exactly once and its link appears', async ({ page, context, baseURL }) => {
      const contract = await withContract(page, baseURL);
      await openStory(page);
      // The masking code is its own chunk: loaded as soon as the form is on screen, so checking works offline.
      await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /chunks\/masking-[\w-]+\.js$/.test(e.name)))).toBe(true);
      // The network is gone: for the page, and for the contract's routes (which answer before the network).
      await context.setOffline(true);
      contract.offline = true;
      await fillIn(page);
      await toPreview(page);
      await feedback(page).getByRole('button', { name: 'Envoyer mon récit' }).click();
      await expect(feedback(page).getByRole('heading', { name: 'Merci, votre récit est enregistré sur cet appareil.' })).toBeFocused();
      await checkState(page, { name: 'story: waiting for the connection', widget: 'aide-panel' });
      expect(contract.stories).toHaveLength(0);
      await context.setOffline(false);
      contract.offline = false;
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect(feedback(page).getByRole('textbox', { name: 'Lien de suivi' })).toHaveValue(/\/suivi\//);
      await expectAnnouncement(page, 'Votre récit a été envoyé. Votre lien de suivi est affiché.');
      expect(contract.stories).toHaveLength(1);
      // Another online event, another visit: nothing is sent twice.
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await page.reload();
      await expect(panel(page).getByRole('dialog')).toBeVisible();
      await expect.poll(() => page.evaluate(() => localStorage.getItem('aide:feedback-pending'))).toBe(null);
      expect(contract.stories).toHaveLength(1);
      expect(new Set(contract.submissions().map((s) => s.key)).size).toBe(1);
    });

    test('a 503 with Retry-After keeps the story; the retry stores it once', async ({ page, baseURL }) => {
      const contract = await withContract(page, baseURL);
      contract.failNext('submit', { status: 503, retryAfter: 1 });
      await openStory(page);
      await fillIn(page);
      await toPreview(page);
      await feedback(page).getByRole('button', { name: 'Envoyer mon récit' }).click();
      await expect(feedback(page).getByRole('heading', { name: 'Merci, votre récit est enregistré sur cet appareil.' })).toBeVisible();
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect(feedback(page).getByRole('textbox', { name: 'Lien de suivi' })).toHaveValue(/\/suivi\//);
      expect(contract.submissions().map((s) => s.status)).toEqual([503, 201]);
      expect(contract.stories).toHaveLength(1);
    });

    test('on a later visit: « Vous avez une réponse » once the administration answered; nothing said offline', async ({ page, baseURL }) => {
      const contract = await withContract(page, baseURL);
      await openStory(page);
      await fillIn(page);
      await toPreview(page);
      await feedback(page).getByRole('button', { name: 'Envoyer mon récit' }).click();
      await expect(feedback(page).getByRole('textbox', { name: 'Lien de suivi' })).toHaveValue(/\/suivi\//);
      const [story] = contract.stories;
      contract.publish(story!.id);
      contract.answer(story!.id, 'Merci, le téléversement est réparé.', 'Caisse d’allocations familiales');
      // A later visit, two hours on (the follow endpoint is asked at most once an hour), offline: nothing is said.
      await page.clock.setFixedTime(Date.now() + 2 * 3_600_000);
      await page.evaluate(() => sessionStorage.clear());
      await page.route('**/api/v1/stories/follow/**', (route) => route.abort('internetdisconnected'));
      await openPanel(page);
      await expect(panel(page).locator('.notices')).toHaveAttribute('aria-busy', 'false');
      await expect(panel(page).locator('.notices')).toBeEmpty();
      // Online, another page load: the answer is told on the panel's first screen.
      await page.unroute('**/api/v1/stories/follow/**');
      await page.evaluate(() => sessionStorage.clear());
      await openPanel(page);
      const notice = panel(page).locator('.notices');
      await expect(notice.getByRole('heading', { name: 'Vous avez une réponse' })).toBeVisible();
      await expect(notice).toContainText('L’administration a répondu à votre récit.');
      await expect(notice.getByRole('link', { name: /Lire la réponse/ })).toHaveAttribute('href', `${new URL(baseURL!).origin}/suivi/${story!.followToken}`);
      expect(contract.log.filter((l) => l.path.startsWith('/api/v1/stories/follow/') && l.status === 200)).toHaveLength(1);
      await checkState(page, { name: 'panel: « Vous avez une réponse »', widget: 'aide-panel' });
    });
  });
});
