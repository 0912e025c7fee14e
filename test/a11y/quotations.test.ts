/**
 * RGAA 9.4, citations: a quotation an editor writes in a tutorial (a « > » block) is published as a blockquote,
 * which the sanitiser keeps; the callouts written the same way (« > Astuce : … ») are asides, not quotations.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileTutorial } from '@aide/tutorial-tools';

const fixture = fileURLToPath(new URL('../../packages/tutorial-tools/test/fixtures/bon.md', import.meta.url));

test('a quotation written with « > » is a blockquote; a callout is an aside, not a quotation', () => {
  const source = readFileSync(fixture, 'utf8').replace(
    'Écrivez l\'objet, puis le texte.',
    'Écrivez l\'objet, puis le texte. La CAF le rappelle :\n\n> Un message clair est traité plus vite.\n\nPuis envoyez-le.',
  );
  const { tutorial } = compileTutorial(fixture, { force: true }, source);
  assert.ok(tutorial, 'the tutorial compiles');
  const html = tutorial.steps.map((s) => s.html).join('\n');
  assert.match(html, /<blockquote>\s*<p>Un message clair est traité plus vite\.<\/p>\s*<\/blockquote>/);
  // « > Astuce : … » and « > Si ça ne marche pas : … » are callouts.
  assert.match(html, /<aside class="callout" data-kind="astuce">/);
  assert.doesNotMatch(html, /<blockquote>[^]*Gardez vos brouillons/);
  // This html went through the sanitiser's policy at the build, the one the widget applies again when it loads it.
});
