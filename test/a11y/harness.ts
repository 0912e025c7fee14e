/**
 * The shared accessibility harness (RGAA 4.1). Every end-to-end test calls `checkState()` in each UI state a
 * component declares (closed, open, results, error, step N, sent, offline…), so no state is forgotten.
 * In the real browser it checks:
 *  - axe: WCAG 2.0/2.1 A and AA, the RGAAv4-tagged rules and the best-practice rules, in light and dark themes;
 *  - contrast of interface components (field borders, focus ring) ≥ 3:1 from computed styles (RGAA 3.3);
 *  - lang on the widget root, page language unaffected (RGAA 8.3, 8.7);
 *  - reflow at 320 CSS px without horizontal scrolling (RGAA 10.11), 200 % zoom and text size (10.4);
 *  - text spacing overrides without clipped text (10.12);
 *  - forced colours: every control keeps a visible boundary or text, and a visible focus (3.3, 10.7);
 *  - reduced motion: no animation left running (13.8);
 *  - keyboard: every control reachable with Tab in DOM order, a visible focus indicator, no trap, no positive
 *    tabindex (7.3, 10.7, 12.8, 12.9);
 *  - the accessibility tree (aria snapshot) is recorded for the screen-reader documentation (test/a11y/snapshots).
 * Each check that fails names the state, the RGAA criterion and the elements.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'RGAAv4', 'best-practice'];

export interface StateOptions {
  /** Component and state, e.g. "panel: open". Also names the aria snapshot file. */
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
}

const WIDGET_SELECTOR = 'aide-panel, aide-help, aide-walkthrough, aide-locator, aide-feedback';
const here = dirname(fileURLToPath(import.meta.url));

