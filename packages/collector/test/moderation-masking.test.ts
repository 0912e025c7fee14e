/** A moderator's edit is accepted only when it masks more of the stored text: never unmasks, never rewrites. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskFurther, maskedKindsText, withModerationKind } from '../src/moderation-masking.ts';

const stored = 'Bonjour, je suis [nom masqué]. Ma conseillère Sylvie, au guichet de Mérignac, m’a dit d’écrire à [adresse e-mail masquée].\n\nMerci.';

test('passages replaced by « [masqué] » (or by a placeholder) are masked with @aide/masking’s placeholders', () => {
  const edited = stored.replace('Sylvie', '[masqué]').replace('Mérignac', '[adresse masquée]').replace(/\n/g, '\r\n');
  const result = maskFurther(stored, edited);
  assert.deepEqual(result, {
    ok: true,
    added: 2,
    text: 'Bonjour, je suis [nom masqué]. Ma conseillère [information personnelle masquée], au guichet de [adresse masquée], m’a dit d’écrire à [adresse e-mail masquée].\n\nMerci.',
  });
  // The whole text, the first or the last characters: masking still.
  assert.equal(maskFurther(stored, '[masqué]').ok, true);
  assert.deepEqual(maskFurther('Jean a écrit.', '[masqué] a écrit.'), { ok: true, added: 1, text: '[information personnelle masquée] a écrit.' });
  assert.deepEqual(maskFurther('Écrit par Jean', 'Écrit par [masqué]'), { ok: true, added: 1, text: 'Écrit par [information personnelle masquée]' });
  // A piece that appears several times: any placement gives the text the moderator wrote.
  assert.deepEqual(maskFurther('A x A y A', 'A [masqué] A [masqué] A'), { ok: true, added: 2, text: 'A [information personnelle masquée] A [information personnelle masquée] A' });
});

test('unmasking, rewriting or adding text is refused; nothing masked is said so', () => {
  const refused = { ok: false, reason: 'not-only-masking' };
  assert.deepEqual(maskFurther(stored, stored.replace('[nom masqué]', 'Paul Durand')), refused, 'a placeholder turned back into a name');
  assert.deepEqual(maskFurther(stored, stored.replace('[adresse e-mail masquée]', 'paul.durand@exemple.fr').replace('Sylvie', '[masqué]')), refused, 'unmasking hidden behind a masking');
  assert.deepEqual(maskFurther(stored, stored.replace('Sylvie', '[masqué]').replace('Merci', 'Merci beaucoup')), refused, 'a word added');
  assert.deepEqual(maskFurther(stored, stored.replace('Sylvie', '[masqué]').replace('guichet', 'bureau')), refused, 'a word changed');
  assert.deepEqual(maskFurther(stored, `${stored} [masqué]`), refused, 'a marker that hides nothing');
  assert.deepEqual(maskFurther(stored, `[masqué]${stored}`), refused, 'a marker that hides nothing, at the start');
  assert.deepEqual(maskFurther(stored, ''), refused, 'an empty text');
  assert.deepEqual(maskFurther(stored, stored), { ok: false, reason: 'unchanged' });
  assert.deepEqual(maskFurther(stored, stored.replace('[nom masqué]', '[masqué]')), { ok: false, reason: 'unchanged' }, 'a placeholder masked again adds nothing');
});

test('the kinds gain « masqué par la modération », counted, never values', () => {
  const kinds = withModerationKind(JSON.stringify([{ kind: 'email', count: 1 }]), 2);
  assert.deepEqual(JSON.parse(kinds), [{ kind: 'email', count: 1 }, { kind: 'moderation', count: 2 }]);
  assert.deepEqual(JSON.parse(withModerationKind(kinds, 1)), [{ kind: 'email', count: 1 }, { kind: 'moderation', count: 3 }]);
  assert.equal(maskedKindsText(withModerationKind(kinds, 1)), 'adresse e-mail (1), masqué par la modération (3)');
  assert.equal(maskedKindsText(JSON.stringify([{ kind: 'name', count: 1 }, { kind: 'other', count: 1 }])), 'nom (1), information personnelle (1)');
  assert.equal(maskedKindsText('[]'), 'rien');
});
