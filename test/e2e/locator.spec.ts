/**
 * <aide-locator> end to end, in the panel of the demo page and alone, on the real embedded data.
 */
import type { Page } from '@playwright/test';
import { test, expect, deepFocus, hostPage, openPanel } from './fixtures.ts';
import { checkState, expectAnnouncement, expectNoAxeViolations, liveRegionText } from '../a11y/harness.ts';

// A Monday, 10:00 in Paris (09:00 UTC): places and the phone line are open.
const MONDAY_10H = new Date('2026-11-23T09:00:00Z');
// A Saturday, 15:00 in Paris.
const SATURDAY_15H = new Date('2026-11-28T14:00:00Z');

const locator = (page: Page) => page.locator('aide-locator');
const field = (page: Page) => locator(page).getByRole('combobox', { name: 'Code postal ou commune' });

async function openLocator(page: Page, path = '/') {
  await openPanel(page, path);
  const entry = page.locator('aide-panel').locator('.entry[data-view=locator]');
  await expect(entry.or(locator(page).getByRole('combobox'))).toBeVisible();
  if (await entry.isVisible()) await entry.click();
  await expect(locator(page).getByRole('combobox')).toBeVisible();
}

/** France services come first for the demo's CAF procedure; each group is nearest first. */
async function expectNearestFirst(page: Page): Promise<number[]> {
  const cards = locator(page).locator('.place');
  const fs = await cards.evaluateAll((els) => els.map((e) => !!e.querySelector('.labels')?.textContent?.includes('France Services')));
  const d = await distances(page);
  const firstGroup = fs.indexOf(false) === -1 ? d.length : fs.indexOf(false);
  const head = d.slice(0, firstGroup);
  const tail = d.slice(firstGroup);
  expect(head).toEqual([...head].sort((a, b) => a - b));
  expect(tail).toEqual([...tail].sort((a, b) => a - b));
  return d;
}

/** Types and submits with Enter (the suggestion list, which may open over the button, stays unused). */
async function search(page: Page, text: string) {
  await field(page).fill(text);
  await field(page).press('Enter');
}

async function distances(page: Page): Promise<number[]> {
  const texts = await locator(page).locator('.place .distance').allInnerTexts();
  return texts.map((t) => {
    const m = /à ([\d,]+) (k?m)/.exec(t)!;
    const value = Number(m[1]!.replace(',', '.'));
    return m[2] === 'm' ? value / 1000 : value;
  });
}

