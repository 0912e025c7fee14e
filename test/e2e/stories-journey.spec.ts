/**
 * Issue 13, « Done when », through the REAL collector of the demo server (no route is mocked): a person tells an
 * experience in the widget with a phone number and an e-mail in it, sees it masked, sends it and gets the follow
 * link; the demo moderator signs in through the demo's local OpenID provider (real redirects, its sign-in form) and
 * publishes it; the demo responder signs in and answers in public; the person's next visit says « Vous avez une
 * réponse »; /suivi/<token> shows the masked story and the signed answer; /experiences/<procedure> lists it, and so
 * does <aide-experiences> on the demo's /experiences.html (the administration's own page); and
 * the published text (public JSON) never holds the phone number or the e-mail. The back office's moderation page
 * and the public page go through axe (light and dark) and through reflow at 320 px and 200 %.
 * Agents work in their own browser contexts: they are other people, and the back office's session cookie is theirs.
 */
import type { Browser, Page } from '@playwright/test';
import { test, expect, openPanel } from './fixtures.ts';
import { checkState, expectNoAxeViolations, expectReflow } from '../a11y/harness.ts';

const PHONE = '06 12 34 56 78';
const EMAIL = 'karim.haddad@laposte.net';
const STORY =
  'J’ai déposé ma demande de logement en ligne, le site refusait mon avis d’imposition. ' +
  `Le conseiller m’a rappelé au ${PHONE}, je lui ai envoyé le fichier à partir de ${EMAIL} et tout est rentré dans l’ordre.`;
const ANSWER = 'Merci pour votre récit. Le dépôt des avis d’imposition en PDF est réparé depuis le 5 décembre.';
const RESPONDER_SERVICE = 'Caisse d’allocations familiales (démonstration)';
const PROCEDURE = 'demande-logement';

const feedback = (page: Page) => page.locator('aide-feedback');
const panel = (page: Page) => page.locator('aide-panel');

/**
 * A server-rendered page checked with the harness: axe in both colour schemes and, unless the page is a data table
 * (WCAG 1.4.10 lets a data table scroll in its own region), reflow at 320 px and 200 %.
 */
