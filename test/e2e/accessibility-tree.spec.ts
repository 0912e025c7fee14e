/**
 * The accessibility tree, step by step, in each component walked with the keyboard only: at each step the test
 * reads, from Chromium's own accessibility tree (DevTools protocol), the focused element as the browser exposes it
 * (role, name, value, states, description, the dialog or group entered), what went through the widget's live
 * regions, and the aria snapshot of the part of the view that changed. It checks, at every step, what would
 * confuse a person who cannot see the screen: focus lost (on the page's body), an unnamed focus, two controls of one
 * name in one view (in the same group), an unnamed image, a heading that skips a level, aria-describedby /
 * -labelledby / -controls pointing to nothing, an announcement repeated in one step, an announcement that repeats
 * what the focus move already says.
 * What a screen reader really says is proved by Orca in test/screen-reader (transcripts in
 * test/a11y/lecteur-d-ecran.md); this test checks the tree those words come from, in more states.
 */
import type { CDPSession, Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { LONGEST_WIDGET_DELAY, settled } from '../a11y/harness.ts';


// A Monday, 10:00 in Paris: opening hours and the phone line read the same on every run.
const MONDAY_10H = new Date('2026-11-23T09:00:00Z');

// --- What is recorded ------------------------------------------------------------------------------------------

interface AxNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
  value?: { value: string | number };
  properties?: { name: string; value: { value?: unknown; relatedNodes?: { backendDOMNodeId: number }[] } }[];
  parentId?: string;
  childIds?: string[];
  backendDOMNodeId?: number;
}

/** The focused element as the accessibility tree exposes it. */
interface Heard {
  /** Backend node id of the element (tells which dialogs and groups focus has just entered). */
  key: number;
  role: string;
  name: string;
  value: string;
  description: string;
  states: string[];
  /** Named dialogs, groups and landmarks around it, outermost first. */
  context: { key: number; role: string; name: string }[];
  /** For a combobox, the option its aria-activedescendant points to. */
  active?: Heard;
  /** Focus is outside the widget (on the host page). */
  page: boolean;
}

interface Announcement {
  politeness: 'polite' | 'assertive';
  text: string;
}

interface Step {
  title: string;
  action: string;
  focus: Heard | null;
  /** Heard one after the other, for a walk with Tab. */
  walk?: Heard[] | undefined;
  announcements: Announcement[];
  trees: { label: string; yaml: string }[];
  /** The last key moved focus (else focus stayed where the person was). */
  moved: boolean;
}

interface StepOptions {
  /** The keys pressed, in words. */
  action: string;
  /** Gets to the control first (Tab…): what the step then tells is the effect of the last key, after that. */
  reach?: () => Promise<unknown>;
  /** Waits for the state to be reached (results shown…) before the quiet time. */
  until?: () => Promise<unknown>;
  /** Parts of the view whose aria snapshot is recorded. */
  trees?: { label: string; locator: Locator }[];
  /** Focus is expected on the host page (F6). */
  onPage?: boolean;
  /** Records the focus after each Tab, this many times. */
  walk?: number;
  /** Controls that may appear twice in the view, because both do the same (a tutorial in two lists), by the
   * beginning of their name. */
  sameNameAllowed?: () => Promise<string[]>;
}

