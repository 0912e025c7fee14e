/**
 * <aide-walkthrough> end to end: in the panel of the demo page, by keyboard, across a reload, on the host page's
 * fields, alone, and with hostile content.
 */
import type { Page } from '@playwright/test';
import { test, expect, deepFocus, hostPage } from './fixtures.ts';
import { checkState, expectAnnouncement, expectStays } from '../a11y/harness.ts';

const walkthrough = (page: Page) => page.locator('aide-walkthrough');

async function openTutorials(page: Page) {
  await page.goto('/');
  await page.locator('aide-help[data-floating]').getByRole('button').click();
  await page.locator('aide-panel').locator('.entry[data-view=tutorials]').click();
  await expect(walkthrough(page).getByRole('searchbox')).toBeVisible();
}

/** The step the device's storage (IndexedDB, idb-keyval store "aide-walkthrough") holds for a tutorial. */
function savedStep(page: Page, slug: string): Promise<number | undefined> {
  return page.evaluate(
    (key) =>
      new Promise<number | undefined>((resolve) => {
        const open = indexedDB.open('aide-walkthrough');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('kv')) return resolve(undefined);
          const read = db.transaction('kv').objectStore('kv').get(key);
          read.onsuccess = () => resolve((read.result as { step?: number } | undefined)?.step);
          read.onerror = () => resolve(undefined);
        };
        open.onerror = () => resolve(undefined);
      }),
    `progress:${slug}`,
  );
}

