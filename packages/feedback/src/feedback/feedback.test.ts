import { expect, fixture, html } from '@open-wc/testing';
import '../define.ts';
import type { AideFeedback } from './feedback.ts';
import { expectStays, listenToAnnouncements, waitUntil } from '@aide/core/testing';

const $ = (el: AideFeedback, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s)!;
const $$ = (el: AideFeedback, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
/** The busy state's announcement, said when sending lasts more than a moment (a busy machine). */
const BUSY = 'polite: Envoi en cours…';

/** Captures what the form posts; the delivery itself is tested on its own. */
function captureFetch(status = 201) {
  const sent: { headers: Record<string, string>; body: Record<string, unknown> }[] = [];
  const original = window.fetch;
  window.fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ headers: init!.headers as Record<string, string>, body: JSON.parse(init!.body as string) });
    return new Response('{}', { status });
  });
  return { sent, restore: () => (window.fetch = original) };
}



async function panelForm(attrs: { questions?: string; lang?: string } = {}) {
  const el = await fixture<AideFeedback>(html`<aide-feedback in-panel heading-level="3" endpoint="/api/v1/feedback" procedure="demande-logement" step="2" questions=${attrs.questions ?? 'all'} lang=${attrs.lang ?? 'fr'} .persist=${false}></aide-feedback>`);
  await el.updateComplete;
  return el;
}

