/**
 * The shared accessibility harness (RGAA 4.1, WCAG 2.2 AA). Every end-to-end test calls `checkState()` in each UI
 * state a component declares (closed, open, results, error, step N, sent, offline…), so no state is forgotten.
 * Each check has an id (HARNESS_CHECKS) that the RGAA grid cites as "test/a11y/harness.ts::<id>"; every time a
 * check runs, its verdict is recorded in the test's results (the e2e reporter counts them in
 * test-results/e2e-outcomes.json), so that the grid counts only checks that ran in this run and never failed.
 * Each check that fails names the state, the criterion and the elements.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import { HARNESS_ANNOTATION } from '../../scripts/reporters/playwright-summary.ts';
import { AXE_REVIEWED } from './axe-reviewed.ts';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'RGAAv4', 'best-practice'];

/** The checks, by the id the RGAA grid cites, with what they prove. */
export const HARNESS_CHECKS = {
  'axe': 'axe-core : règles WCAG 2.0, 2.1 et 2.2 A et AA, règles RGAAv4 et bonnes pratiques, thèmes clair et sombre',
  'axe-incomplete': 'résultats « à vérifier » d’axe : chacun relu et justifié (test/a11y/axe-reviewed.ts), aucun autre',
  'host-colours': 'RGAA 10.5 : les couleurs du texte et du fond de la page hôte n’atteignent pas le widget',
  'component-contrast': 'RGAA 3.3 : bordures des champs, cases et boutons radio ≥ 3:1, calculé sur les styles',
  'lang': 'RGAA 8.3, 8.7 : langue de chaque racine du widget, langues valides à l’intérieur, langue de la page intacte',
  'images': 'RGAA 1.1, 1.2 : images décoratives ignorées, chaque img a un alt',
  'presentational-markup': 'RGAA 10.1 : aucune balise ni attribut de présentation',
  'html-validate': 'RGAA 8.2 : le DOM rendu de chaque racine fantôme, validé par html-validate (recommended + a11y)',
  'words-spaced': 'lecteurs d’écran : aucun espace entre deux mots que Chromium retire de son arbre d’accessibilité (mots collés)',
  'reflow-320': 'RGAA 10.11 : à 320 px, ni défilement horizontal ni contenu coupé',
  'zoom-200': 'RGAA 10.4 : zoom à 200 % (640 px), ni défilement horizontal ni contenu coupé',
  'portrait': 'RGAA 13.9 : en portrait (390 × 844)',
  'landscape': 'RGAA 13.9 : en paysage (844 × 390)',
  'text-resize': 'RGAA 10.4 : texte à 200 %, rien de coupé',
  'text-spacing': 'RGAA 10.12 : espacements du texte augmentés, rien de coupé',
  'forced-colours': 'RGAA 3.3, 10.7 : en couleurs forcées, chaque commande garde une bordure ou un texte',
  'reduced-motion': 'RGAA 13.8 : avec la réduction des animations, plus rien ne bouge',
  'target-size': 'WCAG 2.5.8 : à 360 px, chaque cible du widget fait au moins 44 × 44 px CSS (hors liens dans le texte)',
  'keyboard-reach': 'RGAA 7.3 : chaque commande visible est atteinte avec Tab',
  'tab-order': 'RGAA 12.8 : l’ordre de tabulation suit l’ordre du document, aucun tabindex positif',
  'no-trap': 'RGAA 12.9 : Tab sort du widget, aucune boucle',
  'focus-visible': 'RGAA 10.7, 3.3 : un indicateur de focus qui n’existe qu’au focus, contrasté à 3:1 avec ce qui le touche',
  'focus-not-obscured': 'WCAG 2.4.11 : la commande qui a le focus, dans le widget et dans la page, n’est jamais cachée par le widget',
  'modal-focus': 'RGAA 12.9 : dans une boîte modale, le focus reste dedans',
} as const;
export type HarnessCheck = keyof typeof HARNESS_CHECKS;

/** Records the verdict of a check in the running test's results (see scripts/reporters/playwright-summary.ts). */
function record(id: HarnessCheck, passed: boolean): void {
  test.info().annotations.push({ type: HARNESS_ANNOTATION, description: `${id} ${passed ? 'passed' : 'failed'}` });
}

/** Runs a check and records whether it passed. */
export async function check<T>(id: HarnessCheck, run: () => Promise<T>): Promise<T> {
  try {
    const result = await run();
    record(id, true);
    return result;
  } catch (error) {
    record(id, false);
    throw error;
  }
}

export interface StateOptions {
  /** Component and state, e.g. "panel: open". */
  name: string;
  /** The widget element(s) under test, light-DOM hosts (default: every aide-* element on the page). */
  widget?: string;
  /** Element expected to hold focus before the keyboard walk starts (default: first focusable of the widget). */
  keyboardStart?: Locator;
  /** Expected language of the widget root (default: the locale it was configured with, else 'fr'). */
  lang?: string;
  /**
   * A modal dialog is open (an enlarged image): the keyboard must stay inside it (Escape, tested by the caller,
   * closes it), instead of walking the whole widget.
   */
  modal?: boolean;
  /**
   * A page the collector serves itself (the back office): it is its own host, so there are no host colours to ignore
   * (« host-colours » is not run), and « lang » checks the page's `<html lang>` rather than the widgets' roots.
   */
  serverPage?: boolean;
}

const WIDGET_SELECTOR = 'aide-panel, aide-help, aide-walkthrough, aide-locator, aide-feedback';

/** Runs every check on the current state. Leaves the page as it found it (viewport, media, focus). */
export async function checkState(page: Page, options: StateOptions): Promise<void> {
  const widget = options.widget ?? WIDGET_SELECTOR;
  const state = options.name;
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const pageLang = await page.evaluate(() => document.documentElement.getAttribute('lang'));

  const incomplete = [...(await check('axe', () => expectNoAxeViolations(page, state, 'light'))), ...(await check('axe', () => expectNoAxeViolations(page, state, 'dark')))];
  await check('axe-incomplete', async () => expectReviewedIncomplete(incomplete, state));
  await page.emulateMedia({ colorScheme: 'light' });
  if (!options.serverPage) await check('host-colours', () => expectHostColoursIgnored(page, state, widget));
  await check('component-contrast', () => expectComponentContrast(page, state, widget));
  if (options.serverPage) await expect(page.locator('html')).toHaveAttribute('lang', options.lang ?? 'fr');
  else await check('lang', () => expectLang(page, state, widget, options.lang, pageLang));
  await check('images', () => expectDecorativeImagesIgnored(page, state, widget));
  await check('presentational-markup', () => expectNoPresentationalMarkup(page, state, widget));
  await check('html-validate', () => expectValidHtml(page, state, widget));
  await check('words-spaced', () => expectWordsSpaced(page, state, widget));

  await check('reflow-320', () => expectReflow(page, state, widget, { width: 320, height: 640 }, 'RGAA 10.11 (320 px)'));
  // 200 % page zoom on a 1280 px screen lays out like a 640 px wide viewport.
  await check('zoom-200', () => expectReflow(page, state, widget, { width: 640, height: 400 }, 'RGAA 10.4 (zoom 200 %)'));
  await check('portrait', () => expectReflow(page, state, widget, { width: 390, height: 844 }, 'RGAA 13.9 (portrait)'));
  await check('landscape', () => expectReflow(page, state, widget, { width: 844, height: 390 }, 'RGAA 13.9 (landscape)'));
  if (!options.modal) await check('target-size', () => expectTargetSize(page, state, widget));
  await page.setViewportSize(viewport);
  await settled(page);
  await check('text-resize', () => expectTextResize(page, state, widget));
  await check('text-spacing', () => expectTextSpacing(page, state, widget));
  await check('forced-colours', () => expectForcedColors(page, state, widget));
  await check('reduced-motion', () => expectReducedMotion(page, state, widget));
  if (options.modal) await check('modal-focus', () => expectFocusContainedInModal(page, state, options.keyboardStart));
  else await expectKeyboardWalk(page, state, widget, options.keyboardStart);
}

