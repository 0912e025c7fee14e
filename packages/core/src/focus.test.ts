import { expect, fixture, html } from '@open-wc/testing';
import { containsFocus, deepActiveElement, focusElement } from './focus.ts';

describe('focus', () => {
  it('focuses a heading with tabindex=-1, outside the Tab order', async () => {
    const el = await fixture<HTMLDivElement>(html`<div><h2>Titre</h2><button>Bouton</button></div>`);
    const heading = el.querySelector('h2')!;
    expect(focusElement(heading)).to.equal(true);
    expect(heading.getAttribute('tabindex')).to.equal('-1');
    expect(document.activeElement).to.equal(heading);
    focusElement(el.querySelector('button'));
    expect(el.querySelector('button')!.hasAttribute('tabindex')).to.equal(false);
  });

  it('finds the focused element inside shadow roots', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const button = document.createElement('button');
    button.textContent = 'Dans l’ombre';
    root.append(button);
    button.focus();
    expect(deepActiveElement()).to.equal(button);
    expect(containsFocus(host)).to.equal(true);
    expect(containsFocus(document.createElement('div'))).to.equal(false);
  });
});
