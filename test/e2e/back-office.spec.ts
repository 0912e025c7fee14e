/**
 * The agents' back office in a real browser, through the demo's collector and its local OpenID provider: the
 * indicators page (charts as images named by their heading and summary, data tables, axe in light and dark, forced
 * colours, reflow at 320 px and 200 %, filter and CSV export without JavaScript). Agents work in browser contexts of
 * their own: the back office's session cookie is theirs, never the host page's. The administrators' page for agents
 * and the moderators' masking page go through the whole RGAA harness (checkState) in each state, and work without
 * JavaScript.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { checkState, expectNoAxeViolations, expectReflow } from '../a11y/harness.ts';

/**
 * An agent signed in through the provider's real sign-in form (any password in the demo), on `path`. `harness`: the
 * harness injects style sheets to test (text spacing, forced colours…), which the pages' strict CSP would block.
 */
async function signIn(browser: Browser, baseURL: string, email: string, path: string, javaScriptEnabled = true, harness = false) {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', javaScriptEnabled, acceptDownloads: true, bypassCSP: harness });
  const agent = await context.newPage();
  await agent.goto(path);
  await expect(agent).toHaveURL(/\/agents\/connexion\?/);
  await agent.getByRole('button', { name: 'Se connecter avec ProConnect' }).click();
  await agent.locator('input[name=login]').fill(email);
  await agent.locator('input[name=password]').fill('demo');
  await agent.getByRole('button', { name: 'Sign-in' }).click();
  await expect(agent).toHaveURL(new URL(path, baseURL).href);
  return { context, agent };
}

/** The harness's checks on a page the collector serves, on its `main` (each recorded for the RGAA grid). */
const checkServerState = (page: Page, state: string) => checkState(page, { name: state, widget: 'main', serverPage: true });

async function send(page: Page, path: string, data: object) {
  const r = await page.request.post(path, { headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, data });
  expect(r.status()).toBe(201);
}