/** RGAA 12.9 for a modal dialog: Tab and Shift+Tab keep focus inside the open dialog. */
export async function expectFocusContainedInModal(page: Page, state: string, start?: Locator): Promise<void> {
  if (start) await start.focus();
  const inside = () =>
    page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      // Past the dialog's last control the browser takes focus to its own interface (the document's body here):
      // the rest of the page stays inert.
      return !el || el === document.body || !!el.closest('dialog[open]');
    });
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await inside(), `RGAA 12.9: focus stays in the modal dialog after ${key} in state "${state}"`).toBe(true);
  }
}

/**
 * Waits for the colour transitions a theme switch starts (the launcher's background fades in 0.15 s): axe must
 * read the final colours, not a frame in between. Each transition is waited for until it finishes or is
 * cancelled; one that never ends (infinite iterations) is not waited for.
 */
export async function settleTransitions(page: Page): Promise<void> {
  await page.evaluate(deepQueryScript);
  await page.evaluate(async () => {
    const frame = () => new Promise(requestAnimationFrame);
    // Transitions start at the style recalculation after the media change: look after two frames. A transition
    // may start another one (a colour, then the next state): a few rounds, never a time limit.
    await frame();
    await frame();
    for (let round = 0; round < 10; round++) {
      const running = (window as unknown as { __aideAnimations: () => Animation[] })
        .__aideAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
      if (running.length === 0) return;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
      await frame();
    }
  });
}

/**
 * The longest the widget waits before it acts by itself: the comment's remaining characters are said 1.2 s
 * after typing pauses, through the live region (120 ms more). The other delays are shorter (suggestions 150 ms
 * then their count 500 ms, the tutorial search 200 ms then its count 700 ms). A check that something did NOT
 * happen lets the page run at least this far.
 */
export const LONGEST_WIDGET_DELAY = 1500;

/**
 * Resolves once the page has run what it had queued: every timer it set up to `within` ms before this call
 * (a timer set now fires after them: the HTML timer order, on the page's own clock, however busy the machine
 * is), the widget's pending renders, and two rendering steps (resize observers, media and style changes).
 */
export async function settled(page: Page, within = 0): Promise<void> {
  await page.evaluate(async (ms) => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    await frame();
    const renders: Promise<unknown>[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const update = (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
        if (update) renders.push(update);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    await Promise.all(renders);
    await frame();
  }, within);
}

/**
 * A bounded poll that proves a negative: `read` gives `expected` now and after each of `rounds` settled
 * rounds of the page, the first one covering the widget's longest delay (LONGEST_WIDGET_DELAY).
 */
export async function expectStays<T>(page: Page, read: () => Promise<T>, expected: T, message: string, rounds = 3): Promise<void> {
  expect((await read()) as unknown, message).toEqual(expected);
  for (let round = 1; round <= rounds; round++) {
    await settled(page, round === 1 ? LONGEST_WIDGET_DELAY : 0);
    expect((await read()) as unknown, `${message} (after ${round} settled round${round > 1 ? 's' : ''} of the page)`).toEqual(expected);
  }
}

/**
 * Counts the click events that reach the widget from now on (an aide-* element on their composed path;
 * listened to in the capture phase, shadow roots included). The widget acts on click, so a press cancelled by
 * sliding away has done nothing exactly when no click reached it (the browser may still click the common
 * ancestor of the press and the release: the page's body).
 */
export async function countClicks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __aideClicks?: number };
    if (w.__aideClicks === undefined) {
      document.addEventListener(
        'click',
        (event) => {
          if (event.composedPath().some((n) => n instanceof Element && n.tagName.startsWith('AIDE-'))) w.__aideClicks = (w.__aideClicks ?? 0) + 1;
        },
        true,
      );
    }
    w.__aideClicks = 0;
  });
  return () => page.evaluate(() => (window as unknown as { __aideClicks: number }).__aideClicks);
}

/** An axe result that needs review: the rule, the element, and what axe could not decide. */
export interface AxeIncomplete {
  rule: string;
  target: string;
  message: string;
  scheme: 'light' | 'dark';
}

