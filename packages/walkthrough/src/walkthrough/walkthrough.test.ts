import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.ts';
import { type AideWalkthrough, matchesProcedure } from './walkthrough.ts';
import type { StepChangeDetail } from '@aide/core';
import { expectStays, listenToAnnouncements, settled, waitUntil } from '@aide/core/testing';

// Tutorials built by `pnpm run build` (the test command builds first).
const SRC = '/dist/aide/tutorials/index.json';

async function render(attrs: { tutorial?: string; procedure?: string; lang?: string; persist?: boolean; inPanel?: boolean } = {}) {
  const el = await fixture<AideWalkthrough>(html`<aide-walkthrough
    src=${SRC}
    ?in-panel=${attrs.inPanel ?? false}
    tutorial=${attrs.tutorial ?? ''}
    procedure=${attrs.procedure ?? ''}
    lang=${attrs.lang ?? 'fr'}
    .persist=${attrs.persist ?? false}
  ></aide-walkthrough>`);
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy]'), 'index loaded');
  // A tutorial opens after the index (and the stored progress) are read.
  if (attrs.tutorial) await waitUntil(() => el.shadowRoot!.querySelector('.overview, .step, .status.error'), 'tutorial open');
  await el.updateComplete;
  return el;
}
const $ = (el: AideWalkthrough, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const button = (el: AideWalkthrough, text: string | RegExp) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => (typeof text === 'string' ? b.textContent.trim() === text : text.test(b.textContent)))!;

