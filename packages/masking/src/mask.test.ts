/**
 * In real browsers (web-test-runner: chromium and firefox-esr): the widget masks the story before the person
 * confirms, even offline, so the browser must give exactly what the collector gives. Same corpus as the Node tests.
 */
import { expect } from '@open-wc/testing';
import { allCases, expectedKinds, expectedText } from '../test/corpus.ts';
import { hostileInputs } from '../test/hostile.ts';
import { PLACEHOLDERS, maskPersonalData, maskRanges } from './index.ts';

describe('maskPersonalData in the browser', () => {
  describe('corpus', () => {
    for (const c of allCases) {
      it(c.about, () => {
        const result = maskPersonalData(c.text);
        expect(result.text).to.equal(expectedText(c.masked));
        expect(result.found.map((f) => f.kind)).to.deep.equal(expectedKinds(c.masked));
      });
    }
  });

  it('Unicode property escapes and accents behave as in Node', () => {
    expect(maskPersonalData('je m’appelle Ame\u0301lie Dupont'.normalize('NFD')).text).to.equal('je m’appelle [nom masqué]');
    expect(maskPersonalData('Mme Éléonore Lefèvre-Würtz').text).to.equal('Mme [nom masqué]');
  });

  it('placeholders in the page’s language, recognised when they come back', () => {
    const en = maskPersonalData('tel 06 12 34 56 78', { locale: 'en' });
    expect(en.text).to.equal(`tel ${PLACEHOLDERS.en.phone}`);
    expect(maskPersonalData(en.text).text).to.equal(`tel ${PLACEHOLDERS.fr.phone}`);
  });

  it('a moderator’s hand masking', () => {
    expect(maskRanges('le grand blond', [{ start: 3, end: 14 }]).text).to.equal(`le ${PLACEHOLDERS.fr.other}`);
  });

  it('hostile 2,000-character inputs come back masked, without error', () => {
    for (const input of Object.values(hostileInputs())) {
      const { text, found } = maskPersonalData(input);
      for (const passage of found) expect(text.slice(passage.start, passage.end)).to.equal(PLACEHOLDERS.fr[passage.kind]);
    }
  });
});
