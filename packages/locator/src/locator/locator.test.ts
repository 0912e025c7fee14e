import { expect, fixture, html } from '@open-wc/testing';
import '../define.ts';
import type { AideLocator } from './locator.ts';
import { displayPhone } from './locator.ts';
import { catalogueLoaders } from './strings.ts';
import { expectStays, listenToAnnouncements, settled, waitUntil } from '@aide/core/testing';
import { setRequestTimeout, DEFAULT_TIMEOUT_SECONDS } from '@aide/core';

/**
 * Holds every request whose address matches `pattern` until `release()` (as a data file that never answers would):
 * the promise ends only when the request is aborted (core's timeout). Other requests go through.
 */
function holdRequests(pattern: RegExp) {
  const original = window.fetch;
  let holding = true;
  const held: string[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!holding || !pattern.test(url)) return original(input, init);
    held.push(url);
    return new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  };
  return {
    held,
    release: () => (holding = false),
    restore: () => (window.fetch = original),
  };
}

/**
 * Answers every request whose address matches `pattern` with `answer()` (a 503, a lost connection) until `release()`,
 * as a server in trouble would; other requests go through.
 */
function failRequests(pattern: RegExp, answer: () => Promise<Response>) {
  const original = window.fetch;
  let failing = true;
  const failed: string[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!failing || !pattern.test(url)) return original(input, init);
    failed.push(url);
    return answer();
  };
  return {
    failed,
    release: () => (failing = false),
    restore: () => (window.fetch = original),
  };
}

// The data built by `pnpm run build` (the test command builds before running the component tests).
const SRC = '/dist/aide/places/index.json';

async function render(lang = 'fr') {
  const el = await fixture<AideLocator>(html`<aide-locator src=${SRC} lang=${lang}></aide-locator>`);
  // English and Arabic come in chunks of their own: the form is drawn once the catalogue is there.
  await waitUntil(() => el.shadowRoot!.querySelector('#location'), 'the catalogue');
  await el.updateComplete;
  return el;
}

