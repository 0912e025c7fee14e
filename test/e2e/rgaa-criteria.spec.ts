/**
 * RGAA 4.1 criteria that the shared harness (test/a11y/harness.ts) does not check in every state, each proved in the
 * real browser on the built widget: heading hierarchy (9.1), hidden content (10.8), content without style sheets
 * (10.2), additional content on focus (10.13), status messages (7.5), no time limit (13.1), pointer cancellation
 * (13.11), data tables (5.4 to 5.7), labels next to their fields (11.4), valid generated code (8.2), visible text in
 * accessible names (6.1, 11.2, 11.9), the widget's own pages (8.1, 8.3, 8.5), the axe rules mapped to RGAA that
 * axe only runs when asked (experimental), and WCAG 2.2's consistent help (3.2.6) and redundant entry (3.3.7).
 * The audit grid (test/a11y/rgaa-grid.json) names these tests.
 */
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, deepFocus, hostPage } from './fixtures.ts';
import { AXE_TAGS, countClicks, expectAnnouncement, expectReducedMotion, expectStays, liveRegionText } from '../a11y/harness.ts';

const launcher = (page: Page) => page.locator('aide-help[data-floating]').getByRole('button');
const dialog = (page: Page) => page.locator('aide-panel').getByRole('dialog');
const walkthrough = (page: Page) => page.locator('aide-walkthrough');
const locator = (page: Page) => page.locator('aide-locator');
const feedback = (page: Page) => page.locator('aide-feedback');
const field = (page: Page) => locator(page).getByRole('combobox', { name: 'Code postal ou commune' });

/**
 * Opens the panel on the demo page, then one of its views. After a navigation the panel may come back open where
 * it was (its state follows the person): then it is used as it is.
 */
async function openView(page: Page, view: 'home' | 'tutorials' | 'locator' | 'feedback', path = '/') {
  await page.goto(path);
  // The panel may come back open from the tab's session; the launcher can still show until the next key (Orca).
  await expect(launcher(page).or(dialog(page)).first()).toBeVisible();
  if (!(await dialog(page).isVisible())) await launcher(page).click();
  await expect(dialog(page)).toBeVisible();
  if (view !== 'home') await goToView(page, view);
  else {
    const back = dialog(page).getByRole('button', { name: 'Retour au choix de l’aide' });
    if (await back.isVisible()) await back.click();
    await expect(dialog(page).getByRole('heading', { level: 2 })).toHaveText('Comment pouvons-nous vous aider ?');
  }
}

async function goToView(page: Page, view: 'tutorials' | 'locator' | 'feedback') {
  const back = dialog(page).getByRole('button', { name: 'Retour au choix de l’aide' });
  if (await back.isVisible()) await back.click();
  await page.locator('aide-panel').locator(`.entry[data-view=${view}]`).click();
  const ready = { tutorials: walkthrough(page).getByRole('searchbox'), locator: field(page), feedback: feedback(page).getByRole('button', { name: 'Envoyer mon avis' }) };
  await expect(ready[view]).toBeVisible();
}

async function searchPlaces(page: Page, text: string) {
  await field(page).fill(text);
  await field(page).press('Enter');
  await expect(locator(page).locator('.place').first()).toBeVisible();
}

/** Headings of an accessibility tree (aria snapshot), in reading order. */
function headings(snapshot: string): { level: number; name: string }[] {
  return [...snapshot.matchAll(/heading "((?:[^"\\]|\\.)*)" \[level=(\d)\]/g)].map((m) => ({ level: Number(m[2]), name: m[1]! }));
}

/** RGAA 9.1: the first heading has the expected level, no heading skips a level, none is empty. */
async function expectHeadingHierarchy(tree: Locator, view: string, firstLevel: number): Promise<{ level: number; name: string }[]> {
  const list = headings(await tree.ariaSnapshot());
  expect(list.length, `RGAA 9.1: headings in "${view}"`).toBeGreaterThan(0);
  expect(list[0]!.level, `RGAA 9.1: first heading of "${view}" (${list[0]!.name})`).toBe(firstLevel);
  const problems: string[] = [];
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.level > list[i - 1]!.level + 1) problems.push(`h${list[i - 1]!.level} « ${list[i - 1]!.name} » → h${list[i]!.level} « ${list[i]!.name} »`);
  }
  for (const h of list) if (!h.name.trim()) problems.push(`empty h${h.level}`);
  expect(problems, `RGAA 9.1: skipped heading levels in "${view}": ${JSON.stringify(list)}`).toEqual([]);
  return list;
}

/** The text nodes of a widget that are rendered (their element has a box and is visible), deep in shadow roots. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot | Element) => {
      const nodes = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = nodes.nextNode(); n; n = nodes.nextNode()) {
        const text = n.textContent!.trim().replace(/\s+/g, ' ');
        const parent = n.parentElement;
        if (!text || !parent || parent.closest('style, script')) continue;
        const visible = parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && parent.getClientRects().length > 0;
        if (visible) out.push(text);
      }
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    for (const host of document.querySelectorAll('aide-panel, aide-help')) if (host.shadowRoot) walk(host.shadowRoot);
    return out;
  });
}

/** Text that a widget style sheet generates (::before / ::after content): it would be lost without styles. */
async function generatedContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        for (const pseudo of ['::before', '::after']) {
          const content = getComputedStyle(el, pseudo).content;
          if (content && content !== 'none' && content !== 'normal' && content !== '""') out.push(`${el.tagName.toLowerCase()}${pseudo} ${content}`);
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    for (const host of document.querySelectorAll('aide-panel, aide-help')) if (host.shadowRoot) walk(host.shadowRoot);
    return out;
  });
}