/** Fails on any axe violation; returns what axe could not decide ("incomplete"), to be reviewed. */
export async function expectNoAxeViolations(page: Page, state: string, scheme: 'light' | 'dark'): Promise<AxeIncomplete[]> {
  await page.emulateMedia({ colorScheme: scheme });
  await settleTransitions(page);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const violations = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' >>> ')),
  }));
  expect(violations, `axe (${scheme}) in state "${state}": ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  return results.incomplete.flatMap((r) =>
    r.nodes.map((n) => ({
      rule: r.id,
      target: n.target.join(' >>> '),
      message: [...n.any, ...n.all, ...n.none].map((c) => c.message).join(' ; '),
      scheme,
    })),
  );
}

/**
 * axe's "incomplete" results are what it could not decide (a text over an image, a colour it cannot compute):
 * each one was looked at by a person, who recorded why it is fine in test/a11y/axe-reviewed.ts. Any other fails.
 */
export function expectReviewedIncomplete(incomplete: AxeIncomplete[], state: string): void {
  const unreviewed = incomplete.filter(
    (i) => !AXE_REVIEWED.some((r) => r.rule === i.rule && r.target.test(i.target) && (!r.message || r.message.test(i.message))),
  );
  expect(
    unreviewed.map((i) => `${i.rule} (${i.scheme}) ${i.target}: ${i.message}`),
    `axe could not decide these in state "${state}": check each by hand, fix it or record why it is fine in test/a11y/axe-reviewed.ts`,
  ).toEqual([]);
}

/** RGAA 10.5: the page's own text and background colours do not leak into the widget's contrast. */
export async function expectHostColoursIgnored(page: Page, state: string, widget: string): Promise<void> {
  // axe's include() sees the light DOM only: a component inside the panel is reached through the panel.
  const present = await page.evaluate((selectors) => {
    const found = new Set<string>();
    for (const selector of selectors) {
      const el = document.querySelector(selector) ?? [...document.querySelectorAll('aide-panel')].find((p) => p.shadowRoot?.querySelector(selector));
      if (el) found.add(el.matches(selector) ? selector : 'aide-panel');
    }
    return [...found];
  }, widget.split(',').map((s) => s.trim()));
  if (present.length === 0) return;
  const handle = await page.addStyleTag({ content: 'html, body { color: #ffff00 !important; background: #000000 !important; }' });
  try {
    let builder = new AxeBuilder({ page }).withRules(['color-contrast']);
    for (const selector of present) builder = builder.include(selector);
    const results = await builder.analyze();
    const violations = results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' >>> ')));
    expect(violations, `RGAA 10.5: contrast with host colours overridden in state "${state}"`).toEqual([]);
  } finally {
    await handle.evaluate((el) => (el as Element).remove());
  }
}

/** RGAA 1.2: decorative SVG icons are hidden from assistive technologies; every img has an alt attribute. */
export async function expectDecorativeImagesIgnored(page: Page, state: string, widget: string): Promise<void> {
  await installScripts(page);
  const problems = await page.evaluate((hostSelector) => {
    const w = window as unknown as HarnessWindow;
    const out: string[] = [];
    for (const el of w.__aideDeep(hostSelector, 'svg, img, [role=img]')) {
      if (el.closest('svg') !== el && el.closest('svg')) continue;
      const hidden = el.closest('[aria-hidden=true]') !== null;
      const named = !!(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.querySelector(':scope > title'));
      if (el.tagName.toLowerCase() === 'img') {
        if (!el.hasAttribute('alt')) out.push(`${w.__aideDescribe(el)}: img without alt`);
      } else if (!hidden && !(el.getAttribute('role') === 'img' && named)) {
        out.push(`${w.__aideDescribe(el)}: svg neither aria-hidden nor a named img`);
      }
    }
    return out;
  }, widget);
  expect(problems, `RGAA 1.2 / 1.1 images in state "${state}"`).toEqual([]);
}

/** RGAA 10.1: presentation by style sheets only — no presentational elements or attributes. */
export async function expectNoPresentationalMarkup(page: Page, state: string, widget: string): Promise<void> {
  await installScripts(page);
  const problems = await page.evaluate((hostSelector) => {
    const w = window as unknown as HarnessWindow;
    const selector =
      'font, center, big, blink, marquee, strike, tt, basefont, [align], [bgcolor], [color]:not(svg *):not(input), [face], ' +
      '[valign], [hspace], [vspace], [border]:not(table), [background]:not(svg *), :not(img, svg, canvas, video, iframe, input, rect, svg *)[width], :not(img, svg, canvas, video, iframe, input, rect, svg *)[height]';
    return (w.__aideDeep(hostSelector, selector)).map((el) => w.__aideDescribe(el));
  }, widget);
  expect(problems, `RGAA 10.1 presentational markup in state "${state}"`).toEqual([]);
}

/**
 * Words kept apart for screen readers. Chromium leaves out of its accessibility tree a text node of spaces only that
 * touches a comment node, and Lit puts a comment before each expression: the space of `${a} ${b}`, of
 * `</strong> ${b}` or of `${a} <a>` is drawn on the screen, but a screen reader hears the words around it glued
 * (Orca said « publiée le16 novembre »). Each such space that is drawn (it has a box of some width) is reported with
 * its text; the fix is to make the space part of a text (`${`${a} ${b}`}`, a catalogue's sentence).
 */
export async function expectWordsSpaced(page: Page, state: string, widget: string): Promise<void> {
  await installScripts(page);
  const glued = await page.evaluate((hostSelector) => {
    const w = window as unknown as HarnessWindow;
    const out: string[] = [];
    for (const el of w.__aideDeep(hostSelector, '*')) {
      for (const root of el.shadowRoot ? [el, el.shadowRoot] : [el]) {
        for (const node of root.childNodes) {
          if (node.nodeType !== Node.TEXT_NODE || !/^\s+$/.test(node.textContent ?? '')) continue;
          if (node.previousSibling?.nodeType !== Node.COMMENT_NODE && node.nextSibling?.nodeType !== Node.COMMENT_NODE) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          if (![...range.getClientRects()].some((r) => r.width > 0)) continue;
          const around = (root.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
          out.push(`${el.localName}: « ${around} »`);
        }
      }
    }
    return [...new Set(out)];
  }, widget);
  expect(glued, `words glued for screen readers in Chromium (a space of its own next to a Lit marker) in state "${state}"`).toEqual([]);
}

/**
 * RGAA 8.2: the HTML each shadow root renders, as the browser holds it, validated by html-validate with its
 * recommended and a11y presets. Rules about how a source file is written, which a serialised DOM cannot follow,
 * are off: boolean attributes come out as hidden="" and Lit's styleMap as a style attribute.
 */
const htmlValidate = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:a11y'],
  rules: {
    'attribute-boolean-style': 'off',
    'attribute-empty-style': 'off',
    'no-inline-style': 'off',
    'no-trailing-whitespace': 'off',
    'attr-quotes': 'off',
    'void-style': 'off',
    // The ARIA 1.2 combobox's list of suggestions has no native equivalent (<select> is not an autocomplete).
    // A wide table's scroll region is a focusable <div role="region" aria-label> (the walkthrough's enhancement):
    // the same in the accessibility tree as a <section> with a name; html-validate's preference, not an error.
    'prefer-native-element': ['error', { exclude: ['listbox', 'region'] }],
    // Phone links: the number is written with no-break spaces (locator.ts, unbreakable()); around it, the words
    // may wrap on a narrow screen (« Appeler le » in the call button), or are visually hidden (« (téléphone de …) »).
    'tel-non-breaking': ['error', { ignoreClasses: ['tel', 'call'] }],
  },
});

export async function expectValidHtml(page: Page, state: string, widget: string): Promise<void> {
  const roots = await page.evaluate((hostSelector) => {
    const out: { host: string; html: string }[] = [];
    const walk = (root: Document | ShadowRoot, inWidget: boolean) => {
      for (const el of root.querySelectorAll('*')) {
        // In the widget: inside one of its shadow roots, or the host itself or its light-DOM content (a page
        // region such as the documentation's <main> holds live examples).
        const widgetHere = inWidget || !!el.closest(hostSelector);
        if (el.shadowRoot && widgetHere) {
          out.push({ host: el.tagName.toLowerCase(), html: el.shadowRoot.innerHTML });
          walk(el.shadowRoot, true);
        }
      }
    };
    walk(document, false);
    // A region of a page with no shadow root in it (the documentation's configurator): its own markup.
    if (out.length === 0) for (const el of document.querySelectorAll(hostSelector)) out.push({ host: el.tagName.toLowerCase(), html: el.outerHTML });
    return out;
  }, widget);
  expect(roots.length, `html-validate: nothing found for ${widget} in state "${state}"`).toBeGreaterThan(0);
  const problems: string[] = [];
  for (const root of roots) {
    const report = await htmlValidate.validateString(root.html);
    for (const result of report.results) {
      for (const m of result.messages) {
        const line = root.html.split('\n')[m.line - 1] ?? '';
        problems.push(`<${root.host}> ${m.ruleId}: ${m.message} — « ${line.slice(Math.max(0, m.column - 40), m.column + 60).trim()} »`);
      }
    }
  }
  expect(problems, `RGAA 8.2 html-validate in state "${state}" (${roots.length} shadow roots)`).toEqual([]);
}

/** Relative luminance contrast between two CSS colours, evaluated in the page. */
const contrastScript = `
  window.__aideContrast = (function () {
    const canvas = document.createElement('canvas').getContext('2d');
    function rgba(color) {
      canvas.fillStyle = '#000'; canvas.fillStyle = color;
      const v = canvas.fillStyle;
      if (v.startsWith('#')) return [parseInt(v.slice(1,3),16), parseInt(v.slice(3,5),16), parseInt(v.slice(5,7),16), 1];
      const m = v.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m[3] ?? 1];
    }
    function lum([r, g, b]) {
      const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    }
    function blend(top, bottom) {
      const a = top[3]; return [0,1,2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
    }
    function background(el) {
      let layers = [];
      for (let node = el; node; node = node.parentElement || (node.getRootNode() && node.getRootNode().host)) {
        const c = rgba(getComputedStyle(node).backgroundColor);
        if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
      }
      let result = [255, 255, 255, 1];
      for (const layer of layers.reverse()) result = blend(layer, result);
      return result;
    }
    function ratio(a, b) { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); }
    return { rgba, background, ratio, blend };
  })();
