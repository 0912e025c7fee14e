import { expect, fixture, html, oneEvent } from '@open-wc/testing';
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

  it('has a visible focus ring with at least 3:1 contrast', async () => {
    const el = await fixture<AideHelpElement>(html`<aide-help></aide-help>`);
    el.configure({ locale: 'fr', floating: null, color: null, theme: 'light' });
    el.button.focus();
    const style = getComputedStyle(el.button);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });
});
