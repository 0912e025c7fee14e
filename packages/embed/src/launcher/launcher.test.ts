import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { BUSY_SAY_AFTER_MS } from '@aide/core';
import { waitUntil } from '@aide/core/testing';
import { AideHelpElement } from './launcher.ts';

if (!customElements.get('aide-help')) customElements.define('aide-help', AideHelpElement);

describe('<aide-help> launcher', () => {
  it('is a named button with aria-expanded, translated by locale', async () => {
    const el = await fixture<AideHelpElement>(html`<aide-help></aide-help>`);
    el.configure({ locale: 'fr', floating: null, color: null, theme: 'auto' });
    expect(el.button.textContent).to.equal("Besoin d'aide ?");
    expect(el.button.getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
    el.configure({ locale: 'ar', floating: null, color: null, theme: 'auto' });
    expect(el.button.dir).to.equal('rtl');
    expect(el.button.lang).to.equal('ar');
    el.expanded = true;
    expect(el.button.getAttribute('aria-expanded')).to.equal('true');
  });

  it('asks the loader to open the panel on activation (click, Enter, Space are native to the button)', async () => {
    const el = await fixture<AideHelpElement>(html`<aide-help></aide-help>`);
    setTimeout(() => el.button.click());
    const event = await oneEvent(el, 'aide-launcher-activate');
    expect(event.composed).to.equal(true);
  });

  it('says a slow opening, then takes the message away when the wait ends; a failure said meanwhile stays', async () => {
    const el = await fixture<AideHelpElement>(html`<aide-help></aide-help>`);
    el.configure({ locale: 'fr', floating: null, color: null, theme: 'auto' });
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    let end = el.busy();
    expect(el.button.hasAttribute('data-busy')).to.equal(true);
    await waitUntil(() => status.textContent === 'Ouverture de l’aide…');
    end();
    expect(el.button.hasAttribute('data-busy')).to.equal(false);
    expect(status.textContent).to.equal('');

    // Ended before its frame: the message never shows up afterwards.
    end = el.busy();
    await new Promise((resolve) => setTimeout(resolve, BUSY_SAY_AFTER_MS + 1));
    end();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(status.textContent).to.equal('');

    end = el.busy();
    el.failed();
    end();
    await waitUntil(() => status.textContent !== '');
    expect(status.textContent).to.equal('L’aide n’a pas pu s’ouvrir. Vérifiez votre connexion, puis réessayez.');
  });

  it('floats at the bottom corner and applies the brand colour through a custom property', async () => {
    const el = await fixture<AideHelpElement>(html`<aide-help></aide-help>`);
    el.configure({ locale: 'fr', floating: 'bottom-left', color: '#6a1b9a', theme: 'auto' });
    const style = getComputedStyle(el.button);
    expect(style.position).to.equal('fixed');
    expect(style.backgroundColor).to.equal('rgb(106, 27, 154)');
    el.concealed = true;
    expect(getComputedStyle(el.button).display).to.equal('none');
  });

  it('keeps white text on the administration\'s colour in the dark theme (the colour was checked against white)', async () => {
    const el = await fixture<AideHelpElement>(html`<aide-help></aide-help>`);
    el.configure({ locale: 'fr', floating: null, color: '#18753c', theme: 'dark' });
    const style = getComputedStyle(el.button);
    expect(style.backgroundColor).to.equal('rgb(24, 117, 60)');
    expect(style.color).to.equal('rgb(255, 255, 255)');
  });

  it('has a focus ring that contrasts 3:1 with the page around it; a pale ring fails this measure', async () => {
    const el = await fixture<AideHelpElement>(html`<aide-help></aide-help>`);
    el.configure({ locale: 'fr', floating: null, color: null, theme: 'light' });
    el.button.focus();
    expect(el.button.matches(':focus-visible')).to.equal(true);
    // The ring is drawn outside the button (offset ≥ 0): it touches the page's background, not the button's.
    const style = getComputedStyle(el.button);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    expect(parseFloat(style.outlineOffset)).to.be.at.least(1);
    const page = pageBackground(el);
    expect(contrast(style.outlineColor, page)).to.be.at.least(3);
    // The same measure refuses a pale ring: the page's own focus colour set to #f5f5f5 gives 1.1:1.
    el.style.setProperty('--aide-color-focus', '#f5f5f5');
    expect(contrast(getComputedStyle(el.button).outlineColor, page)).to.be.below(1.2);
  });
});

/** The first opaque background colour from the element up through the page (white at the end). */
function pageBackground(el: Element): string {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const bg = getComputedStyle(node).backgroundColor;
    if (rgb(bg)[3] === 1) return bg;
  }
  return 'rgb(255, 255, 255)';
}

function rgb(color: string): [number, number, number, number] {
  const [r, g, b, a] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return [r ?? 0, g ?? 0, b ?? 0, a ?? 1];
}

/** WCAG contrast ratio between two opaque rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = rgb(color).slice(0, 3).map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}