`;

/** Every element of the widget, inside open shadow roots. */
const deepQueryScript = `
  window.__aideDeep = function (hostSelector, selector) {
    const out = [];
    // In flat-tree order, as Tab goes: a nested shadow root's controls come where its host is.
    function walk(root) {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches(selector)) out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    }
    // Widget hosts may sit inside another widget's shadow root (a component inside the panel).
    const hosts = [];
    (function findHosts(root) {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches(hostSelector)) hosts.push(el);
        if (el.shadowRoot) findHosts(el.shadowRoot);
      }
    })(document);
    for (const host of hosts) {
      if (host.matches(selector)) out.push(host);
      if (host.shadowRoot) walk(host.shadowRoot);
      walk(host);
    }
    return [...new Set(out)];
  };
  window.__aideDescribe = function (el) {
    const text = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + (text ? ' "' + text + '"' : '');
  };
  // document.getAnimations() misses animations inside shadow roots in Chromium: collect them per root.
  window.__aideAnimations = function () {
    const out = [...document.getAnimations()];
    function walk(root) {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          for (const child of el.shadowRoot.children) out.push(...child.getAnimations({ subtree: true }));
          walk(el.shadowRoot);
        }
      }
    }
    walk(document);
    return [...new Set(out)];
  };
  window.__aideVisible = function (el) {
    if (!el.isConnected) return false;
    if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
`;

/** What the scripts above add to the page's window, as the checks run by page.evaluate see it. */
type Rgba = [number, number, number, number];
interface HarnessWindow {
  __aideContrast: { rgba(color: string): Rgba; background(el: Element): Rgba; ratio(a: Rgba, b: Rgba): number; blend(top: Rgba, bottom: Rgba): Rgba };
  __aideDeep(hostSelector: string, selector: string): Element[];
  __aideDescribe(el: Element): string;
  __aideAnimations(): Animation[];
  __aideVisible(el: Element): boolean;
  // The focus checks (focusScript).
  __aideHit(x: number, y: number): Element | null;
  __aideReaches(el: Element, x: number, y: number): boolean;
  __aidePoints(el: Element): [number, number][];
  __aideWidgetOf(el: Element, hostSelector: string): Element | null;
  __aideFocusLook(el: Element): Record<string, unknown>;
  __aideIndicator(el: Element, before: unknown): { kind: string; contrast: number } | null;
}

async function installScripts(page: Page): Promise<void> {
  await page.evaluate(`${contrastScript}; ${deepQueryScript}`);
  // Measure the settled layout, not a frame of an entrance animation.
  await page.evaluate(() =>
    Promise.all(((window as unknown as { __aideAnimations: () => Animation[] }).__aideAnimations()).map((a) => a.finished.catch(() => undefined))),
  );
}

/** RGAA 3.3: borders of form fields and the focus ring contrast ≥ 3:1 with what is around them. */
export async function expectComponentContrast(page: Page, state: string, widget: string): Promise<void> {
  await installScripts(page);
  const problems = await page.evaluate((hostSelector) => {
    const w = window as unknown as HarnessWindow;
    const c = w.__aideContrast;
    const out: string[] = [];
    for (const el of w.__aideDeep(hostSelector, 'input:not([type=hidden]), select, textarea') as HTMLElement[]) {
      if (!w.__aideVisible(el)) continue;
      const style = getComputedStyle(el);
      const bg = c.background(el.parentElement ?? el);
      // A field is identified by its border (any side) or its own background against the page.
      const sides = ['Top', 'Right', 'Bottom', 'Left'].filter((s) => parseFloat(style.getPropertyValue(`border-${s.toLowerCase()}-width`)) >= 1);
      const best = Math.max(
        0,
        ...sides.map((s) => c.ratio(c.blend(c.rgba(style.getPropertyValue(`border-${s.toLowerCase()}-color`)), bg), bg)),
        ...(el.matches('input[type=checkbox], input[type=radio]') ? [c.ratio(c.rgba(style.accentColor === 'auto' ? '#767676' : style.accentColor), bg)] : []),
      );
      const ownBg = c.rgba(style.backgroundColor);
      const fill = ownBg[3] > 0 ? c.ratio(c.blend(ownBg, bg), bg) : 0;
      if (Math.max(best, fill) < 3) out.push(`${w.__aideDescribe(el)}: boundary contrast ${Math.max(best, fill).toFixed(2)}:1`);
    }
    return out;
  }, widget);
  expect(problems, `RGAA 3.3 component contrast in state "${state}"`).toEqual([]);
}

export async function expectLang(
  page: Page,
  state: string,
  widget: string,
  expected: string | undefined,
  pageLangBefore: string | null,
): Promise<void> {
  const langs = await page.evaluate((hostSelector) => {
    return [...document.querySelectorAll(hostSelector)].map((el) => ({
      tag: el.tagName.toLowerCase(),
      lang: el.getAttribute('lang'),
      inner: el.shadowRoot ? [...el.shadowRoot.querySelectorAll('[lang]')].map((n) => n.getAttribute('lang')) : [],
    }));
  }, 'aide-panel, aide-walkthrough, aide-locator, aide-feedback');
  for (const entry of langs) {
    expect(entry.lang, `RGAA 8.3: <${entry.tag}> has a lang attribute in state "${state}"`).toMatch(/^(fr|en|ar)(-[A-Za-z]+)?$/);
    if (expected) expect(entry.lang, `RGAA 8.3: <${entry.tag}> lang in state "${state}"`).toBe(expected);
    for (const inner of entry.inner) expect(inner, `RGAA 8.7: valid lang inside <${entry.tag}>`).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
  }
  const pageLang = await page.evaluate(() => document.documentElement.getAttribute('lang'));
  expect(pageLang, `the page's own lang is untouched in state "${state}"`).toBe(pageLangBefore);
  void widget;
}


/** Elements of the widget whose content is cut: hidden overflow with content larger than the box. */
async function clippedElements(page: Page, widget: string): Promise<string[]> {
  await installScripts(page);
  return page.evaluate((hostSelector) => {
    const w = window as unknown as HarnessWindow;
    const out: string[] = [];
    for (const el of w.__aideDeep(hostSelector, '*') as HTMLElement[]) {
      if (!w.__aideVisible(el) || el.closest('.visually-hidden') || el.matches('svg *, svg')) continue;
      const style = getComputedStyle(el);
      const clipsX = style.overflowX === 'hidden' || style.overflowX === 'clip';
      const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
      if ((clipsX && el.scrollWidth > el.clientWidth + 1) || (clipsY && el.scrollHeight > el.clientHeight + 1)) {
        out.push(w.__aideDescribe(el));
      }
    }
    return out;
  }, widget);
}

