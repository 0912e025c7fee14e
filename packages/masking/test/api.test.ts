import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PERSONAL_DATA_KINDS, PLACEHOLDERS, maskPersonalData, maskRanges } from '../src/index.ts';
import { allCases, stories } from './corpus.ts';
import { hostileInputs } from './hostile.ts';

const story = stories[0]!.text;

describe('README', () => {
  test('the example at the top is what the library gives', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const [input, output] = readme.split('```text\n')[1]!.split('\n```')[0]!.split('\n');
    assert.equal(maskPersonalData(input!).text, output);
  });
});

describe('maskPersonalData', () => {
  test('found gives each placeholder’s kind and place in the masked text, never a value', () => {
    for (const c of allCases) {
      const { text, found } = maskPersonalData(c.text);
      for (const passage of found) {
        assert.equal(text.slice(passage.start, passage.end), PLACEHOLDERS.fr[passage.kind]);
        assert.deepEqual(Object.keys(passage).sort(), ['end', 'kind', 'start']);
      }
      const starts = found.map((f) => f.start);
      assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    }
  });

  test('masking twice changes nothing: the collector re-masks what the widget sent', () => {
    for (const c of allCases) {
      const once = maskPersonalData(c.text);
      const twice = maskPersonalData(once.text);
      assert.equal(twice.text, once.text, c.text);
      assert.deepEqual(twice.found, once.found, c.text);
    }
  });

  test('placeholders in English or Arabic', () => {
    const en = maskPersonalData('mail jean.dupont@gmail.com, tel 06 12 34 56 78', { locale: 'en' });
    assert.equal(en.text, 'mail [email address removed], tel [phone number removed]');
    const ar = maskPersonalData('tel 06 12 34 56 78', { locale: 'ar' });
    assert.equal(ar.text, `tel ${PLACEHOLDERS.ar.phone}`);
  });

  test('placeholders of another language are recognised and translated', () => {
    const en = maskPersonalData(story, { locale: 'en' });
    const fr = maskPersonalData(en.text);
    assert.equal(fr.text, maskPersonalData(story).text);
    assert.deepEqual(fr.found.map((f) => f.kind), en.found.map((f) => f.kind));
  });

  test('placeholders can be replaced', () => {
    const { text } = maskPersonalData('écrire à jean.dupont@gmail.com', { placeholders: { email: '[courriel retiré]' } });
    assert.equal(text, 'écrire à [courriel retiré]');
    assert.equal(maskPersonalData(text, { placeholders: { email: '[courriel retiré]' } }).found[0]?.kind, 'email');
  });

  test('a service’s own published contacts can be kept, written any way', () => {
    const keep = ['01 23 45 67 89', 'Contact@Ma-Ville.fr'];
    const { text } = maskPersonalData('la mairie au +33 (0)1.23.45.67.89 ou contact@ma-ville.fr, moi au 06 12 34 56 78', { keep });
    assert.equal(text, 'la mairie au +33 (0)1.23.45.67.89 ou contact@ma-ville.fr, moi au [numéro de téléphone masqué]');
    // Written without spaces it is also a run of digits: kept all the same.
    assert.equal(maskPersonalData('la mairie au 0123456789', { keep }).text, 'la mairie au 0123456789');
    assert.equal(maskPersonalData('tél mairie : 0123456789', { keep }).text, 'tél mairie : 0123456789');
  });

  test('every kind has a placeholder in every language, all different', () => {
    for (const locale of ['fr', 'en', 'ar'] as const) {
      const values = PERSONAL_DATA_KINDS.map((kind) => PLACEHOLDERS[locale][kind]);
      assert.ok(values.every((v) => v.startsWith('[') && v.endsWith(']')), locale);
      assert.equal(new Set(values).size, values.length, locale);
    }
  });

  test('Unicode: decomposed accents and invisible characters do not hide anything', () => {
    assert.equal(maskPersonalData('06\u200B12\u200B34\u200B56\u200B78').text, '[numéro de téléphone masqué]');
    assert.equal(maskPersonalData('jean\u00AD.dupont@gmail.com').text, '[adresse e-mail masquée]');
    assert.equal(maskPersonalData('je m\u2019appelle Ame\u0301lie Dupont'.normalize('NFD')).text, 'je m\u2019appelle [nom masqué]');
    // An emoji made of joined emoji keeps its joiners.
    assert.equal(maskPersonalData('👨\u200D👩\u200D👧 06 12 34 56 78').text, '👨\u200D👩\u200D👧 [numéro de téléphone masqué]');
  });

  test('empty text, text without personal data', () => {
    assert.deepEqual(maskPersonalData(''), { text: '', found: [] });
    assert.deepEqual(maskPersonalData('Le site ne marche pas.'), { text: 'Le site ne marche pas.', found: [] });
  });

  test('not a string: a clear TypeError', () => {
    for (const bad of [undefined, null, 42, {}, ['06 12 34 56 78']]) {
      assert.throws(() => maskPersonalData(bad as string), TypeError);
    }
  });
});