describe('<aide-feedback>', () => {
  afterEach(() => sessionStorage.clear());

  it('alone: a "Je donne mon avis" button that discloses the form', async () => {
    const el = await fixture<AideFeedback>(html`<aide-feedback endpoint="/api/v1/feedback" procedure="x" .persist=${false}></aide-feedback>`);
    const open = $(el, 'button.open');
    expect(open.textContent.trim()).to.equal('Je donne mon avis');
    expect(open.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '#feedback-body').hidden).to.equal(true);
    await expect(el).to.be.accessible();
    open.click();
    await el.updateComplete;
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '#feedback-body').hidden).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('the Observatoire questions: faces as a named radio group, clarity 1 to 5, difficulties, help, comment', async () => {
    const el = await panelForm();
    const legends = $$(el, 'legend').map((l) => l.textContent.replace(/\s+/g, ' ').trim());
    expect(legends).to.deep.equal([
      'De façon générale, comment ça s’est passé ? (obligatoire)',
      'Qu’avez-vous pensé des informations et des instructions fournies ? (facultatif)',
      'Avez-vous rencontré des difficultés ? (facultatif)',
      'Durant votre parcours, avez-vous tenté d’obtenir de l’aide ? (facultatif)',
    ]);
    expect($$(el, 'input[name=satisfaction] + label').map((l) => l.textContent.trim())).to.deep.equal(['Pas bien', 'Moyen', 'Très bien']);
    expect($$(el, 'input[name=clarity]')).to.have.length(5);
    expect($(el, 'label[for=clarity-1]').textContent).to.equal('1 sur 5 : pas clair du tout');
    expect($$(el, 'input[type=checkbox][id^=difficulty]')).to.have.length(5);
    expect($$(el, 'input[type=checkbox][id^=help]')).to.have.length(9);
    expect($(el, '#comment-warning').textContent).to.contain('ni numéro de dossier');
    await expect(el).to.be.accessible();
  });

  it('the optional questions can be hidden by configuration', async () => {
    const el = await panelForm({ questions: 'required' });
    expect($$(el, 'fieldset')).to.have.length(1);
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
  });

  it('without an answer to the required question: a message tied to each face, focus on the first one, said once', async () => {
    const el = await panelForm();
    const live = await listenToAnnouncements();
    const submit = $(el, 'button[type=submit]') as HTMLButtonElement;
    submit.focus();
    submit.click();
    await waitUntil(() => el.shadowRoot!.querySelector('#satisfaction-error'));
    expect($(el, '#satisfaction-error').textContent).to.contain('Choisissez une réponse');
    // The focused answer carries the error in its description; the group does not repeat it.
    for (const id of ['bad', 'medium', 'good']) expect($(el, `#satisfaction-${id}`).getAttribute('aria-describedby')).to.equal('satisfaction-error');
    expect($(el, 'fieldset.faces').hasAttribute('aria-describedby')).to.equal(false);
    expect($(el, '#satisfaction-bad').getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#satisfaction-bad'), 'focus on the first face');
    // Said by the focus move: no live message on top.
    await expectStays(() => live.heard.length, 'nothing more is said');
    expect(live.heard).to.deep.equal([]);
    // Already on an answer (Enter there): focus does not move, the live region says it.
    submit.click();
    await waitUntil(() => live.heard.length > 0, 'announced');
    live.stop();
    expect(live.heard).to.deep.equal(['assertive: Erreur : Choisissez une réponse : « Pas bien », « Moyen » ou « Très bien ».']);
    await expect(el).to.be.accessible();
  });

  it('"Je n’ai pas eu besoin d’aide" excludes the other answers, and the other way round', async () => {
    const el = await panelForm();
    const box = (id: string) => $(el, `#help-${id}`) as HTMLInputElement;
    box('phone').click();
    box('relative').click();
    box('none').click();
    await el.updateComplete;
    expect([box('phone').checked, box('relative').checked, box('none').checked]).to.deep.equal([false, false, true]);
    box('chat').click();
    await el.updateComplete;
    expect([box('chat').checked, box('none').checked]).to.deep.equal([true, false]);
  });

  it('counts the characters left, and caps the comment at 1,000', async () => {
    const el = await panelForm();
    const area = $(el, 'textarea') as HTMLTextAreaElement;
    expect(area.maxLength).to.equal(1000);
    area.value = 'Bonjour';
    area.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect($(el, '#comment-count').textContent).to.equal('Il vous reste 993 caractères.');
    area.value = 'x'.repeat(999);
    area.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect($(el, '#comment-count').textContent).to.equal('Il vous reste 1 caractère.');
  });

  it('announces the characters left only near the limit, once typing pauses, and not twice the same', async () => {
    const el = await panelForm();
    const area = $(el, 'textarea') as HTMLTextAreaElement;
    const live = await listenToAnnouncements();
    const type = (value: string) => {
      area.value = value;
      area.dispatchEvent(new InputEvent('input'));
    };
    // A short comment: the count is in the field's description, nothing is announced.
    type('Bonjour');
    await expectStays(() => live.heard.length, 'nothing more is said');
    expect(live.heard).to.deep.equal([]);
    // Near the limit, once typing pauses.
    type('x'.repeat(940));
    type('x'.repeat(950));
    await waitUntil(() => live.heard.length > 0, 'announced');
    type('x'.repeat(950));
    await expectStays(() => live.heard.length, 'nothing more is said');
    live.stop();
    expect(live.heard).to.deep.equal(['polite: Il vous reste 50 caractères.']);
  });

  it('sends the answers with the procedure, the page step and the tutorial step; offers help after "Pas bien"', async () => {
    sessionStorage.setItem('aide:context', JSON.stringify({ tutorial: { tutorial: 'declarer-revenus', title: 'Déclarer', step: 3, total: 6, stepTitle: 'Vérifier' } }));
    const capture = captureFetch(201);
    try {
      const el = await panelForm();
      const live = await listenToAnnouncements();
      ($(el, '#satisfaction-bad') as HTMLInputElement).click();
      ($(el, '#clarity-2') as HTMLInputElement).click();
      ($(el, '#difficulty-attachments') as HTMLInputElement).click();
      ($(el, '#help-phone') as HTMLInputElement).click();
      ($(el, 'button[type=submit]') as HTMLButtonElement).click();
      await waitUntil(() => el.shadowRoot!.querySelector('.result'), 'result');
      const { body, headers } = capture.sent[0]!;
      expect(body).to.include({ procedure: 'demande-logement', pageStep: '2', tutorial: 'declarer-revenus', tutorialStep: 3, satisfaction: 'bad', clarity: 2, locale: 'fr' });
      expect(body.difficulties).to.deep.equal(['attachments']);
      expect(body.help).to.deep.equal(['phone']);
      expect(Object.keys(body)).to.not.include('comment');
      expect(headers['Content-Type']).to.equal('application/json');
      expect($(el, '.result-title').textContent).to.equal('Merci, votre avis a été envoyé.');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.result-title'));
      // Focus on the heading says the title: the live region says the sentence under it, not the title again.
      // A send that lasts more than a moment is said first (« Envoi en cours… », the busy state): a busy machine.
      const result = 'polite: Il aidera à améliorer cette démarche.';
      await waitUntil(() => live.heard.includes(result), 'announced');
      expect(live.heard.filter((heard) => heard !== BUSY)).to.deep.equal([result]);
      expect($$(el, '.result button').map((b) => b.textContent.trim())).to.include.members(['Voir les tutoriels pour cette démarche', 'Trouver une aide près de chez moi']);
      live.stop();
      await expect(el).to.be.accessible();
    } finally {
      capture.restore();
    }
  });

  it('online but not taken (503): not told as « connexion »; the status follows the queue once the collector took it', async () => {
    let status = 503;
    const original = window.fetch;
    window.fetch = async () => new Response('{}', { status });
    try {
      const el = await panelForm();
      const live = await listenToAnnouncements();
      ($(el, '#satisfaction-good') as HTMLInputElement).click();
      ($(el, 'button[type=submit]') as HTMLButtonElement).click();
      await waitUntil(() => el.shadowRoot!.querySelector('.result'), 'result');
      expect($(el, '.result').textContent).to.not.contain('connexion');
      expect($(el, '.result').textContent).to.contain('Il n’a pas pu être envoyé pour l’instant');
      // The heading (focused) says "Merci, votre avis est enregistré."; the live region, what happens next.
      const delayed = 'polite: Il n’a pas pu être envoyé pour l’instant : il est gardé sur cet appareil et sera renvoyé automatiquement. Vous n’avez rien à faire.';
      await waitUntil(() => live.heard.includes(delayed), 'announced');
      expect(live.heard.filter((heard) => heard !== BUSY)).to.deep.equal([delayed]);
      // No help offered after « Très bien »: only the offer to tell one's story.
      expect($$(el, '.result button.secondary').map((b) => b.className)).to.deep.equal(['button secondary tell-story']);
      // The collector answers now (the connection came back): the result says so, and it is heard.
      status = 201;
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => $(el, '.result-title').textContent === 'Merci, votre avis a été envoyé.', 'the status follows the queue');
      expect($(el, '.result').textContent).to.not.contain('renvoyé automatiquement');
      await waitUntil(() => live.heard.length > 1, 'the new status is said');
      live.stop();
      expect(live.heard[1]).to.equal('polite: Merci, votre avis a été envoyé. Il aidera à améliorer cette démarche.');
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = original;
    }
  });

  it('offline: says honestly that the opinion waits for the connection', async () => {
    const original = window.fetch;
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    try {
      const el = await panelForm();
      ($(el, '#satisfaction-good') as HTMLInputElement).click();
      ($(el, 'button[type=submit]') as HTMLButtonElement).click();
      await waitUntil(() => el.shadowRoot!.querySelector('.result'), 'result');
      expect($(el, '.result').textContent).to.contain('Votre avis sera envoyé dès que la connexion reviendra');
    } finally {
      Object.defineProperty(Navigator.prototype, 'onLine', onLine);
      window.fetch = original;
    }
  });

  it('a double press on « Envoyer mon avis » sends one opinion', async () => {
    const capture = captureFetch(201);
    try {
      const el = await panelForm();
      ($(el, '#satisfaction-good') as HTMLInputElement).click();
      const form = $(el, 'form') as HTMLFormElement;
      form.requestSubmit();
      form.requestSubmit();
      await waitUntil(() => el.shadowRoot!.querySelector('.result'), 'result');
      expect(capture.sent).to.have.length(1);
    } finally {
      capture.restore();
    }
  });

  it('speaks English and Arabic', async () => {
    const ar = await panelForm({ lang: 'ar' });
    expect(ar.getAttribute('dir')).to.equal('rtl');
    expect($(ar, 'button[type=submit]').textContent.trim()).to.equal('إرسال رأيي');
    await expect(ar).to.be.accessible();
    const en = await panelForm({ lang: 'en' });
    expect($(en, 'label[for=satisfaction-good]').textContent.trim()).to.equal('Very well');
  });
});