async function checkServerPage(page: Page, state: string, { dataTable = false } = {}) {
  await expectNoAxeViolations(page, state, 'light');
  await expectNoAxeViolations(page, state, 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  if (dataTable) return;
  const viewport = page.viewportSize()!;
  await expectReflow(page, state, 'main', { width: 320, height: 640 }, 'RGAA 10.11 (320 px)');
  await expectReflow(page, state, 'main', { width: 640, height: 400 }, 'RGAA 10.4 (zoom 200 %)');
  await page.setViewportSize(viewport);
}

/** An agent in their own browser, signed in through the provider's real sign-in form (any password in the demo). */
async function signIn(browser: Browser, baseURL: string, email: string, path: string) {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
  const agent = await context.newPage();
  await agent.goto(path);
  // Not signed in: the back office sends the agent to its sign-in page, which goes on to the provider.
  await expect(agent).toHaveURL(/\/agents\/connexion\?/);
  await agent.getByRole('button', { name: 'Se connecter avec ProConnect' }).click();
  await expect(agent.locator('input[name=login]')).toBeVisible();
  expect(new URL(agent.url()).origin, 'the sign-in form is the provider’s').not.toBe(new URL(baseURL).origin);
  await agent.locator('input[name=login]').fill(email);
  await agent.locator('input[name=password]').fill('demo');
  await agent.getByRole('button', { name: 'Sign-in' }).click();
  // Back from the provider (code, state, PKCE checked by the collector) where the agent was going.
  await expect(agent).toHaveURL(new URL(path, baseURL).href);
  const session = (await context.cookies()).find((c) => c.name === 'aide_agent');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  return { context, agent };
}

test('a story from the widget to its public, signed answer, through the real collector and the demo’s OpenID provider', async ({ page, browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;

  // 1. The person tells their experience in the widget, sees the masked version, sends it.
  await openPanel(page);
  await panel(page).locator('.entry[data-view=story]').click();
  const text = feedback(page).getByRole('textbox', { name: /Que s’est-il passé/ });
  await text.fill(STORY);
  await feedback(page).getByRole('radio', { name: 'Mitigée' }).check();
  await feedback(page).getByRole('radio', { name: 'En ligne, sur internet' }).check();
  await feedback(page).getByRole('checkbox', { name: /J’accepte que mon récit soit publié/ }).check();
  await feedback(page).getByRole('button', { name: 'Vérifier mon récit avant l’envoi' }).click();
  await expect(feedback(page).getByRole('heading', { name: 'Vérifiez votre récit avant l’envoi' })).toBeFocused();
  const preview = feedback(page).locator('.preview-text');
  await expect(preview).toContainText('[numéro de téléphone masqué]');
  await expect(preview).toContainText('[adresse e-mail masquée]');
  await expect(preview).not.toContainText(PHONE);
  await expect(preview).not.toContainText(EMAIL);
  const sent = page.waitForResponse((r) => r.url() === `${origin}/api/v1/stories` && r.request().method() === 'POST');
  await feedback(page).getByRole('button', { name: 'Envoyer mon récit' }).click();
  expect((await sent).status()).toBe(201);
  await expect(feedback(page).getByRole('heading', { name: 'Merci, votre récit a été envoyé.' })).toBeFocused();
  const followLink = feedback(page).getByRole('textbox', { name: 'Lien de suivi' });
  await expect(followLink).toHaveValue(new RegExp(`^${origin}/suivi/[\\w-]{43}$`));
  const followUrl = await followLink.inputValue();

  // 2. The demo moderator signs in and publishes it.
  const moderator = await signIn(browser, baseURL!, 'moderatrice@demo.aide-numerique.fr', '/agents/moderation');
  try {
    const row = moderator.agent.getByRole('article').filter({ hasText: 'avis d’imposition' });
    await expect(row).toContainText('[numéro de téléphone masqué]');
    await expect(row).toContainText('[adresse e-mail masquée]');
    await expect(row).not.toContainText(PHONE);
    await expect(row).not.toContainText(EMAIL);
    // The queue reflows at 320 px (RGAA 10.11): a list of stories, no wide table.
    await checkServerPage(moderator.agent, 'back office: moderation');
    await row.getByRole('button', { name: /^Publier/ }).click();
    await expect(moderator.agent.getByRole('status')).toHaveText('Le récit est publié.');
    await expect(moderator.agent.getByText('Aucun récit en attente.')).toBeVisible();
  } finally {
    await moderator.context.close();
  }

  // 3. The demo responder signs in and answers in public, signed with their service's name.
  const responder = await signIn(browser, baseURL!, 'repondant@demo.aide-numerique.fr', '/agents/reponses');
  try {
    const story = responder.agent.locator('article.story').filter({ hasText: 'avis d’imposition' });
    await story.getByRole('textbox', { name: /Réponse publique/ }).fill(ANSWER);
    await story.getByRole('button', { name: 'Publier la réponse' }).click();
    await expect(responder.agent.getByRole('status')).toHaveText('Votre réponse est publiée.');
    await expect(responder.agent.getByText('Aucun récit n’attend de réponse.')).toBeVisible();
  } finally {
    await responder.context.close();
  }

  // 4. A later visit, same device (the follow endpoint is asked at most once an hour): « Vous avez une réponse ».
  await page.clock.setFixedTime(Date.now() + 2 * 3_600_000);
  await page.evaluate(() => sessionStorage.clear());
  const followed = page.waitForResponse((r) => r.url().startsWith(`${origin}/api/v1/stories/follow/`));
  await openPanel(page);
  expect((await followed).status()).toBe(200);
  const notice = panel(page).locator('.notices');
  await expect(notice.getByRole('heading', { name: 'Vous avez une réponse' })).toBeVisible();
  await expect(notice.getByRole('link', { name: /Lire la réponse/ })).toHaveAttribute('href', followUrl);
  await checkState(page, { name: 'panel: « Vous avez une réponse » (real collector)', widget: 'aide-panel' });

  // 5. The private follow page: the masked story and the answer, signed.
  await page.goto(followUrl);
  const main = page.getByRole('main');
  await expect(main).toContainText('[numéro de téléphone masqué]');
  await expect(main).toContainText('[adresse e-mail masquée]');
  await expect(main).toContainText(ANSWER);
  await expect(main).toContainText(RESPONDER_SERVICE);
  await expect(main).not.toContainText(PHONE);
  await expect(main).not.toContainText(EMAIL);

  // 6. The public page of the procedure lists it, with its answer.
  await page.goto(`/experiences/${PROCEDURE}`);
  const published = page.getByRole('main');
  await expect(published).toContainText('avis d’imposition');
  await expect(published).toContainText(ANSWER);
  await expect(published).toContainText(RESPONDER_SERVICE);
  await expect(published).not.toContainText(PHONE);
  await expect(published).not.toContainText(EMAIL);
  await checkServerPage(page, 'public: experiences of the procedure');

  // 6b. The administration's own page shows it too, in <aide-experiences> (only aide.js's tag configures it): the
  // story as text, its feeling in words, the answer signed with the service's name.
  // A new visit (the help panel left open in this tab above would cover the page at 360 px).
  await page.evaluate(() => sessionStorage.clear());
  await page.goto('/experiences.html');
  const component = page.locator('aide-experiences');
  const shown = component.getByRole('article').filter({ hasText: 'avis d’imposition' });
  await expect(shown).toHaveCount(1);
  await expect(shown.getByRole('heading', { level: 3 })).toHaveText(/^Expérience mitigée, publiée le /);
  await expect(shown).toContainText('[numéro de téléphone masqué]');
  await expect(shown.getByRole('heading', { level: 4, name: `Réponse de ${RESPONDER_SERVICE}` })).toBeVisible();
  await expect(shown).toContainText(ANSWER);
  await expect(component).not.toContainText(PHONE);
  await expect(component).not.toContainText(EMAIL);
  await expect(component.getByRole('listitem').filter({ hasText: 'expérience publiée' })).toHaveText('1 expérience publiée');
  await expect(component.getByRole('listitem').filter({ hasText: 'avec une réponse' })).toHaveText('100 % avec une réponse de l’administration');
  await expect(component.getByRole('link', { name: 'Suivre les nouvelles expériences (flux Atom)' })).toHaveAttribute('href', `${origin}/experiences/${PROCEDURE}/feed.atom`);
  await checkState(page, { name: 'experiences: the real collector’s published, answered story', widget: 'aide-experiences' });

  // 7. What is stored and published (the public JSON) never holds the phone number or the e-mail.
  const api = await page.request.get(`/api/v1/experiences?procedure=${PROCEDURE}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { items: { maskedText: string; answer?: { text: string; signedBy: string } }[]; indicators: { stories: number } };
  expect(body.items).toHaveLength(1);
  const [item] = body.items;
  expect(item!.maskedText).toContain('avis d’imposition');
  expect(item!.answer).toMatchObject({ text: ANSWER, signedBy: RESPONDER_SERVICE });
  const raw = JSON.stringify(body);
  for (const secret of [PHONE, PHONE.replace(/\s/g, ''), '12 34 56 78', EMAIL, 'karim.haddad', 'laposte.net']) expect(raw).not.toContain(secret);
});
