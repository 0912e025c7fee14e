/**
 * « Raconter mon expérience » in real browsers, against a fake collector that plays the stories contract exactly
 * (test/e2e/fixtures/stories-contract.ts: status codes, French per-field errors, replays, masking on the server).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../define.ts';
import type { AideFeedback } from '../feedback/feedback.ts';
import { expectStays, listenToAnnouncements, waitUntil } from '@aide/core/testing';
import { contractFetch, StoriesContract } from '../../../../test/e2e/fixtures/stories-contract.ts';
import { storyMemory } from './memory.ts';

const $ = (el: AideFeedback, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s)!;
const $$ = (el: AideFeedback, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
const focused = (el: AideFeedback) => el.shadowRoot!.activeElement;

const STORY =
  'Je m’appelle Fatima Benali. J’ai envoyé mon bail trois fois, le site refusait le fichier. ' +
  'La conseillère m’a rappelée au 06 12 34 56 78, écrivez-moi à fatima.benali@gmail.com si besoin.';

let contract: StoriesContract;
const original = window.fetch;
beforeEach(() => {
  contract = new StoriesContract({ origin: location.origin });
  window.fetch = contractFetch(contract, original);
});
afterEach(() => {
  window.fetch = original;
});

async function storyForm(attrs: { lang?: string; procedure?: string; alone?: boolean } = {}) {
  const el = attrs.alone
    ? await fixture<AideFeedback>(html`<aide-feedback mode="story" endpoint="/api/v1/feedback" procedure=${attrs.procedure ?? 'demande-logement'} lang=${attrs.lang ?? 'fr'} .persist=${false}></aide-feedback>`)
    : await fixture<AideFeedback>(
        html`<aide-feedback in-panel mode="story" heading-level="3" endpoint="/api/v1/feedback" procedure=${attrs.procedure ?? 'demande-logement'} step="2" lang=${attrs.lang ?? 'fr'} .persist=${false}></aide-feedback>`,
      );
  await el.updateComplete;
  // The story form is its own chunk: it comes after the element.
  if (!attrs.alone) await waitUntil(() => el.shadowRoot!.querySelector('form.story'), 'story form loaded');
  return el;
}

function type(el: AideFeedback, text: string) {
  const area = $(el, '#story-text') as HTMLTextAreaElement;
  area.value = text;
  area.dispatchEvent(new InputEvent('input'));
}

async function fillIn(el: AideFeedback, text = STORY) {
  type(el, text);
  ($(el, '#story-feeling-negative') as HTMLInputElement).click();
  ($(el, '#story-channel-online') as HTMLInputElement).click();
  ($(el, '#story-consent') as HTMLInputElement).click();
  await el.updateComplete;
}

async function toPreview(el: AideFeedback) {
  ($(el, 'form.story button[type=submit]') as HTMLButtonElement).click();
  await waitUntil(() => el.shadowRoot!.querySelector('.story-preview'), 'preview');
}

async function sendFromPreview(el: AideFeedback) {
  ($(el, '.story-preview .button:not(.secondary)') as HTMLButtonElement).click();
  await waitUntil(() => el.shadowRoot!.querySelector('.story-result-title'), 'result');
}

describe('« Raconter mon expérience »', () => {
  it('the form: what happened, how it felt, how it was done, and consent under rules said in plain words', async () => {
    const el = await storyForm();
    expect($(el, 'label[for=story-text]').textContent.replace(/\s+/g, ' ').trim()).to.equal('Que s’est-il passé ? (obligatoire)');
    expect($(el, '#story-text').getAttribute('aria-describedby')).to.equal('story-text-hint story-text-warning story-text-count');
    expect($(el, '#story-text-count').textContent).to.equal('Il vous reste 2\u202f000 caractères.');
    const legends = $$(el, 'legend').map((l) => l.textContent.replace(/\s+/g, ' ').trim());
    expect(legends).to.deep.equal(['Dans l’ensemble, votre expérience a été : (obligatoire)', 'Comment avez-vous fait cette démarche ? (obligatoire)', 'Comment votre récit est publié']);
    expect($$(el, 'input[name=story-feeling] + label').map((l) => l.textContent)).to.deep.equal(['Positive', 'Négative', 'Mitigée : du bon et du moins bon']);
    expect($$(el, 'input[name=story-channel]').map((i) => (i as HTMLInputElement).value)).to.deep.equal(['online', 'phone', 'desk', 'with-help']);
    const rules = $$(el, '.rules li').map((li) => li.textContent);
    expect(rules.join(' ')).to.contain('noms, adresses, e-mails').and.contain('lit chaque récit').and.contain('lu par tout le monde').and.contain('lien privé');
    expect($(el, 'label[for=story-consent]').textContent).to.contain('J’accepte que mon récit soit publié selon ces règles');
    // In the panel, the panel's heading names the view; alone, the form has its own.
    expect(el.shadowRoot!.querySelector('.story-title')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('alone on a page: a « Raconter mon expérience » button discloses the form, which loads the masking code', async () => {
    const el = await storyForm({ alone: true });
    const open = $(el, 'button.open');
    expect(open.textContent.trim()).to.equal('Raconter mon expérience');
    expect($(el, '#feedback-body').hidden).to.equal(true);
    // Nothing of the story form is loaded before it is asked for.
    expect(el.shadowRoot!.querySelector('form.story')).to.equal(null);
    open.click();
    await el.updateComplete;
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => el.shadowRoot!.querySelector('h2.story-title'), 'story form loaded');
    expect($(el, 'h2.story-title').textContent).to.equal('Raconter mon expérience');
    await expect(el).to.be.accessible();
  });

  it('errors tied to their fields: each one under its field, focus on the first, said once by the focus move', async () => {
    const el = await storyForm();
    const live = await listenToAnnouncements();
    const check = $(el, 'form.story button[type=submit]') as HTMLButtonElement;
    check.focus();
    check.click();
    await waitUntil(() => el.shadowRoot!.querySelector('#story-text-error'), 'errors shown');
    expect($(el, '#story-text-error').textContent).to.equal('Erreur : Écrivez votre récit : ce champ est vide.');
    expect($(el, '#story-feeling-error').textContent).to.contain('Choisissez comment s’est passée votre expérience');
    expect($(el, '#story-channel-error').textContent).to.contain('Choisissez comment vous avez fait cette démarche.');
    expect($(el, '#story-consent-error').textContent).to.contain('Cochez la case pour accepter les règles de publication');
    const text = $(el, '#story-text');
    expect(text.getAttribute('aria-invalid')).to.equal('true');
    expect(text.getAttribute('aria-describedby')!.split(' ')[0]).to.equal('story-text-error');
    for (const id of ['positive', 'negative', 'mixed']) expect($(el, `#story-feeling-${id}`).getAttribute('aria-describedby')).to.equal('story-feeling-error');
    expect($(el, '#story-consent').getAttribute('aria-describedby')).to.equal('story-consent-error');
    await waitUntil(() => focused(el) === text, 'focus on the story field');
    await expectStays(() => live.heard.length, 'nothing more is said');
    expect(live.heard, 'said by the focus move, not twice').to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Written, then checked again: the next field in error takes focus; answering a question removes its error.
    type(el, 'Le site refusait mon bail.');
    check.click();
    await waitUntil(() => focused(el) === $(el, '#story-feeling-positive'), 'focus on the feeling');
    expect(el.shadowRoot!.querySelector('#story-text-error')).to.equal(null);
    ($(el, '#story-feeling-mixed') as HTMLInputElement).click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#story-feeling-error')).to.equal(null);
    expect($(el, '#story-feeling-positive').getAttribute('aria-invalid')).to.equal('false');

    // Enter on a field already in error: focus does not move, the live region says it (assertive, once).
    ($(el, '#story-channel-online') as HTMLInputElement).click();
    await el.updateComplete;
    const consent = $(el, '#story-consent');
    consent.focus();
    check.click();
    await waitUntil(() => live.heard.length > 0, 'announced');
    live.stop();
    expect(live.heard).to.deep.equal(['assertive: Erreur : Cochez la case pour accepter les règles de publication : sans votre accord, le récit ne peut pas être envoyé.']);
    expect(contract.log, 'nothing sent').to.deep.equal([]);
  });

  it('counts characters as the collector does, says when there are too many, and refuses more than 2,000', async () => {
    const el = await storyForm();
    type(el, 'é'.repeat(1990) + '😀');
    await el.updateComplete;
    expect($(el, '#story-text-count').textContent).to.equal('Il vous reste 9 caractères.');
    type(el, 'x'.repeat(2003));
    await el.updateComplete;
    expect($(el, '#story-text-count').textContent).to.equal('Vous avez 3 caractères en trop.');
    expect($(el, '#story-text-count').classList.contains('over')).to.equal(true);
    // Nothing is cut: the text stays as typed, for the person to shorten it.
    expect(($(el, '#story-text') as HTMLTextAreaElement).value).to.have.length(2003);
    ($(el, '#story-feeling-positive') as HTMLInputElement).click();
    ($(el, '#story-channel-phone') as HTMLInputElement).click();
    ($(el, '#story-consent') as HTMLInputElement).click();
    ($(el, 'form.story button[type=submit]') as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.querySelector('#story-text-error'), 'error');
    expect($(el, '#story-text-error').textContent).to.equal('Erreur : Votre récit dépasse 2 000 caractères de 3 caractères. Raccourcissez-le.');
    expect(el.shadowRoot!.querySelector('.story-preview')).to.equal(null);
  });

  it('a text the masking makes longer than 2,000 characters is refused before sending, with the reason', async () => {
    const el = await storyForm();
    // 1,995 characters with three phone numbers: their placeholders are longer than the numbers.
    await fillIn(el, `${'a'.repeat(1940)} 06 12 34 56 78, puis 07 98 76 54 32, ou 01 23 45 67 89`);
    ($(el, 'form.story button[type=submit]') as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.querySelector('#story-text-error'), 'error');
    expect($(el, '#story-text-error').textContent).to.match(/Une fois les informations personnelles masquées, votre récit dépasse 2 000 caractères de \d+ caractères/);
    await waitUntil(() => focused(el) === $(el, '#story-text'), 'focus on the story');
  });

  it('says the characters left politely, only near the limit, once typing pauses, and not twice the same', async () => {
    const el = await storyForm();
    const live = await listenToAnnouncements();
    type(el, 'Bonjour');
    await expectStays(() => live.heard.length, 'nothing more is said');
    expect(live.heard).to.deep.equal([]);
    type(el, 'x'.repeat(1890));
    type(el, 'x'.repeat(1900));
    await waitUntil(() => live.heard.length > 0, 'announced');
    type(el, 'x'.repeat(1900));
    await expectStays(() => live.heard.length, 'nothing more is said');
    type(el, 'x'.repeat(2004));
    await waitUntil(() => live.heard.length > 1, 'announced again');
    live.stop();
    expect(live.heard).to.deep.equal(['polite: Il vous reste 100 caractères.', 'polite: Vous avez 4 caractères en trop.']);
  });

  it('shows the masked version to confirm, goes back to edit with everything kept, then sends the masked text once', async () => {
    const el = await storyForm();
    const live = await listenToAnnouncements();
    await fillIn(el);
    await toPreview(el);
    await waitUntil(() => focused(el) === $(el, '.story-preview-title'), 'focus on the preview heading');
    expect($(el, '.story-preview-title').tagName).to.equal('H3');
    const marks = $$(el, '.preview-text mark').map((m) => m.textContent);
    expect(marks).to.deep.equal(['[nom masqué]', '[numéro de téléphone masqué]', '[adresse e-mail masquée]']);
    const shown = $(el, '.preview-text').textContent;
    expect(shown).to.not.contain('06 12').and.not.contain('fatima.benali').and.not.contain('Benali');
    expect($(el, '.story-preview').textContent).to.contain('Nous avons masqué 3 informations personnelles');
    expect($$(el, '.summary dd').map((d) => d.textContent)).to.deep.equal(['Négative', 'En ligne, sur internet']);
    await expect(el).to.be.accessible();

    // Back to edit: the person's own text, as typed, and focus in it.
    ($(el, '.story-preview .button.secondary') as HTMLButtonElement).click();
    await waitUntil(() => focused(el) === $(el, '#story-text'), 'focus back in the text');
    expect(($(el, '#story-text') as HTMLTextAreaElement).value).to.equal(STORY);
    expect(($(el, '#story-consent') as HTMLInputElement).checked).to.equal(true);
    expect(($(el, '#story-feeling-negative') as HTMLInputElement).checked).to.equal(true);
    type(el, `${STORY} Merci.`);
    await toPreview(el);

    // Send, pressed twice in a hurry: one story, one key.
    const send = $(el, '.story-preview .button:not(.secondary)') as HTMLButtonElement;
    send.click();
    send.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.story-result-title'), 'result');
    expect(contract.stories).to.have.length(1);
    expect(contract.submissions()).to.have.length(1);
    expect(contract.submissions()[0]!.key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const stored = contract.stories[0]!;
    expect(stored).to.include({ procedure: 'demande-logement', step: '2', feeling: 'negative', channel: 'online', locale: 'fr' });
    expect(stored.maskedText).to.equal(shown + ' Merci.');
    expect(stored.masked).to.deep.equal([
      { kind: 'name', count: 1 },
      { kind: 'phone', count: 1 },
      { kind: 'email', count: 1 },
    ]);

    // The result: its heading takes focus and says the title; the live region says what follows.
    expect($(el, '.story-result-title').textContent).to.equal('Merci, votre récit a été envoyé.');
    expect(focused(el)).to.equal($(el, '.story-result-title'));
    await waitUntil(() => live.heard.some((h) => h.includes('Une personne de l’administration va le lire')), 'announced');
    live.stop();
    expect(live.heard.filter((h) => h.includes('Merci, votre récit'))).to.deep.equal([]);
    const link = $(el, '#story-follow-url') as HTMLTextAreaElement;
    expect(link.value).to.equal(`${location.origin}/suivi/${stored.followToken}`);
    expect($(el, 'label[for=story-follow-url]').textContent).to.equal('Lien de suivi');
    const open = $(el, '.follow a');
    expect(open.getAttribute('href')).to.equal(link.value);
    expect(open.getAttribute('target')).to.equal('_blank');
    expect(open.textContent).to.equal('Ouvrir ma page de suivi, pour l’imprimer ou la garder (nouvelle fenêtre)');
    await expect(el).to.be.accessible();

    // Remembered (in memory here: the element is no-persist), link shown.
    const remembered = (await storyMemory().list()).find((s) => s.id === stored.id)!;
    expect(remembered).to.include({ followToken: stored.followToken, procedure: 'demande-logement', lastSeenStatus: 'pending', answered: false, linkShown: true });
    expect(remembered.followApi).to.equal(`${location.origin}/api/v1/stories/follow/${stored.followToken}`);
  });

  it('« Copier le lien » copies the follow link and says so; where the clipboard is refused, the link is selected instead', async () => {
    const el = await storyForm();
    await fillIn(el);
    await toPreview(el);
    await sendFromPreview(el);
    const written: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    let refuse = false;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => (refuse ? Promise.reject(new DOMException('denied', 'NotAllowedError')) : void written.push(text)) },
    });
    try {
      const copy = $(el, '.follow button.copy') as HTMLButtonElement;
      copy.click();
      await waitUntil(() => $(el, '.copy-status').textContent === 'Lien copié dans le presse-papiers.', 'status');
      expect(written).to.deep.equal([($(el, '#story-follow-url') as HTMLTextAreaElement).value]);
      expect($(el, '.copy-status').getAttribute('role')).to.equal('status');
      refuse = true;
      copy.click();
      await waitUntil(() => $(el, '.copy-status').textContent.startsWith('La copie automatique n’est pas possible ici'), 'fallback');
      const input = $(el, '#story-follow-url') as HTMLTextAreaElement;
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, input.value.length]);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (clipboard && !('clipboard' in navigator)) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });

  it('offline: the story waits on the device, then the status follows the queue: sent, its link shown, said once', async () => {
    const el = await storyForm();
    await fillIn(el);
    await toPreview(el);
    contract.offline = true;
    const live = await listenToAnnouncements();
    await sendFromPreview(el);
    expect($(el, '.story-result-title').textContent).to.equal('Merci, votre récit est enregistré sur cet appareil.');
    // no-persist: it lives in this page only, and the person is told to keep the page open.
    expect($(el, '.result').textContent).to.contain('gardez cette page ouverte');
    await expect(el).to.be.accessible();
    expect(contract.stories).to.have.length(0);
    // The connection comes back.
    contract.offline = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.shadowRoot!.querySelector('#story-follow-url'), 'the link appears');
    expect($(el, '.story-result-title').textContent).to.equal('Merci, votre récit a été envoyé.');
    await waitUntil(() => live.heard.includes('polite: Votre récit a été envoyé. Votre lien de suivi est affiché.'), 'announced');
    live.stop();
    expect(contract.stories).to.have.length(1);
    const keys = new Set(contract.submissions().map((s) => s.key));
    expect(contract.submissions().length).to.be.at.least(2);
    expect(keys.size, 'the same key at every attempt').to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('a 503 with Retry-After keeps the story for later; a replay after a lost answer stores it once and gives the same link', async () => {
    const el = await storyForm();
    await fillIn(el);
    await toPreview(el);
    contract.failNext('submit', { status: 503, retryAfter: 120 });
    await sendFromPreview(el);
    expect($(el, '.story-result-title').textContent).to.equal('Merci, votre récit est enregistré sur cet appareil.');
    expect(contract.stories).to.have.length(0);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.shadowRoot!.querySelector('#story-follow-url'), 'sent');
    expect(contract.stories).to.have.length(1);
    expect(contract.log.map((l) => l.status)).to.deep.equal([503, 201]);
  });

  it('the collector’s 400 errors are shown under their fields (and what names no field, above the form)', async () => {
    const el = await storyForm();
    await fillIn(el);
    await toPreview(el);
    const strict: typeof fetch = async () =>
      new Response(
        JSON.stringify({
          error: 'invalid_body',
          message: 'La requête ne respecte pas le schéma.',
          fields: [
            { field: '/text', message: 'le récit contient des propos injurieux' },
            { field: '/consent', message: 'l’accord pour la publication est obligatoire' },
            { field: '/clientCreatedAt', message: 'doit être une date ISO 8601' },
          ],
        }),
        { status: 400, headers: { 'content-type': 'application/json' } },
      );
    window.fetch = strict;
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      ($(el, '.story-preview .button:not(.secondary)') as HTMLButtonElement).click();
      await waitUntil(() => el.shadowRoot!.querySelector('#story-text-error'), 'back to the form');
    } finally {
      console.warn = warn;
    }
    expect($(el, '#story-text-error').textContent).to.equal('Erreur : Le service n’a pas accepté cette réponse : le récit contient des propos injurieux');
    expect($(el, '#story-text-error span[lang=fr]').textContent).to.equal('le récit contient des propos injurieux');
    expect($(el, '#story-consent-error').textContent).to.contain('l’accord pour la publication est obligatoire');
    expect($(el, '.story-general').textContent).to.contain('clientCreatedAt : doit être une date ISO 8601');
    expect(($(el, '#story-text') as HTMLTextAreaElement).value, 'the text is kept').to.equal(STORY);
    await waitUntil(() => focused(el) === $(el, '#story-text'), 'focus on the first field in error');
    await expect(el).to.be.accessible();
  });

  it('a procedure the collector refuses is said above the form; a 413 is said under the text', async () => {
    const el = await storyForm({ procedure: 'Démarche Inconnue' });
    await fillIn(el);
    await toPreview(el);
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      ($(el, '.story-preview .button:not(.secondary)') as HTMLButtonElement).click();
      await waitUntil(() => el.shadowRoot!.querySelector('.story-general'), 'general error');
      expect($(el, '.story-general').textContent).to.contain('Le service a refusé votre récit').and.contain('procedure : identifiant de démarche non valide');
      await waitUntil(() => focused(el) === $(el, '.story-general'), 'focus on the message');
      window.fetch = async () => new Response(JSON.stringify({ error: 'payload_too_large', message: 'Le corps dépasse 16384 octets.' }), { status: 413 });
      await toPreview(el);
      ($(el, '.story-preview .button:not(.secondary)') as HTMLButtonElement).click();
      await waitUntil(() => el.shadowRoot!.querySelector('#story-text-error'), 'text error');
      expect($(el, '#story-text-error').textContent).to.equal('Erreur : Votre récit est trop long pour être envoyé. Raccourcissez-le.');
    } finally {
      console.warn = warn;
    }
  });

  it('a refusal the person cannot fix by a field says so, and « Modifier mon récit » goes back with the text kept', async () => {
    const el = await storyForm();
    await fillIn(el);
    await toPreview(el);
    window.fetch = async () => new Response(JSON.stringify({ error: 'idempotency_key_reused', message: 'Cette clé a déjà servi pour une autre requête.' }), { status: 409 });
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      await sendFromPreview(el);
    } finally {
      console.warn = warn;
    }
    expect($(el, '.story-result-title').textContent).to.equal('Votre récit n’a pas pu être envoyé.');
    expect($(el, '.result [lang=fr]').textContent).to.equal('Cette clé a déjà servi pour une autre requête.');
    await expect(el).to.be.accessible();
    ($(el, '.result .button.secondary') as HTMLButtonElement).click();
    await waitUntil(() => focused(el) === $(el, '#story-text'), 'back to the text');
    expect(($(el, '#story-text') as HTMLTextAreaElement).value).to.equal(STORY);
  });

  it('when the masking code cannot be loaded (offline before the form opened), says so and lets the person try again', async () => {
    const el = await storyForm();
    await fillIn(el);
    // The module is cached once loaded: the failure is simulated where the controller imports it.
    const controller = (el as unknown as { story: { masking: Promise<unknown> | undefined } }).story;
    controller.masking = Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    controller.masking.catch(() => undefined);
    const live = await listenToAnnouncements();
    ($(el, 'form.story button[type=submit]') as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.querySelector('#story-masking-error'), 'message');
    expect($(el, '#story-masking-error').textContent).to.contain('Vérifiez votre connexion internet, puis réessayez.');
    await waitUntil(() => live.heard.length > 0, 'said');
    live.stop();
    expect(live.heard[0]).to.match(/^assertive: La vérification des informations personnelles n’a pas pu être chargée/);
    controller.masking = undefined;
    await toPreview(el);
  });

  it('after an opinion, « Raconter mon expérience » is offered; alone on a page, the story form opens in place', async () => {
    const el = await fixture<AideFeedback>(html`<aide-feedback endpoint="/api/v1/feedback" procedure="demande-logement" .persist=${false}></aide-feedback>`);
    window.fetch = async () => new Response('{}', { status: 201 });
    ($(el, 'button.open') as HTMLButtonElement).click();
    await el.updateComplete;
    ($(el, '#satisfaction-good') as HTMLInputElement).click();
    ($(el, 'form button[type=submit]') as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.querySelector('.result'), 'opinion sent');
    expect($(el, '.result').textContent).to.contain('votre récit pourra être publié avec la réponse de l’administration');
    ($(el, '.tell-story') as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.querySelector('.story-title'), 'story form');
    expect(el.mode).to.equal('story');
    expect(focused(el)).to.equal($(el, '.story-title'));
    expect($(el, 'button.open').textContent.trim()).to.equal('Raconter mon expérience');
  });

  it('in the panel, the offer asks the panel for its « Raconter mon expérience » view', async () => {
    const el = await fixture<AideFeedback>(html`<aide-feedback in-panel endpoint="/api/v1/feedback" procedure="demande-logement" .persist=${false}></aide-feedback>`);
    window.fetch = async () => new Response('{}', { status: 201 });
    const asked: string[] = [];
    const answer = (event: Event) => {
      asked.push((event as CustomEvent<{ view: string }>).detail.view);
      event.preventDefault();
    };
    document.addEventListener('aide-open-view', answer);
    try {
      ($(el, '#satisfaction-medium') as HTMLInputElement).click();
      ($(el, 'form button[type=submit]') as HTMLButtonElement).click();
      await waitUntil(() => el.shadowRoot!.querySelector('.tell-story'), 'offer');
      ($(el, '.tell-story') as HTMLButtonElement).click();
      await el.updateComplete;
    } finally {
      document.removeEventListener('aide-open-view', answer);
    }
    expect(asked).to.deep.equal(['story']);
    expect(el.mode, 'the panel shows it, not this element').to.equal('opinion');
  });

  it('speaks English and Arabic, and masks with placeholders in the person’s language', async () => {
    const en = await storyForm({ lang: 'en' });
    expect($(en, 'label[for=story-text]').textContent).to.contain('What happened?');
    await fillIn(en);
    await toPreview(en);
    expect($$(en, '.preview-text mark').map((m) => m.textContent)).to.include('[phone number removed]');
    await expect(en).to.be.accessible();
    const ar = await storyForm({ lang: 'ar' });
    expect(ar.getAttribute('dir')).to.equal('rtl');
    expect($(ar, 'form.story button[type=submit]').textContent.trim()).to.equal('التحقق من روايتي قبل الإرسال');
    expect($(ar, '#story-text-count').textContent).to.equal('يتبقى 2,000 حرفًا.');
    await expect(ar).to.be.accessible();
  });
});
