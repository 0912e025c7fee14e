import { expect } from '@open-wc/testing';
import { waitUntil } from './testing.ts';
import { announce, prepareAnnouncer } from './announce.ts';

const region = (politeness: string) =>
  document.querySelector('aide-live-region')!.shadowRoot!.querySelector<HTMLElement>(`[aria-live=${politeness}]`)!;

describe('announcer', () => {
  it('has polite (status) and assertive (alert) regions before any message', () => {
    prepareAnnouncer();
    expect(region('polite').getAttribute('role')).to.equal('status');
    expect(region('assertive').getAttribute('role')).to.equal('alert');
    expect(document.querySelectorAll('aide-live-region')).to.have.length(1);
  });

  it('a new message is set at once (a busy state is heard within 100 ms); the same message again after emptying the region, so that it is read again', async () => {
    prepareAnnouncer();
    announce('Recherche en cours…');
    expect(region('polite').textContent).to.equal('Recherche en cours…');
    announce('12 lieux trouvés');
    expect(region('polite').textContent).to.equal('12 lieux trouvés');
    announce('12 lieux trouvés');
    expect(region('polite').textContent).to.equal('');
    await waitUntil(() => region('polite').textContent === '12 lieux trouvés');
  });

  it('routes errors to the assertive region, with a language when given', async () => {
    announce('Code postal introuvable', 'assertive', 'fr');
    await waitUntil(() => region('assertive').textContent === 'Code postal introuvable');
    expect(region('assertive').getAttribute('lang')).to.equal('fr');
  });

  it('a message without a language does not keep the previous one', async () => {
    announce('Step 2 of 6', 'polite', 'en');
    await waitUntil(() => region('polite').textContent === 'Step 2 of 6');
    expect(region('polite').getAttribute('lang')).to.equal('en');
    announce('Étape 3 sur 6');
    await waitUntil(() => region('polite').textContent === 'Étape 3 sur 6');
    expect(region('polite').hasAttribute('lang')).to.equal(false);
  });

  it('marks a piece in another language: a French title inside an English message', async () => {
    announce(['Tutorial: step 4 of 11. ', { text: 'Choisir le type de logement', lang: 'fr' }], 'polite', 'en');
    await waitUntil(() => region('polite').textContent === 'Tutorial: step 4 of 11. Choisir le type de logement');
    expect(region('polite').getAttribute('lang')).to.equal('en');
    const foreign = region('polite').querySelector('span')!;
    expect(foreign.getAttribute('lang')).to.equal('fr');
    expect(foreign.textContent).to.equal('Choisir le type de logement');
  });
});
