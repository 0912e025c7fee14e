/**
 * « Vous êtes ici » (issue 10): a tutorial knows where the page is in its procedure. Tutorials built by
 * `pnpm run build`: demande-aide-logement (11 steps) explains the demo procedure demande-logement, whose step "2"
 * (« Votre logement ») is explained by tutorial steps 4 to 9 and step "3" (« Vos ressources ») by step 10.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../define.ts';
import type { AideWalkthrough } from './walkthrough.ts';
import { AideProcedureStepEvent } from '@aide/core';
import { expectStays, listenToAnnouncements, waitUntil } from '@aide/core/testing';


const SRC = '/dist/aide/tutorials/index.json';
const TUTORIAL = 'demande-aide-logement';

/** The tutorials at an address of their own (see web-test-runner.config.mjs): no image left in the cache by another test. */
const freshSrc = () => `/dist/aide/tutorials~${Math.random().toString(36).slice(2)}/index.json`;

async function render(step: string, options: { lang?: string; tutorial?: string; src?: string } = {}) {
  const el = await fixture<AideWalkthrough>(html`<aide-walkthrough
    src=${options.src ?? SRC}
    tutorial=${options.tutorial ?? TUTORIAL}
    procedure="demande-logement"
    procedure-step=${step}
    lang=${options.lang ?? 'fr'}
    .persist=${false}
  ></aide-walkthrough>`);
  await waitUntil(() => el.shadowRoot!.querySelector('.overview, .step, .status.error'), 'tutorial open');
  await el.updateComplete;
  return el;
}
const $ = (el: AideWalkthrough, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (el: AideWalkthrough, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label);

describe('<aide-walkthrough> and the page’s step in its procedure', () => {
  it('opens at the first tutorial step for the page’s step, says so, and offers « Voir depuis le début »', async () => {
    const el = await render('2');
    expect(text($(el, '.step-heading'))).to.equal('Choisir le type de logement');
    expect(text($(el, '#progress'))).to.equal('Tutoriel : étape 4 sur 11');
    const here = $(el, '.you-are-here')!;
    expect(text(here.querySelector('p'))).to.equal('Vous êtes à l’étape « Votre logement » de votre démarche : le tutoriel commence ici.');
    await expect(el).to.be.accessible();
    button(el, 'Voir depuis le début')!.click();
    await waitUntil(() => text($(el, '#progress')) === 'Tutoriel : étape 1 sur 11', 'back to the first step');
    expect(text($(el, '.step-heading'))).to.equal('Ouvrir le site de la CAF');
    expect($(el, '.you-are-here')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.step-heading'));
  });

  it('without a page step, or for a step the tutorial does not explain, opens as before (overview)', async () => {
    expect($(await render(''), '.overview')).to.not.equal(null);
    expect($(await render('inconnue'), '.overview')).to.not.equal(null);
  });

  it('with the list of tutorials shown, fetches ahead the tutorial that explains the page (a tap then waits only for pictures)', async () => {
    performance.clearResourceTimings();
    const el = await fixture<AideWalkthrough>(html`<aide-walkthrough src=${freshSrc()} procedure="demande-logement" procedure-step="2" lang="fr" .persist=${false}></aide-walkthrough>`);
    await waitUntil(() => $(el, '#suggested'), 'catalogue shown');
    await waitUntil(
      () => performance.getEntriesByType('resource').some((e) => /\/dist\/aide\/tutorials~[\w-]+\/demande-aide-logement\.[0-9a-f]+\.json$/.test(e.name)),
      'the tutorial fetched before any tap',
    );
    expect($(el, '.step, .overview')).to.equal(null);
    // With the first image of the step it will open at (« Choisir le type de logement »): a tap then waits for nothing.
    await waitUntil(
      () => performance.getEntriesByType('resource').some((e) => /\/tutorials~[\w-]+\/images\/demande-aide-logement-1-\d+\.[0-9a-f]+\.avif$/.test(e.name)),
      'the step image fetched before any tap',
    );
  });

  it('opened at the page’s step, fetches that step’s image with the tutorial’s file, not after it, and only once', async () => {
    performance.clearResourceTimings();
    const el = await render('2', { src: freshSrc() });
    const img = $(el, '.step-content img') as HTMLImageElement;
    await waitUntil(() => img.complete && img.currentSrc, 'image shown');
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const chunk = entries.find((e) => /\/tutorials~[\w-]+\/demande-aide-logement\.[0-9a-f]+\.json$/.test(e.name))!;
    const image = entries.filter((e) => e.name === img.currentSrc);
    expect(image.length, `${img.currentSrc} requested once`).to.equal(1);
    // Without the image known from the index, its request could only start once the tutorial's file had arrived.
    expect(image[0]!.startTime).to.be.lessThan(chunk.responseEnd);
    // The next step's image is fetched while the person reads this one: « Étape suivante » then waits for nothing.
    const nextImage = /\/tutorials~[\w-]+\/images\/demande-aide-logement-2-\d+\.[0-9a-f]+\.avif$/;
    await waitUntil(() => performance.getEntriesByType('resource').some((e) => nextImage.test(e.name)), 'the next step image fetched before the tap');
    button(el, 'Étape suivante')!.click();
    await waitUntil(() => text($(el, '#progress')) === 'Tutoriel : étape 5 sur 11', 'next step');
    const next = $(el, '.step-content img') as HTMLImageElement;
    await waitUntil(() => next.complete && next.currentSrc, 'next image shown');
    expect(performance.getEntriesByType('resource').filter((e) => e.name === next.currentSrc).length, 'fetched once').to.equal(1);
  });

  it('marks « Vous êtes ici » in the list of steps, on the first step that explains the page', async () => {
    const el = await render('2');
    button(el, 'Voir toutes les étapes')!.click();
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll('#step-list li')];
    expect(items.map((li) => li.classList.contains('here'))).to.deep.equal([false, false, false, true, true, true, true, true, true, false, false]);
    const markers = el.shadowRoot!.querySelectorAll('#step-list .here-marker');
    expect(markers.length).to.equal(1);
    expect(text(items[3]!.querySelector('button'))).to.equal(
      'Choisir le type de logement (étape en cours), Vous êtes ici : étape « Votre logement » de votre démarche',
    );
    await expect(el).to.be.accessible();
  });

  it('follows the page to its next step: moves, announces politely, leaves focus where it is', async () => {
    const outside = await fixture<HTMLButtonElement>(html`<button type="button">Continuer vers l’étape 3</button>`);
    const el = await render('2');
    outside.focus();
    const live = await listenToAnnouncements();
    el.procedureStep = '3';
    await waitUntil(() => text($(el, '.step-heading')) === 'Indiquer vos salaires', 'followed');
    await waitUntil(() => live.heard.length > 0, 'announced');
    await expectStays(() => live.heard.length, 'nothing more is said');
    live.stop();
    expect(text($(el, '#progress'))).to.equal('Tutoriel : étape 10 sur 11');
    expect(document.activeElement).to.equal(outside);
    expect(live.heard).to.deep.equal([
      'polite: Votre démarche est passée à l’étape « Vos ressources » : le tutoriel vous suit. Tutoriel : étape 10 sur 11. Indiquer vos salaires',
    ]);
    expect(text($(el, '.you-are-here p'))).to.equal('Vous êtes à l’étape « Vos ressources » de votre démarche : le tutoriel commence ici.');
  });

  it('does not pull back a person who went ahead of the page within the tutorial', async () => {
    const el = await render('1');
    expect(text($(el, '#progress'))).to.equal('Tutoriel : étape 3 sur 11');
    button(el, 'Étape suivante')!.click();
    button(el, 'Étape suivante')!.click();
    await waitUntil(() => text($(el, '#progress')) === 'Tutoriel : étape 5 sur 11', 'went ahead');
    // The page catches up with the person: step 5 already explains « Votre logement », the tutorial stays.
    el.procedureStep = '2';
    await el.updateComplete;
    await expectStays(() => text($(el, '#progress')), 'the tutorial stays where the person is');
    expect(text($(el, '#progress'))).to.equal('Tutoriel : étape 5 sur 11');
  });

  it('alone on a page, follows the page’s documented aide-procedure-step event', async () => {
    const el = await render('2');
    document.dispatchEvent(new AideProcedureStepEvent({ step: '4' }));
    await waitUntil(() => text($(el, '.step-heading')) === 'Envoyer la demande', 'followed the event');
    expect(el.procedureStep).to.equal('4');
    // Also from a page without modules, as the README says.
    document.dispatchEvent(new CustomEvent('aide-procedure-step', { detail: { step: '3' } }));
    await waitUntil(() => text($(el, '.step-heading')) === 'Indiquer vos salaires', 'followed the plain event');
  });

  it('in English, counts say what they count and the French page step is marked as French', async () => {
    const el = await render('2', { lang: 'en' });
    expect(text($(el, '#progress'))).to.equal('Tutorial: step 4 of 11');
    const page = $(el, '.you-are-here p span[lang="fr"]')!;
    expect(text(page)).to.equal('Votre logement');
    expect(text($(el, '.you-are-here p'))).to.equal('You are at the step “Votre logement” of your procedure: the tutorial starts here.');
    await expect(el).to.be.accessible();
  });

  it('shows the step’s image responsive (formats, sizes, width/height, lazy) in a button that names it', async () => {
    const el = await render('2');
    const enlarge = $(el, '.step-content button.enlarge') as HTMLButtonElement;
    const img = enlarge.querySelector('img')!;
    expect(enlarge.getAttribute('aria-label')).to.equal('Agrandir l’image : La liste « Type de logement » du formulaire, avec la réponse « Location vide » choisie');
    expect([...enlarge.querySelectorAll('picture > source')].map((s) => s.getAttribute('type'))).to.deep.equal(['image/avif', 'image/webp']);
    for (const source of enlarge.querySelectorAll('source')) expect(source.getAttribute('srcset')).to.match(/^http:\/\/[^ ]+\/dist\/aide\/tutorials\/images\/\S+ 480w, /);
    expect(img.getAttribute('width')).to.match(/^\d+$/);
    expect(img.getAttribute('height')).to.match(/^\d+$/);
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.srcset).to.contain(' 480w');
    await waitUntil(() => img.complete && img.naturalWidth > 0, 'image loaded');
    // It fits the panel's width (here the element is as wide as the test page) and keeps its ratio.
    const box = img.getBoundingClientRect();
    expect(box.width).to.be.at.most(el.getBoundingClientRect().width + 0.5);
    expect(box.height / box.width).to.be.closeTo(Number(img.getAttribute('height')) / Number(img.getAttribute('width')), 0.02);
  });

  it('opens the image enlarged in a zoomable dialog: keyboard zoom, Escape closes, focus returns', async () => {
    const el = await render('2');
    const enlarge = $(el, '.step-content button.enlarge') as HTMLButtonElement;
    enlarge.focus();
    enlarge.click();
    await waitUntil(() => $(el, 'aide-image-zoom')?.shadowRoot?.querySelector('dialog[open]'), 'zoom view open');
    const zoom = $(el, 'aide-image-zoom')!;
    const dialog = zoom.shadowRoot!.querySelector('dialog')!;
    expect(text(zoom.shadowRoot!.querySelector('.caption'))).to.equal('La liste « Type de logement » du formulaire, avec la réponse « Location vide » choisie');
    expect(dialog.querySelector('img')!.getAttribute('loading')).to.equal(null);
    await expect(zoom).to.be.accessible();
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true, composed: true }));
    await waitUntil(() => text(zoom.shadowRoot!.querySelector('output')) !== 'Zoom : 100 %', 'zoomed in');
    expect(text(zoom.shadowRoot!.querySelector('output'))).to.match(/^Zoom : (1[5-9]\d|[2-9]\d\d) %$/);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: '0', bubbles: true, composed: true }));
    await waitUntil(() => text(zoom.shadowRoot!.querySelector('output')) === 'Zoom : 100 %', 'back to the screen size');
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitUntil(() => !$(el, 'aide-image-zoom'), 'zoom view closed');
    expect(el.shadowRoot!.activeElement).to.equal(enlarge);
  });
});