// Records every text the live regions receive. The announcer empties a region and fills it 120 ms later: only
// the filled text is heard.
const ANNOUNCEMENT_LOG = `(() => {
  window.__aideHeard = [];
  const watch = () => {
    const host = document.querySelector('aide-live-region');
    if (!host || host.__aideWatched || !host.shadowRoot) return;
    host.__aideWatched = true;
    new MutationObserver((mutations) => {
      const regions = new Set();
      for (const m of mutations) {
        const node = m.target.nodeType === 1 ? m.target : m.target.parentElement;
        const region = node && node.closest('[aria-live]');
        if (region) regions.add(region);
      }
      for (const region of regions) {
        const text = (region.textContent || '').trim();
        if (text) window.__aideHeard.push({ politeness: region.getAttribute('aria-live'), text });
      }
    }).observe(host.shadowRoot, { subtree: true, childList: true, characterData: true });
  };
  new MutationObserver(watch).observe(document, { subtree: true, childList: true });
  // Each element that receives focus is stamped: a step knows whether focus arrived somewhere during it. A move
  // inside one shadow root does not reach the document: every shadow root listens too.
  window.__aideFocusSeq = 0;
  const stamp = () => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (el) el.__aideFocusSeq = ++window.__aideFocusSeq;
  };
  document.addEventListener('focusin', stamp, true);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    root.addEventListener('focusin', stamp, true);
    return root;
  };
})();`;

// Headless Chromium has no voice: a French one makes "Écouter cette étape" appear, as on most devices.
const FRENCH_VOICE = `(() => {
  if (!('speechSynthesis' in window)) return;
  const voice = { lang: 'fr-FR', name: 'Français', default: true, localService: true, voiceURI: 'fr-FR' };
  window.speechSynthesis.getVoices = () => [voice];
})();`;

