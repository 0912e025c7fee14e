import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '@aide/core/testing';
import { html as litHtml, svg } from 'lit';
import { setViewport } from '@web/test-runner-commands';
import { defaultConfig, readSession } from '@aide/core';
import './define.ts';
import type { AidePanel } from './panel.ts';
import { componentViews } from './views.ts';
import type { PanelState } from './api.ts';

const base = new URL('/', location.href);

async function openPanel(overrides: Partial<ReturnType<typeof defaultConfig>> = {}) {
  const panel = await fixture<AidePanel>(html`<aide-panel></aide-panel>`);
  panel.config = { ...defaultConfig(base), ...overrides };
  await panel.show({ moveFocus: true });
  await panel.updateComplete;
  return panel;
}
const shadow = (panel: AidePanel) => panel.shadowRoot!;

describe('<aide-panel>', () => {
  // A view whose chunk fails to load, like a lost connection, and one that loads.
  let attempts = 0;
  // The real views are set aside: these tests use views whose loading they control.
  const realViews = [...componentViews];
  before(() => {
    componentViews.splice(0);
    componentViews.push(
      {
        view: 'locator',
        entry: 'locator',
        icon: svg`<circle cx="12" cy="12" r="6"/>`,
        load: async () => {
          attempts++;
          if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
        },
        render: () => litHtml`<p class="locator-view">Lieux</p>`,
        available: () => true,
      },
      {
        view: 'feedback',
        entry: 'feedback',
        icon: svg`<circle cx="12" cy="12" r="6"/>`,
        load: async () => undefined,
        render: () => litHtml`<p>Avis</p>`,
        available: (config) => config.feedbackEndpoint !== null,
      },
    );
  });
  after(() => componentViews.splice(0, componentViews.length, ...realViews));
  afterEach(() => sessionStorage.clear());

  it('opens as a named, non-modal dialog with focus on its heading', async () => {
    const panel = await openPanel();
    const dialog = shadow(panel).querySelector('[role=dialog]')!;
    // Named by its visible title (screen readers reach it first: test/screen-reader).
    const label = shadow(panel).getElementById(dialog.getAttribute('aria-labelledby') ?? '');
    expect(label?.textContent).to.equal('Aide numérique');
    expect(label?.hasAttribute('aria-hidden')).to.equal(false);
    expect(dialog.hasAttribute('aria-modal')).to.equal(false);
    expect(shadow(panel).activeElement?.tagName).to.equal('H2');
    await expect(panel).to.be.accessible();
  });

  it('offers only the entries the configuration allows (feedback needs an endpoint)', async () => {
    const panel = await openPanel();
    const entries = () => [...shadow(panel).querySelectorAll('.entry')].map((e) => (e as HTMLElement).dataset.view);
    expect(entries()).to.deep.equal(['locator']);
    panel.config = { ...panel.config, feedbackEndpoint: 'https://avis.example.fr/api/v1/feedback' };
    await panel.updateComplete;
    expect(entries()).to.deep.equal(['locator', 'feedback']);
    panel.config = { ...panel.config, entries: ['feedback'] };
    await panel.updateComplete;
    expect(entries()).to.deep.equal(['feedback']);
  });

  it('shows a clear message and a retry button when a view cannot be loaded', async () => {
    const panel = await openPanel();
    (shadow(panel).querySelector('[data-view=locator]') as HTMLButtonElement).click();
    await waitUntil(() => shadow(panel).querySelector('.status.error'));
    expect(shadow(panel).querySelector('.status.error')!.textContent).to.contain('Vérifiez votre connexion internet');
    (shadow(panel).querySelector('.status.error button') as HTMLButtonElement).click();
    await waitUntil(() => shadow(panel).querySelector('.locator-view'));
    expect(shadow(panel).querySelector('h2')!.textContent).to.equal('Trouver une aide près de chez moi');
  });

  it('remembers open, reduced and view in the session for the next page', async () => {
    const panel = await openPanel();
    (shadow(panel).querySelector('[data-view=locator]') as HTMLButtonElement).click();
    await waitUntil(() => readSession<PanelState>('panel')?.view === 'locator');
    panel.reduce();
    expect(readSession<PanelState>('panel')).to.deep.equal({ open: true, reduced: true, view: 'locator' });
    panel.close();
    expect(readSession<PanelState>('panel')!.open).to.equal(false);
  });

  it('closes on Escape unless a component already handled it', async () => {
    const panel = await openPanel();
    const body = shadow(panel).querySelector('.body')!;
    const handled = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true });
    handled.preventDefault();
    body.dispatchEvent(handled);
    expect(panel.open).to.equal(true);
    body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    expect(panel.open).to.equal(false);
  });

  it('follows the configured locale with its direction, in English and Arabic', async () => {
    const panel = await openPanel({ locale: 'ar' });
    expect(panel.getAttribute('lang')).to.equal('ar');
    expect(panel.getAttribute('dir')).to.equal('rtl');
    expect(shadow(panel).querySelector('h2')!.textContent).to.equal('كيف يمكننا مساعدتك؟');
    await expect(panel).to.be.accessible();
    panel.config = { ...panel.config, locale: 'en' };
    await panel.updateComplete;
    expect(shadow(panel).querySelector('h2')!.textContent).to.equal('How can we help you?');
    expect(panel.getAttribute('dir')).to.equal('ltr');
  });

  it('switches to the view a component asks for', async () => {
    const panel = await openPanel();
    const inner = document.createElement('span');
    shadow(panel).querySelector('.body')!.append(inner);
    inner.dispatchEvent(new CustomEvent('aide-open-view', { detail: { view: 'locator' }, bubbles: true, composed: true, cancelable: true }));
    await waitUntil(() => panel.view === 'locator');
  });

  it('at 320 px on a page that scrolls, takes the whole width between the edges, none of it cut (Firefox counted the scrollbar)', async () => {
    const tall = document.createElement('div');
    tall.style.height = '3000px';
    document.body.append(tall);
    await setViewport({ width: 320, height: 640 });
    try {
      for (const locale of ['fr', 'ar'] as const) {
        const panel = await openPanel({ locale });
        const element = shadow(panel).querySelector('.panel')!;
        // Where it rests, after its slide in.
        await Promise.all(element.getAnimations().map((animation) => animation.finished));
        const box = element.getBoundingClientRect();
        const inside = document.documentElement.clientWidth;
        expect(box.left, `${locale}: start edge`).to.equal(0);
        expect(box.right, `${locale}: end edge`).to.equal(inside);
        panel.remove();
      }
    } finally {
      tall.remove();
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('a control fixed under the docked panel gets the focus: the panel shrinks to its bar, which goes to the other side if it covers it too (WCAG 2.4.11)', async () => {
    await setViewport({ width: 1000, height: 600 });
    const before = document.createElement('button');
    before.textContent = 'Au début de la page';
    const toTop = document.createElement('button');
    toTop.textContent = 'Haut de page';
    toTop.style.cssText = 'position: fixed; right: 16px; bottom: 16px; min-height: 44px';
    document.body.prepend(before);
    document.body.append(toTop);
    const seen = (control: HTMLElement) => {
      const box = control.getBoundingClientRect();
      return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === control;
    };
    try {
      const panel = await openPanel();
      expect(seen(toTop), 'under the docked panel').to.equal(false);
      before.focus();
      await panel.updateComplete;
      expect(panel.reduced, 'a control the panel does not cover changes nothing').to.equal(false);
      toTop.focus();
      await waitUntil(() => panel.reduced && seen(toTop), 'the focused control is seen');
      const bar = shadow(panel).querySelector('.bar')!.getBoundingClientRect();
      expect(bar.left, 'the bar went to the other side').to.equal(0);
      expect(bar.bottom, 'at the bottom').to.equal(document.documentElement.clientHeight);
      panel.remove();
    } finally {
      before.remove();
      toTop.remove();
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('in Arabic, the « back » arrow points to the start of the line (mirrored), not in French', async () => {
    const arrow = async (locale: 'fr' | 'ar') => {
      const panel = await openPanel({ locale });
      shadow(panel).querySelector<HTMLButtonElement>('[data-view=feedback], [data-view=locator]')?.click();
      await waitUntil(() => shadow(panel).querySelector('.back .icon'));
      const icon = shadow(panel).querySelector('.back .icon')!;
      // The arrow's tip (its path starts at x = 4 of 24) on the screen: left of its box's centre, or right of it.
      const box = icon.getBoundingClientRect();
      const matrix = new DOMMatrix(getComputedStyle(icon).transform === 'none' ? undefined : getComputedStyle(icon).transform);
      const tip = matrix.transformPoint(new DOMPoint(4 - 12, 0)).x + box.left + box.width / 2;
      panel.remove();
      return tip < box.left + box.width / 2 ? 'left' : 'right';
    };
    expect(await arrow('fr')).to.equal('left');
    expect(await arrow('ar')).to.equal('right');
  });
});