/** Runs every check on the current state. Leaves the page as it found it (viewport, media, focus). */
export async function checkState(page: Page, options: StateOptions): Promise<void> {
  const widget = options.widget ?? WIDGET_SELECTOR;
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const pageLang = await page.evaluate(() => document.documentElement.getAttribute('lang'));

  await expectNoAxeViolations(page, options.name, 'light');
  await expectNoAxeViolations(page, options.name, 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expectHostColoursIgnored(page, options.name, widget);
  await expectComponentContrast(page, options.name, widget);
  await expectLang(page, options.name, widget, options.lang, pageLang);
  await expectDecorativeImagesIgnored(page, options.name, widget);
  await expectNoPresentationalMarkup(page, options.name, widget);
  await recordAriaSnapshot(page, options.name, widget);

  await expectReflow(page, options.name, widget, { width: 320, height: 640 }, 'RGAA 10.11 (320 px)');
  // 200 % page zoom on a 1280 px screen lays out like a 640 px wide viewport.
  await expectReflow(page, options.name, widget, { width: 640, height: 400 }, 'RGAA 10.4 (zoom 200 %)');
  await expectReflow(page, options.name, widget, { width: 390, height: 844 }, 'RGAA 13.9 (portrait)');
  await expectReflow(page, options.name, widget, { width: 844, height: 390 }, 'RGAA 13.9 (landscape)');
  await page.setViewportSize(viewport);
  await expectTextResize(page, options.name, widget);
  await expectTextSpacing(page, options.name, widget);
  await expectForcedColors(page, options.name, widget);
  await expectReducedMotion(page, options.name);
  if (options.modal) await expectFocusContainedInModal(page, options.name, options.keyboardStart);
  else await expectKeyboardWalk(page, options.name, widget, options.keyboardStart);
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
 * read the final colours, not a frame in between.
 */
export async function settleTransitions(page: Page): Promise<void> {
  await page.evaluate(deepQueryScript);
  await page.evaluate(async () => {
    const frame = () => new Promise(requestAnimationFrame);
    const deadline = performance.now() + 2000;
    // Transitions start at the style recalculation after the media change: look after two frames.
    await frame();
    await frame();
    for (;;) {
      const running = (window as unknown as { __aideAnimations: () => Animation[] })
        .__aideAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
      if (running.length === 0 || performance.now() > deadline) return;
      await Promise.race([Promise.all(running.map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 500))]);
    }
  });
}

export async function expectNoAxeViolations(page: Page, state: string, scheme: 'light' | 'dark'): Promise<void> {
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

/** Records the accessibility tree of each widget element: the base of the screen-reader documentation. */
export async function recordAriaSnapshot(page: Page, state: string, widget: string): Promise<string> {
  const parts: string[] = [];
  const hosts = page.locator(widget);
  for (let i = 0; i < (await hosts.count()); i++) {
    const host = hosts.nth(i);
    if (!(await host.isVisible().catch(() => false)) && (await host.evaluate((el) => el.tagName.toLowerCase())) !== 'aide-panel') continue;
    const snapshot = await host.ariaSnapshot().catch(() => '');
    if (snapshot.trim()) parts.push(`# <${await host.evaluate((el) => el.tagName.toLowerCase())}>\n${snapshot}`);
  }
  const text = parts.join('\n\n') + '\n';
  const file = join(here, 'snapshots', state.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase() + '.yml');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `# ${state}\n${text}`);
  return text;
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
  await page.waitForTimeout(100);
  expect(await horizontalOverflow(page, widget), `${criterion}: horizontal scrolling in state "${state}"`).toEqual([]);
  expect(await clippedElements(page, widget), `${criterion}: clipped content in state "${state}"`).toEqual([]);
}

/** RGAA 10.4: text at 200 % (browser text size) stays readable: nothing clipped, no horizontal scroll. */
export async function expectTextResize(page: Page, state: string, widget: string): Promise<void> {
  const handle = await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  await page.waitForTimeout(50);
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
  await page.waitForTimeout(50);
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
  await page.waitForTimeout(50);
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

/** RGAA 13.8: with reduced motion, no animation or transition keeps running. */
export async function expectReducedMotion(page: Page, state: string): Promise<void> {
  // A colour transition the previous check started (forced colours off again) is no motion under 'reduce'.
  await settleTransitions(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  try {
    await page.evaluate(deepQueryScript);
    const running = await page.evaluate(() =>
      (window as unknown as { __aideAnimations: () => Animation[] })
        .__aideAnimations()
        .filter((a) => a.playState === 'running')
        .map((a) => {
          const target = (a.effect as KeyframeEffect | null)?.target;
          return `${a.constructor.name} on ${target ? target.tagName.toLowerCase() + '.' + (target.className || '') : '?'}`;
        }),
    );
    expect(running, `RGAA 13.8 reduced motion: animations still running in state "${state}"`).toEqual([]);
  } finally {
    await page.emulateMedia({ reducedMotion: null });
  }
}

/**
 * RGAA 7.3, 10.7, 12.8, 12.9: from the widget's first control, Tab visits every visible control of the
 * widget in DOM order, each with a visible focus indicator of ≥ 3:1, and finally leaves the widget (no trap).
 */
export async function expectKeyboardWalk(page: Page, state: string, widget: string, start?: Locator): Promise<void> {
  const expected = await interactiveElements(page, widget);
  if (expected.length === 0) return;
  const positive = await page.evaluate((hostSelector) => {
    const w = window as unknown as HarnessWindow;
    return (w.__aideDeep(hostSelector, '[tabindex]') as HTMLElement[]).filter((el) => el.tabIndex > 0).map((el) => w.__aideDescribe(el));
  }, widget);
  expect(positive, `RGAA 12.8: positive tabindex in state "${state}"`).toEqual([]);

  let firstKey: string | null = null;
  if (start) {
    await start.focus();
    firstKey = await start.evaluate((el) => (el as HTMLElement).dataset.aideWalk ?? null);
  } else {
    await page.evaluate((hostSelector) => {
      const w = window as unknown as HarnessWindow;
      const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
      const first = (w.__aideDeep(hostSelector, selector) as HTMLElement[]).find((el) => w.__aideVisible(el) && !el.matches(':disabled'));
      first?.focus();
    }, widget);
  }
  // Programmatic focus after a mouse click does not show :focus-visible; going back and forth with the
  // keyboard puts the browser in keyboard modality, as for a real keyboard user.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const visited: string[] = [];
  const visitedIds: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < expected.length + 40; i++) {
    const info = await page.evaluate((hostSelector) => {
      const w = window as unknown as HarnessWindow;
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body) return null;
      let inside = false;
      for (let n: Node | null = el; n; n = (n as Element).parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null)) {
        if (n instanceof Element && n.matches(hostSelector)) { inside = true; break; }
      }
      const style = getComputedStyle(el);
      const c = w.__aideContrast;
      // An outline drawn outside the element (offset ≥ 0) is seen against what surrounds it.
      const outside = parseFloat(style.outlineOffset) >= 0;
      const around = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? el;
      const bg = c.background(outside ? around : el);
      const outlineVisible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
      const outlineContrast = outlineVisible ? c.ratio(c.blend(c.rgba(style.outlineColor), bg), bg) : 0;
      const shadowVisible = style.boxShadow !== 'none';
      return { id: w.__aideDescribe(el), inside, outlineVisible, outlineContrast, shadowVisible, key: (el as HTMLElement).dataset.aideWalk ?? ((el as HTMLElement).dataset.aideWalk = String(Math.random())) };
    }, widget);
    if (!info || !info.inside) break;
    if (seen.has(info.key)) {
      // Back to the first control after the last one is the browser wrapping around a page that has
      // nothing else to focus; anywhere else it is a loop that never lets the person out.
      const pageHasOtherControls = await page.evaluate((hostSelector) => {
        const selector = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])';
        return [...document.querySelectorAll<HTMLElement>(selector)].some((el) => !el.closest(hostSelector) && el.offsetParent !== null);
      }, widget);
      if (info.key !== visited[0] || pageHasOtherControls) problems.push(`focus came back to ${info.id}: keyboard trap or loop`);
      break;
    }
    seen.add(info.key);
    visited.push(info.key);
    visitedIds.push(info.id);
    if (!info.outlineVisible && !info.shadowVisible) problems.push(`${info.id}: no visible focus indicator (RGAA 10.7)`);
    else if (info.outlineVisible && info.outlineContrast < 3) problems.push(`${info.id}: focus outline contrast ${info.outlineContrast.toFixed(2)}:1 < 3:1`);
    await page.keyboard.press('Tab');
  }
  expect(problems, `keyboard walk in state "${state}"`).toEqual([]);
  // Starting from a given control, only the controls from there on are expected.
  if (firstKey) expected.splice(0, Math.max(0, expected.findIndex((e) => e.key === firstKey)));
  const missing = expected.filter((e) => !visited.includes(e.key)).map((e) => e.id);
  expect(missing, `RGAA 7.3: controls not reachable with Tab in state "${state}" (visited: ${visitedIds.join(' | ')})`).toEqual([]);
  // DOM order (RGAA 12.8): the visit follows the document order of the controls.
  const keys = expected.map((e) => e.key);
  const order = keys.filter((k) => visited.includes(k));
  expect(visited.filter((k) => keys.includes(k)), `RGAA 12.8: Tab order in state "${state}" (visited: ${visitedIds.join(' | ')})`).toEqual(order);
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