async function horizontalOverflow(page: Page, widget: string): Promise<string[]> {
  await installScripts(page);
  return page.evaluate((hostSelector) => {
    const w = window as unknown as HarnessWindow;
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) out.push(`page scrollWidth ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of w.__aideDeep(hostSelector, '*') as HTMLElement[]) {
      if (!w.__aideVisible(el) || el.closest('.visually-hidden') || el.matches('svg *')) continue;
      // Data tables may scroll sideways (WCAG 1.4.10 exception): their cells beyond the edge are in the scroller.
      if (el.matches('table, table *') && el.closest('.table-scroll')) continue;
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 || r.left < -1) {
        const style = getComputedStyle(el);
        if (style.position === 'fixed' || style.position === 'absolute' || r.width > 0) out.push(`${w.__aideDescribe(el)} spans ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
      }
      const s = getComputedStyle(el);
      if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1 && !el.matches('table, table *, pre, pre *, .table-scroll')) {
        out.push(`${w.__aideDescribe(el)} scrolls horizontally`);
      }
    }
    return out.slice(0, 10);
  }, widget);
}

export async function expectReflow(
  page: Page,
  state: string,
  widget: string,
  size: { width: number; height: number },
  criterion: string,
): Promise<void> {
  await page.setViewportSize(size);
  await settled(page);
  expect(await horizontalOverflow(page, widget), `${criterion}: horizontal scrolling in state "${state}"`).toEqual([]);
  expect(await clippedElements(page, widget), `${criterion}: clipped content in state "${state}"`).toEqual([]);
}

/** RGAA 10.4: text at 200 % (browser text size) stays readable: nothing clipped, no horizontal scroll. */
export async function expectTextResize(page: Page, state: string, widget: string): Promise<void> {
  const handle = await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  await settled(page);
  try {
    expect(await clippedElements(page, widget), `RGAA 10.4 text 200 %: clipped content in state "${state}"`).toEqual([]);
    expect(await horizontalOverflow(page, widget), `RGAA 10.4 text 200 %: horizontal scrolling in state "${state}"`).toEqual([]);
  } finally {
    await handle.evaluate((el) => (el as Element).remove());
  }
}

/** RGAA 10.12: WCAG 1.4.12 text spacing in the document and in every shadow root. */
export async function expectTextSpacing(page: Page, state: string, widget: string): Promise<void> {
  const css =
    '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } ' +
    'p { margin-block-end: 2em !important; }';
  await page.evaluate((rules) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rules);
    (window as unknown as { __aideSpacing: CSSStyleSheet }).__aideSpacing = sheet;
    const roots: (Document | ShadowRoot)[] = [document];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { roots.push(el.shadowRoot); walk(el.shadowRoot); }
    };
    walk(document);
    for (const root of roots) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }, css);
  await settled(page);
  try {
    expect(await clippedElements(page, widget), `RGAA 10.12 text spacing: clipped content in state "${state}"`).toEqual([]);
    expect(await horizontalOverflow(page, widget), `RGAA 10.12 text spacing: horizontal scrolling in state "${state}"`).toEqual([]);
  } finally {
    await page.evaluate(() => {
      const sheet = (window as unknown as { __aideSpacing: CSSStyleSheet }).__aideSpacing;
      const roots: (Document | ShadowRoot)[] = [document];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { roots.push(el.shadowRoot); walk(el.shadowRoot); }
      };
      walk(document);
      for (const root of roots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    });
  }
}

/**
 * Interactive elements of the widget, visible, in DOM (flat tree) order, each tagged with a key so that
 * controls with the same name stay distinct. Radio groups count once (Tab reaches the checked radio, or the
 * first one; arrows move inside the group).
 */
async function interactiveElements(page: Page, widget: string): Promise<{ key: string; id: string }[]> {
  await installScripts(page);
  return page.evaluate((hostSelector) => {
    const w = window as unknown as HarnessWindow;
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable=""], [contenteditable="true"]';
    const groups = new Set<string>();
    const out: { key: string; id: string }[] = [];
    for (const el of w.__aideDeep(hostSelector, selector) as HTMLElement[]) {
      if (!w.__aideVisible(el) || el.matches(':disabled') || el.closest('[inert]')) continue;
      if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
        const group = (el.getRootNode() as Node & { host?: Element }).host?.tagName + '|' + el.form?.id + '|' + el.name;
        if (groups.has(group)) continue;
        groups.add(group);
        const radios = [...(el.getRootNode() as ParentNode).querySelectorAll<HTMLInputElement>(`input[type=radio][name="${el.name}"]`)];
        const target = radios.find((r) => r.checked) ?? el;
        target.dataset.aideWalk ??= String(Math.random());
        out.push({ key: target.dataset.aideWalk, id: w.__aideDescribe(target) });
        continue;
      }
      el.dataset.aideWalk ??= String(Math.random());
      out.push({ key: el.dataset.aideWalk, id: w.__aideDescribe(el) });
    }
    return out;
  }, widget);
}

/** Forced colours (Windows high contrast): controls keep a boundary or text, focus stays visible. */
export async function expectForcedColors(page: Page, state: string, widget: string): Promise<void> {
  await page.emulateMedia({ forcedColors: 'active' });
  await settled(page);
  try {
    await installScripts(page);
    const problems = await page.evaluate((hostSelector) => {
      const w = window as unknown as HarnessWindow;
      const out: string[] = [];
      for (const el of w.__aideDeep(hostSelector, 'button, input:not([type=hidden]), select, textarea, a[href]') as HTMLElement[]) {
        if (!w.__aideVisible(el)) continue;
        const style = getComputedStyle(el);
        const hasBorder = ['top', 'right', 'bottom', 'left'].some(
          (s) => style.getPropertyValue(`border-${s}-style`) !== 'none' && parseFloat(style.getPropertyValue(`border-${s}-width`)) > 0,
        );
        const hasText = (el.textContent ?? '').trim().length > 0 || el.matches('input[type=checkbox], input[type=radio]');
        const underlined = style.textDecorationLine.includes('underline');
        const isControl = el.matches('button, select, textarea, input:not([type=checkbox]):not([type=radio])');
        // Colours are replaced by system colours: a control drawn only by its background disappears.
        if (isControl && !hasBorder && !underlined) out.push(`${w.__aideDescribe(el)}: neither border nor underline in forced colours`);
        if (!hasText && !hasBorder) out.push(`${w.__aideDescribe(el)}: no boundary nor text`);
      }
      return out;
    }, widget);
    expect(problems, `forced colours (RGAA 3.3 / 10.7) in state "${state}"`).toEqual([]);
  } finally {
    await page.emulateMedia({ forcedColors: 'none' });
  }
}