test('indicators week by week: charts people look at, each with its summary and table; accessible; CSV without JavaScript', async ({ page, browser, baseURL }) => {
  const procedure = `indicateurs-${Date.now()}`;
  await send(page, '/api/v1/feedback', { procedure, satisfaction: 'good', clarity: 5, difficulties: ['attachments'], help: ['phone'] });
  await send(page, '/api/v1/feedback', { procedure, satisfaction: 'medium', clarity: 3 });
  await send(page, '/api/v1/blocked', { tutorial: 'aides-logement', step: 2, procedure });
  await send(page, '/api/v1/blocked', { tutorial: 'aides-logement', step: 3, procedure });

  const path = `/agents/indicateurs?procedure=${procedure}`;
  const { context, agent } = await signIn(browser, baseURL!, 'admin@demo.aide-numerique.fr', path);
  try {
    await expect(agent.getByRole('heading', { level: 1 })).toHaveText('Indicateurs');
    const satisfaction = agent.getByRole('img', { name: /^Note de satisfaction sur 10, semaine par semaine Sur 12 semaines .*2 avis pour la démarche .* note de 7,5 sur 10/ });
    await expect(satisfaction).toBeVisible();
    await expect(agent.getByRole('img', { name: /^« Je suis bloqué » dans le tutoriel « aides-logement », étape par étape/ })).toBeVisible();
    await expect(agent.getByRole('table', { name: 'Avis « Je donne mon avis » par semaine' })).toBeVisible();
    await expect(agent.getByRole('img')).toHaveCount(6);
    // The bars have a size people can see, and the values are written beside them.
    const bar = await satisfaction.locator('rect').last().boundingBox();
    expect(bar!.width).toBeGreaterThan(100);
    await expect(satisfaction.locator('text.value').last()).toHaveText('7,5 sur 10 (2 avis)');

    await expectNoAxeViolations(agent, 'back office: indicators', 'light');
    await expectNoAxeViolations(agent, 'back office: indicators', 'dark');
    await agent.emulateMedia({ colorScheme: 'light' });
    // Forced colours: the bars and their text take the system's text colour (never a colour that vanishes).
    await agent.emulateMedia({ forcedColors: 'active' });
    const colours = await satisfaction.evaluate((svg) => ({
      bar: getComputedStyle(svg.querySelectorAll('rect')[svg.querySelectorAll('rect').length - 1]!).fill,
      text: getComputedStyle(svg.querySelector('text')!).fill,
      body: getComputedStyle(document.body).color,
    }));
    expect(colours.bar).toBe(colours.body);
    expect(colours.text).toBe(colours.body);
    await agent.emulateMedia({ forcedColors: 'none' });
    await expectReflow(agent, 'back office: indicators', 'main', { width: 320, height: 640 }, 'RGAA 10.11 (320 px)');
    const narrow = await satisfaction.locator('rect').last().boundingBox();
    expect(narrow!.x + narrow!.width, 'the bars shrink with the page').toBeLessThanOrEqual(320);
    await expectReflow(agent, 'back office: indicators', 'main', { width: 640, height: 400 }, 'RGAA 10.4 (zoom 200 %)');
  } finally {
    await context.close();
  }

  // Without JavaScript: the filter and the CSV export are plain forms.
  const noScript = await signIn(browser, baseURL!, 'admin@demo.aide-numerique.fr', '/agents/indicateurs', false);
  try {
    await noScript.agent.getByLabel('Démarche', { exact: true }).selectOption(procedure);
    await noScript.agent.getByRole('button', { name: 'Afficher' }).click();
    await expect(noScript.agent).toHaveURL(new RegExp(`/agents/indicateurs\\?procedure=${procedure}&from=`));
    const download = noScript.agent.waitForEvent('download');
    await noScript.agent.getByRole('button', { name: /^Exporter ces indicateurs en CSV/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^indicateurs-${procedure}-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = readFileSync(await file.path(), 'utf8');
    expect(csv.startsWith('\uFEFFsemaine_du,demarche,avis,tres_bien,moyen,pas_bien,note_satisfaction_sur_10')).toBe(true);
    expect(csv).toMatch(new RegExp(`\\r\\n\\d{4}-\\d{2}-\\d{2},${procedure},2,1,1,0,7\\.5,2,4,`));
  } finally {
    await noScript.context.close();
  }
});

test('the back office reflows at 320 px (RGAA 10.11): moderation queue, home, opinions dashboard, journal', async ({ page, browser, baseURL }) => {
  await send(page, '/api/v1/stories', {
    procedure: 'demande-logement',
    text: 'Le site affichait https://www.service-public.fr/particuliers/vosdroits/une-adresse-tres-longue-sans-espace-qui-ne-se-coupe-pas et je ne savais plus quoi faire pour mon dossier.',
    feeling: 'mixed',
    channel: 'online',
    consent: true,
    locale: 'fr',
  });
  const moderator = await signIn(browser, baseURL!, 'moderatrice@demo.aide-numerique.fr', '/agents/moderation');
  try {
    await expect(moderator.agent.getByRole('article').first()).toBeVisible();
    await expect(moderator.agent.getByRole('list', { name: 'Récits en attente, les plus anciens d’abord' })).toBeVisible();
    await expectReflow(moderator.agent, 'back office: moderation', 'main', { width: 320, height: 640 }, 'RGAA 10.11 (320 px)');
    // The decision stays within the page: both forms, their button and the reasons' list.
    for (const control of [moderator.agent.getByRole('button', { name: /^Publier/ }).first(), moderator.agent.getByLabel('Motif du refus').first()]) {
      const box = (await control.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(320);
    }
    await expectReflow(moderator.agent, 'back office: moderation', 'body', { width: 320, height: 640 }, 'RGAA 10.11 (320 px), header and navigation');
    // The story is refused from the narrow page (a reason from the charter), leaving the queue as other tests expect it.
    const mine = moderator.agent.getByRole('article').filter({ hasText: 'une-adresse-tres-longue' });
    await mine.getByLabel('Motif du refus').selectOption('hors-sujet');
    await mine.getByRole('button', { name: /^Refuser/ }).click();
    await expect(moderator.agent.getByRole('status')).toHaveText('Le récit est refusé ; la personne voit le motif sur son lien de suivi.');
  } finally {
    await moderator.context.close();
  }
  const admin = await signIn(browser, baseURL!, 'admin@demo.aide-numerique.fr', '/agents');
  try {
    await admin.agent.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/agents', '/agents/avis', '/agents/reponses', '/agents/journal']) {
      await admin.agent.goto(path);
      await expect(admin.agent.getByRole('heading', { level: 1 })).toBeVisible();
      await expectReflow(admin.agent, `back office: ${path}`, 'body', { width: 320, height: 640 }, 'RGAA 10.11 (320 px)');
    }
  } finally {
    await admin.context.close();
  }
});

test('agents’ admin page: list, errors tied to their fields, add, edit, deactivate; the RGAA harness in each state', async ({ browser, baseURL }) => {
  const email = `agent-${Date.now()}@demo.aide-numerique.fr`;
  const admin = await signIn(browser, baseURL!, 'admin@demo.aide-numerique.fr', '/agents/comptes', true, true);
  try {
    const agent = admin.agent;
    await expect(agent.getByRole('heading', { level: 1 })).toHaveText('Agents');
    await expect(agent.getByRole('table', { name: /agents? inscrits?$/ })).toBeVisible();
    await expect(agent.locator('script')).toHaveCount(0);
    await checkServerState(agent, 'back office: agents');
    // Sent empty: the errors are listed at the top as links, each tied to its field; a link takes the keyboard there.
    await agent.getByRole('button', { name: 'Ajouter l’agent' }).click();
    const summary = agent.getByRole('alert');
    await expect(summary.getByRole('heading')).toHaveText('3 erreurs empêchent d’enregistrer');
    const address = agent.getByLabel('Adresse e-mail');
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await expect(address).toHaveAccessibleDescription(/Celle de sa connexion ProConnect.*Adresse e-mail : écrivez l’adresse professionnelle/);
    await expect(agent.getByRole('group', { name: 'Rôles' })).toHaveAccessibleDescription('Rôles : cochez au moins un rôle.');
    await checkServerState(agent, 'back office: agents, form with errors');
    await summary.getByRole('link', { name: /^Service/ }).click();
    await expect(agent.getByLabel('Service', { exact: true })).toBeFocused();
    await address.fill(email);
    await agent.getByLabel(/^Réponses : /).check();
    await agent.getByLabel('Service', { exact: true }).fill('CAF de test');
    await agent.getByLabel('Autres démarches').fill('demande-logement');
    await agent.getByRole('button', { name: 'Ajouter l’agent' }).click();
    await expect(agent.getByRole('status')).toHaveText('L’agent est ajouté : il peut se connecter avec ProConnect.');
    await agent.getByRole('link', { name: `Modifier ${email}` }).click();
    await expect(agent.getByRole('heading', { level: 1 })).toHaveText(`Modifier l’agent ${email}`);
    await checkServerState(agent, 'back office: one agent');
    await agent.getByRole('button', { name: `Désactiver le compte de ${email}` }).click();
    await expect(agent.getByRole('status')).toHaveText('Le compte est désactivé ; ses sessions sont fermées.');
    await expect(agent.getByRole('row', { name: new RegExp(email) })).toContainText('Désactivé');
  } finally {
    await admin.context.close();
  }
});

test('masking more before publishing: the RGAA harness on the page and its refusal; the masking done without JavaScript', async ({ page, browser, baseURL }) => {
  await send(page, '/api/v1/stories', {
    procedure: 'demande-logement',
    text: 'Je travaille à la boulangerie du Port, au guichet de Mérignac on ne répond plus. Écrivez-moi à paul.durand@exemple.fr.',
    feeling: 'negative',
    channel: 'desk',
    consent: true,
    locale: 'fr',
  });
  const moderator = await signIn(browser, baseURL!, 'moderatrice@demo.aide-numerique.fr', '/agents/moderation', true, true);
  let address = '';
  try {
    const agent = moderator.agent;
    const mine = agent.getByRole('article').filter({ hasText: 'boulangerie du Port' }).last();
    await mine.getByRole('link', { name: /^Masquer d’autres passages du récit reçu le/ }).click();
    await expect(agent.getByRole('heading', { level: 1 })).toHaveText('Masquer d’autres passages');
    address = new URL(agent.url()).pathname;
    const field = agent.getByLabel('Récit à publier');
    await expect(field).toHaveValue('Je travaille à la boulangerie du Port, au guichet de Mérignac on ne répond plus. Écrivez-moi à [adresse e-mail masquée].');
    await checkServerState(agent, 'back office: masking more');
    // A word rewritten: refused, said in the field's description, nothing changed.
    await field.fill('Je travaille à la [masqué], au guichet de Bordeaux on ne répond plus. Écrivez-moi à [adresse e-mail masquée].');
    await agent.getByRole('button', { name: 'Masquer ces passages' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/jamais démasquer ni réécrire\. Rien n’a été modifié\./);
    await checkServerState(agent, 'back office: masking more, refused');
  } finally {
    await moderator.context.close();
  }
  // The same page without JavaScript: a plain form.
  const noScript = await signIn(browser, baseURL!, 'moderatrice@demo.aide-numerique.fr', address, false);
  try {
    const agent = noScript.agent;
    await agent.getByLabel('Récit à publier').fill('Je travaille à la [masqué], au guichet de [masqué] on ne répond plus. Écrivez-moi à [adresse e-mail masquée].');
    await agent.getByRole('button', { name: 'Masquer ces passages' }).click();
    await expect(agent.getByRole('status')).toHaveText('Les passages sont masqués. Relisez le récit avant de le publier.');
    const masked = agent.getByRole('article').filter({ hasText: 'Je travaille à la [information personnelle masquée], au guichet de [information personnelle masquée]' });
    await expect(masked).toContainText('Masqué : adresse e-mail (1), masqué par la modération (2).');
    // Refused, leaving the queue as other tests expect it.
    await masked.getByLabel('Motif du refus').selectOption('hors-sujet');
    await masked.getByRole('button', { name: /^Refuser/ }).click();
    await expect(agent.getByRole('status')).toHaveText('Le récit est refusé ; la personne voit le motif sur son lien de suivi.');
  } finally {
    await noScript.context.close();
  }
});