const DEEP_ACTIVE = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el;
})()`;

// The open panel's dialog, else the launcher: the view in which names must be unique.
const VIEW_ROOT = `(() => {
  const panel = document.querySelector('aide-panel');
  const dialog = panel && panel.shadowRoot && panel.shadowRoot.querySelector('[role=dialog]:not([hidden])');
  return dialog || document.querySelector('aide-help[data-floating]') || document.querySelector('aide-help');
})()`;

/** Roles around the focus that a screen reader names when focus enters them. */
const CONTEXT_ROLES = new Set(['dialog', 'alertdialog', 'group', 'radiogroup', 'region', 'search', 'navigation', 'form', 'main', 'complementary', 'listbox']);
/** Roles whose name must be unique in their group of the view. */
const CONTROL_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'combobox', 'textbox', 'searchbox', 'DisclosureTriangle', 'switch', 'tab', 'menuitem', 'spinbutton', 'slider']);
/** Contexts that tell two controls of one name apart when focus enters them. */
const GROUP_ROLES = new Set(['group', 'radiogroup', 'listbox', 'dialog']);

class Journey {
  readonly steps: Step[] = [];
  private cdp!: CDPSession;
  private last: Heard | null = null;
  private origin = '';

  constructor(private readonly page: Page, readonly id: string) {}

  async start(): Promise<void> {
    await this.page.addInitScript({ content: ANNOUNCEMENT_LOG });
    await this.page.addInitScript({ content: FRENCH_VOICE });
    await this.page.clock.setFixedTime(MONDAY_10H);
    this.cdp = await this.page.context().newCDPSession(this.page);
    await this.cdp.send('DOM.enable');
    await this.cdp.send('Accessibility.enable');
    this.origin = new URL(this.page.url() === 'about:blank' ? 'http://x/' : this.page.url()).origin;
  }

  /** Does something with the keyboard, waits until nothing more is announced, and records what is heard. */
  async step(title: string, options: StepOptions, act: () => Promise<unknown>): Promise<Step> {
    await this.page.evaluate(() => {
      const log = (window as unknown as { __aideHeard?: unknown[] }).__aideHeard;
      if (log) log.length = 0;
    });
    if (options.reach) await options.reach();
    const since = await this.page.evaluate(() => (window as unknown as { __aideFocusSeq?: number }).__aideFocusSeq ?? 0);
    await act();
    if (options.until) await options.until();
    await this.settle();
    this.origin = new URL(this.page.url()).origin;
    const walk: Heard[] = [];
    if (options.walk) {
      // Until focus leaves the widget for the page, or after `walk` presses.
      for (let i = 0; i < options.walk; i++) {
        await this.page.keyboard.press('Tab');
        const heard = await this.focused();
        if (heard.page) {
          await this.page.keyboard.press('Shift+Tab');
          break;
        }
        walk.push(heard);
      }
      await this.settle();
    }
    const announcements = await this.page.evaluate(() => [...(window as unknown as { __aideHeard: Announcement[] }).__aideHeard]);
    const focus = await this.focused();
    const trees: Step['trees'] = [];
    for (const tree of options.trees ?? []) trees.push({ label: tree.label, yaml: this.normalise(await tree.locator.ariaSnapshot()) });
    // Focus arrived on the focused element during this step (a new page starts again from 0).
    const moved = await this.page.evaluate((before) => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const stamp = (el as { __aideFocusSeq?: number } | null)?.__aideFocusSeq ?? 0;
      const now = (window as unknown as { __aideFocusSeq?: number }).__aideFocusSeq ?? 0;
      return stamp > before || now < before;
    }, since);
    const step: Step = { title, action: options.action, focus, walk: options.walk ? walk : undefined, announcements, trees, moved };
    await this.check(step, options);
    step.focus = this.relative(focus, this.last);
    if (step.walk) {
      let previous = this.last;
      step.walk = walk.map((h) => {
        const r = this.relative(h, previous);
        previous = h;
        return r;
      });
    }
    this.last = focus;
    this.steps.push(step);
    return step;
  }

  /**
   * Quiet: nothing new announced and the focus unchanged while the page ran every timer the widget may have set
   * (announcements wait for typing pauses: LONGEST_WIDGET_DELAY), measured on the page's own clock.
   */
  private async settle(): Promise<void> {
    const now = () =>
      this.page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return `${(window as unknown as { __aideHeard: unknown[] }).__aideHeard.length}|${el?.outerHTML.slice(0, 120)}`;
      });
    // Something heard restarts the wait; a bounded number of rounds (an endless chatter is a failure below).
    let previous = await now();
    for (let round = 0; round < 10; round++) {
      await settled(this.page, LONGEST_WIDGET_DELAY);
      const current = await now();
      if (current === previous) return;
      previous = current;
    }
  }

  private normalise(text: string): string {
    return text.split(this.origin).join('');
  }

  /** Only the dialogs and groups that focus has just entered are said again. */
  private relative(heard: Heard, previous: Heard | null): Heard {
    const known = new Set(previous?.context.map((c) => c.key) ?? []);
    return { ...heard, context: heard.context.filter((c) => !known.has(c.key)) };
  }

  private async axNode(objectId: string): Promise<{ node: AxNode | undefined; nodes: AxNode[] }> {
    const { node: dom } = (await this.cdp.send('DOM.describeNode', { objectId })) as { node: { backendNodeId: number } };
    const { nodes } = (await this.cdp.send('Accessibility.getPartialAXTree', { objectId, fetchRelatives: true })) as { nodes: AxNode[] };
    return { node: nodes.find((n) => n.backendDOMNodeId === dom.backendNodeId), nodes };
  }

  private describe(node: AxNode, nodes: AxNode[]): Heard {
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const context: Heard['context'] = [];
    for (let parent = node.parentId ? byId.get(node.parentId) : undefined; parent; parent = parent.parentId ? byId.get(parent.parentId) : undefined) {
      const role = parent.role?.value ?? '';
      const name = parent.name?.value ?? '';
      if (!parent.ignored && CONTEXT_ROLES.has(role) && (name || role === 'main' || role === 'search')) {
        context.unshift({ key: parent.backendDOMNodeId ?? 0, role, name });
      }
    }
    return {
      key: node.backendDOMNodeId ?? 0,
      role: node.role?.value ?? '',
      name: (node.name?.value ?? '').trim(),
      value: String(node.value?.value ?? '').trim(),
      description: (node.description?.value ?? '').trim(),
      states: states(node),
      context,
      page: false,
    };
  }

  /** The focused element, from the accessibility tree. */
  async focused(): Promise<Heard> {
    const { result } = (await this.cdp.send('Runtime.evaluate', { expression: DEEP_ACTIVE })) as { result: { objectId?: string } };
    const inWidget = await this.page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      for (let n: Node | null = el; n; n = (n as Element).parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null)) {
        if (n instanceof Element && /^aide-/i.test(n.tagName)) return true;
      }
      return false;
    });
    if (!result.objectId) return { key: 0, role: 'RootWebArea', name: '', value: '', description: '', states: [], context: [], page: true };
    const { node, nodes } = await this.axNode(result.objectId);
    if (!node) return { key: 0, role: 'RootWebArea', name: '', value: '', description: '', states: [], context: [], page: !inWidget };
    const heard = { ...this.describe(node, nodes), page: !inWidget };
    const active = node.properties?.find((p) => p.name === 'activedescendant')?.value.relatedNodes?.[0]?.backendDOMNodeId;
    if (active) {
      const { nodes: around } = (await this.cdp.send('Accessibility.getPartialAXTree', { backendNodeId: active, fetchRelatives: true })) as { nodes: AxNode[] };
      const option = around.find((n) => n.backendDOMNodeId === active);
      if (option) heard.active = this.describe(option, around);
    }
    return heard;
  }

  /** What would confuse a person who does not see the screen, at this step. */
  private async check(step: Step, options: StepOptions): Promise<void> {
    const where = `${this.id}, "${step.title}"`;
    const focus = step.focus!;
    if (options.onPage) expect(focus.page, `${where}: focus is on the host page`).toBe(true);
    else {
      expect(focus.role === 'RootWebArea' || (focus.page && focus.role !== 'main'), `${where}: focus lost (on the page's body) after "${step.action}"`).toBe(false);
      expect(focus.name || focus.value || focus.role === 'main', `${where}: the focused ${focus.role} has no name: nothing would be said`).toBeTruthy();
    }
    for (const h of step.walk ?? []) expect(h.name || h.role === 'RootWebArea', `${where}: a ${h.role} reached with Tab has no name`).toBeTruthy();

    const texts = step.announcements.map((a) => `${a.politeness}: ${a.text}`);
    expect(texts.filter((t, i) => texts.indexOf(t) !== i), `${where}: the same announcement is made twice (${texts.join(' | ')})`).toEqual([]);
    if (step.moved && !focus.page) {
      const said = plain(`${focus.name} ${focus.description}`);
      for (const a of step.announcements) {
        const announced = plain(a.text.replace(/^(Erreur|Error|خطأ) ?: /, ''));
        const repeats = said.includes(announced) || (plain(focus.name).length > 3 && announced.includes(plain(focus.name)));
        expect(repeats, `${where}: "${a.text}" is said by the live region and again by the focus move to ${focus.role} "${focus.name}"`).toBe(false);
      }
    }

    const { nodes } = (await this.cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const { result } = (await this.cdp.send('Runtime.evaluate', { expression: VIEW_ROOT })) as { result: { objectId?: string } };
    if (!result.objectId) return;
    const { node: rootDom } = (await this.cdp.send('DOM.describeNode', { objectId: result.objectId })) as { node: { backendNodeId: number } };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const root = nodes.find((n) => n.backendDOMNodeId === rootDom.backendNodeId);
    if (!root) return;
    const names = new Map<string, number>();
    const allowed = options.sameNameAllowed ? await options.sameNameAllowed() : [];
    const headings: string[] = [];
    const images: string[] = [];
    let level = 0;
    const visit = (node: AxNode, groups: string[]) => {
      const role = node.role?.value ?? '';
      const name = (node.name?.value ?? '').trim();
      let inner = groups;
      if (!node.ignored) {
        if (GROUP_ROLES.has(role) && name) inner = [...groups, `${role} "${name}"`];
        if (CONTROL_ROLES.has(role) && !allowed.some((start) => name.startsWith(start))) {
          const key = `${[...groups, `${role} "${name}"`].join(' › ')}`;
          names.set(key, (names.get(key) ?? 0) + 1);
        }
        if (role === 'heading') {
          const l = Number(node.properties?.find((p) => p.name === 'level')?.value.value ?? 0);
          if (level && l > level + 1) headings.push(`h${level} → h${l} "${name}"`);
          level = l;
        }
        if (['image', 'img', 'graphics-document', 'graphics-symbol'].includes(role) && !name) images.push(role);
      }
      for (const child of node.childIds ?? []) {
        const c = byId.get(child);
        if (c) visit(c, inner);
      }
    };
    visit(root, []);
    const duplicated = [...names].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
    expect(duplicated, `${where}: controls of one name in one view, a screen reader user cannot tell them apart`).toEqual([]);
    expect(headings, `${where}: headings skip a level`).toEqual([]);
    expect(images, `${where}: images without a name`).toEqual([]);
    const broken = await this.page.evaluate(() => {
      const out: string[] = [];
      const roots: (Document | ShadowRoot)[] = [document];
      for (let i = 0; i < roots.length; i++) {
        for (const el of roots[i]!.querySelectorAll('*')) {
          if (el.shadowRoot) roots.push(el.shadowRoot);
          if (!el.closest('aide-help, aide-panel, aide-walkthrough, aide-locator, aide-feedback') && roots[i] === document) continue;
          for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-activedescendant']) {
            for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) {
              if (!(roots[i] as ParentNode & { getElementById(id: string): Element | null }).getElementById(id)) out.push(`${el.tagName.toLowerCase()} ${attr}="${id}"`);
            }
          }
        }
      }
      return out;
    });
    expect(broken, `${where}: ARIA references to missing ids`).toEqual([]);
  }
}