describe('<aide-walkthrough>', () => {
  it('suggests the tutorials of the procedure first, then themes; accessible', async () => {
    const el = await render({ procedure: 'demande-logement' });
    expect($(el, '#suggested')!.textContent).to.equal('Pour votre démarche');
    const suggested = $(el, '#suggested')!.parentElement!.querySelectorAll('.card-title');
    expect([...suggested].map((s) => s.textContent)).to.deep.equal(['Faire une demande d\'aide au logement à la CAF']);
    expect(el.shadowRoot!.querySelectorAll('.theme').length).to.equal(6);
    await expect(el).to.be.accessible();
  });

  it('matches procedures by id and by address pattern', () => {
    expect(matchesProcedure(['declaration-revenus'], 'declaration-revenus', 'https://x.fr/')).to.equal(true);
    expect(matchesProcedure(['https://cfspart.impots.gouv.fr/*'], '', 'https://cfspart.impots.gouv.fr/monprofil')).to.equal(true);
    expect(matchesProcedure(['https://cfspart.impots.gouv.fr/*'], '', 'https://evil.example/?https://cfspart.impots.gouv.fr/')).to.equal(false);
    expect(matchesProcedure(['declaration-revenus'], '', 'https://x.fr/')).to.equal(false);
  });

  it('shows one step at a time: "Tutoriel : étape 2 sur 6", focus on the heading, an event for the panel', async () => {
    const el = await render({ tutorial: 'declarer-revenus' });
    expect($(el, '.step-heading')!.textContent).to.equal('Déclarer ses revenus en ligne');
    setTimeout(() => button(el, 'Commencer').click());
    const first = await oneEvent<CustomEvent<StepChangeDetail>>(el, 'aide-step-change');
    expect(first.detail).to.include({ tutorial: 'declarer-revenus', step: 1, total: 6 });
    await el.updateComplete;
    setTimeout(() => button(el, 'Étape suivante').click());
    const second = await oneEvent<CustomEvent<StepChangeDetail>>(el, 'aide-step-change');
    expect(second.detail.step).to.equal(2);
    await el.updateComplete;
    expect($(el, '#progress')!.textContent).to.equal('Tutoriel : étape 2 sur 6');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.step-heading'));
    expect($(el, '.step-content')!.getAttribute('lang')).to.equal('fr');
    await expect(el).to.be.accessible();
  });

  it('says a step change once: the focused heading gives the title, the live region only "Tutoriel : étape 2 sur 6"', async () => {
    const el = await render({ tutorial: 'declarer-revenus' });
    button(el, 'Commencer').click();
    await waitUntil(() => $(el, '#progress'));
    const live = await listenToAnnouncements();
    button(el, 'Étape suivante').click();
    await waitUntil(() => live.heard.length > 0, 'announced');
    await expectStays(() => live.heard.length, 'nothing more is said');
    live.stop();
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.step-heading'));
    expect($(el, '.step-heading')!.textContent).to.equal('Commencer la déclaration');
    expect(live.heard).to.deep.equal(['polite: Tutoriel : étape 2 sur 6']);
  });

  it('a tutorial card reads as sentences: a pause between the title and the summary; a theme is not also a region', async () => {
    const el = await render({ procedure: 'demande-logement' });
    const title = el.shadowRoot!.querySelector<HTMLElement>('button.card .card-title')!;
    // A full stop in the markup (not CSS-generated text), read but not shown.
    const pause = title.nextElementSibling as HTMLElement;
    expect(pause.textContent).to.equal('.');
    expect(pause.classList.contains('visually-hidden')).to.equal(true);
    expect(pause.getBoundingClientRect().width).to.be.lessThan(2);
    // A theme is a heading, not also a region of the same name.
    expect(el.shadowRoot!.querySelectorAll('section.theme[aria-label], section.theme[aria-labelledby]').length).to.equal(0);
  });

  it('in the step list, the current step is said once ("(étape en cours)"), not also as aria-current', async () => {
    const el = await render({ tutorial: 'declarer-revenus' });
    button(el, 'Commencer').click();
    await waitUntil(() => $(el, '#progress'));
    button(el, 'Voir toutes les étapes').click();
    await el.updateComplete;
    const current = $(el, '#step-list button.current')!;
    expect(current.textContent.replace(/\s+/g, ' ').trim()).to.equal('Ouvrir votre espace sur le site des impôts (étape en cours)');
    expect(el.shadowRoot!.querySelectorAll('#step-list [aria-current]').length).to.equal(0);
  });

  it('in the panel, "Revenir à la liste des tutoriels" lands, visibly, on the card of the tutorial just left', async () => {
    const el = await render({ tutorial: 'se-connecter-wifi', inPanel: true });
    button(el, 'Revenir à la liste des tutoriels').click();
    await waitUntil(() => el.shadowRoot!.activeElement?.classList.contains('card'), 'focus on a card');
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.dataset.slug).to.equal('se-connecter-wifi');
    // RGAA 10.7: what has focus is on screen, so its focus ring is too.
    const box = focused.getBoundingClientRect();
    expect(box.width).to.be.greaterThan(40);
    expect(box.height).to.be.greaterThan(20);
  });

  it('opening a tutorial or starting it, focus goes from the button pressed to the heading, never to the page, even while the device storage is slow', async () => {
    const el = await render({ persist: true });
    // Another tab writing: a transaction on the same store holds the walkthrough's writes back for 400 ms.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('aide-walkthrough');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(`IndexedDB: ${request.error?.message ?? 'open failed'}`));
    });
    const holdStorage = () => {
      const until = Date.now() + 400;
      const store = db.transaction('kv', 'readwrite').objectStore('kv');
      const keepBusy = () => {
        if (Date.now() < until) store.get('__busy__').onsuccess = keepBusy;
      };
      keepBusy();
    };
    // Where the focus is at each task, from the press until the heading has it.
    const focusTrail = async (press: HTMLElement) => {
      press.focus();
      holdStorage();
      press.click();
      const trail: string[] = [];
      const deadline = Date.now() + 6000;
      while (el.shadowRoot!.activeElement !== $(el, '.step-heading') && Date.now() < deadline) {
        const active = el.shadowRoot!.activeElement;
        trail.push(active ? active.tagName.toLowerCase() : (document.activeElement?.tagName.toLowerCase() ?? 'none'));
        await new Promise((r) => setTimeout(r, 0));
      }
      expect(el.shadowRoot!.activeElement, 'focus on the heading').to.equal($(el, '.step-heading'));
      return trail;
    };
    try {
      const card = el.shadowRoot!.querySelector<HTMLElement>('.card[data-slug="se-connecter-wifi"]')!;
      expect(await focusTrail(card)).not.to.include('body');
      expect($(el, '.overview')).not.to.equal(null);
      expect(await focusTrail(button(el, 'Commencer'))).not.to.include('body');
      expect($(el, '#progress')!.textContent).to.equal('Tutoriel : étape 1 sur 5');
    } finally {
      db.close();
    }
  });

  it('announces the number of results once typing pauses, not after every letter', async () => {
    const el = await render();
    const input = $(el, '#search') as HTMLInputElement;
    const live = await listenToAnnouncements();
    // Typed slowly: each letter comes after the search ran on the one before.
    for (const text of ['r', 're', 'rev', 'reve', 'reven', 'revenu', 'revenus']) {
      input.value = text;
      input.dispatchEvent(new InputEvent('input'));
      // The search of this letter has run (its debounce, 200 ms, is a timer set before this one).
      await settled(300);
    }
    await waitUntil(() => live.heard.length > 0, 'announced');
    await expectStays(() => live.heard.length, 'nothing more is said');
    // The same count again (another letter, same results) is not said again.
    input.value = 'revenus ';
    input.dispatchEvent(new InputEvent('input'));
    await expectStays(() => live.heard.length, 'nothing more is said');
    live.stop();
    // Said once, and what is said is what is shown: the number of result cards (it grows with the corpus).
    const count = $(el, '.count')!;
    const cards = count.nextElementSibling!.querySelectorAll('.card').length;
    expect(cards).to.be.greaterThan(1);
    expect(count.textContent).to.equal(`${cards} tutoriels trouvés`);
    expect(live.heard).to.deep.equal([`polite: ${cards} tutoriels trouvés`]);
  });

  it('keeps progress on the device and resumes where the person left', async () => {
    const el = await render({ tutorial: 'passer-appel-video', persist: true });
    button(el, 'Commencer').click();
    await waitUntil(() => $(el, '#progress'));
    button(el, 'Étape suivante').click();
    button(el, 'Étape suivante').click();
    await waitUntil(() => $(el, '#progress')?.textContent === 'Tutoriel : étape 3 sur 5');
    const again = await render({ tutorial: 'passer-appel-video', persist: true });
    await waitUntil(() => $(again, '#progress'));
    expect($(again, '#progress')!.textContent).to.equal('Tutoriel : étape 3 sur 5');
    // And the catalogue offers to resume.
    const catalogue = await render({ persist: true });
    await waitUntil(() => $(catalogue, '.resume'));
    expect($(catalogue, '.resume')!.textContent.trim()).to.equal('Reprendre « Passer un appel vidéo » à l’étape 3 sur 5');
  });

  it('takes its Boolean options from HTML: no-persist keeps progress off the device, "false" means absent', async () => {
    const tag = (attributes: string) =>
      fixture<AideWalkthrough>(`<aide-walkthrough src="${SRC}" tutorial="installer-application" lang="fr" ${attributes}></aide-walkthrough>`);
    expect((await tag('no-persist="false" in-panel="false"')).persist).to.equal(true);
    const el = await tag('no-persist in-panel');
    expect(el.persist).to.equal(false);
    expect(el.inPanel).to.equal(true);
    await waitUntil(() => $(el, '.overview'), 'tutorial open');
    button(el, 'Commencer').click();
    await waitUntil(() => $(el, '#progress')?.textContent === 'Tutoriel : étape 1 sur 5');
    button(el, 'Étape suivante').click();
    await waitUntil(() => $(el, '#progress')?.textContent === 'Tutoriel : étape 2 sur 5');
    // A later visit that keeps progress finds nothing from this one: it starts at the overview.
    const again = await render({ tutorial: 'installer-application', persist: true });
    expect($(again, '.overview')).not.to.equal(null);
    expect($(again, '#progress')).to.equal(null);
  });

  it('works without IndexedDB (progress kept in memory)', async () => {
    const original = Object.getOwnPropertyDescriptor(IDBFactory.prototype, 'open')!;
    Object.defineProperty(IDBFactory.prototype, 'open', { configurable: true, value: () => { throw new DOMException('no', 'SecurityError'); } });
    try {
      const el = await render({ tutorial: 'se-connecter-wifi', persist: true });
      button(el, 'Commencer').click();
      await waitUntil(() => $(el, '#progress')?.textContent === 'Tutoriel : étape 1 sur 5');
    } finally {
      Object.defineProperty(IDBFactory.prototype, 'open', original);
    }
  });

  it('explains glossary terms on activation, not on hover', async () => {
    const el = await render({ tutorial: 'declarer-revenus' });
    button(el, 'Commencer').click();
    await waitUntil(() => $(el, 'button.term'));
    const term = $(el, 'button.term') as HTMLButtonElement;
    const definition = el.shadowRoot!.getElementById(term.getAttribute('aria-controls')!)!;
    expect(term.getAttribute('aria-expanded')).to.equal('false');
    expect(definition.hidden).to.equal(true);
    term.click();
    expect(term.getAttribute('aria-expanded')).to.equal('true');
    expect(definition.hidden).to.equal(false);
    expect(definition.textContent).to.contain('13 chiffres');
    await expect(el).to.be.accessible();
  });

  it('searches once the person types (the search code loads then)', async () => {
    const el = await render();
    const input = $(el, '#search') as HTMLInputElement;
    input.value = 'déclarer mes revenus';
    input.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => $(el, '.search .card-title'), 'results');
    expect($(el, '.search .card-title')!.textContent).to.equal('Déclarer ses revenus en ligne');
  });

  it('every example the search hint gives finds a tutorial, in French and in English (the index is French)', async () => {
    for (const lang of ['fr', 'en']) {
      const examples = $(await render({ lang }), '#search-hint')!.textContent.split(/:\s*/).pop()!.split(/,\s*/);
      expect(examples.length, lang).to.equal(3);
      for (const example of examples) {
        // One element per search: its count appears once, for this example only.
        const el = await render({ lang });
        const input = $(el, '#search') as HTMLInputElement;
        input.value = example;
        input.dispatchEvent(new InputEvent('input'));
        await waitUntil(() => $(el, '.count'), `${lang}: « ${example} » searched`);
        expect($(el, '.search .card-title'), `${lang}: « ${example} » finds a tutorial`).to.not.equal(null);
      }
    }
  });

  it('offers "Écouter" only when the browser has a French voice', async () => {
    const synth = window.speechSynthesis;
    const original = synth.getVoices.bind(synth);
    synth.getVoices = () => [];
    const mute = await render({ tutorial: 'se-connecter-wifi' });
    button(mute, 'Commencer').click();
    await waitUntil(() => $(mute, '#progress'));
    expect(button(mute, 'Écouter cette étape')).to.equal(undefined);
    synth.getVoices = () => [{ lang: 'fr-FR', name: 'Français', default: true, localService: true, voiceURI: 'fr' }];
    const speaking = await render({ tutorial: 'se-connecter-wifi' });
    button(speaking, /Commencer|Reprendre/).click();
    await waitUntil(() => $(speaking, '#progress'));
    expect(button(speaking, 'Écouter cette étape')).to.not.equal(undefined);
    // Its label says what it does: not also a toggle ("Arrêter la lecture, enfoncé" would say it twice).
    expect(button(speaking, 'Écouter cette étape').hasAttribute('aria-pressed')).to.equal(false);
    synth.getVoices = original;
  });

  it('speaks English and Arabic around French content', async () => {
    const el = await render({ tutorial: 'declarer-revenus', lang: 'ar' });
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(button(el, 'ابدأ')).to.not.equal(undefined);
    expect($(el, '.step-heading span')!.getAttribute('lang')).to.equal('fr');
    await expect(el).to.be.accessible();
    const en = await render({ lang: 'en' });
    expect($(en, '#search-label')!.textContent).to.equal('Search for a tutorial');
  });

  it('in Arabic or English, says before a tutorial is chosen that the tutorials are in French; in French, says nothing of it', async () => {
    const ar = await render({ lang: 'ar' });
    const notice = $(ar, '.content-language')!;
    expect(notice.textContent).to.equal('الأدلة التعليمية مكتوبة باللغة الفرنسية.');
    // Before the list: read first, by eye and by a screen reader going down the view.
    expect(notice.compareDocumentPosition($(ar, '.card')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await expect(ar).to.be.accessible();
    expect($(await render({ lang: 'en' }), '.content-language')!.textContent).to.equal('The tutorials are written in French.');
    expect($(await render({ lang: 'fr' }), '.content-language')).to.equal(null);
  });

  it('says clearly when a tutorial does not exist', async () => {
    const el = await render({ tutorial: 'n-existe-pas' });
    expect($(el, '.status.error')!.textContent).to.contain('« n-existe-pas » n’existe pas');
  });
});