describe('maskRanges', () => {
  test('masks what a moderator selected, as « other » unless told', () => {
    const text = 'Le guichetier au chapeau rouge était désagréable.';
    const start = text.indexOf('au chapeau rouge');
    const result = maskRanges(text, [{ start, end: start + 'au chapeau rouge'.length }]);
    assert.equal(result.text, 'Le guichetier [information personnelle masquée] était désagréable.');
    assert.deepEqual(result.found, [{ kind: 'other', start: 14, end: 14 + PLACEHOLDERS.fr.other.length }]);
  });

  test('overlapping ranges become one; placeholders already there are listed', () => {
    const masked = maskPersonalData('mail jean.dupont@gmail.com et le voisin Paul').text;
    const start = masked.indexOf('Paul');
    assert.ok(start > 0, masked);
    const result = maskRanges(masked, [
      { start, end: start + 2, kind: 'name' },
      { start: start + 1, end: start + 4, kind: 'other' },
    ]);
    assert.equal(result.text, 'mail [adresse e-mail masquée] et le voisin [nom masqué]');
    assert.deepEqual(result.found.map((f) => f.kind), ['email', 'name']);
  });

  test('ranges outside the text or of unknown kinds are refused', () => {
    assert.throws(() => maskRanges('abc', [{ start: 2, end: 9 }]), RangeError);
    assert.throws(() => maskRanges('abc', [{ start: -1, end: 1 }]), RangeError);
    assert.throws(() => maskRanges('abc', [{ start: 2, end: 2 }]), RangeError);
    assert.throws(() => maskRanges('abc', [{ start: 0.5, end: 2 }]), RangeError);
    assert.throws(() => maskRanges('abc', [{ start: 0, end: 2, kind: 'password' as never }]), RangeError);
  });
});

describe('hostile input', () => {
  for (const [about, input] of Object.entries(hostileInputs())) {
    test(`${about} (${input.length} characters): masked without error, placeholders where they say`, () => {
      const { text, found } = maskPersonalData(input);
      assert.equal(typeof text, 'string');
      for (const passage of found) assert.equal(text.slice(passage.start, passage.end), PLACEHOLDERS.fr[passage.kind]);
      assert.equal(maskPersonalData(text).text, text);
    });
  }

  test('a 2,000-character story: three stories masked together as each alone, nothing lost or merged', () => {
    const pieces: string[] = [];
    for (const piece of [...stories, ...stories, ...stories].map((s) => s.text)) {
      if ([...pieces, piece].join('\n\n').length <= 2000) pieces.push(piece);
    }
    const long = pieces.join('\n\n');
    assert.ok(long.length > 1600, String(long.length));
    const alone = pieces.map((piece) => maskPersonalData(piece));
    const together = maskPersonalData(long);
    assert.equal(together.text, alone.map((a) => a.text).join('\n\n'));
    assert.equal(together.found.length, alone.reduce((sum, a) => sum + a.found.length, 0));
  });
});
