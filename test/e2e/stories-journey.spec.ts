/**
 * Issue 13, « Done when », through the REAL collector of the demo server (no route is mocked): a person tells an
 * experience in the widget while offline, with a phone number and an e-mail in it, sees it masked on the device,
 * sends it and sees it wait on the device; back online it is delivered once and the follow link shows; the demo
 * moderator signs in through the demo's local OpenID provider (real redirects, its sign-in form), finds it once and
 * publishes it; the demo responder signs in and answers in public; the person's next visit says « Vous avez une
 * réponse »; /suivi/<token> shows the masked story and the signed answer; /experiences/<procedure> lists it, so do
 * its Atom feed and <aide-experiences> on the demo's /experiences.html (the administration's own page); and the
 * published text (public JSON, feed) never holds the phone number or the e-mail. The back office's moderation page
 * and the public page go through axe (light and dark) and through reflow at 320 px and 200 %.
 * Agents work in their own browser contexts: they are other people, and the back office's session cookie is theirs.
 *
 * Offline, the widget needs its code on the device: a page (and the code it has not loaded yet) cannot come from a
 * network that is gone. The form's code (its masking included) is in the browser's cache after an earlier visit: the
 * chunks are hashed and cached for a year. On a first visit with the connection already gone, the form cannot open:
 * the panel says so and offers « Réessayer » (checked first below).
 */
import type { Browser, Page } from '@playwright/test';
import { test, expect, openPanel } from './fixtures.ts';
import { checkState, expectAnnouncement, expectNoAxeViolations, expectReflow } from '../a11y/harness.ts';

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

test.use({ allowedConsoleErrors: [/ERR_INTERNET_DISCONNECTED/] });

