import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { html } from 'lit';
import { AideElement, defineElement } from './element.ts';
import { BusyController } from './busy-controller.ts';
import { sharedStyles } from './lit-styles.ts';
import { listenToAnnouncements } from './testing.ts';

/** A component of the widget with a button that counts its activations and a field. */
class HurriedTestElement extends AideElement {
  static override styles = [sharedStyles];
  protected readonly catalogues = { fr: {}, en: {}, ar: {} };
  presses = 0;
  readonly busy = new BusyController(this);
  release: () => void = () => undefined;
  override render() {
    return html`<button type="button" @click=${() => this.presses++}>Étape suivante</button>
      <button type="button" class="slow" @click=${() => void this.busy.run('Recherche en cours…', () => new Promise<void>((resolve) => (this.release = resolve)))}>Rechercher</button>
      <input type="text" aria-label="Commune" />`;
  }
}
defineElement('aide-hurried-test', HurriedTestElement);

const click = (target: Element, detail: number) => {
  const event = new MouseEvent('click', { detail, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
};

describe('hurried hands (every component)', () => {
  it('the second click of a double click is dropped; single clicks, keyboard activations and text fields are not', async () => {
    const el = await fixture<HurriedTestElement>(testHtml`<aide-hurried-test></aide-hurried-test>`);
    const button = el.shadowRoot!.querySelector('button')!;
    click(button, 1);
    expect(click(button, 2).defaultPrevented).to.equal(true);
    click(button, 3);
    expect(el.presses).to.equal(1);
    click(button, 1);
    click(button, 0); // Enter or Space on a button
    expect(el.presses).to.equal(3);
    const field = el.shadowRoot!.querySelector('input')!;
    expect(click(field, 2).defaultPrevented, 'a double click in a field still selects a word').to.equal(false);
  });

  it('core’s busy state: the control pressed is marked at once and the wait is said, then both end', async () => {
    const el = await fixture<HurriedTestElement>(testHtml`<aide-hurried-test></aide-hurried-test>`);
    const slow = el.shadowRoot!.querySelector<HTMLButtonElement>('.slow')!;
    const live = await listenToAnnouncements();
    slow.click();
    expect(slow.hasAttribute('data-busy'), 'marked in the same task as the press').to.equal(true);
    expect(el.busy.active).to.equal(true);
    expect(getComputedStyle(slow, '::after').content, 'a visible mark').to.not.equal('none');
    await new Promise<void>((resolve) => {
      const check = () => (live.heard.includes('polite: Recherche en cours…') ? resolve() : setTimeout(check, 20));
      check();
    });
    el.release();
    await el.updateComplete;
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve));
    live.stop();
    expect(slow.hasAttribute('data-busy')).to.equal(false);
    expect(el.busy.active).to.equal(false);
  });
});