function states(node: AxNode): string[] {
  const role = node.role?.value ?? '';
  const props = new Map((node.properties ?? []).map((p) => [p.name, p.value.value]));
  const out: string[] = [];
  if (props.has('expanded')) out.push(props.get('expanded') ? 'expanded' : 'collapsed');
  if (props.has('checked')) {
    const c = props.get('checked');
    out.push(c === 'mixed' ? 'mixed' : c === 'true' || c === true ? 'checked' : 'unchecked');
  }
  if (props.get('pressed') !== undefined) out.push(props.get('pressed') === 'true' || props.get('pressed') === true ? 'pressed' : 'not pressed');
  if (role === 'option' && props.get('selected')) out.push('selected');
  if (props.get('invalid') && props.get('invalid') !== 'false') out.push('invalid');
  if (props.get('required')) out.push('required');
  if (props.get('disabled')) out.push('disabled');
  if (props.get('current') !== undefined && props.get('current') !== 'false') out.push('current');
  if (role === 'heading') out.push(`level=${String(props.get('level'))}`);
  if (props.get('multiline')) out.push('multiline');
  return out;
}

/** Lower-case words only, to compare what two channels say. */
function plain(text: string): string {
  return text.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

// --- Keyboard helpers -------------------------------------------------------------------------------------------

/** Presses Tab (or Shift+Tab) until `target` has focus, like a person listening to each control in turn. */
async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}): Promise<number> {
  for (let i = 1; i <= (options.max ?? 80); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const reached = await target
      .evaluate((el) => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return el === active;
      })
      .catch(() => false);
    if (reached) return i;
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

const panel = (page: Page) => page.locator('aide-panel').getByRole('dialog');
const launcher = (page: Page) => page.locator('aide-help[data-floating]').getByRole('button');

/** Opens the panel from the launcher and a view from its first screen, with the keyboard. */
async function openView(page: Page, entry: RegExp): Promise<void> {
  await page.goto('/');
  await launcher(page).focus();
  await page.keyboard.press('Enter');
  await expect(panel(page)).toBeVisible();
  await tabTo(page, panel(page).getByRole('button', { name: entry }));
  await page.keyboard.press('Enter');
}

// --- The journeys -----------------------------------------------------------------------------------------------

test.describe('accessibility tree, step by step', () => {
  test('panel: closed launcher, open, home view, F6 to the page and back, close', async ({ page }) => {
    const j = new Journey(page, 'panel');
    await j.start();
    await page.goto('/');
    await expect(launcher(page)).toBeVisible();
    await j.step('Page chargée, panneau fermé', { action: 'Tab jusqu’au bouton flottant, en bas de la page.', trees: [{ label: 'le bouton', locator: page.locator('aide-help[data-floating]') }] }, () =>
      tabTo(page, launcher(page)),
    );
    await j.step('Ouverture du panneau', { action: 'Entrée sur « Besoin d’aide ? ».', until: () => expect(panel(page)).toBeVisible(), trees: [{ label: 'le panneau', locator: panel(page) }] }, async () => {
      await page.keyboard.press('Enter');
    });
    await j.step('Parcours du premier écran', { action: 'Tab, plusieurs fois.', walk: 6 }, async () => {});
    await j.step('Vers la page', { action: 'F6.', onPage: true }, async () => {
      await page.keyboard.press('F6');
    });
    await j.step('Retour dans le panneau', { action: 'F6 à nouveau.' }, async () => {
      await page.keyboard.press('F6');
    });
    await j.step('Fermeture', { action: 'Échap.', until: () => expect(panel(page)).toBeHidden() }, async () => {
      await page.keyboard.press('Escape');
    });
  });

  test('walkthrough: catalogue, search, a tutorial, its steps, the step list, "Je suis bloqué"', async ({ page }) => {
    const j = new Journey(page, 'walkthrough');
    await j.start();
    const w = page.locator('aide-walkthrough');
    // A tutorial suggested for the procedure, or found, is also in its theme: both cards open it.
    // (The title ends with a hidden full stop, a pause for screen readers.)
    const sameTutorial = async () => (await w.locator('.card-title').allInnerTexts()).map((title) => title.replace(/\.$/, '').trim());
    await j.step(
      'Choix de « Suivre un tutoriel »',
      {
        action: 'Dans le panneau ouvert, Tab jusqu’à « Suivre un tutoriel », puis Entrée.',
        until: () => expect(w.getByRole('searchbox')).toBeVisible(),
        trees: [{ label: 'la liste des tutoriels', locator: w }],
        sameNameAllowed: sameTutorial,
      },
      () => openView(page, /^Suivre un tutoriel/),
    );
    await j.step('Le champ de recherche', { action: 'Tab jusqu’au champ « Rechercher un tutoriel ».', sameNameAllowed: sameTutorial }, () => tabTo(page, w.getByRole('searchbox')));
    await j.step(
      'Recherche',
      {
        action: 'Taper « revenus » lentement (une lettre toutes les 250 ms).',
        until: () => expect(w.locator('.search .count')).toBeVisible(),
        trees: [{ label: 'les résultats', locator: w.locator('.search') }],
        sameNameAllowed: sameTutorial,
      },
      async () => {
        await page.keyboard.type('revenus', { delay: 250 });
      },
    );
    await j.step('Premier résultat', { action: 'Tab.', sameNameAllowed: sameTutorial }, async () => {
      await page.keyboard.press('Tab');
    });
    await j.step(
      'Ouverture du tutoriel',
      { action: 'Entrée.', until: () => expect(w.getByRole('button', { name: 'Commencer', exact: true })).toBeVisible(), trees: [{ label: 'la présentation du tutoriel', locator: w }] },
      async () => {
        await page.keyboard.press('Enter');
      },
    );
    await j.step(
      'Étape 1',
      {
        action: 'Tab jusqu’à « Commencer », puis Entrée.',
        reach: () => tabTo(page, w.getByRole('button', { name: 'Commencer', exact: true })),
        until: () => expect(w.locator('#progress')).toHaveText('Tutoriel : étape 1 sur 6'),
        trees: [{ label: 'l’étape', locator: w.locator('.step') }],
      },
      () => page.keyboard.press('Enter'),
    );
    await j.step(
      'Étape suivante',
      { action: 'Tab jusqu’à « Étape suivante », puis Entrée.', reach: () => tabTo(page, w.getByRole('button', { name: 'Étape suivante' })), until: () => expect(w.locator('#progress')).toHaveText('Tutoriel : étape 2 sur 6') },
      () => page.keyboard.press('Enter'),
    );
    await j.step(
      'Liste des étapes',
      {
        action: 'Tab jusqu’à « Voir toutes les étapes », puis Entrée.',
        reach: () => tabTo(page, w.getByRole('button', { name: 'Voir toutes les étapes' })),
        until: () => expect(w.locator('#step-list')).toBeVisible(),
        trees: [{ label: 'la liste des étapes', locator: w.locator('.step-list') }],
      },
      () => page.keyboard.press('Enter'),
    );
    await j.step(
      '« Je suis bloqué »',
      {
        action: 'Maj+Tab jusqu’à « Je suis bloqué », puis Entrée.',
        reach: () => tabTo(page, w.getByRole('button', { name: 'Je suis bloqué' }), { back: true }),
        until: () => expect(page.locator('aide-locator').getByRole('combobox')).toBeVisible(),
      },
      () => page.keyboard.press('Enter'),
    );
  });

  test('locator: empty form, postal code, suggestions, choice, results, filters, bad input, geolocation refused', async ({ page }) => {
    const j = new Journey(page, 'locator');
    await j.start();
    const l = page.locator('aide-locator');
    const field = l.getByRole('combobox', { name: 'Code postal ou commune' });
    await j.step(
      'Choix de « Trouver une aide près de chez moi »',
      { action: 'Dans le panneau ouvert, Tab jusqu’à « Trouver une aide près de chez moi », puis Entrée.', until: () => expect(field).toBeVisible(), trees: [{ label: 'le formulaire et la ligne téléphonique', locator: l }] },
      () => openView(page, /^Trouver une aide près de chez moi/),
    );
    await l.evaluate(() => {
      // Chromium headless answers a prompt with "denied" only after a delay: answer at once, like a refusal.
      navigator.geolocation.getCurrentPosition = (_ok, error) =>
        error?.({ code: 1, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3, message: 'denied' });
    });
    await j.step('Le champ', { action: 'Tab jusqu’au champ.' }, () => tabTo(page, field));
    await j.step(
      'Un code postal, des suggestions',
      { action: 'Taper « 01400 » lentement (une touche toutes les 250 ms).', until: () => expect(l.getByRole('listbox')).toBeVisible(), trees: [{ label: 'le formulaire', locator: l.locator('form') }] },
      async () => {
        await page.keyboard.type('01400', { delay: 250 });
      },
    );
    await j.step('Parcours des suggestions', { action: 'Flèche bas, deux fois.' }, async () => {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
    });
    await j.step('Choix d’une commune', { action: 'Entrée.', until: () => expect(l.getByRole('listbox')).toBeHidden() }, async () => {
      await page.keyboard.press('Enter');
    });
    await j.step(
      'Recherche',
      {
        action: 'Tab jusqu’à « Rechercher », puis Entrée.',
        reach: () => tabTo(page, l.getByRole('button', { name: 'Rechercher', exact: true })),
        until: () => expect(l.locator('.place').first()).toBeVisible(),
        trees: [
          { label: 'le titre des résultats', locator: l.locator('#results-title') },
          { label: 'le premier lieu', locator: l.locator('.place').first() },
        ],
      },
      () => page.keyboard.press('Enter'),
    );
    await j.step(
      'Un filtre',
      { action: 'Tab jusqu’à « Gratuit », puis Espace.', reach: () => tabTo(page, l.getByRole('checkbox', { name: 'Gratuit' })), until: () => expect(l.getByRole('checkbox', { name: 'Gratuit' })).toBeChecked() },
      () => page.keyboard.press('Space'),
    );
    await j.step(
      'Plus de filtres',
      { action: 'Tab jusqu’à « Plus de filtres », puis Entrée.', reach: () => tabTo(page, l.getByRole('button', { name: /^Plus de filtres/ })), until: () => expect(l.locator('#filters')).toBeVisible() },
      () => page.keyboard.press('Enter'),
    );
    await j.step(
      'Un code postal incomplet',
      {
        action: 'Maj+Tab jusqu’au champ, effacer, taper « 7500 », Entrée.',
        reach: () => tabTo(page, field, { back: true }),
        until: () => expect(field).toHaveAttribute('aria-invalid', 'true'),
        trees: [{ label: 'le formulaire', locator: l.locator('form') }],
      },
      async () => {
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press('Backspace');
        await page.keyboard.type('7500');
        await page.keyboard.press('Enter');
      },
    );
    await j.step(
      'Position refusée',
      {
        action: 'Tab jusqu’à « Utiliser ma position », Entrée ; la personne a refusé l’accès à sa position.',
        reach: () => tabTo(page, l.getByRole('button', { name: 'Utiliser ma position' })),
        until: () => expect(l.locator('#location-error')).toHaveText(/Vous n’avez pas autorisé/),
      },
      () => page.keyboard.press('Enter'),
    );
  });

  test.describe('feedback', () => {
    // The opinion sent offline cannot leave: the browser says so in the console.
    test.use({ allowedConsoleErrors: [/ERR_INTERNET_DISCONNECTED|ERR_FAILED/] });
    test('feedback: form, missing answer, answer, sent; offline, kept for later', async ({ page, context }) => {
      const j = new Journey(page, 'feedback');
      await j.start();
      const f = page.locator('aide-feedback');
      const submit = f.getByRole('button', { name: 'Envoyer mon avis' });
      await j.step(
        'Choix de « Donner mon avis »',
        { action: 'Dans le panneau ouvert, Tab jusqu’à « Donner mon avis », puis Entrée.', until: () => expect(submit).toBeVisible(), trees: [{ label: 'le formulaire', locator: f }] },
        () => openView(page, /^Donner mon avis/),
      );
      await j.step(
        'Envoi sans réponse',
        { action: 'Tab jusqu’à « Envoyer mon avis », puis Entrée.', reach: () => tabTo(page, submit), until: () => expect(f.locator('#satisfaction-error')).toBeVisible() },
        () => page.keyboard.press('Enter'),
      );
      await j.step('Une réponse', { action: 'Espace.' }, async () => {
        await page.keyboard.press('Space');
      });
      await j.step(
        'Avis envoyé',
        { action: 'Tab jusqu’à « Envoyer mon avis », puis Entrée.', reach: () => tabTo(page, submit), until: () => expect(f.locator('.result')).toBeVisible(), trees: [{ label: 'la confirmation', locator: f.locator('.result') }] },
        () => page.keyboard.press('Enter'),
      );
      await j.step(
        'Un autre avis',
        { action: 'Tab jusqu’à « Donner un autre avis », puis Entrée.', reach: () => tabTo(page, f.getByRole('button', { name: 'Donner un autre avis' })), until: () => expect(submit).toBeVisible() },
        () => page.keyboard.press('Enter'),
      );
      await context.setOffline(true);
      await j.step(
        'Hors connexion : avis gardé pour plus tard',
        {
          action: 'Sans connexion internet : Espace sur « Pas bien », Tab jusqu’à « Envoyer mon avis », Entrée.',
          reach: async () => {
            await page.keyboard.press('Space');
            await tabTo(page, submit);
          },
          until: () => expect(f.locator('.result.queued')).toBeVisible(),
          trees: [{ label: 'la confirmation', locator: f.locator('.result') }],
        },
        () => page.keyboard.press('Enter'),
      );
      await context.setOffline(false);
    });
  });
});