/**
 * RGAA 13.8: with reduced motion nothing moves. The widget's CSS sets every transition and animation to none
 * under `prefers-reduced-motion: reduce` (core's shared styles; the launcher's and the panel's only exist under
 * `no-preference`). So, after the switch: what started before it (a colour fading after the previous check's
 * forced colours) is waited for until it ends or is cancelled; then nothing may run, and every element of the
 * widget (and its ::before and ::after) must compute a transition and an animation of zero duration.
 */
export async function expectReducedMotion(page: Page, state: string, widget: string): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  try {
    await page.evaluate(deepQueryScript);
    const found = await page.evaluate(async (hostSelector) => {
      const w = window as unknown as HarnessWindow;
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const describe = (a: Animation) => {
        const target = (a.effect as KeyframeEffect | null)?.target;
        return `${a.constructor.name}${'transitionProperty' in a ? ` (${String((a as Animation & { transitionProperty: string }).transitionProperty)})` : ''} on ${target ? w.__aideDescribe(target) : '?'}`;
      };
      const running = () => w.__aideAnimations().filter((a) => a.playState === 'running');
      // The media change reaches the styles at the next style recalculation.
      await frame();
      await frame();
      const before = running();
      const endless = before.filter((a) => a.effect?.getComputedTiming().endTime === Infinity).map(describe);
      await Promise.all(before.filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined)));
      await frame();
      // Still running now: started after the switch, or endless.
      const after = running().map(describe);
      const seconds = (list: string) =>
        Math.max(0, ...list.split(',').map((v) => (v.trim().endsWith('ms') ? parseFloat(v) / 1000 : parseFloat(v) || 0)));
      const durations: string[] = [];
      for (const el of w.__aideDeep(hostSelector, '*')) {
        for (const pseudo of [null, '::before', '::after']) {
          const style = getComputedStyle(el, pseudo);
          if (pseudo && style.content === 'none') continue;
          const transition = style.transitionProperty === 'none' ? 0 : seconds(style.transitionDuration) + Math.max(0, seconds(style.transitionDelay));
          const animation = style.animationName === 'none' ? 0 : seconds(style.animationDuration);
          if (transition > 0.01 || animation > 0.01) {
            durations.push(`${w.__aideDescribe(el)}${pseudo ?? ''}: transition ${style.transitionProperty} ${style.transitionDuration}, animation ${style.animationName} ${style.animationDuration}`);
          }
        }
      }
      return { endless, after: [...new Set([...endless, ...after])], durations: durations.slice(0, 10) };
    }, widget);
    expect(found.after, `RGAA 13.8 reduced motion: animations running once those started before the switch ended, in state "${state}"`).toEqual([]);
    expect(found.durations, `RGAA 13.8 reduced motion: transition or animation durations above 0 in state "${state}"`).toEqual([]);
  } finally {
    await page.emulateMedia({ reducedMotion: null });
  }
}

/** Helpers evaluated in the page for the focus checks: a deep elementFromPoint and the focus indicator. */
const focusScript = `
  // The element at a point, through open shadow roots.
  window.__aideHit = function (x, y) {
    let el = document.elementFromPoint(x, y);
    while (el && el.shadowRoot) {
      const inner = el.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === el) break;
      el = inner;
    }
    return el;
  };
  // Whether the element (or its label, for a field) is what a pointer at this point would reach.
  window.__aideReaches = function (el, x, y) {
    const hit = window.__aideHit(x, y);
    if (!hit) return false;
    if (el === hit || el.contains(hit)) return true;
    const labels = el.labels ? Array.from(el.labels) : [];
    return labels.some((label) => label === hit || label.contains(hit));
  };
  // Points of the element's box (its centre, and near its corners).
  window.__aidePoints = function (el) {
    const r = el.getBoundingClientRect();
    const inset = (v, size) => Math.min(2, size / 4);
    const ix = inset(0, r.width), iy = inset(0, r.height);
    return [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + ix, r.top + iy], [r.right - ix, r.top + iy], [r.left + ix, r.bottom - iy], [r.right - ix, r.bottom - iy],
    ];
  };
  // The widget's own element that contains this one (the element itself, its host, or nothing: the page's).
  window.__aideWidgetOf = function (el, hostSelector) {
    for (let n = el; n; n = n.parentElement || (n.getRootNode() && n.getRootNode().host) || null) {
      if (n instanceof Element && n.matches(hostSelector)) return n;
    }
    return null;
  };
  // What draws the focus: outline, box-shadow rings, border and background, as computed now.
  window.__aideFocusLook = function (el) {
    const s = getComputedStyle(el);
    return {
      outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0, outlineColor: s.outlineColor,
      outlineOffset: parseFloat(s.outlineOffset) || 0, boxShadow: s.boxShadow,
      borderColor: s.borderTopColor, borderWidth: parseFloat(s.borderTopWidth) || 0, borderStyle: s.borderTopStyle,
      background: s.backgroundColor, textDecoration: s.textDecorationLine,
    };
  };
  // Parses a computed box-shadow list: [{ color, x, y, blur, spread, inset }].
  window.__aideShadows = function (value) {
    if (!value || value === 'none') return [];
    const parts = []; let depth = 0, current = '';
    for (const ch of value) {
      if (ch === '(') depth++; if (ch === ')') depth--;
      if (ch === ',' && depth === 0) { parts.push(current); current = ''; } else current += ch;
    }
    parts.push(current);
    return parts.map((part) => {
      const color = (part.match(/(rgba?|hsla?|color|oklch|oklab|lab|lch)\\([^)]*\\)|#[0-9a-f]{3,8}|\\b[a-z]+\\b(?=\\s|$)/i) || ['transparent'])[0];
      const lengths = (part.replace(color, '').match(/-?[\\d.]+px/g) || []).map(parseFloat);
      return { color, x: lengths[0] || 0, y: lengths[1] || 0, blur: lengths[2] || 0, spread: lengths[3] || 0, inset: /\\binset\\b/.test(part) };
    });
  };
  // The focus indicator: what changed from the unfocused look, and its contrast with what touches it.
  window.__aideIndicator = function (el, before) {
    const c = window.__aideContrast;
    const now = window.__aideFocusLook(el);
    const around = el.parentElement || (el.getRootNode() && el.getRootNode().host) || el;
    const outside = c.background(around);
    const inside = c.background(el);
    const ownBorder = now.borderStyle !== 'none' && now.borderWidth >= 1 ? c.blend(c.rgba(now.borderColor), outside) : null;
    const candidates = [];
    // An outline that the unfocused element does not have.
    if (now.outlineStyle !== 'none' && now.outlineWidth >= 1 &&
        !(before.outlineStyle === now.outlineStyle && before.outlineWidth === now.outlineWidth && before.outlineColor === now.outlineColor)) {
      const ring = c.blend(c.rgba(now.outlineColor), outside);
      // Drawn outside the box (offset ≥ 0) it touches what is around; with no gap, also the element's edge.
      const neighbours = now.outlineOffset >= 0 ? [outside] : [inside];
      if (now.outlineOffset <= 0 && now.outlineOffset > -now.outlineWidth) neighbours.push(ownBorder || inside);
      if (now.outlineOffset > 0 && now.outlineOffset < 1) neighbours.push(ownBorder || inside);
      candidates.push({ kind: 'outline ' + now.outlineWidth + 'px', contrast: Math.min(...neighbours.map((n) => c.ratio(ring, n))) });
    }
    // A ring drawn by box-shadow (spread ≥ 1 px, little blur) that the unfocused element does not have.
    if (now.boxShadow !== before.boxShadow) {
      const old = window.__aideShadows(before.boxShadow).map((x) => JSON.stringify(x));
      for (const sh of window.__aideShadows(now.boxShadow)) {
        if (old.includes(JSON.stringify(sh)) || sh.spread < 1 || sh.blur > sh.spread) continue;
        const ring = c.blend(c.rgba(sh.color), sh.inset ? inside : outside);
        const neighbours = sh.inset ? [inside] : [outside, ownBorder || inside];
        candidates.push({ kind: (sh.inset ? 'inset ' : '') + 'box-shadow ' + sh.spread + 'px', contrast: Math.min(...neighbours.map((n) => c.ratio(ring, n))) });
      }
    }
    // A border that becomes thick enough to be seen (≥ 2 px) and contrasted with its unfocused colour.
    if (now.borderStyle !== 'none' && now.borderWidth >= 2 && (now.borderColor !== before.borderColor || now.borderWidth > before.borderWidth)) {
      const was = before.borderStyle !== 'none' && before.borderWidth >= 1 ? c.blend(c.rgba(before.borderColor), outside) : outside;
      candidates.push({ kind: 'border ' + now.borderWidth + 'px', contrast: Math.min(c.ratio(c.blend(c.rgba(now.borderColor), outside), was), c.ratio(c.blend(c.rgba(now.borderColor), outside), outside)) });
    }
    // A background that changes enough (3:1 between the two states).
    if (now.background !== before.background) {
      candidates.push({ kind: 'background', contrast: c.ratio(c.background(el), c.blend(c.rgba(before.background), outside)) });
    }
    candidates.sort((a, b) => b.contrast - a.contrast);
    return candidates[0] || null;
  };
`;

