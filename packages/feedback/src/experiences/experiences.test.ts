/**
 * <aide-experiences> in real browsers, against the fake collector that plays the stories contract
 * (test/e2e/fixtures/stories-contract.ts: published stories only, newest first, 10 a page, indicators, faults).
 */
import { expect, fixture, html } from '@open-wc/testing';
import './define.ts';
import type { AideExperiences } from './experiences.ts';
import { setRequestTimeout, DEFAULT_TIMEOUT_SECONDS } from '@aide/core';
import { expectStays, listenToAnnouncements, waitUntil } from '@aide/core/testing';
import { contractFetch, StoriesContract, type StoredStory } from '../../../../test/e2e/fixtures/stories-contract.ts';

const PROCEDURE = 'demande-logement';
const $ = (el: AideExperiences, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const $$ = (el: AideExperiences, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const focused = (el: AideExperiences) => el.shadowRoot!.activeElement;

let contract: StoriesContract;
/** Every address the element asked for. */
let asked: string[];
const original = window.fetch;
beforeEach(() => {
  contract = new StoriesContract({ origin: location.origin });
  asked = [];
  const fake = contractFetch(contract, original);
  window.fetch = (input, init) => {
    asked.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return fake(input, init);
  };
});
afterEach(() => {
  window.fetch = original;
  setRequestTimeout(DEFAULT_TIMEOUT_SECONDS);
});

const experiencesAsked = () => asked.filter((u) => new URL(u).pathname === '/api/v1/experiences');

async function shown(attrs: { level?: number; lang?: string } = {}) {
  const el = await fixture<AideExperiences>(
    html`<aide-experiences procedure=${PROCEDURE} endpoint="/api/v1/experiences" heading-level=${attrs.level ?? 2} lang=${attrs.lang ?? 'fr'}></aide-experiences>`,
  );
  await settledList(el);
  return el;
}

async function settledList(el: AideExperiences) {
  await waitUntil(() => !$(el, '.loading') && $(el, '.results')?.getAttribute('aria-busy') === 'false', 'the list settled');
}

/** 25 published stories: the newest one answered 5 h after it was published, the second one 3 h after. */
function seedStories(count = 25, make: (i: number) => Partial<StoredStory> = () => ({})) {
  const now = Date.now();
  return contract.seed(PROCEDURE, count, (i) => ({
    ...(i === 0 ? { answer: { text: 'Merci. Le dépôt des PDF est réparé.\n\nÉcrivez-nous si cela recommence.', signedBy: 'CAF de la Gironde', answeredAt: new Date(now + 4 * 3_600_000).toISOString() } } : {}),
    ...(i === 1 ? { answer: { text: 'Nous avons transmis au service.', signedBy: 'CAF de la Gironde', answeredAt: new Date(now + 1 * 3_600_000).toISOString() } } : {}),
    ...make(i),
  }));
}

describe('<aide-experiences>', () => {
  it('shows the published stories newest first, each an article with its feeling in words, date, text and signed answer', async () => {
    seedStories(3, (i) => (i === 2 ? { maskedText: '<img src=x onerror="window.__hacked=1"> <b>pas du HTML</b>\nligne 2' } : {}));
    // Not published: never shown.
    contract.seed('autre-demarche', 1);
    const el = await shown();
    expect(text($(el, 'h2'))).to.equal('Expériences des usagers');
    expect($$(el, '.figures li').map(text)).to.deep.equal(['3 expériences publiées', '67 % avec une réponse de l’administration', 'Délai médian de réponse : 4 h']);
    expect(text($(el, '.count'))).to.equal('3 expériences, les plus récentes d’abord.');
    const articles = $$(el, 'article.story');
    expect(articles).to.have.length(3);
    const headings = articles.map((a) => a.querySelector('h3'));
    expect(headings.map(text)).to.deep.equal(
      [0, 1, 2].map((i) => `Expérience ${['positive', 'négative', 'mitigée'][i]}, publiée le ${new Intl.DateTimeFormat('fr', { dateStyle: 'long' }).format(new Date(contract.stories[i]!.publishedAt!))}`),
    );
    // Each article is named by its heading, one piece of text: a date in an element of its own was read by Orca as a
    // line of its own.
    expect(articles[0]!.getAttribute('aria-labelledby')).to.equal(headings[0]!.id);
    expect(headings[0]!.children).to.have.length(0);
    expect(text(articles[0]!.querySelector('.meta'))).to.equal('Démarche faite en ligne.');
    expect(text(articles[0]!.querySelector('.text'))).to.equal('Récit numéro 1.');
    // The answer: its own heading one level down, signed, dated, its paragraphs kept.
    const answer = articles[0]!.querySelector('.answer')!;
    expect(text(answer.querySelector('h4'))).to.equal('Réponse de CAF de la Gironde');
    expect([...answer.querySelectorAll('.text')].map(text)).to.deep.equal(['Merci. Le dépôt des PDF est réparé.', 'Écrivez-nous si cela recommence.']);
    expect(text(answer.querySelector('.meta'))).to.match(/^Répondu le \d{1,2} \p{L}+ \d{4}$/u);
    expect(text(articles[2]!.querySelector('.meta:last-child'))).to.equal('L’administration n’a pas encore répondu.');
    // The server's text is text: no element comes from it.
    expect(articles[2]!.querySelector('img, b')).to.equal(null);
    expect(text(articles[2]!.querySelector('.text'))).to.contain('<img src=x onerror=');
    expect((window as Window & { __hacked?: number }).__hacked).to.equal(undefined);
    // All of them fit on one page: nothing more to see.
    expect($(el, '.more')).to.equal(null);
    // The collector's public page and feed, next to its API.
    const links = $$(el, '.links a') as HTMLAnchorElement[];
    expect(links.map((a) => [text(a), a.href])).to.deep.equal([
      ['Toutes les expériences sur la page publique', `${location.origin}/experiences/${PROCEDURE}`],
      ['Suivre les nouvelles expériences (flux Atom)', `${location.origin}/experiences/${PROCEDURE}/feed.atom`],
    ]);
    expect(experiencesAsked()).to.deep.equal([`${location.origin}/api/v1/experiences?procedure=${PROCEDURE}&page=1`]);
    await expect(el).to.be.accessible();
  });

  it('zero configuration: the collector and the procedure come from the page’s aide.js tag', async () => {
    seedStories(2);
    // An inert copy of the administration's tag (a type the browser does not run): only its attributes matter.
    const tag = document.createElement('script');
    tag.type = 'text/x-aide-test';
    tag.src = '/cdn/aide/aide.js';
    tag.dataset.procedure = PROCEDURE;
    tag.dataset.feedbackEndpoint = '/api/v1/feedback';
    document.head.append(tag);
    try {
      const el = await fixture<AideExperiences>(html`<aide-experiences lang="fr"></aide-experiences>`);
      await settledList(el);
      expect($$(el, 'article.story')).to.have.length(2);
      expect(experiencesAsked()).to.deep.equal([`${location.origin}/api/v1/experiences?procedure=${PROCEDURE}&page=1`]);
    } finally {
      tag.remove();
    }
  });

  it('without a procedure or a collector it shows nothing, and says why in the console', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const el = await fixture<AideExperiences>(html`<aide-experiences lang="fr"></aide-experiences>`);
      await el.updateComplete;
      expect(el.shadowRoot!.children.length).to.equal(0);
      expect(experiencesAsked()).to.deep.equal([]);
      expect(String(warnings[0])).to.contain('<aide-experiences> sans démarche valide');
    } finally {
      console.warn = warn;
    }
  });

  it('« Voir plus d’expériences » adds the next page, moves focus to the first story added, says how many; a double click asks once', async () => {
    seedStories(25);
    const el = await shown();
    expect($$(el, 'article.story')).to.have.length(10);
    expect(text($(el, '.count'))).to.equal('25 expériences, les plus récentes d’abord.');
    const more = $(el, '.more') as HTMLButtonElement;
    expect(text(more)).to.equal('Voir plus d’expériences');
    const said = await listenToAnnouncements();
    more.focus();
    more.click();
    more.click();
    // Busy at once: marked on the button pressed, the list busy.
    expect(more.hasAttribute('data-busy')).to.equal(true);
    await el.updateComplete;
    expect($(el, '.results')!.getAttribute('aria-busy')).to.equal('true');
    await waitUntil(() => $$(el, 'article.story').length === 20, '20 stories');
    await waitUntil(() => focused(el) === $$(el, 'article.story')[10]!.querySelector('h3'), 'focus on the 11th story’s heading');
    await waitUntil(() => said.heard.includes('polite: 10 expériences de plus : 20 sur 25 affichées.'), 'count said');
    expect(experiencesAsked().filter((u) => u.endsWith('page=2'))).to.have.length(1);
    await expect(el).to.be.accessible();
    ($(el, '.more') as HTMLButtonElement).click();
    await waitUntil(() => $$(el, 'article.story').length === 25, '25 stories');
    expect($(el, '.more')).to.equal(null);
    // Newest first all along, each story once.
    const ids = $$(el, 'article.story').map((a) => a.dataset.story);
    expect(ids).to.deep.equal(contract.stories.map((s) => s.id));
    said.stop();
  });

  it('the filter by feeling is a labelled select; the list stays until the new one comes; the count is said; an empty filter says so plainly', async () => {
    seedStories(12, (i) => ({ feeling: i < 4 ? 'negative' : 'mixed' }));
    const el = await shown();
    const select = $(el, 'select') as HTMLSelectElement;
    expect(text($(el, 'label[for=feeling]'))).to.equal('Ressenti');
    expect([...select.options].map((o) => [o.value, o.text])).to.deep.equal([
      ['', 'Tous les ressentis'],
      ['positive', 'Positive'],
      ['negative', 'Négative'],
      ['mixed', 'Mitigée'],
    ]);
    const said = await listenToAnnouncements();
    // The filter's answer waits until the test lets it go: what the list does meanwhile can be seen.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const answering = window.fetch;
    window.fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('feeling=')) await gate;
      return answering(input, init);
    };
    select.value = 'negative';
    const button = $(el, '.filter button') as HTMLButtonElement;
    button.focus();
    button.click();
    expect(button.hasAttribute('data-busy')).to.equal(true);
    await el.updateComplete;
    // The list stays in place, marked busy: a screen reader's reading position is not lost in a loading message.
    expect(text($(el, '.results'))).to.not.contain('Chargement');
    const firstBefore = $(el, 'article.story');
    expect($$(el, 'article.story').length).to.equal(10);
    expect($(el, '.results')!.getAttribute('aria-busy')).to.equal('true');
    // « Voir plus » would add the old filter's next page: it waits too.
    const more = $(el, '.more') as HTMLButtonElement;
    expect(more.getAttribute('aria-disabled')).to.equal('true');
    more.click();
    await expect(el).to.be.accessible();
    release();
    await settledList(el);
    expect(experiencesAsked().filter((u) => u.includes('page=2'))).to.have.length(0);
    // The new list is new elements, not the old ones changed in place (Orca in Chromium then skipped its first heading).
    expect($(el, 'article.story') === firstBefore).to.equal(false);
    expect($$(el, 'article.story').map((a) => a.dataset.feeling)).to.deep.equal(['negative', 'negative', 'negative', 'negative']);
    expect(text($(el, '.count'))).to.equal('4 expériences au ressenti « négative », les plus récentes d’abord.');
    await waitUntil(() => said.heard.includes('polite: 4 expériences au ressenti « négative », les plus récentes d’abord.'), 'count said');
    expect(focused(el)).to.equal(button);
    // The figures are the procedure's, whatever the filter.
    expect(text($(el, '.figures li'))).to.equal('12 expériences publiées');
    expect(experiencesAsked().at(-1)).to.equal(`${location.origin}/api/v1/experiences?procedure=${PROCEDURE}&page=1&feeling=negative`);
    await expect(el).to.be.accessible();

    select.value = 'positive';
    button.click();
    await el.updateComplete;
    await settledList(el);
    expect($$(el, 'article.story')).to.have.length(0);
    expect(text($(el, '.count'))).to.equal('Aucune expérience au ressenti « positive » n’a encore été publiée pour cette démarche.');
    await waitUntil(() => said.heard.some((h) => h.includes('Aucune expérience au ressenti « positive »')), 'empty said');
    await expect(el).to.be.accessible();
    said.stop();
  });

  it('no story yet: said in plain French, with the figures', async () => {
    const el = await shown();
    expect(text($(el, '.count'))).to.equal('Aucune expérience n’a encore été publiée pour cette démarche.');
    expect($$(el, '.figures li').map(text)).to.deep.equal(['0 expérience publiée', 'Délai médian de réponse : pas encore de réponse']);
    expect($(el, '.more')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('busy at once; no answer in time: the reason in French and « Réessayer », which loads and moves focus to the count', async () => {
    seedStories(3);
    setRequestTimeout(0.5);
    contract.failNext('experiences', 'hang');
    const el = await fixture<AideExperiences>(html`<aide-experiences procedure=${PROCEDURE} endpoint="/api/v1/experiences" lang="fr"></aide-experiences>`);
    await el.updateComplete;
    expect(text($(el, '.loading'))).to.equal('Chargement des expériences…');
    expect($(el, '.results')!.getAttribute('aria-busy')).to.equal('true');
    await waitUntil(() => $(el, '.problem'), 'the failure shown');
    expect(text($(el, '.problem p'))).to.equal('Les expériences n’ont pas pu être affichées. Le service n’a pas répondu en 0,5 secondes : la connexion est peut-être lente. Réessayez.');
    expect($(el, '.results')!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
    const said = await listenToAnnouncements();
    const retry = $(el, '.retry') as HTMLButtonElement;
    expect(text(retry)).to.equal('Réessayer');
    retry.focus();
    retry.click();
    retry.click();
    await el.updateComplete;
    await settledList(el);
    expect($$(el, 'article.story')).to.have.length(3);
    await waitUntil(() => focused(el) === $(el, '.count'), 'focus on the count');
    await waitUntil(() => said.heard.includes('polite: 3 expériences, les plus récentes d’abord.'), 'count said');
    // The hang, then one retry (the second press was the same request).
    expect(experiencesAsked()).to.have.length(2);
    said.stop();
  });

  it('« Voir plus » that fails keeps the list, says why, and the same button becomes « Réessayer » (focus stays on it)', async () => {
    seedStories(15);
    const el = await shown();
    contract.failNext('experiences', { status: 503, retryAfter: 5 });
    const said = await listenToAnnouncements();
    const more = $(el, '.more') as HTMLButtonElement;
    more.focus();
    more.click();
    await waitUntil(() => $(el, '.problem'), 'the failure shown');
    expect($$(el, 'article.story')).to.have.length(10);
    expect(text($(el, '.problem'))).to.contain('Les expériences n’ont pas pu être affichées.');
    const retry = $(el, '.retry') as HTMLButtonElement;
    expect(retry).to.equal(more);
    expect(text(retry)).to.equal('Réessayer');
    expect(focused(el)).to.equal(retry);
    await waitUntil(() => said.heard.some((h) => h.startsWith('assertive: Les expériences n’ont pas pu être affichées.')), 'failure said');
    await expect(el).to.be.accessible();
    retry.click();
    await waitUntil(() => $$(el, 'article.story').length === 15, '15 stories');
    expect($(el, '.problem')).to.equal(null);
    await waitUntil(() => focused(el) === $$(el, 'article.story')[10]!.querySelector('h3'), 'focus on the first story added');
    said.stop();
  });

  it('an answer that is not the collector’s (a page of text, not its JSON) is a failure said plainly, never a crash', async () => {
    const el = await fixture<AideExperiences>(html`<aide-experiences procedure=${PROCEDURE} endpoint="/packages/feedback/README.md" lang="fr"></aide-experiences>`);
    await waitUntil(() => $(el, '.problem'), 'the failure shown');
    expect(text($(el, '.problem p'))).to.contain('Les expériences n’ont pas pu être affichées.');
    await expectStays(() => text($(el, '.results')), 'nothing else happens');
  });

  it('heading levels follow heading-level; English and Arabic, where a story told in French still reads left to right', async () => {
    seedStories(2, (i) => (i === 1 ? { maskedText: 'كان الموقع بطيئًا جدًا.' } : {}));
    const el = await shown({ level: 3 });
    expect(text($(el, 'h3'))).to.equal('Expériences des usagers');
    expect($(el, 'article h4')).to.not.equal(null);
    expect(text($(el, 'article h5'))).to.equal('Réponse de CAF de la Gironde');
    const en = await shown({ lang: 'en' });
    expect(text($(en, 'h2'))).to.equal('People’s experiences');
    expect(text($(en, '.count'))).to.equal('2 experiences, newest first.');
    expect(text($(en, 'article h3'))).to.match(/^Positive experience, published on /);
    const ar = await shown({ lang: 'ar' });
    expect(ar.getAttribute('dir')).to.equal('rtl');
    expect(text($(ar, 'h2'))).to.equal('تجارب المستخدمين');
    // The Arabic comma, not a Latin one, in the Arabic heading.
    expect(text($(ar, 'article h3'))).to.match(/^تجربة إيجابية، نُشرت في /);
    // Each paragraph goes the way its own text goes: French left to right (its full stop at its end), Arabic right to
    // left (the second story, answered in French).
    const paragraphDirections = $$(ar, 'article .text').map((p) => getComputedStyle(p).direction);
    expect(paragraphDirections).to.deep.equal(['ltr', 'ltr', 'ltr', 'rtl', 'ltr']);
    await expect(ar).to.be.accessible();
  });
});