test.describe('locator', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(MONDAY_10H);
  });

  test('empty form and phone line: every check passes', async ({ page }) => {
    await openLocator(page);
    await expect(locator(page).getByRole('heading', { name: 'Par téléphone' })).toBeVisible();
    await expect(locator(page).getByRole('link', { name: 'Appeler le 01 70 772 372' })).toHaveAttribute('href', 'tel:+33170772372');
    await expect(locator(page).getByText('Joignable maintenant, jusqu’à 18 h')).toBeVisible();
    await checkState(page, { name: 'locator: empty form', widget: 'aide-panel' });
  });

  test('keyboard only: "st etienne" suggests Saint-Étienne, arrows and Enter choose and search; nearest first', async ({ page }) => {
    await openLocator(page);
    await field(page).focus();
    await page.keyboard.type('st etienne');
    const listbox = locator(page).getByRole('listbox');
    await expect(listbox).toBeVisible();
    await expect(field(page)).toHaveAttribute('aria-expanded', 'true');
    await expectAnnouncement(page, /communes proposées/);
    await checkState(page, { name: 'locator: suggestions open', widget: 'aide-panel', keyboardStart: field(page) });
    // The keyboard walk moved focus: come back and choose.
    await field(page).focus();
    await page.keyboard.press('ArrowDown');
    await expect(field(page)).toHaveAttribute('aria-activedescendant', 'suggestion-0');
    await expect(listbox.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    // Choosing fills the field and searches (issue 9: the list no longer hides « Rechercher » for nothing). Nothing
    // moves under the person (RGAA 7.4): focus stays in the field, and the results are announced.
    await expect(field(page)).toHaveValue('Saint-Étienne (42)');
    await expect(listbox).toBeHidden();
    await expect(locator(page).getByRole('heading', { name: '10 lieux près de Saint-Étienne (42)' })).toBeVisible();
    await expectAnnouncement(page, '10 lieux près de Saint-Étienne (42)');
    expect((await deepFocus(page)).tag).toBe('input');
    // « Rechercher » gives the same list.
    await page.keyboard.press('Tab');
    expect((await deepFocus(page)).text).toBe('Rechercher');
    await page.keyboard.press('Enter');
    await expect(locator(page).getByRole('heading', { name: '10 lieux près de Saint-Étienne (42)' })).toBeVisible();
    const d = await expectNearestFirst(page);
    expect(d).toHaveLength(10);
    expect(Math.min(...d)).toBeLessThan(5);
    await checkState(page, { name: 'locator: results', widget: 'aide-panel' });
  });

  test('a place shows its address, honest hours in Paris time, a tel: link and directions', async ({ page }) => {
    await openLocator(page);
    await search(page, '69001');
    const first = locator(page).locator('.place').first();
    await expect(first.getByRole('heading')).toBeVisible();
    await expect(first.locator('.address')).toContainText('69');
    await expect(first.locator('.hours-line')).toHaveText(/^(Ouvert, ferme|Ouvert, ferme bientôt|Fermé, ouvre|Horaires : se renseigner|Fermé)/);
    const directions = first.getByRole('link', { name: /Voir l’itinéraire vers .* \(nouvelle fenêtre\)/ });
    await expect(directions).toHaveAttribute('href', /openstreetmap\.org\/directions\?to=45\.\d+%2C4\.\d+/);
    const tel = locator(page).locator('.place a[href^="tel:+33"]').first();
    // The number as written in France, and whose number it is (two places may share one).
    // The number's spaces are no-break spaces: it stays on one line.
    await expect(tel).toHaveAccessibleName(/^0\d(\u00a0\d\d){4} \(téléphone de .+\)$/);
    // At least one place of Lyon is open on a Monday at 10:00 and says when it closes.
    await expect(locator(page).locator('.hours-line.open').first()).toHaveText(/^Ouvert, ferme (bientôt \()?à \d+ h/);
  });

  test('the same instant on a device in New York gives the same Paris opening state', async ({ browser, baseURL }) => {
    const texts: string[][] = [];
    for (const timezoneId of ['Europe/Paris', 'America/New_York']) {
      const context = await browser.newContext({ timezoneId, ...(baseURL ? { baseURL } : {}) });
      const page = await context.newPage();
      await page.clock.setFixedTime(SATURDAY_15H);
      await openLocator(page);
      await search(page, '33000');
      await expect(locator(page).locator('.place').first()).toBeVisible();
      texts.push(await locator(page).locator('.place .hours-line').allInnerTexts());
      await expect(locator(page).locator('.phone-line .hours-line')).toHaveText('Fermé, rouvre lundi à 9 h');
      await context.close();
    }
    expect(texts[1]).toEqual(texts[0]);
    expect(texts[0]!.some((t) => /Fermé, ouvre lundi à \d+ h/.test(t))).toBe(true);
  });

  test('bad input gets a clear message tied to the field, never an exception', async ({ page }) => {
    await openLocator(page);
    const cases: [string, RegExp][] = [
      ['', /Tapez un code postal ou le nom d’une commune/],
      ['7500', /Un code postal a 5 chiffres, par exemple 75011/],
      ['99999', /Le code postal 99999 n’existe pas/],
      ['ABCDE', /Nous ne trouvons pas de commune « ABCDE »/],
      ['x'.repeat(500), /Ce texte est trop long/],
      ['😀😀', /Tapez un code postal \(5 chiffres\) ou le nom d’une commune/],
    ];
    for (const [text, message] of cases) {
      await search(page, text);
      const error = locator(page).locator('#location-error');
      await expect(error).toHaveText(message);
      await expect(field(page)).toHaveAttribute('aria-invalid', 'true');
      await expect(field(page)).toHaveAttribute('aria-describedby', 'location-hint location-error');
      await expectAnnouncement(page, message, 'assertive');
      expect((await deepFocus(page)).tag).toBe('input');
    }
    await checkState(page, { name: 'locator: field error', widget: 'aide-panel' });
    // A postal code with a space is read as meant.
    await search(page, '75 011');
    await expect(field(page)).toHaveAttribute('aria-invalid', 'false');
    await expect(locator(page).getByRole('heading', { name: /lieux près de Paris 11e Arrondissement \(75\)/ })).toBeVisible();
  });

  test('homonyms told apart by département; overseas works', async ({ page }) => {
    await openLocator(page);
    await field(page).fill('saint denis');
    const options = locator(page).getByRole('option');
    await expect(options.filter({ hasText: 'Saint-Denis (93)' })).toHaveCount(1);
    await expect(options.filter({ hasText: 'Saint-Denis (974)' })).toHaveCount(1);
    await options.filter({ hasText: 'Saint-Denis (974)' }).click();
    await locator(page).getByRole('button', { name: 'Rechercher', exact: true }).click();
    await expect(locator(page).getByRole('heading', { name: /lieux près de Saint-Denis \(974\)/ })).toBeVisible();
    expect((await distances(page))[0]).toBeLessThan(10);
    await expect(locator(page).locator('.place .address').first()).toContainText('974');
  });

  test('a shared postal code offers the other communes', async ({ page }) => {
    await openLocator(page);
    await search(page, '01400');
    await expect(locator(page).getByText('Autres communes avec le code postal 01400 :')).toBeVisible();
    const other = locator(page).locator('.others button').first();
    const name = (await other.innerText()).trim();
    await other.click();
    const heading = locator(page).getByRole('heading', { name: new RegExp(`près de ${name.replace(/[()]/g, '\\$&')}`) });
    await expect(heading).toBeVisible();
    // The button pressed has left the list: focus goes to the results' heading, which says where they are.
    await expect(heading).toBeFocused();
  });

  test('geolocation granted: places near the position', async ({ page, context }) => {
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 43.6047, longitude: 1.4442 }); // Toulouse
    await openLocator(page);
    await locator(page).getByRole('button', { name: 'Utiliser ma position' }).click();
    await expect(locator(page).getByRole('heading', { name: '10 lieux près de votre position' })).toBeVisible();
    expect((await distances(page))[0]).toBeLessThan(3);
    await expect(locator(page).locator('.place .address').first()).toContainText('31');
  });

  test('geolocation refused: a clear message tied to the field', async ({ page, context }) => {
    await context.clearPermissions();
    await openLocator(page);
    await locator(page).evaluate(() => {
      // Chromium headless answers a prompt with "denied" only after a delay: answer at once, like a refusal.
      navigator.geolocation.getCurrentPosition = (_ok, error) =>
        error?.({ code: 1, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3, message: 'denied' });
    });
    await locator(page).getByRole('button', { name: 'Utiliser ma position' }).click();
    await expect(locator(page).locator('#location-error')).toHaveText(/Vous n’avez pas autorisé l’accès à votre position/);
    await expect(field(page)).toHaveAttribute('aria-invalid', 'true');
    // Focus goes to the field, whose description says the error: no live message on top.
    await expect(field(page)).toBeFocused();
    await expect(field(page)).toHaveAccessibleDescription(/Vous n’avez pas autorisé l’accès à votre position/);
    expect((await liveRegionText(page)).assertive).toBe('');
    await checkState(page, { name: 'locator: geolocation refused', widget: 'aide-panel' });
  });

  test('nothing within 30 km: say so and offer the phone line first', async ({ page, context }) => {
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 3.622, longitude: -53.209 }); // Saül, in the heart of French Guiana
    await openLocator(page);
    await locator(page).getByRole('button', { name: 'Utiliser ma position' }).click();
    await expect(locator(page).getByText('Aucun lieu d’aide à moins de 30 km. Le plus simple : appelez la ligne d’aide gratuite.').first()).toBeVisible();
    const order = await locator(page).locator('.results .phone-line, .results .places').evaluateAll((els) => els.map((e) => e.className));
    expect(order[0]).toContain('phone-line');
    await checkState(page, { name: 'locator: nothing within 30 km', widget: 'aide-panel' });
  });

  test('filters from the standard, count announced; France services first for a CAF procedure', async ({ page }) => {
    await openLocator(page);
    await search(page, '01000');
    // The demo procedure (demande-logement, a CAF procedure): France services come first.
    await expect(locator(page).getByText('les France services sont proposées en premier')).toBeVisible();
    await expect(locator(page).locator('.place').first().locator('.labels')).toContainText('France Services');
    await expectNearestFirst(page);
    // The three most used filters are in sight; the others behind « Plus de filtres », a disclosure, by keyboard.
    const more = locator(page).getByRole('button', { name: /^Plus de filtres/ });
    await expect(locator(page).getByRole('group', { name: 'Filtrer les lieux' }).getByRole('checkbox')).toHaveCount(3);
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(locator(page).getByRole('group', { name: 'Services proposés' })).toHaveCount(0);
    await locator(page).getByRole('checkbox', { name: 'Aide aux démarches administratives' }).focus();
    await page.keyboard.press('Tab');
    await expect(more).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await expect(more).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(locator(page).getByRole('checkbox', { name: /^Accessible en fauteuil roulant/ })).toBeFocused();
    // Escape closes it, focus back on its button.
    await page.keyboard.press('Escape');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(more).toBeFocused();
    await expect(page.locator('aide-panel').getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Space');
    await expect(locator(page).getByRole('group', { name: 'Services proposés' })).toBeVisible();
    await checkState(page, { name: 'locator: filters open', widget: 'aide-panel' });
    await locator(page).getByRole('checkbox', { name: 'Surdité' }).check();
    await expectAnnouncement(page, /\d+ lieux? correspond/);
    // The list is refreshed in place: focus stays on the checkbox.
    await expect(locator(page).getByRole('checkbox', { name: 'Surdité' })).toBeFocused();
    const cards = locator(page).locator('.place');
    const count = await cards.count();
    expect(count).toBeGreaterThan(0);
    await expect(locator(page).getByRole('button', { name: 'Plus de filtres (1 filtre actif)' })).toBeVisible();
    // Wheelchair access is almost never filled in the open data: the filter says so, and finds nothing here.
    await locator(page).getByRole('checkbox', { name: /Accessible en fauteuil roulant \(rarement renseigné/ }).check();
    await expectAnnouncement(page, 'Aucun lieu ne correspond.');
    await expect(locator(page).locator('.place')).toHaveCount(0);
    await expect(locator(page).getByRole('link', { name: 'Appeler le 01 70 772 372' })).toBeVisible();
    await locator(page).getByRole('button', { name: 'Retirer tous les filtres' }).click();
    await expect(locator(page).locator('.place')).toHaveCount(10);
    // The button is gone with the filters: focus goes back to « Plus de filtres ».
    await expect(locator(page).getByRole('button', { name: 'Plus de filtres' })).toBeFocused();
  });

  test('offline once loaded: filters and more results still work without network', async ({ page, context }) => {
    await openLocator(page);
    await search(page, '44000');
    await expect(locator(page).locator('.place')).toHaveCount(10);
    await context.setOffline(true);
    await locator(page).getByRole('button', { name: 'Afficher plus de lieux' }).click();
    await expect(locator(page).locator('.place')).toHaveCount(20);
    // Focus on the first new place: the person reads on from there.
    await expect(locator(page).locator('#place-10-name')).toBeFocused();
    await locator(page).getByRole('checkbox', { name: 'Gratuit' }).check();
    await expect(locator(page).getByRole('heading', { name: /lieux près de Nantes/ })).toBeVisible();
    await context.setOffline(false);
  });

  test('in English and Arabic', async ({ page }) => {
    await openLocator(page, '/?locale=ar');
    await expect(locator(page)).toHaveAttribute('dir', 'rtl');
    await locator(page).getByRole('combobox', { name: 'الرمز البريدي أو البلدية' }).fill('75011');
    await locator(page).getByRole('combobox', { name: 'الرمز البريدي أو البلدية' }).press('Enter');
    await expect(locator(page).locator('.place').first()).toBeVisible();
    await checkState(page, { name: 'locator: results (ar)', widget: 'aide-panel', lang: 'ar' });
    await openLocator(page, '/?locale=en');
    // With the mouse: the suggestion, then the button.
    await locator(page).getByRole('combobox', { name: 'Postal code or town' }).fill('75011');
    await locator(page).getByRole('option', { name: /Paris 11e Arrondissement/ }).click();
    await expect(locator(page).getByRole('listbox')).toBeHidden();
    await locator(page).getByRole('button', { name: 'Search', exact: true }).click();
    await expect(locator(page).getByRole('heading', { name: /places near Paris 11e Arrondissement/ })).toBeVisible();
    await expect(locator(page).locator('.place .distance').first()).toHaveText(/ (k?m) away$/);
  });

  test('alone on a host page, loaded by aide.js', async ({ page }) => {
    await hostPage(page, '/alone.html', '<aide-locator src="/aide/places/index.json"></aide-locator><script src="/aide/aide.js" data-position="none" defer></script>');
    await expect(page.locator('aide-locator').getByRole('heading', { level: 2, name: 'Trouver une aide près de chez moi' })).toBeVisible();
    await search(page, '67000');
    await expect(locator(page).getByRole('heading', { level: 3, name: /lieux près de Strasbourg/ })).toBeVisible();
    await expect(locator(page).locator('.place h4').first()).toBeVisible();
    await checkState(page, { name: 'locator: alone, results', widget: 'aide-locator' });
  });

  test.describe('opening a window on purpose', () => {
    test.use({ allowPopups: true });
  test('help sheet: chosen places, phone line and tutorial step, printable in its own page', async ({ page, context }) => {
      // The person followed a tutorial on an earlier page of the procedure: the tab's session has the step, which the
      // panel reads when it starts and passes down to the locator.
      await page.addInitScript(() =>
        sessionStorage.setItem(
          'aide:context',
          JSON.stringify({ tutorial: { tutorial: 'demande-aide-logement', title: 'Faire une demande d’aide au logement', step: 3, total: 7, stepTitle: 'Indiquer votre loyer' } }),
        ),
      );
      await openLocator(page);
      await search(page, '35000');
      const boxes = locator(page).getByRole('checkbox', { name: /Ajouter à ma fiche d’aide/ });
      await boxes.nth(1).check();
      await boxes.nth(2).check();
      await locator(page).getByRole('button', { name: 'Préparer ma fiche d’aide' }).click();
      const sheet = locator(page).locator('.sheet');
      await expect(sheet.getByRole('heading', { name: 'Ma fiche d’aide' })).toBeFocused();
      await expect(sheet.locator('ol > li')).toHaveCount(2);
      await expect(sheet).toContainText('vous êtes bloqué à l’étape 3 sur 7, « Indiquer votre loyer »');
      await expect(sheet).toContainText('01 70 772 372');
      await checkState(page, { name: 'locator: help sheet', widget: 'aide-panel' });
      const [popup] = await Promise.all([context.waitForEvent('page'), sheet.getByRole('link', { name: /Imprimer ou enregistrer la fiche/ }).click()]);
      await popup.waitForLoadState();
      await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Ma fiche d’aide');
      await expect(popup.locator('ol > li')).toHaveCount(2);
      await expect(popup.getByText('Solidarité Numérique : 01 70 772 372')).toBeVisible();
      await expect(popup.getByRole('button', { name: 'Imprimer' })).toBeFocused();
      // On paper, what stays true: the week day by day, never « rouvre demain » or « joignable maintenant ».
      await expect(popup.getByText('Horaires : du lundi au vendredi, de 9 h à 18 h.')).toBeVisible();
      await expect(popup.locator('body')).not.toContainText(/rouvre|Joignable maintenant|Ouvert, ferme|Fermé, ouvre/);
      for (const place of await popup.locator('ol > li').all()) {
        const week = place.getByRole('table');
        if ((await week.count()) === 0) {
          await expect(place).toContainText('Horaires : se renseigner');
          continue;
        }
        await expect(week.getByRole('columnheader')).toHaveText(['Jour', 'Horaires']);
        await expect(week.getByRole('rowheader')).toHaveText(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
      }
      // Phone numbers: text on paper, links on a phone.
      await expect(popup.getByRole('link', { name: '01 70 772 372' })).toHaveAttribute('href', 'tel:+33170772372');
      const placePhones = popup.locator('ol > li a[href^="tel:"]');
      for (const link of await placePhones.all()) await expect(link).toHaveText(/^0\d( \d\d){4}$|^\+\d/);
      await expectNoAxeViolations(popup, 'help sheet page', 'light');
    });

  });

  test.describe('with the network failing', () => {
    test.use({ allowedConsoleErrors: [/Failed to load resource|ERR_FAILED/] });
  test('data unreachable: a clear message, a retry, and the phone line', async ({ page }) => {
      await page.route('**/aide/places/dep-*.json', (route) => route.abort());
      await openLocator(page);
      await search(page, '13001');
      await expect(locator(page).getByText(/La liste des lieux n’a pas pu être chargée/)).toBeVisible();
      await expect(locator(page).getByRole('button', { name: 'Réessayer' })).toBeVisible();
      await expect(locator(page).getByRole('link', { name: 'Appeler le 01 70 772 372' })).toBeVisible();
      await checkState(page, { name: 'locator: data error', widget: 'aide-panel' });
      await page.unroute('**/aide/places/dep-*.json');
      await locator(page).getByRole('button', { name: 'Réessayer' }).click();
      await expect(locator(page).getByRole('heading', { name: /lieux près de Marseille 1er Arrondissement/ })).toBeVisible();
    });

  });
});