async function installFocusScripts(page: Page): Promise<void> {
  await installScripts(page);
  await page.evaluate(focusScript);
}

/** The widget's focused element (deep), described, or null when focus is on the page or nowhere. */
interface Focused {
  key: string;
  id: string;
  inside: boolean;
  /** An iframe: the focus is in its own document, whose focused element shows the indicator. */
  nested: boolean;
  indicator: { kind: string; contrast: number } | null;
  /** Not one point of the element can be reached: something of the widget covers it. */
  obscuredBy: string | null;
}

async function focusedNow(page: Page, widget: string, before: Record<string, unknown>): Promise<Focused | null> {
  return page.evaluate(
    ({ hostSelector, before }) => {
      const w = window as unknown as HarnessWindow;
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const html = el as HTMLElement;
      const key = html.dataset.aideWalk ?? (html.dataset.aideWalk = String(Math.random()));
      const inside = !!w.__aideWidgetOf(el, hostSelector);
      const look = before[key] ?? w.__aideFocusLook(el);
      // Focus inside a frame's own document (the documentation's live preview): the indicator to see is that of the
      // element focused in there, which the frame's own page shows and its own checks test; the frame is not it.
      const nested = el.tagName === 'IFRAME';
      const indicator = inside && !nested ? w.__aideIndicator(el, look) : null;
      // WCAG 2.4.11: some point of the focused element shows. Whatever covers it all, if it is the widget's, is named.
      let obscuredBy: string | null = null;
      const points = w.__aidePoints(el);
      const inView = points.filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
      if (inView.length > 0 && !inView.some(([x, y]) => w.__aideReaches(el, x, y))) {
        const cover = w.__aideHit(inView[0]![0], inView[0]![1]);
        if (cover && w.__aideWidgetOf(cover, hostSelector)) obscuredBy = w.__aideDescribe(cover);
      }
      return { key, id: w.__aideDescribe(el), inside, nested, indicator, obscuredBy };
    },
    { hostSelector: widget, before },
  );
}

/**
 * From the widget's first control, Tab visits every visible control of the widget in DOM order (RGAA 7.3, 12.8),
 * each with a focus indicator that appears with the focus and contrasts 3:1 with what touches it (RGAA 10.7, 3.3),
 * none hidden by the widget (WCAG 2.4.11); then Tab leaves the widget (RGAA 12.9) and goes on through the page,
 * whose controls must not be hidden under the widget either.
 */
export async function expectKeyboardWalk(page: Page, state: string, widget: string, start?: Locator): Promise<void> {
  await installFocusScripts(page);
  const positive = await page.evaluate((hostSelector) => {
    const w = window as unknown as HarnessWindow;
    return (w.__aideDeep(hostSelector, '[tabindex]') as HTMLElement[]).filter((el) => el.tabIndex > 0).map((el) => w.__aideDescribe(el));
  }, widget);

  // Keyboard modality first: programmatic focus after a mouse click does not show :focus-visible; going back and
  // forth with the keyboard puts the browser in keyboard modality, as for a real keyboard user. (It also hides
  // what a first key hides, the floating launcher under the open panel.)
  const focusStart = async () => {
    if (start) await start.focus();
    else {
      await page.evaluate((hostSelector) => {
        const w = window as unknown as HarnessWindow;
        const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
        const first = (w.__aideDeep(hostSelector, selector) as HTMLElement[]).find((el) => w.__aideVisible(el) && !el.matches(':disabled'));
        first?.focus();
      }, widget);
    }
  };
  await focusStart();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  // How each control looks without the focus (nothing focused): the focus indicator is what changes.
  await page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    (active as HTMLElement | null)?.blur?.();
  });
  const expected = await interactiveElements(page, widget);
  const unfocused = await page.evaluate(() => {
    const w = window as unknown as HarnessWindow;
    const out: Record<string, unknown> = {};
    const deep = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.dataset.aideWalk) out[el.dataset.aideWalk] = w.__aideFocusLook(el);
        if (el.shadowRoot) deep(el.shadowRoot);
      }
    };
    deep(document);
    return out;
  });
  // Back to the start, still in keyboard modality.
  await focusStart();
  const firstKey: string | null = start ? await start.evaluate((el) => (el as HTMLElement).dataset.aideWalk ?? null) : null;
  const visited: string[] = [];
  const visitedIds: string[] = [];
  const trap: string[] = [];
  const indicators: string[] = [];
  const obscured: string[] = [];
  const seen = new Set<string>();
  let left = false;
  for (let i = 0; i < expected.length + 40; i++) {
    const info = await focusedNow(page, widget, unfocused);
    if (!info || !info.inside) {
      left = true;
      break;
    }
    if (seen.has(info.key)) {
      // Back to the first control after the last one is the browser wrapping around a page that has nothing else
      // to focus; anywhere else it is a loop that never lets the person out.
      const pageHasOtherControls = await page.evaluate((hostSelector) => {
        const selector = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])';
        return [...document.querySelectorAll<HTMLElement>(selector)].some((el) => !el.closest(hostSelector) && el.offsetParent !== null);
      }, widget);
      if (info.key !== visited[0] || pageHasOtherControls) trap.push(`focus came back to ${info.id}: keyboard trap or loop`);
      else left = true;
      break;
    }
    seen.add(info.key);
    visited.push(info.key);
    visitedIds.push(info.id);
    if (!info.indicator && !info.nested) indicators.push(`${info.id}: nothing changes when it gets the focus (RGAA 10.7)`);
    else if (info.indicator && info.indicator.contrast < 3) indicators.push(`${info.id}: focus ${info.indicator.kind} contrast ${info.indicator.contrast.toFixed(2)}:1 < 3:1 with what touches it`);
    if (info.obscuredBy) obscured.push(`${info.id} is hidden under ${info.obscuredBy}`);
    await page.keyboard.press('Tab');
  }
  // WCAG 2.4.11 on the page too: after the widget, Tab goes through the page; no control of it may end up under
  // the widget (the docked panel on a large screen).
  if (left) {
    const pageSeen = new Set<string>();
    for (let i = 0; i < 80; i++) {
      const info = await focusedNow(page, widget, unfocused);
      if (info?.inside) break;
      if (info) {
        if (pageSeen.has(info.key)) break;
        pageSeen.add(info.key);
        if (info.obscuredBy) obscured.push(`the page's ${info.id} is hidden under ${info.obscuredBy}`);
      }
      await page.keyboard.press('Tab');
    }
  }
  const missing = expected.filter((e) => !visited.includes(e.key) && (!firstKey || expected.findIndex((x) => x.key === firstKey) <= expected.indexOf(e))).map((e) => e.id);
  const keys = expected.map((e) => e.key);
  const order = keys.filter((k) => visited.includes(k));
  const walked = visited.filter((k) => keys.includes(k));
  await check('keyboard-reach', async () => expect(missing, `RGAA 7.3: controls not reachable with Tab in state "${state}" (visited: ${visitedIds.join(' | ')})`).toEqual([]));
  await check('tab-order', async () => {
    expect(positive, `RGAA 12.8: positive tabindex in state "${state}"`).toEqual([]);
    expect(walked, `RGAA 12.8: Tab order in state "${state}" (visited: ${visitedIds.join(' | ')})`).toEqual(order);
  });
  await check('no-trap', async () => expect(trap, `RGAA 12.9: keyboard trap in state "${state}"`).toEqual([]));
  await check('focus-visible', async () => expect(indicators, `RGAA 10.7 / 3.3: focus indicators in state "${state}"`).toEqual([]));
  await check('focus-not-obscured', async () => expect(obscured, `WCAG 2.4.11: focus hidden in state "${state}"`).toEqual([]));
}

