/**
 * <aide-experiences> on the demo's page (/experiences.html: only the aide.js tag, the element without attributes),
 * against the stories contract played by Playwright routes (test/e2e/fixtures/stories-contract.ts): loaded by aide.js
 * as its own chunk, zero configuration, and every state through the RGAA harness (loaded, more loaded, filtered,
 * empty, failed) with the keyboard. The real collector's stories are seen in it by stories-journey.spec.ts.
 */
import type { Page } from '@playwright/test';
import { test, expect, deepFocus } from './fixtures.ts';
import { checkState, expectAnnouncement } from '../a11y/harness.ts';
import { routeStoriesContract, StoriesContract } from './fixtures/stories-contract.ts';

const PROCEDURE = 'demande-logement';
const experiences = (page: Page) => page.locator('aide-experiences');
const stories = (page: Page) => experiences(page).getByRole('article');

async function withContract(page: Page, baseURL: string | undefined) {
  const contract = new StoriesContract({ origin: new URL(baseURL!).origin });
  await routeStoriesContract(page, contract);
  return contract;
}

test.describe('<aide-experiences>', () => {
  test('loaded by aide.js alone; more stories, a filter, an empty filter: each state by keyboard and through the harness', async ({ page, baseURL }) => {
    const contract = await withContract(page, baseURL);
    const now = Date.now();
    contract.seed(PROCEDURE, 14, (i) => ({
      feeling: i < 3 ? 'negative' : 'mixed',
      maskedText: `Récit numéro ${i + 1}. Le site refusait mon avis d’imposition ; au guichet on m’a aidée.`,
      ...(i === 0 ? { answer: { text: 'Merci pour votre récit : le dépôt des PDF est réparé.', signedBy: 'CAF de la Gironde', answeredAt: new Date(now).toISOString() } } : {}),
    }));
    const chunk = page.waitForRequest((r) => /\/aide\/chunks\/experiences-[\w-]+\.js$/.test(r.url()));
    await page.goto('/experiences.html');
    await chunk;
    await expect(stories(page)).toHaveCount(10);
    await expect(experiences(page).getByRole('heading', { level: 2, name: 'Expériences des usagers' })).toBeVisible();
    const first = stories(page).first();
    await expect(first.getByRole('heading', { level: 3 })).toHaveText(/^Expérience négative, publiée le \d{1,2} \p{L}+ \d{4}$/u);
    await expect(first.getByRole('heading', { level: 4, name: 'Réponse de CAF de la Gironde' })).toBeVisible();
    await expect(first).toContainText('Merci pour votre récit : le dépôt des PDF est réparé.');
    await expect(experiences(page).getByRole('listitem').filter({ hasText: 'expériences publiées' })).toHaveText('14 expériences publiées');
    await checkState(page, { name: 'experiences: loaded', widget: 'aide-experiences' });

    // « Voir plus » by keyboard: the next stories, focus on the first one added, the count said.
    await experiences(page).getByRole('button', { name: 'Voir plus d’expériences' }).focus();
    await page.keyboard.press('Enter');
    await expect(stories(page)).toHaveCount(14);
    await expect(stories(page).nth(10).getByRole('heading', { level: 3 })).toBeFocused();
    await expectAnnouncement(page, '4 expériences de plus : 14 sur 14 affichées.');
    await expect(experiences(page).getByRole('button', { name: 'Voir plus d’expériences' })).toHaveCount(0);
    await checkState(page, { name: 'experiences: more loaded', widget: 'aide-experiences' });

    // The filter, a real select, by keyboard.
    await experiences(page).getByRole('combobox', { name: 'Ressenti' }).selectOption('negative');
    await experiences(page).getByRole('button', { name: 'Afficher' }).focus();
    await page.keyboard.press('Enter');
    await expect(stories(page)).toHaveCount(3);
    await expectAnnouncement(page, '3 expériences au ressenti « négative », les plus récentes d’abord.');
    expect((await deepFocus(page)).text).toBe('Afficher');
    await checkState(page, { name: 'experiences: filtered', widget: 'aide-experiences' });

    await experiences(page).getByRole('combobox', { name: 'Ressenti' }).selectOption('positive');
    await experiences(page).getByRole('button', { name: 'Afficher' }).click();
    await expect(experiences(page).getByText('Aucune expérience au ressenti « positive » n’a encore été publiée pour cette démarche.')).toBeVisible();
    await expect(stories(page)).toHaveCount(0);
    await checkState(page, { name: 'experiences: filtered, empty', widget: 'aide-experiences' });

    const asked = contract.log.filter((l) => l.path === '/api/v1/experiences');
    expect(asked.map((l) => l.status)).toEqual([200, 200, 200, 200]);
  });

  test.describe('the collector away', () => {
    // Chromium logs the 503 answer as a console error.
    test.use({ allowedConsoleErrors: [/503/] });
    test('the reason in plain French and « Réessayer », through the harness; once the collector is back, the stories', async ({ page, baseURL }) => {
      const contract = await withContract(page, baseURL);
      contract.seed(PROCEDURE, 2);
      contract.failNext('experiences', { status: 503, retryAfter: 5 });
      await page.goto('/experiences.html');
      await expect(experiences(page).getByText('Les expériences n’ont pas pu être affichées.')).toBeVisible();
      await checkState(page, { name: 'experiences: failed', widget: 'aide-experiences' });
      await experiences(page).getByRole('button', { name: 'Réessayer' }).click();
      await expect(stories(page)).toHaveCount(2);
      await expect(experiences(page).getByText('2 expériences, les plus récentes d’abord.')).toBeFocused();
    });
  });

  test('no story published yet: said plainly, through the harness', async ({ page, baseURL }) => {
    await withContract(page, baseURL);
    await page.goto('/experiences.html');
    await expect(experiences(page).getByText('Aucune expérience n’a encore été publiée pour cette démarche.')).toBeVisible();
    await checkState(page, { name: 'experiences: empty', widget: 'aide-experiences' });
  });
});
