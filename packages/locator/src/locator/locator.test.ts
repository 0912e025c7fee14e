import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define.ts';
import type { AideLocator } from './locator.ts';
import { displayPhone } from './locator.ts';

// The data built by `pnpm run build` (the test command builds before running the component tests).
const SRC = '/dist/aide/places/index.json';

async function render(lang = 'fr') {
  const el = await fixture<AideLocator>(html`<aide-locator src=${SRC} lang=${lang}></aide-locator>`);
  await el.updateComplete;
  return el;
}
const input = (el: AideLocator) => el.shadowRoot!.querySelector<HTMLInputElement>('#location')!;
async function type(el: AideLocator, text: string) {
  const field = input(el);
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}
const key = (el: AideLocator, k: string) => {
  const event = new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true });
  input(el).dispatchEvent(event);
  return event;
};

describe('<aide-locator>', () => {
  it('is accessible before any search, with a labelled combobox and a hint', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
    const field = input(el);
    expect(field.getAttribute('role')).to.equal('combobox');
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(field.getAttribute('aria-describedby')).to.equal('location-hint');
    expect(el.shadowRoot!.querySelector('label[for=location]')!.textContent).to.equal('Code postal ou commune');
  });

  it('suggests communes as you type and follows the ARIA 1.2 combobox keys', async () => {
    const el = await render();
    await type(el, 'st etienne');
    await waitUntil(() => input(el).getAttribute('aria-expanded') === 'true', 'suggestions shown', { timeout: 5000 });
    const options = el.shadowRoot!.querySelectorAll('[role=option]');
    expect(options[0]!.textContent!.trim()).to.equal('Saint-Étienne (42)');
    key(el, 'ArrowDown');
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('suggestion-0');
    key(el, 'ArrowUp');
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal(`suggestion-${options.length - 1}`);
    // Escape closes the list and is marked handled so that the panel stays open.
    expect(key(el, 'Escape').defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    // A second Escape is not handled: it is the panel's to close.
    expect(key(el, 'Escape').defaultPrevented).to.equal(false);
    key(el, 'ArrowDown');
    key(el, 'Enter');
    await el.updateComplete;
    expect(input(el).value).to.equal('Saint-Étienne (42)');
    expect(el.shadowRoot!.querySelector('.results')).to.equal(null);
  });

  it('explains a wrong postal code next to the field', async () => {
    const el = await render();
    await type(el, '7500');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('#location-error'));
    expect(el.shadowRoot!.querySelector('#location-error')!.textContent).to.contain('Un code postal a 5 chiffres');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')).to.equal('location-hint location-error');
    await expect(el).to.be.accessible();
  });

  it('lists places nearest first for a postal code, with the phone line', async () => {
    const el = await render();
    await type(el, '29200');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.place').length === 10, 'results', { timeout: 10000 });
    expect(el.shadowRoot!.querySelector('#results-title')!.textContent).to.contain('10 lieux près de Brest (29)');
    expect(el.shadowRoot!.querySelector('.phone-line a[href="tel:+33170772372"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks English and Arabic', async () => {
    const en = await render('en');
    expect(en.shadowRoot!.querySelector('label[for=location]')!.textContent).to.equal('Postal code or town');
    const ar = await render('ar');
    expect(ar.getAttribute('dir')).to.equal('rtl');
    expect(ar.shadowRoot!.querySelector('button[type=submit]')!.textContent!.trim()).to.equal('بحث');
    await expect(ar).to.be.accessible();
  });

  it('writes French phone numbers the French way', () => {
    expect(displayPhone('+33170772372')).to.equal('01 70 77 23 72');
    expect(displayPhone('+262262123456')).to.equal('+262 262 123 456');
  });
});