const $ = (el: AideLocator, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: AideLocator, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** Searches a postal code and waits for the ten nearest places. */
async function results(el: AideLocator, code: string) {
  await type(el, code);
  $(el, 'button[type=submit]').click();
  await waitUntil(() => $$(el, '.place').length === 10, 'results');
  await el.updateComplete;
}
/** The accessible name of a link or summary as its text gives it (visually hidden parts included). */
const text = (e: Element) => e.textContent.replace(/\s+/g, ' ').trim();

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

  it('reaching the field fetches the communes index: a search then waits one round trip less (slow 3G)', async () => {
    const el = await render();
    performance.clearResourceTimings();
    const communesIndex = () => performance.getEntriesByType('resource').some((e) => /\/places\/communes\/index\.json$/.test(e.name));
    expect(communesIndex(), 'not before').to.equal(false);
    input(el).focus();
    await waitUntil(communesIndex, 'the communes index fetched on focus');
  });

  it('suggests communes as you type and follows the ARIA 1.2 combobox keys', async () => {
    const el = await render();
    await type(el, 'st etienne');
    await waitUntil(() => input(el).getAttribute('aria-expanded') === 'true', 'suggestions shown');
    const options = el.shadowRoot!.querySelectorAll('[role=option]');
    expect(options[0]!.textContent.trim()).to.equal('Saint-Étienne (42)');
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
    // Choosing a suggestion searches around it; focus stays in the field.
    await waitUntil(() => $(el, '#results-title')?.textContent.includes('Saint-Étienne (42)'), 'results for the suggestion');
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('says the number of suggestions once typing pauses, not after every key; the list has its own name', async () => {
    const el = await render();
    const live = await listenToAnnouncements(700);
    for (const text of ['s', 'st', 'st ', 'st e', 'st et', 'st eti', 'st etie']) {
      await type(el, text);
      // Each key comes after the suggestions of the one before ran (their delay, 150 ms, is a timer set earlier).
      await settled(250);
    }
    await waitUntil(() => live.heard.length > 0, 'announced');
    await expectStays(() => live.heard.length, 'nothing more is said');
    live.stop();
    expect(live.heard).to.deep.equal(['polite: 8 communes proposées. Flèches haut et bas pour choisir.']);
    expect($(el, '[role=listbox]').getAttribute('aria-label')).to.equal('Communes proposées');
  });

  it('an error reached from a button: focus goes to the field, which says it; from the field, the live region says it', async () => {
    const el = await render();
    await type(el, '7500');
    const live = await listenToAnnouncements(700);
    const submit = $(el, 'button[type=submit]') as HTMLButtonElement;
    submit.focus();
    submit.click();
    await waitUntil(() => el.shadowRoot!.activeElement === input(el), 'focus on the field');
    expect(input(el).getAttribute('aria-describedby')).to.equal('location-hint location-error');
    await expectStays(() => live.heard.length, 'nothing more is said');
    expect(live.heard).to.deep.equal([]);
    // Enter in the field: focus does not move, so the live region speaks.
    input(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    input(el).form!.requestSubmit();
    await waitUntil(() => live.heard.length > 0, 'announced');
    live.stop();
    expect(live.heard).to.deep.equal(['assertive: Erreur : Un code postal a 5 chiffres, par exemple 75011.']);
  });

  it('a filter keeps focus on its checkbox and says the new count once', async () => {
    const el = await render();
    await results(el, '29200');
    $(el, '.filters-toggle').click();
    await el.updateComplete;
    const free = $(el, '#filter-free') as HTMLInputElement;
    free.focus();
    const live = await listenToAnnouncements(700);
    free.click();
    await waitUntil(() => live.heard.length > 0, 'announced');
    await expectStays(() => live.heard.length, 'nothing more is said');
    live.stop();
    expect(live.heard).to.have.length(1);
    expect(live.heard[0]).to.match(/^polite: (\d+ lieux? correspond|Aucun lieu ne correspond)/);
    expect(el.shadowRoot!.activeElement).to.equal(free);
  });

  it('when refreshing the list fails, focus goes to "Réessayer" instead of nowhere', async () => {
    const el = await render();
    await results(el, '29200');
    $(el, '.filters-toggle').click();
    await el.updateComplete;
    (el as unknown as { source: { nearest: () => Promise<never> } }).source.nearest = () => Promise.reject(new Error('offline'));
    const free = $(el, '#filter-free') as HTMLInputElement;
    free.focus();
    free.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.textContent?.trim() === 'Réessayer', 'focus on the retry button');
  });

  it('"Afficher plus de lieux" takes focus to the first new place', async () => {
    const el = await render();
    await results(el, '29200');
    const more = $$(el, 'button').find((b) => b.textContent.trim() === 'Afficher plus de lieux')!;
    more.focus();
    more.click();
    await waitUntil(() => $$(el, '.place').length === 20, 'more results');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#place-10-name'), 'focus on the 11th place');
  });

  it('tells the places apart: hours, phone and links each say their place', async () => {
    const el = await render();
    await results(el, '29200');
    const names = $$(el, '.place [id$="-name"]').map(text);
    for (const [i, place] of $$(el, '.place').entries()) {
      const name = names[i]!;
      for (const control of place.querySelectorAll('summary, a[href^="tel:"]')) expect(text(control)).to.contain(name);
      for (const link of place.querySelectorAll('.links a')) expect(link.getAttribute('aria-label')).to.contain(name);
    }
    const controls = $$(el, '.place summary, .place a').map((c) => c.getAttribute('aria-label') ?? text(c));
    expect(new Set(controls).size).to.equal(controls.length);
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
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.place').length === 10, 'results');
    expect(el.shadowRoot!.querySelector('#results-title')!.textContent).to.contain('10 lieux près de Brest (29)');
    expect(el.shadowRoot!.querySelector('.phone-line a[href="tel:+33170772372"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  // Before any English locator of this file: the catalogue, once loaded, is kept for the page.
  it('stays usable in French, said to be French, when the English catalogue cannot be loaded', async () => {
    const load = catalogueLoaders.en;
    catalogueLoaders.en = () => Promise.reject(new Error('offline'));
    try {
      const el = await render('en');
      const label = el.shadowRoot!.querySelector('label[for=location]')!;
      expect(label.textContent).to.equal('Code postal ou commune');
      expect(label.closest('[lang]')!.getAttribute('lang')).to.equal('fr');
      await expect(el).to.be.accessible();
    } finally {
      catalogueLoaders.en = load;
    }
  });

  it('speaks English and Arabic', async () => {
    const en = await render('en');
    expect(en.shadowRoot!.querySelector('label[for=location]')!.textContent).to.equal('Postal code or town');
    const ar = await render('ar');
    expect(ar.getAttribute('dir')).to.equal('rtl');
    expect(ar.shadowRoot!.querySelector('button[type=submit]')!.textContent.trim()).to.equal('بحث');
    await expect(ar).to.be.accessible();
  });

  it('in Arabic, lists and labels use Arabic punctuation (، ؛ and a colon without a space before it), not French', async () => {
    const el = await render('ar');
    await results(el, '29200');
    const services = $$(el, '.place .services').map(text);
    const weeks = $$(el, '.week-summary').map(text);
    expect(services.length).to.be.greaterThan(0);
    expect(weeks.length).to.be.greaterThan(0);
    for (const sentence of [...services, ...weeks]) {
      expect(sentence, sentence).not.to.match(/ [:;]|[;,]/);
    }
    expect(services.some((s) => s.includes('؛ ')), services.join('\n')).to.equal(true);
    expect(weeks.some((s) => s.includes('، ')), weeks.join('\n')).to.equal(true);
  });

  it('writes French phone numbers the French way', () => {
    expect(displayPhone('+33170772372')).to.equal('01 70 77 23 72');
    expect(displayPhone('+262262123456')).to.equal('+262 262 123 456');
  });

  it('communes sharing a name are offered as such, not as sharing a postal code; a shared code says which', async () => {
    const el = await render();
    await type(el, 'Bellegarde');
    $(el, 'button[type=submit]').click();
    await waitUntil(() => $(el, '#results-title')?.textContent.includes('Bellegarde (30)'), 'results');
    await el.updateComplete;
    expect(text($(el, '.others p'))).to.equal('Autres communes nommées Bellegarde :');
    expect($$(el, '.others button').map(text)).to.deep.equal(['Bellegarde (45)', 'Bellegarde (32)']);
    $$(el, '.others button')[0]!.click();
    await waitUntil(() => $(el, '#results-title')?.textContent.includes('Bellegarde (45)'), 'results for the other one');
    await el.updateComplete;
    expect(text($(el, '.others p'))).to.equal('Autres communes nommées Bellegarde :');
    expect($$(el, '.others button').map(text)).to.deep.equal(['Bellegarde (30)', 'Bellegarde (32)']);
    await expect(el).to.be.accessible();
    await type(el, '01400');
    $(el, 'button[type=submit]').click();
    await waitUntil(() => $(el, '#results-title')?.textContent.includes('Châtillon-sur-Chalaronne (01)'), 'results');
    await el.updateComplete;
    expect(text($(el, '.others p'))).to.equal('Autres communes avec le code postal 01400 :');
  });

  it('the three most used filters in sight, the others behind « Plus de filtres », which counts the active ones it hides', async () => {
    const el = await render();
    await results(el, '29200');
    const visibleBoxes = () => $$(el, '.filters input[type=checkbox]').filter((box) => box.getClientRects().length > 0);
    expect(visibleBoxes().map((box) => text(box.closest('.check')!))).to.deep.equal(['Ouvert maintenant', 'Gratuit', 'Aide aux démarches administratives']);
    expect(text($(el, '.main-filters legend'))).to.equal('Filtrer les lieux');
    const more = $(el, '.filters-toggle');
    expect(text(more)).to.equal('Plus de filtres');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(more.getAttribute('aria-controls')).to.equal('filters');
    expect($(el, '#filters').hidden).to.equal(true);
    // « Aide aux démarches administratives » is in sight: not a second time behind « Plus de filtres ».
    more.click();
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(visibleBoxes().length).to.be.greaterThan(30);
    expect(visibleBoxes().filter((box) => text(box.closest('.check')!) === 'Aide aux démarches administratives')).to.have.length(1);
    await expect(el).to.be.accessible();
    // Two filters behind the button, one in sight: the button counts the two.
    ($(el, '#filter-wheelchair') as HTMLInputElement).click();
    await waitUntil(() => text(more) === 'Plus de filtres (1 filtre actif)', 'one hidden filter counted');
    ($(el, '#filter-specificSupport-0') as HTMLInputElement).click();
    await waitUntil(() => text(more) === 'Plus de filtres (2 filtres actifs)', 'two hidden filters counted');
    ($(el, '#filter-admin') as HTMLInputElement).click();
    await waitUntil(() => ($(el, '#filter-admin') as HTMLInputElement).checked && !$(el, '.places').getAttribute('aria-busy')?.includes('true'), 'refreshed');
    expect(text(more)).to.equal('Plus de filtres (2 filtres actifs)');
    more.click();
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '#filters').hidden).to.equal(true);
    await expect(el).to.be.accessible();
  });

  describe('« Ouvert maintenant » with nothing open (issue 9)', () => {
    /** Searches 59100 (Roubaix) at `now`, then ticks « Ouvert maintenant »; resolves once the list says it. */
    async function openNowAt(now: string) {
      const el = await render();
      el.now = new Date(now);
      await results(el, '59100');
      $(el, '.filters-toggle').click();
      await el.updateComplete;
      const live = await listenToAnnouncements(700);
      const box = $(el, '#filter-open') as HTMLInputElement;
      box.focus();
      box.click();
      await waitUntil(() => $(el, '.closed-now') && live.heard.length > 0, 'nothing open, said');
      live.stop();
      return { el, heard: live.heard };
    }

    it('a Monday at 21 h: no place open now, when the nearest open (day and hour), the line closed and its hours', async () => {
      const { el, heard } = await openNowAt('2026-12-07T20:00:00Z');
      expect(text($(el, '#results-title'))).to.equal('Aucun lieu d’aide n’est ouvert en ce moment près de Roubaix (59)');
      expect(el.shadowRoot!.textContent).to.not.contain('Aucun lieu d’aide connu');
      expect($$(el, '.closed-now li').map(text)).to.deep.equal([
        'CCAS de Roubaix (à 200 m) : demain (mardi) à 8 h',
        'France services La Poste de Roubaix - Epeule (à 400 m) : demain (mardi) à 10 h',
        $$(el, '.closed-now li').map(text)[2]!,
      ]);
      expect($$(el, '.closed-now li').map(text)[2]).to.match(/ : (demain \(mardi\)|mercredi|jeudi|vendredi|samedi|dimanche|lundi) à \d+ h/);
      expect(heard).to.deep.equal([
        'polite: Aucun lieu d’aide n’est ouvert en ce moment près de Roubaix (59). Les lieux les plus proches ouvrent : CCAS de Roubaix, demain (mardi) à 8 h.',
      ]);
      const line = text($(el, '.phone-line'));
      expect(line).to.contain('Fermé, rouvre demain à 9 h');
      expect(line).to.contain('Horaires : du lundi au vendredi, de 9 h à 18 h.');
      expect($(el, '.phone-line a[href="tel:+33170772372"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('a Saturday evening: the places open on Monday or Tuesday, the line on Monday; « Voir tous les lieux » takes focus to the list', async () => {
      const { el } = await openNowAt('2026-12-05T20:00:00Z');
      expect($$(el, '.closed-now li').map(text).slice(0, 2)).to.deep.equal([
        'CCAS de Roubaix (à 200 m) : mardi à 8 h',
        'France services La Poste de Roubaix - Epeule (à 400 m) : lundi à 10 h',
      ]);
      expect(text($(el, '.phone-line'))).to.contain('Fermé, rouvre lundi à 9 h');
      const all = $$(el, '.closed-now button').find((b) => text(b) === 'Voir tous les lieux, ouverts ou fermés')!;
      all.focus();
      all.click();
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'results-title', 'focus on the results heading');
      expect(text($(el, '#results-title'))).to.equal('10 lieux près de Roubaix (59)');
      expect(($(el, '#filter-open') as HTMLInputElement).checked).to.equal(false);
      expect($(el, '.closed-now')).to.equal(null);
    });

    it('in the afternoon, the line says it is open now, with its hours', async () => {
      const el = await render();
      el.now = new Date('2026-12-07T14:00:00Z');
      await results(el, '59100');
      const line = text($(el, '.phone-line'));
      expect(line).to.contain('Joignable maintenant, jusqu’à 18 h');
      expect(line).to.contain('Horaires : du lundi au vendredi, de 9 h à 18 h.');
    });
  });

  describe('on a slow or broken network', () => {
    afterEach(() => setRequestTimeout(DEFAULT_TIMEOUT_SECONDS));

    it('shows and says « Recherche en cours… » at once after a press, while the commune itself is still looked up', async () => {
      const el = await render();
      await type(el, '29200');
      const live = await listenToAnnouncements(700);
      // Nothing of the places' data answers: not the geocoding files, not the shards.
      const hold = holdRequests(/\/places\//);
      try {
        const submit = $(el, 'button[type=submit]');
        submit.click();
        await el.updateComplete;
        expect($(el, '.status')?.textContent.trim()).to.equal('Recherche en cours…');
        expect(submit.hasAttribute('data-busy')).to.equal(true);
        await waitUntil(() => live.heard.includes('polite: Recherche en cours…'), 'the busy state is said');
      } finally {
        live.stop();
        hold.restore();
      }
    });

    it('a data file that never answers ends with the reason and « Réessayer »; after a retry that works, focus is on the results heading', async () => {
      setRequestTimeout(0.5);
      const el = await render();
      await type(el, '29200');
      const hold = holdRequests(/\/places\/dep-\d/);
      try {
        const live = await listenToAnnouncements(700);
        $(el, 'button[type=submit]').click();
        await waitUntil(() => $(el, '.status.error'), 'the timeout is told');
        live.stop();
        expect(hold.held.length).to.be.greaterThan(0);
        const message = $(el, '.status.error p').textContent;
        expect(message).to.contain('Le service n’a pas répondu en 0,5 secondes');
        expect(live.heard.some((h) => h.startsWith('assertive: La liste des lieux n’a pas pu être chargée.'))).to.equal(true);
        expect($(el, 'button[type=submit]').hasAttribute('data-busy')).to.equal(false);
        await expect(el).to.be.accessible();
        hold.release();
        const retry = $(el, '.status.error button');
        retry.focus();
        retry.click();
        await waitUntil(() => el.shadowRoot!.activeElement?.id === 'results-title', 'focus on the results heading');
        expect($(el, '#results-title').textContent).to.contain('10 lieux près de Brest (29)');
      } finally {
        hold.restore();
      }
    });

    const DATA_FAILED =
      'La liste des lieux n’a pas pu être chargée. Le service n’a pas pu répondre. Vérifiez votre connexion internet, puis réessayez. Vous pouvez aussi appeler la ligne d’aide.';

    it('the places index answers 503: the reason and « Réessayer »; a hurried retry that works shows the places, focus on their heading, the phone line with its hours', async () => {
      const fail = failRequests(/\/places\/index\.json$/, () => Promise.resolve(new Response('Service Unavailable', { status: 503 })));
      const errors: string[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.message);
      window.addEventListener('error', onError);
      try {
        const el = await render();
        await type(el, '29200');
        const live = await listenToAnnouncements(700);
        $(el, 'button[type=submit]').click();
        await waitUntil(() => $(el, '.status.error'), 'the failure is told');
        live.stop();
        expect(fail.failed.length).to.be.greaterThan(0);
        expect($(el, '.status.error p').textContent).to.equal(DATA_FAILED);
        expect(live.heard).to.include(`assertive: ${DATA_FAILED}`);
        expect($(el, 'button[type=submit]').hasAttribute('data-busy')).to.equal(false);
        const retry = $(el, '.status.error button');
        expect(retry.textContent.trim()).to.equal('Réessayer');
        await expect(el).to.be.accessible();
        fail.release();
        retry.focus();
        retry.click();
        retry.click();
        await waitUntil(() => el.shadowRoot!.activeElement?.id === 'results-title', 'focus on the results heading');
        expect($(el, '#results-title').textContent).to.contain('10 lieux près de Brest (29)');
        expect($$(el, '.place')).to.have.length(10);
        expect($$(el, '#results-title')).to.have.length(1);
        expect($(el, '.status.error')).to.equal(null);
        // The phone line's file answered before the index failed: its hours are still shown.
        await waitUntil(() => $(el, '.phone-line .week-summary'), 'the phone line with its hours');
        expect(errors).to.deep.equal([]);
      } finally {
        window.removeEventListener('error', onError);
        fail.restore();
      }
    });

    it('the connection drops while the commune is looked up: the reason and « Réessayer »; the retry finds the commune and its places', async () => {
      const fail = failRequests(/\/places\/(communes|postcodes)\//, () => Promise.reject(new TypeError('Failed to fetch')));
      try {
        const el = await render();
        await type(el, '29200');
        $(el, 'button[type=submit]').click();
        await waitUntil(() => $(el, '.status.error'), 'the failure is told');
        expect(fail.failed.length).to.be.greaterThan(0);
        expect($(el, '.status.error p').textContent).to.equal(DATA_FAILED);
        fail.release();
        $(el, '.status.error button').click();
        await waitUntil(() => el.shadowRoot!.activeElement?.id === 'results-title', 'focus on the results heading');
        expect($(el, '#results-title').textContent).to.contain('10 lieux près de Brest (29)');
        expect($$(el, '.place')).to.have.length(10);
      } finally {
        fail.restore();
      }
    });

    it('places from an address in the standard’s schema (api-src), whose code loads when needed: a 503, « Réessayer », then its places in plain words', async () => {
      const API = '/api-test/lieux.json';
      const records = [
        {
          id: 'api-1', nom: 'Espace numérique du port', commune: 'Brest', code_postal: '29200', adresse: '1 quai de la Douane',
          latitude: 48.3829, longitude: -4.4945, date_maj: '2026-11-02', horaires: 'Mo-Fr 09:00-17:00', telephone: '+33298000000',
          services: 'Aide aux démarches administratives|Maîtrise des outils numériques du quotidien', dispositif_programmes_nationaux: 'La Croix Rouge',
        },
        {
          id: 'api-2', nom: 'Médiathèque de Recouvrance', commune: 'Brest', code_postal: '29200', adresse: '3 rue Vauban',
          latitude: 48.3871, longitude: -4.5003, date_maj: '2026-10-15', horaires: 'Tu-Sa 10:00-18:00', services: 'Accès internet et matériel informatique',
        },
      ];
      let calls = 0;
      const original = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        const url = input instanceof Request ? input.url : String(input);
        if (!url.endsWith(API)) return original(input, init);
        calls++;
        return Promise.resolve(calls === 1 ? new Response('', { status: 503 }) : Response.json({ lieux: records }));
      };
      try {
        // A Monday at 10 h in Paris.
        const el = await fixture<AideLocator>(html`<aide-locator src=${SRC} api-src=${API} .now=${new Date('2026-12-07T09:00:00Z')}></aide-locator>`);
        await waitUntil(() => el.shadowRoot!.querySelector('#location'), 'the form');
        await type(el, '29200');
        $(el, 'button[type=submit]').click();
        await waitUntil(() => $(el, '.status.error'), 'the failure is told');
        expect($(el, '.status.error p').textContent).to.equal(DATA_FAILED);
        $(el, '.status.error button').click();
        await waitUntil(() => el.shadowRoot!.activeElement?.id === 'results-title', 'focus on the results heading');
        expect(calls).to.equal(2);
        expect($(el, '#results-title').textContent).to.contain('2 lieux près de Brest (29)');
        // Nearest first: the médiathèque is nearer to the centre of Brest.
        expect($$(el, '.place [id$="-name"]').map(text)).to.deep.equal(['Médiathèque de Recouvrance', 'Espace numérique du port']);
        expect(text($$(el, '.place')[0]!.querySelector('.hours-line')!)).to.equal('Fermé, ouvre demain à 10 h');
        const port = $$(el, '.place')[1]!;
        expect(text(port.querySelector('.hours-line')!)).to.equal('Ouvert, ferme à 17 h');
        expect(text(port.querySelector('.labels')!)).to.equal('Croix-Rouge française');
        expect(text(port.querySelector('.services')!)).to.equal('Services : Aide aux démarches administratives ; Maîtrise des outils numériques du quotidien.');
      } finally {
        window.fetch = original;
      }
    });

    it('a double press on « Rechercher » is one search, and ends in one coherent list', async () => {
      const el = await render();
      await type(el, '29200');
      const errors: string[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.message);
      window.addEventListener('error', onError);
      const submit = $(el, 'button[type=submit]');
      submit.click();
      submit.click();
      await waitUntil(() => $$(el, '.place').length === 10, 'results');
      window.removeEventListener('error', onError);
      expect(errors).to.deep.equal([]);
      expect(submit.hasAttribute('data-busy')).to.equal(false);
      expect($$(el, '#results-title')).to.have.length(1);
    });
  });
});