/** Removes every style sheet: the page's, and those adopted by the widget's shadow roots. */
async function disableStyles(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const sheet of [...document.styleSheets]) sheet.disabled = true;
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        el.shadowRoot.adoptedStyleSheets = [];
        for (const style of el.shadowRoot.querySelectorAll('style, link[rel=stylesheet]')) style.remove();
        walk(el.shadowRoot);
      }
    };
    walk(document);
  });
}

test.describe('RGAA criteria checked in the browser', () => {
  test('heading hierarchy without skipped levels in every panel view (RGAA 9.1)', async ({ page }) => {
    await openView(page, 'home');
    expect(await expectHeadingHierarchy(dialog(page), 'panel: home', 2)).toEqual([{ level: 2, name: 'Comment pouvons-nous vous aider ?' }]);

    await goToView(page, 'tutorials');
    const catalogue = await expectHeadingHierarchy(dialog(page), 'walkthrough: catalogue', 2);
    expect(catalogue.filter((h) => h.level === 4).length).toBeGreaterThan(1);
    await walkthrough(page).getByRole('button', { name: /Déclarer ses revenus en ligne/ }).first().click();
    await expect(walkthrough(page).getByRole('heading', { level: 3, name: 'Déclarer ses revenus en ligne' })).toBeFocused();
    const overview = await expectHeadingHierarchy(dialog(page), 'walkthrough: overview', 2);
    expect(overview.map((h) => h.level)).toEqual([2, 3, 4, 4, 4]);
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).click();
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 1 sur 6');
    await expectHeadingHierarchy(dialog(page), 'walkthrough: step 1', 2);
    await walkthrough(page).getByRole('button', { name: 'Voir toutes les étapes' }).click();
    await walkthrough(page).locator('#step-list').getByRole('button').last().click();
    await walkthrough(page).getByRole('button', { name: 'Terminer' }).click();
    await expect(walkthrough(page).getByRole('heading', { name: 'Vous avez terminé ce tutoriel' })).toBeFocused();
    await expectHeadingHierarchy(dialog(page), 'walkthrough: done', 2);

    await goToView(page, 'locator');
    await expectHeadingHierarchy(dialog(page), 'locator: empty form', 2);
    await searchPlaces(page, '69001');
    const results = await expectHeadingHierarchy(dialog(page), 'locator: results', 2);
    expect(results.filter((h) => h.level === 4)).toHaveLength(10);
    await locator(page).getByRole('button', { name: 'Préparer ma fiche d’aide' }).click();
    await expect(locator(page).getByRole('heading', { name: 'Ma fiche d’aide' })).toBeFocused();
    await expectHeadingHierarchy(dialog(page), 'locator: help sheet', 2);

    await goToView(page, 'feedback');
    await feedback(page).getByRole('radio', { name: 'Moyen' }).check();
    await feedback(page).getByRole('button', { name: 'Envoyer mon avis' }).click();
    await expect(feedback(page).getByRole('heading', { name: 'Merci, votre avis a été envoyé.' })).toBeFocused();
    await expectHeadingHierarchy(dialog(page), 'feedback: sent', 2);
  });

  test('alone on a host page, headings continue the page outline, Markdown headings shifted under the step (RGAA 9.1)', async ({ page }) => {
    const licence = { name: 'Licence Ouverte 2.0 (Etalab)', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' };
    const chunk = {
      v: 1, slug: 'titres', title: 'Un tutoriel avec des intertitres', summary: 'Pour vérifier les niveaux de titres.', theme: 'premiers pas', level: 'débutant', duration: 2,
      prerequisites: ['Un ordinateur'], procedures: [], updated: '2026-11-01', tags: [], licence, introHtml: '<p>Introduction.</p>',
      steps: [{ id: 'etape-1', title: 'Première étape', html: '<p>Texte.</p><h3>Un intertitre</h3><p>Suite.</p><h4>Un sous-intertitre</h4><p>Fin.</p>' }],
      glossary: [], links: [{ title: 'Service public', url: 'https://www.service-public.fr' }],
    };
    await page.route('**/titres/index.json', (r) =>
      r.fulfill({ json: { v: 1, licence, themes: ['premiers pas'], search: 'search.json', tutorials: [{ slug: 'titres', title: chunk.title, summary: chunk.summary, theme: 'premiers pas', level: 'débutant', duration: 2, procedures: [], updated: '2026-11-01', tags: [], stepCount: 1, file: 'titres.json' }] } }),
    );
    await page.route('**/titres/titres.json', (r) => r.fulfill({ json: chunk }));
    await hostPage(page, '/titres.html', '<aide-walkthrough tutorial="titres" src="/titres/index.json"></aide-walkthrough><script src="/aide/aide.js" data-position="none" defer></script>');
    await expect(walkthrough(page).getByRole('heading', { level: 2, name: chunk.title })).toBeVisible();
    await expectHeadingHierarchy(page.locator('body'), 'walkthrough alone: overview', 1);
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).click();
    await expect(walkthrough(page).getByRole('heading', { level: 2, name: 'Première étape' })).toBeFocused();
    const step = await expectHeadingHierarchy(page.locator('body'), 'walkthrough alone: step with Markdown headings', 1);
    expect(step).toEqual([
      { level: 1, name: 'Page hôte de test' },
      { level: 2, name: 'Première étape' },
      { level: 3, name: 'Un intertitre' },
      { level: 4, name: 'Un sous-intertitre' },
    ]);

    await hostPage(page, '/alone-locator.html', '<aide-locator src="/aide/places/index.json"></aide-locator><script src="/aide/aide.js" data-position="none" defer></script>');
    await searchPlaces(page, '67000');
    const alone = await expectHeadingHierarchy(page.locator('body'), 'locator alone: results', 1);
    expect(alone.slice(0, 3).map((h) => h.level)).toEqual([1, 2, 3]);
  });

  test('hidden content is not exposed to assistive technologies (RGAA 10.8)', async ({ page }) => {
    await page.goto('/');
    await launcher(page).click();
    await expect(dialog(page)).toBeVisible();
    await dialog(page).getByRole('button', { name: 'Fermer l’aide' }).click();
    // Closed, the panel stays in the page (it remembers its state) but nothing of it is exposed or focusable.
    await expect(page.locator('aide-panel')).toHaveCount(1);
    await expect(dialog(page)).toHaveCount(0);
    expect(await page.locator('body').ariaSnapshot()).not.toContain('Comment pouvons-nous vous aider');
    expect(await visibleTexts(page)).toEqual(["Besoin d'aide ?"]);

    await launcher(page).click();
    await goToView(page, 'tutorials');
    await walkthrough(page).getByRole('button', { name: /Déclarer ses revenus en ligne/ }).first().click();
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).click();
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 1 sur 6');
    // One step at a time: the other steps are not in the page at all.
    await expect(walkthrough(page).locator('.step')).toHaveCount(1);
    // The closed list of steps and the closed glossary definition are in the DOM, hidden from everyone.
    const stepList = walkthrough(page).locator('#step-list');
    expect(await stepList.locator('button').count()).toBe(6);
    await expect(stepList.getByRole('button')).toHaveCount(0);
    const definition = walkthrough(page).locator('.definition').first();
    await expect(definition).toHaveCount(1);
    expect(await dialog(page).ariaSnapshot()).not.toContain('13 chiffres');
    await walkthrough(page).getByRole('button', { name: 'numéro fiscal' }).click();
    expect(await dialog(page).ariaSnapshot()).toContain('13 chiffres');
    await walkthrough(page).getByRole('button', { name: 'Voir toutes les étapes' }).click();
    await expect(stepList.getByRole('button')).toHaveCount(6);
    // Visually hidden text, on the other hand, is exposed: the list says which step is the current one.
    await expect(stepList.getByRole('button', { name: /\(étape en cours\)/ })).toHaveCount(1);
    // The progress bar is decoration (its text is "Tutoriel : étape 1 sur 6"): hidden, and nothing focusable under aria-hidden.
    const focusableUnderHidden = await page.evaluate(() => {
      const out: string[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('[aria-hidden=true] :is(a[href], button, input, select, textarea, [tabindex])')) out.push(el.outerHTML.slice(0, 80));
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
      };
      walk(document);
      return out;
    });
    expect(focusableUnderHidden).toEqual([]);

    await goToView(page, 'locator');
    await expect(locator(page).getByRole('listbox')).toHaveCount(0);
    await searchPlaces(page, '35000');
    // Collapsed filters and weekly hours are not exposed until opened.
    await expect(locator(page).getByRole('group', { name: 'Services proposés' })).toHaveCount(0);
    await expect(locator(page).getByRole('table')).toHaveCount(0);
    await locator(page).getByRole('button', { name: 'Plus de filtres' }).click();
    await expect(locator(page).getByRole('group', { name: 'Services proposés' })).toBeVisible();
    await expect(locator(page).getByRole('link', { name: /Voir l’itinéraire vers .* \(nouvelle fenêtre\)/ }).first()).toBeVisible();

    // A feedback form placed alone and still closed exposes only its button.
    await page.goto('/avis.html');
    await expect(feedback(page).getByRole('button', { name: 'Je donne mon avis' })).toHaveAttribute('aria-expanded', 'false');
    await expect(feedback(page).getByRole('radio')).toHaveCount(0);
    await expect(feedback(page).getByRole('textbox')).toHaveCount(0);
  });

  test('content and information remain without style sheets (RGAA 10.2)', async ({ page }) => {
    const states: [string, () => Promise<void>][] = [
      ['panel: home', () => openView(page, 'home')],
      [
        'walkthrough: step with an image',
        async () => {
          await openView(page, 'tutorials');
          await walkthrough(page).getByRole('button', { name: /Se connecter au wifi/ }).first().click();
          await walkthrough(page).locator('.toc').getByRole('button', { name: 'Choisir le réseau' }).click();
          await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 3 sur 5');
        },
      ],
      [
        'locator: results',
        async () => {
          await openView(page, 'locator');
          await searchPlaces(page, '13001');
        },
      ],
      [
        'feedback: error',
        async () => {
          await openView(page, 'feedback');
          await feedback(page).getByRole('button', { name: 'Envoyer mon avis' }).click();
          await expect(feedback(page).locator('#satisfaction-error')).toBeVisible();
        },
      ],
    ];
    for (const [name, open] of states) {
      await open();
      expect(await generatedContent(page), `RGAA 10.2: text generated by CSS in "${name}"`).toEqual([]);
      const before = await visibleTexts(page);
      expect(before.length, name).toBeGreaterThan(3);
      await disableStyles(page);
      const after = await visibleTexts(page);
      const lost = before.filter((text) => !after.includes(text));
      expect(lost, `RGAA 10.2: text visible with styles but not without them in "${name}"`).toEqual([]);
    }
  });

  test('suggestion list: Escape closes it without moving focus; it can be hovered and stays (RGAA 10.13)', async ({ page }) => {
    await openView(page, 'locator');
    await field(page).focus();
    await page.keyboard.type('st etienne');
    const listbox = locator(page).getByRole('listbox');
    await expect(listbox).toBeVisible();
    // The pointer can move onto the list: it stays open and focus stays in the field.
    const second = listbox.getByRole('option').nth(1);
    await second.hover();
    await expectStays(page, () => listbox.isVisible(), true, 'RGAA 10.13: the hovered list stays open');
    await expect(field(page)).toHaveAttribute('aria-expanded', 'true');
    expect((await deepFocus(page)).tag).toBe('input');
    // Escape dismisses it; focus, text and panel stay where they were.
    await page.keyboard.press('Escape');
    await expect(listbox).toBeHidden();
    await expect(field(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(field(page)).toBeFocused();
    await expect(field(page)).toHaveValue('st etienne');
    await expect(dialog(page)).toBeVisible();
    // Typing again brings it back; a second Escape after closing it is the panel's.
    await page.keyboard.press('Backspace');
    await expect(listbox).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(listbox).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(launcher(page)).toBeFocused();
  });

  test('status messages go through live regions present before the message, without moving focus (RGAA 7.5)', async ({ page }) => {
    await openView(page, 'home');
    // The regions exist, empty, before anything is said: screen readers read changes to existing regions only.
    const regions = await page.evaluate(() => {
      const host = document.querySelector('aide-live-region');
      return [...(host?.shadowRoot?.querySelectorAll('[aria-live]') ?? [])].map((r) => `${r.getAttribute('role')}/${r.getAttribute('aria-live')}/${r.textContent}`);
    });
    expect(regions).toEqual(['status/polite/', 'alert/assertive/']);

    await goToView(page, 'locator');
    await field(page).fill('35000');
    await field(page).press('Enter');
    await expectAnnouncement(page, '10 lieux près de Rennes (35)');
    expect((await deepFocus(page)).tag, 'focus stays in the field after the results are announced').toBe('input');
    const free = locator(page).getByRole('checkbox', { name: 'Gratuit' });
    await free.check();
    await expectAnnouncement(page, /lieux? correspond|Aucun lieu ne correspond/);
    await expect(free).toBeFocused();

    await goToView(page, 'tutorials');
    await walkthrough(page).getByRole('searchbox').fill('carte grise');
    await expectAnnouncement(page, /tutoriels? trouvés?/);
    await expect(walkthrough(page).getByRole('searchbox')).toBeFocused();

    await goToView(page, 'feedback');
    await feedback(page).getByRole('checkbox', { name: 'Au guichet' }).check();
    const none = feedback(page).getByRole('checkbox', { name: 'Je n’ai pas eu besoin d’aide' });
    await none.focus();
    await page.keyboard.press('Space');
    await expectAnnouncement(page, '« Je n’ai pas eu besoin d’aide » est coché : les autres réponses sont décochées.');
    await expect(feedback(page).getByRole('checkbox', { name: 'Au guichet' })).not.toBeChecked();
    await expect(none).toBeFocused();
    expect((await liveRegionText(page)).assertive).toBe('');
  });

  test('no time limit: results, errors and confirmations stay until the person acts (RGAA 13.1)', async ({ page }) => {
    await page.clock.install();
    await openView(page, 'feedback');
    await feedback(page).getByRole('radio', { name: 'Très bien' }).check();
    await feedback(page).getByRole('button', { name: 'Envoyer mon avis' }).click();
    const thanks = feedback(page).getByRole('heading', { name: 'Merci, votre avis a été envoyé.' });
    await expect(thanks).toBeVisible();
    await expect.poll(async () => (await liveRegionText(page)).polite).not.toBe('');
    const said = (await liveRegionText(page)).polite;
    await page.clock.fastForward('30:00');
    await expect(thanks).toBeVisible();
    // What the live region said is still there (a screen reader user can read it again); nothing removed it.
    expect((await liveRegionText(page)).polite).toBe(said);

    await goToView(page, 'locator');
    await field(page).fill('7500');
    await field(page).press('Enter');
    const error = locator(page).locator('#location-error');
    await expect(error).toHaveText(/Un code postal a 5 chiffres/);
    await page.clock.fastForward('30:00');
    await expect(error).toHaveText(/Un code postal a 5 chiffres/);
    await expect(field(page)).toHaveAttribute('aria-invalid', 'true');
    await searchPlaces(page, '69001');
    await page.clock.fastForward('30:00');
    await expect(locator(page).locator('.place')).toHaveCount(10);
    await expect(locator(page).getByRole('heading', { name: /10 lieux près de Lyon 1er Arrondissement/ })).toBeVisible();

    // A step never advances by itself (RGAA 13.8 too).
    await goToView(page, 'tutorials');
    await walkthrough(page).getByRole('button', { name: /Se connecter au wifi/ }).first().click();
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).click();
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 1 sur 5');
    await page.clock.fastForward('30:00');
    await expect(walkthrough(page).locator('#progress')).toHaveText('Tutoriel : étape 1 sur 5');
    await expect(dialog(page)).toBeVisible();
  });

  test('the reduced-motion check is exact: a transition left under reduced motion fails it, one started before the switch does not (RGAA 13.8)', async ({ page }) => {
    await page.goto('/');
    await expect(launcher(page)).toBeVisible();
    // The launcher's colour fades in 0.15 s, only under `prefers-reduced-motion: no-preference`. A transition started
    // just before the switch to `reduce` ends or is cancelled: not motion under reduced motion.
    await page.locator('aide-help[data-floating]').evaluate((host) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('button { background-color: rgb(0, 0, 0) !important; }');
      host.shadowRoot!.adoptedStyleSheets = [...host.shadowRoot!.adoptedStyleSheets, sheet];
      (window as unknown as { __aideSheet: CSSStyleSheet }).__aideSheet = sheet;
    });
    await expectReducedMotion(page, 'launcher: colour changing at the switch', 'aide-help');
    // A stylesheet that keeps a transition under reduced motion (the defect the check is for) fails it.
    await page.locator('aide-help[data-floating]').evaluate((host) => {
      (window as unknown as { __aideSheet: CSSStyleSheet }).__aideSheet.replaceSync('button { transition: background-color 2s !important; }');
      void host;
    });
    await expect(expectReducedMotion(page, 'launcher: transition left under reduce', 'aide-help')).rejects.toThrow(/durations above 0[\s\S]*background-color 2s/);
  });

  test('pointer cancellation in the panel and the locator: nothing happens on press, sliding away cancels (RGAA 13.11)', async ({ page }) => {
    await openView(page, 'home');
    const cancelledPress = async (target: Locator) => {
      const box = (await target.boundingBox())!;
      const clicks = await countClicks(page);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(5, 5, { steps: 3 });
      await page.mouse.up();
      // The widget acts on click: none reached it, so nothing can follow.
      await expectStays(page, clicks, 0, 'RGAA 13.11: sliding away before release cancels the press', 1);
    };
    await cancelledPress(page.locator('aide-panel').locator('.entry[data-view=locator]'));
    await expect(dialog(page).getByRole('heading', { level: 2 })).toHaveText('Comment pouvons-nous vous aider ?');
    await cancelledPress(dialog(page).getByRole('button', { name: 'Fermer l’aide' }));
    await expect(dialog(page)).toBeVisible();
    await goToView(page, 'locator');
    await field(page).fill('saint denis');
    const option = locator(page).getByRole('option').first();
    await expect(option).toBeVisible();
    await cancelledPress(option);
    await expect(field(page)).toHaveValue('saint denis');
    await expect(locator(page).locator('.results')).toHaveCount(0);
  });

  test('opening hours table: caption, column and row headers, cells tied to headers (RGAA 5.4, 5.6, 5.7)', async ({ page }) => {
    await openView(page, 'locator');
    await searchPlaces(page, '69001');
    const place = locator(page).locator('.place', { has: page.locator('details.week') }).first();
    // Disclosed with the keyboard.
    await place.locator('summary').focus();
    await page.keyboard.press('Enter');
    const table = place.getByRole('table', { name: 'Horaires de la semaine' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader')).toHaveText(['Jour', 'Horaires']);
    await expect(table.getByRole('rowheader')).toHaveText(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
    await expect(table.getByRole('cell')).toHaveCount(7);
    const rules = ['td-has-header', 'td-headers-attr', 'th-has-data-cells', 'scope-attr-valid', 'table-fake-caption', 'table-duplicate-name', 'empty-table-header'];
    const results = await new AxeBuilder({ page }).withRules(rules).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' >>> ')).join(', ')}`)).toEqual([]);
    // The rules did look at the table (they are not all "inapplicable").
    expect(results.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['th-has-data-cells', 'scope-attr-valid', 'td-headers-attr']));
  });

  test('each label is next to its field, at 1280 and 320 px (RGAA 11.4)', async ({ page }) => {
    const problems = async () =>
      page.evaluate(() => {
        const out: string[] = [];
        let count = 0;
        const walk = (root: ShadowRoot) => {
          for (const label of root.querySelectorAll('label[for]')) {
            const control = root.getElementById(label.getAttribute('for')!);
            if (!control || !control.checkVisibility()) continue;
            count++;
            const name = `${control.tagName.toLowerCase()}#${control.id} « ${label.textContent.trim().replace(/\s+/g, ' ').slice(0, 40)} »`;
            const a = label.getBoundingClientRect();
            const b = control.getBoundingClientRect();
            if (control.matches('input[type=checkbox], input[type=radio]')) {
              // A box and its label side by side (or the box drawn inside the label's frame), on the same line.
              const dx = Math.max(0, Math.max(a.left, b.left) - Math.min(a.right, b.right));
              const sameLine = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0;
              if (dx > 12 || !sameLine) out.push(`${name}: ${Math.round(dx)} px apart, same line ${sameLine}`);
              continue;
            }
            // A text field sits right under its label, aligned with it; only its own descriptions (hint, warning,
            // error, tied to it by aria-describedby) may come between.
            if (b.top < a.bottom - 1 || Math.abs(a.left - b.left) > 16) out.push(`${name}: not under its label (${Math.round(a.left)},${Math.round(a.bottom)} / ${Math.round(b.left)},${Math.round(b.top)})`);
            const described = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
            for (let el = label.nextElementSibling; el && !el.contains(control); el = el.nextElementSibling) {
              if (!described.includes(el.id) && el.checkVisibility()) out.push(`${name}: « ${el.textContent.trim().slice(0, 40)} » between label and field`);
            }
          }
          for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
        };
        for (const host of document.querySelectorAll('aide-panel')) if (host.shadowRoot) walk(host.shadowRoot);
        return { count, out };
      });
    const check = async (state: string, minimum: number) => {
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 800 });
        const { count, out } = await problems();
        expect(count, `fields checked in "${state}"`).toBeGreaterThanOrEqual(minimum);
        expect(out, `RGAA 11.4: labels away from their field in "${state}" at ${width} px`).toEqual([]);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    };
    await openView(page, 'locator');
    await field(page).fill('7500');
    await field(page).press('Enter');
    await expect(locator(page).locator('#location-error')).toBeVisible();
    await check('locator: field error', 1);
    await searchPlaces(page, '35000');
    await locator(page).getByRole('button', { name: 'Plus de filtres' }).click();
    await check('locator: results, filters open', 40);
    await goToView(page, 'feedback');
    await check('feedback: form', 20);
    await goToView(page, 'tutorials');
    await check('walkthrough: search', 1);
  });

  test('generated code: ids unique in each shadow root and every reference resolves (RGAA 8.2)', async ({ page }) => {
    const problems = async () =>
      page.evaluate(() => {
        const out: string[] = [];
        const walk = (root: Document | ShadowRoot) => {
          const ids = [...root.querySelectorAll('[id]')].map((el) => el.id);
          for (const id of new Set(ids)) if (ids.filter((i) => i === id).length > 1) out.push(`duplicate id "${id}"`);
          for (const el of root.querySelectorAll('[aria-labelledby], [aria-describedby], [aria-controls], [aria-activedescendant], label[for]')) {
            const refs = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-activedescendant', 'for'].flatMap((a) => (el.getAttribute(a) ?? '').split(/\s+/).filter(Boolean));
            for (const ref of refs) if (!(root as ParentNode & { getElementById(id: string): Element | null }).getElementById(ref)) out.push(`${el.tagName.toLowerCase()} refers to missing "${ref}"`);
          }
          for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
        };
        for (const host of document.querySelectorAll('aide-panel, aide-help, aide-feedback')) if (host.shadowRoot) walk(host.shadowRoot);
        return out;
      });
    await openView(page, 'home');
    expect(await problems(), 'panel: home').toEqual([]);
    await goToView(page, 'tutorials');
    expect(await problems(), 'walkthrough: catalogue').toEqual([]);
    await walkthrough(page).getByRole('button', { name: /Déclarer ses revenus en ligne/ }).first().click();
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).click();
    await walkthrough(page).getByRole('button', { name: 'Voir toutes les étapes' }).click();
    expect(await problems(), 'walkthrough: step, list open').toEqual([]);
    await goToView(page, 'locator');
    await field(page).fill('saint denis');
    await expect(locator(page).getByRole('listbox')).toBeVisible();
    await page.keyboard.press('ArrowDown');
    expect(await problems(), 'locator: suggestions').toEqual([]);
    await page.keyboard.press('Escape');
    await searchPlaces(page, '69001');
    await locator(page).getByRole('button', { name: 'Plus de filtres' }).click();
    expect(await problems(), 'locator: results, filters open').toEqual([]);
    await goToView(page, 'feedback');
    await feedback(page).getByRole('button', { name: 'Envoyer mon avis' }).click();
    await expect(feedback(page).locator('#satisfaction-error')).toBeVisible();
    expect(await problems(), 'feedback: error').toEqual([]);
  });

  test('the visible text of every control is part of its accessible name (RGAA 6.1, 11.2, 11.9; WCAG 2.5.3)', async ({ page }) => {
    const mismatches = async () =>
      page.evaluate(() => {
        // Compared without white space: the text nodes of a label may split a word from its parenthesis.
        // Case, spaces and punctuation do not count (WCAG 2.5.3's understanding): a hidden pause is fine.
        const norm = (t: string) => t.toLowerCase().replace(/[\s\p{P}]+/gu, '');
        /** Text a sighted person sees in an element: rendered text nodes, not visually hidden, not aria-hidden. */
        const seen = (el: Element) => {
          let out = '';
          const nodes = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = nodes.nextNode(); n; n = nodes.nextNode()) {
            const parent = n.parentElement!;
            if (parent.closest('.visually-hidden, [aria-hidden=true]') || !parent.checkVisibility()) continue;
            out += n.textContent;
          }
          return norm(out);
        };
        const out: string[] = [];
        let checked = 0;
        const walk = (root: ShadowRoot) => {
          for (const el of root.querySelectorAll<HTMLElement>('a[href], button, summary, [role=option], input:not([type=hidden]), textarea')) {
            if (!el.checkVisibility()) continue;
            const labelledby = el.getAttribute('aria-labelledby');
            const label = el.getAttribute('aria-label');
            const visible = el.matches('input, textarea')
              ? [...((el as HTMLInputElement).labels ?? [])].map(seen).join(' ')
              : seen(el);
            if (!visible) continue;
            checked++;
            let name: string;
            if (labelledby) {
              const parts = labelledby.split(/\s+/).map((id) => root.getElementById(id));
              // Named by some of its own visible text (a card's title): that text is what a person would say.
              if (parts.every((p) => p && el.contains(p) && seen(p))) continue;
              name = norm(parts.map((p) => p?.textContent ?? '').join(' '));
            } else if (label !== null) name = norm(label);
            else if (el.matches('input, textarea')) name = norm([...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent).join(' '));
            else name = norm(el.textContent ?? '');
            if (!name.includes(visible)) out.push(`${el.tagName.toLowerCase()}: visible « ${visible} », name « ${name} »`);
          }
          for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
        };
        for (const host of document.querySelectorAll('aide-panel, aide-help, aide-feedback')) if (host.shadowRoot) walk(host.shadowRoot);
        return { checked, out };
      });
    const check = async (state: string, minimum: number) => {
      const { checked, out } = await mismatches();
      expect(checked, `controls checked in "${state}"`).toBeGreaterThanOrEqual(minimum);
      expect(out, `visible text missing from the accessible name in "${state}"`).toEqual([]);
    };
    await openView(page, 'home');
    await check('panel: home', 5);
    await goToView(page, 'tutorials');
    await check('walkthrough: catalogue', 25);
    await walkthrough(page).getByRole('button', { name: /Déclarer ses revenus en ligne/ }).first().click();
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).click();
    await walkthrough(page).getByRole('button', { name: 'Voir toutes les étapes' }).click();
    await check('walkthrough: step, list open', 10);
    await goToView(page, 'locator');
    await field(page).fill('saint denis');
    await expect(locator(page).getByRole('option').first()).toBeVisible();
    await check('locator: suggestions', 5);
    await page.keyboard.press('Escape');
    await searchPlaces(page, '69001');
    await check('locator: results', 30);
    await goToView(page, 'feedback');
    await check('feedback: form', 20);
  });

  test('axe rules mapped to RGAA that axe runs only on request: fake headings, labels, orientation lock (RGAA 9.1, 11.1, 11.2, 13.9)', async ({ page }) => {
    const rules = ['label-content-name-mismatch', 'p-as-heading', 'css-orientation-lock', 'focus-order-semantics', 'table-fake-caption', 'td-has-header', 'label-title-only', 'form-field-multiple-labels'];
    const run = async (state: string) => {
      const results = await new AxeBuilder({ page }).include('aide-panel').withRules(rules).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' >>> ')).join(', ')}`), `axe in "${state}"`).toEqual([]);
      return results;
    };
    await openView(page, 'home');
    await run('panel: home');
    await goToView(page, 'tutorials');
    await walkthrough(page).getByRole('button', { name: /Scanner un document/ }).first().click();
    await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).click();
    await run('walkthrough: step 1');
    await goToView(page, 'locator');
    await searchPlaces(page, '69001');
    await run('locator: results');
    await goToView(page, 'feedback');
    await run('feedback: form');
  });

  test('changes of language and direction are marked: French content in the Arabic and English interfaces, announcements in the interface language (RGAA 8.7, 8.10)', async ({ page }) => {
    await openView(page, 'tutorials', '/?locale=ar');
    await walkthrough(page).locator('.card').first().click();
    // The demo page is at « Votre logement »: the tutorial opens at its step for it (the page step's French title
    // inside the Arabic sentence is checked below with every French passage).
    const stepTitle = walkthrough(page).locator('.step-heading [lang=fr], .step-heading[lang=fr]').first();
    await expect(stepTitle).toHaveAttribute('dir', 'ltr');
    await expect(walkthrough(page).locator('.you-are-here [lang=fr]')).toHaveText('Votre logement');
    const content = walkthrough(page).locator('.step-content');
    await expect(content).toHaveAttribute('lang', 'fr');
    await expect(content).toHaveAttribute('dir', 'ltr');
    expect(await content.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    // The interface around it stays right to left.
    expect(await walkthrough(page).evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('#progress')!).direction)).toBe('rtl');
    // Every French passage of the Arabic interface says so, with its direction.
    const unmarked = await walkthrough(page).evaluate((el) => [...el.shadowRoot!.querySelectorAll('[lang=fr]')].filter((e) => e.getAttribute('dir') !== 'ltr').map((e) => e.outerHTML.slice(0, 80)));
    expect(unmarked).toEqual([]);

    // A fresh visit in English (the panel would otherwise come back in the view it was in).
    await page.evaluate(() => sessionStorage.clear());
    await page.goto('/?locale=en');
    await launcher(page).click();
    await page.locator('aide-panel').locator('.entry[data-view=locator]').click();
    const phoneLine = locator(page).locator('.phone-line [lang=fr]');
    await expect(phoneLine.first()).toHaveAttribute('dir', 'ltr');
    await locator(page).getByRole('combobox', { name: 'Postal code or town' }).fill('75011');
    await locator(page).getByRole('combobox', { name: 'Postal code or town' }).press('Enter');
    await expectAnnouncement(page, /places near Paris 11e/);
    const regionLang = await page.evaluate(() => document.querySelector('aide-live-region')!.shadowRoot!.querySelector('[aria-live=polite]')!.getAttribute('lang'));
    expect(regionLang, 'the English announcement is read with an English voice').toBe('en');
  });

  test('consistent help (WCAG 3.2.6): on every page of the procedure, the launcher at the same place and the same ways to get help, in the same order', async ({ page }) => {
    // Pages of the procedure: the floating button (two pages) or a button the site placed in its page (étape 3).
    const seen: { path: string; floating: { right: number; bottom: number } | null; entries: string[]; phone: boolean }[] = [];
    // Each page as a first visit: the panel saves its state when a page is left (after any clearing done before), so
    // the tab's session is emptied as each document starts.
    await page.addInitScript(() => sessionStorage.clear());
    for (const path of ['/', '/csp.html', '/etape-3.html']) {
      await page.goto(path);
      const button = page.locator('aide-help').first().getByRole('button');
      await expect(button).toBeVisible();
      const floating = await page.locator('aide-help[data-floating]').count();
      const box = (await button.boundingBox())!;
      const viewport = page.viewportSize()!;
      await button.click();
      await expect(dialog(page)).toBeVisible();
      const entries = (await page.locator('aide-panel').locator('.entry .entry-title').allInnerTexts()).map((t) => t.replace(/\.$/, '').trim());
      await goToView(page, 'locator');
      const phone = await locator(page).getByRole('link', { name: /^Appeler le 01/ }).isVisible();
      seen.push({ path, floating: floating ? { right: Math.round(viewport.width - box.x - box.width), bottom: Math.round(viewport.height - box.y - box.height) } : null, entries, phone });
    }
    expect(seen[0]!.entries).toEqual(['Suivre un tutoriel', 'Trouver une aide près de chez moi', 'Donner mon avis', 'Raconter mon expérience']);
    expect(seen.filter((s) => s.floating).length, 'pages with the floating button').toBeGreaterThanOrEqual(2);
    for (const other of seen.slice(1)) {
      if (other.floating) expect(other.floating, `the floating button at the same place on ${other.path}`).toEqual(seen[0]!.floating);
      expect(other.entries, `the same ways to get help, in the same order, on ${other.path}`).toEqual(seen[0]!.entries);
      expect(other.phone, `the phone line offered on ${other.path}`).toBe(true);
    }
  });

  test('redundant entry (WCAG 3.3.7): the place searched for is still there when the locator comes back in the same visit', async ({ page }) => {
    await openView(page, 'locator');
    await searchPlaces(page, '35000');
    // Elsewhere in the panel, then the locator again (as from « Je suis bloqué » or after an opinion).
    await goToView(page, 'feedback');
    await goToView(page, 'locator');
    await expect(field(page)).toHaveValue('35000');
    // Taken as it is: the search finds the same places without typing anything.
    await locator(page).getByRole('button', { name: 'Rechercher', exact: true }).click();
    await expect(locator(page).locator('#results-title')).toHaveText(/lieux près de Rennes \(35\)/);
  });

  test.describe('the widget’s own pages', () => {
    // Chromium asks these pages' origin for /favicon.ico (the host's business, not the widget's), outside of the
    // requests a test sees: its 404 is expected. Every request the pages make is checked below instead.
    test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/] });
    test('help sheet and printable tutorial: doctype, language, title, headings; axe passes (RGAA 8.1, 8.3, 8.5)', async ({ page }) => {
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      const expectPage = async (title: RegExp | string, h1: string) => {
        expect(await page.evaluate(() => document.doctype?.name)).toBe('html');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
        await expect(page).toHaveTitle(title);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
        await expectHeadingHierarchy(page.locator('body'), h1, 1);
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
          expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${h1} (${scheme})`).toEqual([]);
        }
        await page.emulateMedia({ colorScheme: 'light' });
      };
      await openView(page, 'locator');
      await searchPlaces(page, '35000');
      await locator(page).getByRole('button', { name: 'Préparer ma fiche d’aide' }).click();
      const sheet = await locator(page).getByRole('link', { name: /Imprimer ou enregistrer la fiche/ }).getAttribute('href');
      await page.goto(sheet!);
      await expectPage('Ma fiche d’aide', 'Ma fiche d’aide');
      await expect(page.getByRole('button', { name: 'Imprimer' })).toBeFocused();

      await openView(page, 'tutorials');
      await walkthrough(page).getByRole('button', { name: /Se connecter au wifi/ }).first().click();
      const print = await walkthrough(page).getByRole('link', { name: /Version imprimable du tutoriel/ }).getAttribute('href');
      await page.goto(print!);
      await expectPage(/^Se connecter au wifi – tutoriel à imprimer$/, 'Se connecter au wifi');
      expect(failed, 'every file of these pages (style sheets, script, images) loads').toEqual([]);
    });
  });
});
