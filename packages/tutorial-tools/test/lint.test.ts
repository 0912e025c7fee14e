import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { compileTutorial } from '../src/compile.ts';
import { parseTutorial } from '../src/parse.ts';
import { lintTutorial, type Diagnostic } from '../src/lint/lint.ts';
import { kandelMoles, sentences, syllables, findLexicon, findPassives } from '../src/lint/language.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const today = new Date('2026-06-01T12:00:00Z');
const lint = (name: string) => lintTutorial(parseTutorial(fixture(name)), { knownSlugs: new Set(['bon', 'hostile', 'mauvais']), today });
const rules = (diagnostics: Diagnostic[], severity?: string) =>
  diagnostics.filter((d) => !severity || d.severity === severity).map((d) => `${d.line}:${d.column} ${d.rule}`);

describe('parsing', () => {
  test('front matter, introduction, steps and targets', () => {
    const parsed = parseTutorial(fixture('bon.md'));
    assert.equal(parsed.data!.title, 'Envoyer un e-mail');
    assert.equal(parsed.steps.length, 2);
    assert.equal(parsed.steps[0]!.title, 'Ouvrir la messagerie');
    assert.deepEqual(parsed.steps[0]!.target, { kind: 'label', value: 'Adresse e-mail', offset: parsed.steps[0]!.target!.offset });
    assert.deepEqual({ ...parsed.steps[1]!.target, offset: 0 }, { kind: 'selector', value: '#message >>> textarea', offset: 0 });
    assert.equal(parsed.lines.at(parsed.steps[1]!.offset).line, 38);
    assert.match(parsed.introMarkdown, /part en quelques secondes/);
  });

  test('a file without front matter says so at 1:1', () => {
    const parsed = parseTutorial('/tmp/sans-entete.md', '## Étape\n\nTexte.\n');
    assert.equal(parsed.problems[0]!.offset, 0);
    assert.match(parsed.problems[0]!.message, /L’en-tête .* manque/);
  });

  test('broken YAML is reported at its line', () => {
    const result = lintTutorial(parseTutorial('/tmp/yaml.md', '---\ntitle: A\nsummary: [non fermé\n---\n\n## Étape\n\nTexte.\n'));
    const d = result.diagnostics.find((x) => x.rule === 'front-matter')!;
    assert.ok(d.line >= 3, `line ${d.line}`);
    assert.match(d.message, /^En-tête : /);
    assert.match(d.fix, /crochet|deux-points|indentation|guillemets/);
  });
});

describe('lint: a good tutorial', () => {
  test('no error, no warning', () => {
    const result = lint('bon.md');
    assert.deepEqual(rules(result.diagnostics, 'error'), []);
    assert.deepEqual(rules(result.diagnostics, 'warning'), []);
    assert.equal(result.readability.length, 2);
  });
});