/**
 * WCAG 2.5.8, and the project's own rule for people with unsteady hands on small phones: at 360 px, every target
 * of the widget is at least 44 × 44 CSS px (a field's label counts as its target). Links inside running text
 * written by editors are the criterion's inline exception.
 */
export async function expectTargetSize(page: Page, state: string, widget: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: 360, height: 740 });
  // The panel follows the screen's width through a media listener and a new render: measured once they have run
  // (before, a header still laid out for a wide screen covered every target, on a busy machine).
  await settled(page);
  await installFocusScripts(page);
  try {
    const { checked, small } = await page.evaluate((hostSelector) => {
      const w = window as unknown as HarnessWindow;
      const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=option], [tabindex]:not([tabindex="-1"])';
      const out: string[] = [];
      let count = 0;
      for (const el of w.__aideDeep(hostSelector, selector) as HTMLElement[]) {
        if (!w.__aideVisible(el) || el.closest('[inert]')) continue;
        // The criterion's inline exception: a link inside a sentence (its block has other words than its own).
        // Glossary words are buttons: they get no exception.
        const block = el.matches('a') ? el.parentElement?.closest('p, li, dd, td, th, figcaption') : null;
        if (block && (block.textContent ?? '').replace(el.textContent ?? '', '').replace(/[\s\p{P}\p{S}]/gu, '').length > 0) continue;
        el.scrollIntoView({ block: 'center', inline: 'center' });
        // Under an open popup (the list of suggestions), a control is not a target for now.
        const middle = el.getBoundingClientRect();
        if (!w.__aideReaches(el, middle.left + middle.width / 2, middle.top + middle.height / 2) && !((el as HTMLInputElement).labels?.length)) continue;
        count++;
        // The target: the element itself, or with a label that touches it (a box and its words); measured where a
        // pointer lands, through the page.
        const own = el.getBoundingClientRect();
        const candidates = [own];
        for (const label of (el as HTMLInputElement).labels ? [...(el as HTMLInputElement).labels!] : []) {
          const b = label.getBoundingClientRect();
          const gap = Math.max(b.left - own.right, own.left - b.right, b.top - own.bottom, own.top - b.bottom, 0);
          if (gap <= 12) candidates.push(new DOMRect(Math.min(own.left, b.left), Math.min(own.top, b.top), Math.max(own.right, b.right) - Math.min(own.left, b.left), Math.max(own.bottom, b.bottom) - Math.min(own.top, b.top)));
        }
        // A 44 × 44 square centred on the target (within a pixel, for rounding) is all the target's.
        const half = 21;
        let missed: number[][] = [];
        let best = own;
        for (const box of candidates) {
          const cx = box.left + box.width / 2;
          const cy = box.top + box.height / 2;
          const probes = [[cx, cy], [cx - half, cy - half], [cx + half, cy - half], [cx - half, cy + half], [cx + half, cy + half], [cx, cy - half], [cx, cy + half], [cx - half, cy], [cx + half, cy]];
          missed = probes.filter(([x, y]) => !w.__aideReaches(el, x!, y!));
          best = box;
          if (missed.length === 0) break;
        }
        const [left, right, top, bottom] = [best.left, best.right, best.top, best.bottom];
        if (missed.length > 0) {
          const [x = 0, y = 0] = missed[0]!;
          const there = w.__aideHit(x, y);
          out.push(`${w.__aideDescribe(el)}: ${Math.round(right - left)} × ${Math.round(bottom - top)} px (at ${Math.round(x - left)},${Math.round(y - top)}: ${there ? w.__aideDescribe(there) : 'nothing'})`);
        }
      }
      return { checked: count, small: out };
    }, widget);
    expect(small, `WCAG 2.5.8: targets smaller than 44 × 44 px at 360 px in state "${state}" (${checked} checked)`).toEqual([]);
  } finally {
    await page.setViewportSize(viewport);
  }
}

/** The text currently in the widget's live regions (polite and assertive), for "is it announced?" checks. */
export async function liveRegionText(page: Page): Promise<{ polite: string; assertive: string }> {
  return page.evaluate(() => {
    const host = document.querySelector('aide-live-region');
    const text = (sel: string) => host?.shadowRoot?.querySelector(sel)?.textContent?.trim() ?? '';
    return { polite: text('[aria-live=polite]'), assertive: text('[aria-live=assertive]') };
  });
}

/** Waits until a message goes through the widget's live region (RGAA 7.5). */
export async function expectAnnouncement(page: Page, message: string | RegExp, politeness: 'polite' | 'assertive' = 'polite'): Promise<void> {
  await expect
    .poll(async () => (await liveRegionText(page))[politeness], { message: `announcement ${String(message)} (RGAA 7.5)`, timeout: 5000 })
    .toMatch(message instanceof RegExp ? message : new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
}

/** The deep focused element's description, for focus assertions. */
export async function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const text = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ');
    return `${el.tagName.toLowerCase()} ${text}`;
  });
}