test.describe('walkthrough', () => {
  test('catalogue: tutorials for this procedure first, search, themes; every check passes', async ({ page }) => {
    await openTutorials(page);
    const suggested = walkthrough(page).locator('section', { has: page.getByRole('heading', { name: 'Pour votre démarche' }) });
    await expect(suggested.getByRole('button')).toHaveText([/Faire une demande d'aide au logement à la CAF/]);
    await expect(walkthrough(page).getByRole('heading', { level: 4 })).toHaveCount(6);
    await checkState(page, { name: 'walkthrough: catalogue', widget: 'aide-panel' });
  });

  test('keyboard only: search, open, follow every step to the end, with focus and announcements', async ({ page }) => {
    await openTutorials(page);
    await walkthrough(page).getByRole('searchbox').focus();
    await page.keyboard.type('declaration revenu');
    await expectAnnouncement(page, /tutoriels? trouvés?/);
    const result = walkthrough(page).locator('.search').getByRole('button', { name: /Déclarer ses revenus en ligne/ });
    await expect(result).toBeVisible();
    await checkState(page, { name: 'walkthrough: search results', widget: 'aide-panel' });
    await result.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => deepFocus(page)).toMatchObject({ tag: 'h3', text: 'Déclarer ses revenus en ligne' });
    await checkState(page, { name: 'walkthrough: overview', widget: 'aide-panel' });
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).focus();
    await page.keyboard.press('Enter');
    for (let step = 1; step <= 6; step++) {
      await expect.poll(() => deepFocus(page)).toMatchObject({ tag: 'h3' });
      await expect(walkthrough(page).locator('#progress')).toHaveText(`Tutoriel : étape ${step} sur 6`);
      // Focus on the step's heading says its title: the live region says only where the person is.
      await expectAnnouncement(page, new RegExp(`^Tutoriel : étape ${step} sur 6$`));
      if (step === 2) await checkState(page, { name: 'walkthrough: step 2', widget: 'aide-panel' });
      // Tab to "Étape suivante" / "Terminer" and press it.
      const next = walkthrough(page).getByRole('button', { name: step === 6 ? 'Terminer' : 'Étape suivante' });
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        if (await next.evaluate((b) => b === (b.getRootNode() as ShadowRoot).activeElement)) break;
      }
      await page.keyboard.press('Enter');
    }
    await expect(walkthrough(page).getByRole('heading', { name: 'Vous avez terminé ce tutoriel' })).toBeFocused();
    await expect(walkthrough(page).getByRole('link', { name: /Licence Ouverte 2\.0/ })).toBeVisible();
    await checkState(page, { name: 'walkthrough: done', widget: 'aide-panel' });
  });

  test('reload halfway: the panel and the tutorial come back at the same step', async ({ page }) => {
    await openTutorials(page);
    await walkthrough(page).getByRole('button', { name: /Se connecter au wifi/ }).first().click();
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).click();
    await walkthrough(page).getByRole('button', { name: 'Étape suivante' }).click();
    await walkthrough(page).getByRole('button', { name: 'Étape suivante' }).click();
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 3 sur 5');
    // Same tab (another page of the procedure, or a reload): back at the step, without a click.
    await page.reload();
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 3 sur 5');
    // A navigation at once after the click, before the device storage has written: the step is not lost.
    await walkthrough(page).getByRole('button', { name: 'Étape suivante' }).click();
    await page.reload();
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 4 sur 5');
    await walkthrough(page).getByRole('button', { name: 'Étape précédente' }).click();
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 3 sur 5');
    // Another day (a new session: nothing but the device's storage): the catalogue offers to resume. A person comes
    // back hours later, so the device has long written the step: wait for it as the next day would.
    await expect.poll(() => savedStep(page, 'se-connecter-wifi')).toBe(3);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.locator('aide-help[data-floating]').getByRole('button').click();
    await page.locator('aide-panel').locator('.entry[data-view=tutorials]').click();
    await walkthrough(page).getByRole('button', { name: /Reprendre « Se connecter au wifi » à l’étape 3 sur 5/ }).click();
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 3 sur 5');
    await expectAnnouncement(page, /Tutoriel repris à l’étape 3 sur 5/);
    // The reduced bar on a small screen names the step.
    await page.setViewportSize({ width: 375, height: 700 });
    await page.locator('aide-panel').getByRole('button', { name: 'Réduire' }).click();
    await expect(page.locator('aide-panel').getByRole('button', { name: /Tutoriel : étape 3 sur 5\s?: Afficher/ })).toBeVisible();
  });

  test('"Me montrer" frames the field of the page and moves focus there; hidden when the field is absent', async ({ page }) => {
    await openTutorials(page);
    await walkthrough(page).getByRole('button', { name: /Faire une demande d'aide au logement/ }).first().click();
    // The demo page is at « Votre logement »: the tutorial opens at its first step for it; the loyer is a few further.
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 4 sur 11');
    await walkthrough(page).getByRole('button', { name: 'Voir toutes les étapes' }).click();
    await walkthrough(page).locator('#step-list').getByRole('button', { name: 'Indiquer votre loyer' }).click();
    await walkthrough(page).getByRole('button', { name: 'Me montrer sur la page' }).click();
    await expect(page.locator('#loyer')).toBeFocused();
    await expect(page.locator('aide-highlight')).toHaveCount(1);
    await expectAnnouncement(page, 'L’élément est encadré sur la page.');
    // The frame does not cover the field: clicks still reach it.
    // Measured and hit-tested in one go, until the page has finished scrolling the field into view.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const box = document.getElementById('loyer')!.getBoundingClientRect();
          return document.elementFromPoint(box.x + 10, box.y + box.height / 2)?.id;
        }),
      )
      .toBe('loyer');
    // On step 3's page the tutorial followed to « Indiquer vos salaires », whose field is there; back on « Indiquer
    // votre loyer » (no such field on this page), the button is not offered.
    await page.goto('/etape-3.html');
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 10 sur 11');
    await walkthrough(page).getByRole('button', { name: 'Voir toutes les étapes' }).click();
    await walkthrough(page).locator('#step-list').getByRole('button', { name: 'Indiquer votre loyer' }).click();
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 6 sur 11');
    await expect(walkthrough(page).getByRole('button', { name: 'Me montrer sur la page' })).toHaveCount(0);
  });

  test('"Je suis bloqué" leads to the locator, whose help sheet names the tutorial step', async ({ page }) => {
    await openTutorials(page);
    await walkthrough(page).getByRole('button', { name: /Déclarer ses revenus en ligne/ }).first().click();
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).click();
    await walkthrough(page).getByRole('button', { name: 'Étape suivante' }).click();
    await walkthrough(page).getByRole('button', { name: 'Je suis bloqué' }).click();
    await expect(page.locator('aide-panel').getByRole('heading', { level: 2 })).toHaveText('Trouver une aide près de chez moi');
    const locator = page.locator('aide-locator');
    await locator.getByRole('combobox').fill('13001');
    await locator.getByRole('combobox').press('Enter');
    await locator.getByRole('button', { name: 'Préparer ma fiche d’aide' }).click();
    await expect(locator.locator('.sheet')).toContainText('Vous suiviez le tutoriel « Déclarer ses revenus en ligne » : vous êtes bloqué à l’étape 2 sur 6');
  });

  test('enlarged image and step list: each state passes every check', async ({ page }) => {
    await openTutorials(page);
    await walkthrough(page).getByRole('button', { name: /Scanner un document/ }).first().click();
    // The image of the overview opens enlarged in a modal dialog; Escape closes it and the panel stays.
    await walkthrough(page).getByRole('button', { name: /Agrandir l’image/ }).click();
    await expect(walkthrough(page).getByRole('dialog')).toBeVisible();
    await checkState(page, { name: 'walkthrough: image enlarged', widget: 'aide-panel', modal: true, keyboardStart: walkthrough(page).getByRole('button', { name: 'Fermer l’image' }) });
    await page.keyboard.press('Escape');
    await expect(walkthrough(page).getByRole('dialog')).toBeHidden();
    await expect(page.locator('aide-panel').getByRole('dialog')).toBeVisible();
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).click();
    await walkthrough(page).getByRole('button', { name: 'Voir toutes les étapes' }).click();
    await expect(walkthrough(page).locator('#step-list')).toBeVisible();
    await checkState(page, { name: 'walkthrough: step list open', widget: 'aide-panel' });
    await walkthrough(page).locator('#step-list').getByRole('button', { name: /Vérifier le résultat/ }).click();
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 4 sur 5');
  });

  test('a glossary term opens its definition on activation', async ({ page }) => {
    await openTutorials(page);
    await walkthrough(page).getByRole('button', { name: /Déclarer ses revenus en ligne/ }).first().click();
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).click();
    // The step is shown when its heading has focus: a key pressed before would go to wherever focus is moving.
    await expect(walkthrough(page).locator('#step-title')).toBeFocused();
    const term = walkthrough(page).getByRole('button', { name: 'numéro fiscal' });
    await term.press('Enter');
    await expect(term).toHaveAttribute('aria-expanded', 'true');
    await expect(walkthrough(page).getByText(/Le numéro à 13 chiffres qui vous identifie/)).toBeVisible();
    await checkState(page, { name: 'walkthrough: glossary term open', widget: 'aide-panel' });
  });

  test('alone on a host page, opened on a tutorial', async ({ page }) => {
    await hostPage(page, '/alone-tutorial.html', '<aide-walkthrough tutorial="creer-mot-de-passe-solide" src="/aide/tutorials/index.json"></aide-walkthrough><script src="/aide/aide.js" data-position="none" defer></script>');
    await expect(walkthrough(page).getByRole('heading', { level: 2, name: 'Créer un mot de passe solide' })).toBeVisible();
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).click();
    await expect(walkthrough(page).getByRole('heading', { level: 2, name: 'Choisir une phrase' })).toBeFocused();
    await checkState(page, { name: 'walkthrough: alone, step 1', widget: 'aide-walkthrough' });
  });
});