describe('lint: every rule on a bad tutorial, at file:line:column', () => {
  const result = lint('mauvais.md');
  const all = rules(result.diagnostics);
  const has = (rule: string, line?: number) => assert.ok(all.some((r) => r.endsWith(` ${rule}`) && (line === undefined || r.startsWith(`${line}:`))), `${rule}${line ? ` at line ${line}` : ''} in ${all.join(' | ')}`);

  test('schema: empty, unknown values, wrong types and unknown fields, each at its value', () => {
    const schema = result.diagnostics.filter((d) => d.rule === 'schema');
    assert.ok(schema.some((d) => d.line === 3 && /« summary » est vide/.test(d.message)));
    assert.ok(schema.some((d) => d.line === 4 && /theme/.test(d.message) && /premiers pas/.test(d.fix)));
    assert.ok(schema.some((d) => d.line === 5 && /level/.test(d.message)));
    assert.ok(schema.some((d) => d.line === 6 && /duration/.test(d.message)));
    assert.ok(schema.some((d) => d.line === 7 && /updated/.test(d.message) && /AAAA-MM-JJ/.test(d.fix)));
    assert.ok(schema.some((d) => d.line === 8 && /« inconnu » n’est pas connu/.test(d.message)));
    assert.ok(schema.some((d) => d.line === 11 && /https/.test(d.message)));
    assert.ok(schema.every((d) => d.severity === 'error' && d.column >= 1 && d.fix.length > 0));
  });

  test('structure: level-1 heading, numbered and duplicate step titles, empty step', () => {
    has('heading-level', 14);
    has('step-numbered', 24);
    has('empty-step', 32);
    has('step-title', 34);
  });

  test('targets, images, links', () => {
    has('target', 26);
    has('target', 36);
    has('image-alt', 28);
    has('image-missing', 28);
    has('broken-link', 30);
  });

  test('plain French: jargon, nominalisation, passive, sentence length, acronym, readability, plain quotes, emoji', () => {
    for (const word of ['Afin de', 'procéder à', 'dématérialisé', 'via', 'téléservice', 'saisir', 'préalablement']) {
      assert.ok(result.diagnostics.some((d) => d.rule === 'jargon' && d.message.includes(`« ${word}`)), word);
    }
    has('nominalisation', 16);
    has('sentence-length', 16);
    has('acronym', 18);
    has('passive', 20);
    has('callout', 22);
    has('emoji', 38);
    assert.ok(result.diagnostics.find((d) => d.rule === 'jargon')!.fix.startsWith('Préférez : pour'));
  });

  test('errors fail, warnings and hints do not', () => {
    assert.ok(result.diagnostics.some((d) => d.severity === 'error'));
    assert.equal(compileTutorial(fixture('mauvais.md')).tutorial, null);
    assert.notEqual(compileTutorial(fixture('bon.md'), { knownSlugs: new Set(['bon']) }).tutorial, null);
  });
});

describe('hostile content', () => {
  test('lint reports script, javascript: and data: links, onerror, SVG and iframe', () => {
    const result = lint('hostile.md');
    const messages = result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).join('\n');
    assert.match(messages, /<script>/);
    assert.match(messages, /javascript:/);
    assert.match(messages, /data:/);
    assert.match(messages, /onerror/);
    assert.match(messages, /<svg>/);
    assert.match(messages, /<iframe>/);
  });

  test('even forced through, the output is inert', () => {
    const { tutorial } = compileTutorial(fixture('hostile.md'), { force: true });
    const html = tutorial!.steps[0]!.html;
    assert.doesNotMatch(html, /<script|javascript:|data:|onerror|onload|<svg|<iframe|alert\(/i);
    assert.match(html, /Texte normal qui doit rester/);
  });
});

describe('French readability helpers', () => {
  test('syllables and sentences', () => {
    assert.equal(syllables('maison'), 2);
    assert.equal(syllables('téléphone'), 3);
    assert.equal(syllables('ils mangent'.split(' ')[1]!), 1);
    assert.deepEqual(sentences('Bonjour. Cliquez ici ! Puis, p. ex. ici.').map((s) => s.text), ['Bonjour.', 'Cliquez ici !', 'Puis, p. ex. ici.']);
  });

  test('Kandel & Moles: short plain sentences score high, long administrative ones low', () => {
    assert.ok(kandelMoles('Ouvrez le site. Cliquez sur le bouton. Écrivez votre nom.').score > 80);
    assert.ok(kandelMoles("L'administration procède à l'instruction réglementaire des demandes dématérialisées conformément aux dispositions législatives applicables.").score < 20);
  });

  test('lexicon and passive detection', () => {
    assert.deepEqual(findLexicon('Saisissez votre numéro via le formulaire.').map((f) => f.match), ['Saisissez', 'via']);
    assert.equal(findPassives('Le code est envoyé par SMS.').length, 1);
    assert.equal(findPassives('Il est arrivé hier.').length, 0);
  });
});