test('a story told offline, masked on the device, delivered once, published, answered: in the widget, the public page, the feed and <aide-experiences>', async ({ page, context, browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const storiesUrl = `${origin}/api/v1/stories`;
  // Every story that reached the collector (an offline attempt never does).
  const delivered: number[] = [];
  page.on('response', (r) => {
    if (r.url() === storiesUrl && r.request().method() === 'POST') delivered.push(r.status());
  });

  // 0. An earlier visit: the connection is gone before « Raconter mon expérience » is opened, and the form's code
  // never came: the panel says so, plainly, with « Réessayer ». The connection back, « Réessayer » shows the form, and
  // its masking code comes with it. The person leaves it for later.
  await openPanel(page);
  await context.setOffline(true);
  await panel(page).locator('.entry[data-view=story]').click();
  await expect(panel(page).getByText('Cette partie de l’aide n’a pas pu être chargée. Vérifiez votre connexion internet, puis réessayez.')).toBeVisible();
  await context.setOffline(false);
  await panel(page).getByRole('button', { name: 'Réessayer' }).click();
  await expect(feedback(page).getByRole('textbox', { name: /Que s’est-il passé/ })).toBeVisible();
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/chunks\/masking-[\w-]+\.js$/.test(e.name)))).toBe(true);

  // 1. Today's visit: the page arrives (aide.js preloads the panel once the browser is idle), then the connection is
  // gone before the person does anything. The form and its masking come from the browser's cache; the masked version
  // is made on the device.
  await page.evaluate(() => sessionStorage.clear());
  await page.goto('/');
  await page.waitForFunction(() => customElements.get('aide-panel') !== undefined);
  await context.setOffline(true);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
  await page.locator('aide-help[data-floating]').getByRole('button').click();
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
  await feedback(page).getByRole('button', { name: 'Envoyer mon récit' }).click();
  // It waits on the device, and the person is told so.
  await expect(feedback(page).getByRole('heading', { name: 'Merci, votre récit est enregistré sur cet appareil.' })).toBeFocused();
  await expect(feedback(page).getByText(/Il sera envoyé dès que la connexion reviendra\./)).toBeVisible();
  expect(delivered, 'nothing reached the collector offline').toEqual([]);

  // 2. The connection is back: the browser says so (its own « online » event), the story goes, once, and the follow
  // link shows where the waiting message was.
  await context.setOffline(false);
  const followLink = feedback(page).getByRole('textbox', { name: 'Lien de suivi' });
  await expect(followLink).toHaveValue(new RegExp(`^${origin}/suivi/[\\w-]{43}$`));
  await expectAnnouncement(page, 'Votre récit a été envoyé. Votre lien de suivi est affiché.');
  expect(delivered).toEqual([201]);
  const followUrl = await followLink.inputValue();

  // 3. The demo moderator signs in: the story is in the queue once, masked; she publishes it.
  const moderator = await signIn(browser, baseURL!, 'moderatrice@demo.aide-numerique.fr', '/agents/moderation');
  try {
    const row = moderator.agent.getByRole('article').filter({ hasText: 'avis d’imposition' });
    await expect(row).toHaveCount(1);
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

  // 4. The demo responder signs in and answers in public, signed with their service's name.
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

  // 5. A later visit, same device (the follow endpoint is asked at most once an hour): « Vous avez une réponse ».
  await page.clock.setFixedTime(Date.now() + 2 * 3_600_000);
  await page.evaluate(() => sessionStorage.clear());
  const followed = page.waitForResponse((r) => r.url().startsWith(`${origin}/api/v1/stories/follow/`));
  await openPanel(page);
  expect((await followed).status()).toBe(200);
  const notice = panel(page).locator('.notices');
  await expect(notice.getByRole('heading', { name: 'Vous avez une réponse' })).toBeVisible();
  await expect(notice.getByRole('link', { name: /Lire la réponse/ })).toHaveAttribute('href', followUrl);
  await checkState(page, { name: 'panel: « Vous avez une réponse » (real collector)', widget: 'aide-panel' });

  // 6. The private follow page: the masked story and the answer, signed.
  await page.goto(followUrl);
  const main = page.getByRole('main');
  await expect(main).toContainText('[numéro de téléphone masqué]');
  await expect(main).toContainText('[adresse e-mail masquée]');
  await expect(main).toContainText(ANSWER);
  await expect(main).toContainText(RESPONDER_SERVICE);
  await expect(main).not.toContainText(PHONE);
  await expect(main).not.toContainText(EMAIL);

  // 7. The public page of the procedure lists it, with its answer.
  await page.goto(`/experiences/${PROCEDURE}`);
  const published = page.getByRole('main');
  await expect(published).toContainText('avis d’imposition');
  await expect(published).toContainText(ANSWER);
  await expect(published).toContainText(RESPONDER_SERVICE);
  await expect(published).not.toContainText(PHONE);
  await expect(published).not.toContainText(EMAIL);
  await checkServerPage(page, 'public: experiences of the procedure');

  // 8. The administration's own page shows it too, in <aide-experiences> (only aide.js's tag configures it): the
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
  const feedLink = component.getByRole('link', { name: 'Suivre les nouvelles expériences (flux Atom)' });
  await expect(feedLink).toHaveAttribute('href', `${origin}/experiences/${PROCEDURE}/feed.atom`);
  await checkState(page, { name: 'experiences: the real collector’s published, answered story', widget: 'aide-experiences' });

  // 9. The Atom feed the component links to (what a feed reader gets): one entry, the masked story and the answer.
  const feed = await page.request.get((await feedLink.getAttribute('href'))!);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toMatch(/^application\/atom\+xml/);
  const atom = await feed.text();
  expect(atom.match(/<entry>/g)).toHaveLength(1);
  expect(atom).toContain('<title>Expérience mitigée, avec réponse</title>');
  expect(atom).toContain('[numéro de téléphone masqué]');
  expect(atom).toContain(`Réponse de ${RESPONDER_SERVICE} :`);
  expect(atom).toContain(ANSWER);

  // 10. What is stored and published (the public JSON, the feed) never holds the phone number or the e-mail, and the
  // story reached the collector once in the whole journey.
  const api = await page.request.get(`/api/v1/experiences?procedure=${PROCEDURE}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { items: { maskedText: string; answer?: { text: string; signedBy: string } }[]; indicators: { stories: number } };
  expect(body.items).toHaveLength(1);
  const [item] = body.items;
  expect(item!.maskedText).toContain('avis d’imposition');
  expect(item!.answer).toMatchObject({ text: ANSWER, signedBy: RESPONDER_SERVICE });
  const raw = JSON.stringify(body);
  for (const secret of [PHONE, PHONE.replace(/\s/g, ''), '12 34 56 78', EMAIL, 'karim.haddad', 'laposte.net']) {
    expect(raw).not.toContain(secret);
    expect(atom).not.toContain(secret);
  }
  expect(delivered).toEqual([201]);
});