test.describe('hostile tutorial content', () => {
  // The sanitised <img src="x"> is requested and not found: expected.
  test.use({ allowedConsoleErrors: [/404/] });
  test('a tutorial index with scripts, event handlers, javascript: and data: links, SVG and iframes renders inert', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const chunk = {
      v: 1, slug: 'piege', title: 'Tutoriel piégé', summary: 'Contenu hostile.', theme: 'premiers pas', level: 'débutant', duration: 1,
      prerequisites: [], procedures: [], updated: '2026-01-01', tags: [], licence: { name: 'Licence Ouverte 2.0 (Etalab)', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
      introHtml: '<p>Intro<script>alert("intro")</script></p>',
      steps: [{
        id: 'etape-1', title: 'Étape piégée',
        html: '<p onclick="alert(1)">Texte<img src="x" onerror="alert(2)"></p><a href="javascript:alert(3)">lien js</a><a href="data:text/html,<script>alert(4)</script>">lien data</a><svg onload="alert(5)"></svg><iframe src="javascript:alert(6)"></iframe><style>*{display:none}</style><p>Fin normale</p>',
      }],
      glossary: [], links: [],
    };
    await page.route('**/piege/index.json', (r) => r.fulfill({ json: { v: 1, licence: chunk.licence, themes: ['premiers pas'], search: 'search.json', tutorials: [{ slug: 'piege', title: chunk.title, summary: chunk.summary, theme: 'premiers pas', level: 'débutant', duration: 1, procedures: [], updated: '2026-01-01', tags: [], stepCount: 1, file: 'piege.json' }] } }));
    await page.route('**/piege/piege.json', (r) => r.fulfill({ json: chunk }));
    await hostPage(page, '/piege.html', '<aide-walkthrough tutorial="piege" src="/piege/index.json"></aide-walkthrough><script src="/aide/aide.js" data-position="none" defer></script>');
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).click();
    await expect(walkthrough(page).getByText('Fin normale')).toBeVisible();
    const content = await walkthrough(page).locator('.step-content').evaluate((el) => el.innerHTML);
    expect(content).not.toMatch(/<script|onclick|onerror|onload|javascript:|data:|<svg|<iframe|<style/i);
    await walkthrough(page).getByText('lien js').click();
    await expectStays(page, async () => [...dialogs], [], 'no script of the tutorial runs');
  });
});
