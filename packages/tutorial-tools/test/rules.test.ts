// Every rule of issue 11 and the tool side of issue 10: what was missed is caught, the false alarms are gone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { parseTutorial } from '../src/parse.ts';
import { lintTutorial, type Diagnostic } from '../src/lint/lint.ts';
import { compileTutorial } from '../src/compile.ts';
import { newTutorial } from '../src/new.ts';
import { readRegistry, loadRegistry } from '../src/procedures.ts';
import { buildCorpus } from '../src/build.ts';
import type { TutorialChunk, TutorialIndex } from '@aide/walkthrough/format';

const today = new Date('2026-12-06T10:00:00Z');
const HEAD = `---
title: Faire une démarche
summary: Faire une démarche en ligne, étape par étape.
theme: démarches administratives
level: débutant
duration: 10
updated: 2026-12-01
checked: 2026-12-01
sources:
  - title: Service public
    url: https://www.service-public.fr/
---
`;
const dir = mkdtempSync(join(tmpdir(), 'aide-rules-'));
mkdirSync(join(dir, 'images'));
let n = 0;
function lint(body: string, head = HEAD, options: Parameters<typeof lintTutorial>[1] = {}) {
  const file = join(dir, `essai-${++n}.md`);
  writeFileSync(file, head + body);
  return lintTutorial(parseTutorial(file), { today, ...options }).diagnostics;
}
const rules = (d: Diagnostic[], rule: string) => d.filter((x) => x.rule === rule);
const at = (d: Diagnostic[], rule: string) => rules(d, rule).map((x) => `${x.line}:${x.severity}`);

describe('leftover syntax of other tools: an error with the fix', () => {
  const cases: [string, string, string][] = [
    ['VuePress', '::: tip\nUn conseil.\n:::', 'VuePress'],
    ['Docusaurus', ':::note[Titre]\nUn conseil.\n:::', 'Docusaurus'],
    ['GitBook', '{% hint style="info" %}\nUn conseil.\n{% endhint %}', 'GitBook'],
    ['Hugo', '{{< hint info >}}\nUn conseil.\n{{< /hint >}}', 'Hugo'],
    ['kramdown', '{: .note }\nUn conseil.', 'kramdown'],
    ['GitHub', '> [!NOTE]\n> Un conseil.', 'alerte GitHub'],
    ['Liquid in text', 'Allez sur {{ site.url }}/aide.', 'modèle'],
    ['MDX', "import Tabs from '@theme/Tabs';", 'MDX'],
    ['footnote', 'Un texte[^1].\n\n[^1]: La note.', 'note de bas de page'],
    ['MkDocs', '!!! note "Titre"\n    Un conseil.', 'MkDocs'],
  ];
  for (const [name, markdown, said] of cases) {
    test(name, () => {
      const d = lint(`\n## Ouvrir le site\n\nOuvrez le site.\n\n${markdown}\n`);
      const found = rules(d, 'dialect');
      assert.ok(found.length > 0 && found.every((x) => x.severity === 'error' && x.line >= 16), JSON.stringify(d.map((x) => x.rule)));
      assert.match(found.map((x) => x.message).join(' '), new RegExp(said));
      assert.match(found[0]!.fix, /Astuce|À savoir|import/);
    });
  }
  test('Docusaurus <Tabs> is raw HTML named as an MDX component', () => {
    const d = lint('\n## Ouvrir le site\n\n<Tabs>\n<TabItem value="a">\n\nTexte.\n\n</TabItem>\n</Tabs>\n');
    assert.match(rules(d, 'raw-html')[0]!.message, /<Tabs> \(composant MDX\)/);
  });
});

describe('steps: length, numbers, actions, markup, # sections', () => {
  const words = (count: number) => Array.from({ length: count / 10 }, () => 'Cliquez sur le bouton bleu puis attendez la page suivante.').join(' ');
  test('over 120 words: warning; over 300: error, at the step title', () => {
    assert.deepEqual(at(lint(`\n## Remplir le formulaire\n\n${words(130)}\n`), 'step-length'), ['14:warning']);
    assert.deepEqual(at(lint(`\n## Remplir le formulaire\n\n${words(310)}\n`), 'step-length'), ['14:error']);
    assert.deepEqual(at(lint(`\n## Remplir le formulaire\n\n${words(100)}\n`), 'step-length'), []);
  });
  test('« 1. » to « 9. », « 2) », « Étape 3 : » are numbers', () => {
    const d = lint('\n## 1. Ouvrir le site\n\nTexte.\n\n## 2) Choisir\n\nTexte.\n\n## Étape 3 : Envoyer\n\nTexte.\n\n## 9 Payer\n\nTexte.\n');
    assert.equal(rules(d, 'step-numbered').length, 4);
    assert.deepEqual(rules(d, 'step-action'), [], 'after the number, the titles are actions');
  });
  test('titles that are not actions; infinitives with pronouns and negation are', () => {
    const d = lint('\n## Les documents à préparer\n\nTexte.\n\n## Pendant l\'appel\n\nTexte.\n\n## Vous connecter\n\nTexte.\n\n## Ne pas cliquer sur le lien\n\nTexte.\n\n## La rendre plus solide\n\nTexte.\n\n## Ouvrez le site\n\nTexte.\n');
    assert.deepEqual(rules(d, 'step-action').map((x) => x.message), [
      'Le titre « Les documents à préparer » ne dit pas une action.',
      'Le titre « Pendant l\'appel » ne dit pas une action.',
      'Le titre « Ouvrez le site » ne dit pas une action.',
    ]);
  });
  test('Markdown and character codes in a title: a warning, and the published title is plain', () => {
    const body = '\n## **Ouvrir** le site&#x20;\n\nOuvrez le site.\n';
    const d = lint(body);
    assert.equal(rules(d, 'title-markup').length, 1);
    const file = join(dir, 'titre-gras.md');
    writeFileSync(file, HEAD + body);
    assert.equal(compileTutorial(file, { force: true }).tutorial!.steps[0]!.title, 'Ouvrir le site');
  });
  test('a document cut with « # » headings says so', () => {
    const d = lint('\n# Ouvrir le site\n\nTexte.\n\n# Remplir\n\nTexte.\n');
    assert.match(rules(d, 'no-steps')[0]!.message, /titres « # »/);
    assert.equal(rules(d, 'heading-level').length, 2);
  });
});

describe('images: raw HTML, weight and size of every format, meaningful alternative text', async () => {
  const jpeg = join(dir, 'images/lourde.jpg');
  const w = 1800, h = 1100;
  const px = Buffer.alloc(w * h * 3);
  for (let i = 0; i < px.length; i++) px[i] = (i * 2654435761) >>> 24;
  await sharp(px, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 70 }).toFile(jpeg);
  await sharp({ create: { width: 640, height: 400, channels: 3, background: '#eee' } }).png().toFile(join(dir, 'images/petite.png'));
  await sharp({ create: { width: 300, height: 200, channels: 3, background: '#eee' } }).webp().toFile(join(dir, 'images/carre.webp'));

  test('a missing image in <figure><img> is reported (with the raw HTML)', () => {
    const d = lint('\n## Ouvrir le site\n\n<figure><img src="images/absente.png" alt="Écran d’accueil"><figcaption>Accueil</figcaption></figure>\n');
    assert.equal(rules(d, 'image-missing').length, 1);
    assert.equal(rules(d, 'raw-html').length, 1);
  });
  test('a heavy JPEG: weight over the 150 KB budget; a JPEG and a WebP get their width and height', () => {
    const d = lint('\n## Ouvrir le site\n\n![Écran d’accueil du site des impôts](images/lourde.jpg)\n');
    assert.match(rules(d, 'image-weight')[0]!.message, /pèse \d[\d ]* Ko : le budget est de 150 Ko/);
    const file = join(dir, 'images-sizes.md');
    writeFileSync(file, `${HEAD}\n## Ouvrir le site\n\n![Écran d’accueil du site des impôts](images/lourde.jpg)\n\n![Bouton Envoyer en bas de la page](images/carre.webp)\n`);
    const html = compileTutorial(file, { force: true }).tutorial!.steps[0]!.html;
    assert.match(html, /lourde\.jpg"[^>]*width="1800" height="1100"/);
    assert.match(html, /carre\.webp"[^>]*width="300" height="200"/);
  });
  test('alternative texts that say nothing are errors', () => {
    for (const alt of ['capture d’écran', 'image', 'IMG_1234.png', 'petite', 'Screenshot']) {
      const d = lint(`\n## Ouvrir le site\n\n![${alt}](images/petite.png)\n`);
      assert.equal(rules(d, 'image-alt')[0]?.severity, 'error', alt);
    }
    assert.deepEqual(rules(lint('\n## Ouvrir le site\n\n![Le bouton « Se connecter » en haut à droite](images/petite.png)\n'), 'image-alt'), []);
  });
});

describe('plain French: what was missed', () => {
  test('vague link texts', () => {
    const d = lint('\n## Ouvrir le site\n\nPour commencer, [cliquez ici](https://www.impots.gouv.fr). [Ici](https://www.caf.fr) aussi. Voir la [page](https://www.ameli.fr). Ou [le site des impôts](https://www.impots.gouv.fr).\n');
    assert.deepEqual(rules(d, 'link-text').map((x) => x.message), [
      'Le texte du lien « cliquez ici » ne dit pas où il mène.',
      'Le texte du lien « Ici » ne dit pas où il mène.',
      'Le texte du lien « page » ne dit pas où il mène.',
    ]);
  });
  test('« subséquemment », « afin d’ », « saisies »', () => {
    const d = lint('\n## Ouvrir le site\n\nSubséquemment, ouvrez le site afin d’envoyer vos saisies.\n');
    const words = rules(d, 'jargon').map((x) => x.message);
    for (const word of ['Subséquemment', 'afin d’', 'saisies']) assert.ok(words.some((m) => m.includes(`« ${word}`)), `${word} in ${words.join(' | ')}`);
  });
});

describe('plain French: false alarms removed', () => {
  test('words in capitals are not acronyms: S’ENREGISTRER, ATTENTION, CC BY NC ND, VALIDER; a real one still is', () => {
    const d = lint('\n## Ouvrir le site\n\nCliquez sur S’ENREGISTRER. ATTENTION, lisez bien. Licence CC BY NC ND. Cliquez sur VALIDER. Écrivez à la CNIL.\n');
    assert.deepEqual(rules(d, 'acronym').map((x) => x.message), ['Le sigle « CNIL » n’est pas expliqué à sa première apparition.']);
  });
  test('« URL » is reported once, as a word to replace', () => {
    const d = lint('\n## Ouvrir le site\n\nCopiez l’URL du site.\n');
    assert.equal(d.filter((x) => x.message.includes('URL')).length, 1);
  });
  test('a list of nouns is not prose: no readability warning', () => {
    const d = lint('\n## Préparer les documents\n\nPréparez ces documents :\n\n- Justificatif de domicile\n- Attestation d’hébergement\n- Déclaration de revenus\n- Certificat d’immatriculation\n- Autorisation administrative\n');
    assert.deepEqual(rules(d, 'readability'), []);
  });
  test('« si le wifi est activé » is a state; « le code est envoyé par SMS » is a passive', () => {
    assert.deepEqual(rules(lint('\n## Ouvrir le site\n\nSi le wifi est activé, ouvrez le site.\n'), 'passive'), []);
    assert.equal(rules(lint('\n## Ouvrir le site\n\nLe code est envoyé par le site.\n'), 'passive').length, 1);
  });
  test('« > ⚠️ Attention : » is an Attention box, published without the symbol', () => {
    const body = '\n## Ouvrir le site\n\nOuvrez le site.\n\n> ⚠️ Attention : ne donnez jamais votre mot de passe.\n\n> **Astuce :** gardez vos papiers.\n';
    const d = lint(body);
    assert.deepEqual([...rules(d, 'callout'), ...rules(d, 'emoji')], []);
    const file = join(dir, 'encadre-emoji.md');
    writeFileSync(file, HEAD + body);
    const html = compileTutorial(file, { force: true }).tutorial!.steps[0]!.html;
    assert.match(html, /<aside class="callout" data-kind="attention"><p class="callout-title">Attention<\/p>\s*<p>ne donnez jamais/);
    assert.match(html, /data-kind="astuce"><p class="callout-title">Astuce<\/p>\s*<p>gardez vos papiers/);
    assert.doesNotMatch(html, /⚠|\*\*/);
  });
});

describe('front matter: template, byte-order mark, YAML in French', () => {
  test('the template of `tutorials new` does not pass lint until completed', () => {
    const file = newTutorial(mkdtempSync(join(tmpdir(), 'aide-new-')), 'Payer une amende en ligne', 'démarches administratives', today);
    const d = lintTutorial(parseTutorial(file), { today }).diagnostics;
    assert.ok(rules(d, 'placeholder').length >= 4, JSON.stringify(d.map((x) => x.rule)));
    assert.ok(rules(d, 'placeholder').every((x) => x.severity === 'error'));
  });
  test('a UTF-8 byte-order mark is not a missing front matter', () => {
    assert.deepEqual(rules(lint('\n## Ouvrir le site\n\nOuvrez le site.\n', `\uFEFF${HEAD}`), 'front-matter'), []);
  });
  test('invalid YAML is said in French, at its line', () => {
    const tab = lint('\n## Ouvrir le site\n\nTexte.\n', HEAD.replace('level: débutant', 'level:\tdébutant\ntags:\n\t- un'));
    const d = rules(tab, 'front-matter')[0]!;
    assert.match(d.message, /^En-tête : /);
    assert.doesNotMatch(`${d.message} ${d.fix}`, /\b(the|is|at line|expected|must)\b/i);
    const duplicate = rules(lint('\n## Ouvrir le site\n\nTexte.\n', HEAD.replace('level: débutant', 'level: débutant\nlevel: intermédiaire')), 'front-matter')[0]!;
    assert.equal(duplicate.message, 'En-tête : ce champ est écrit deux fois.');
    assert.ok(duplicate.line === 6 || duplicate.line === 7, String(duplicate.line));
  });
});

describe('sources and check date (issue 10)', () => {
  test('missing sources and check date: warnings', () => {
    const d = lint('\n## Ouvrir le site\n\nTexte.\n', HEAD.replace(/checked:.*\n/, '').replace(/sources:[\s\S]*?(?=---)/, ''));
    assert.deepEqual([...at(d, 'sources'), ...at(d, 'checked')], ['1:warning', '1:warning']);
  });
  test('checked 13 months ago: a warning at the date; 11 months: none', () => {
    assert.match(rules(lint('\nTexte.\n\n## Ouvrir le site\n\nTexte.\n', HEAD.replace('checked: 2026-12-01', 'checked: 2025-11-01')), 'checked')[0]!.message, /depuis 13 mois/);
    assert.deepEqual(rules(lint('\n## Ouvrir le site\n\nTexte.\n', HEAD.replace('checked: 2026-12-01', 'checked: 2026-01-10')), 'checked'), []);
  });
  test('an http:// source is refused', () => {
    const d = lint('\n## Ouvrir le site\n\nTexte.\n', HEAD.replace('https://www.service-public.fr/', 'http://www.caf.fr/'));
    assert.match(rules(d, 'schema')[0]!.message, /sources.*https/);
  });
});

describe('procedure registry and « Étape de la démarche » (issue 10)', () => {
  const source = mkdtempSync(join(tmpdir(), 'aide-procedures-'));
  writeFileSync(
    join(source, 'procedures.yml'),
    `- id: demande-logement
  title: Demande d'aide au logement
  steps:
    - id: "1"
      title: Votre situation
    - id: "2"
      title: Votre logement
    - id: "3"
      title: Vos ressources
- id: carte-grise
  title: Carte grise
  steps:
    - id: vehicule
      title: Le véhicule
`,
  );
  const registry = loadRegistry(source);
  const withProcedures = (list: string) => HEAD.replace('updated:', `procedures:\n${list}updated:`);
  const run = (body: string, list = '  - demande-logement\n') => {
    const file = join(source, `t-${++n}.md`);
    writeFileSync(file, withProcedures(list) + body);
    return lintTutorial(parseTutorial(file), { today, registry }).diagnostics;
  };

  test('by title or id, in order, consecutive steps sharing one procedure step: no error; mapped in the chunk and the index', async () => {
    const body = '\n## Répondre aux questions\n\nÉtape de la démarche : Votre situation\n\nTexte.\n\n## Choisir le logement\n\nMe montrer : le champ « Type »\n\nÉtape de la démarche : 2\n\nTexte.\n\n## Indiquer la date\n\nÉtape de la démarche : « votre logement »\n\nTexte.\n\n## Déclarer les ressources\n\nÉtape de la démarche : demande-logement / Vos ressources\n\nTexte.\n';
    assert.deepEqual(rules(run(body), 'procedure-step'), []);
    writeFileSync(join(source, 'aide-logement.md'), withProcedures('  - demande-logement\n') + body);
    const result = await buildCorpus({ source, out: join(source, 'out'), cache: join(source, 'cache') });
    assert.ok(result.built.includes('aide-logement'));
    const index = JSON.parse(readFileSync(join(source, 'out/index.json'), 'utf8')) as TutorialIndex;
    const summary = index.tutorials.find((t) => t.slug === 'aide-logement')!;
    assert.deepEqual(summary.procedureSteps, { 'demande-logement': { '1': 1, '2': 2, '3': 4 } });
    assert.equal(summary.checked, '2026-12-01');
    assert.equal(index.procedures?.[0]?.steps[1]?.title, 'Votre logement');
    const chunk = JSON.parse(readFileSync(join(source, 'out', summary.file), 'utf8')) as TutorialChunk;
    assert.deepEqual(chunk.steps.map((s) => s.procedureStep?.step), ['1', '2', '2', '3']);
    assert.deepEqual(chunk.steps[1]!.target, { kind: 'label', value: 'Type' });
    assert.deepEqual(chunk.sources, [{ title: 'Service public', url: 'https://www.service-public.fr/' }]);
    assert.doesNotMatch(chunk.steps[1]!.html, /Étape de la démarche|Me montrer/);
  });
  test('unknown step: error with the known steps', () => {
    const d = rules(run('\n## Choisir le logement\n\nÉtape de la démarche : Votre maison\n\nTexte.\n'), 'procedure-step');
    assert.equal(d[0]!.severity, 'error');
    assert.match(d[0]!.message, /« Votre maison » n’existe pas dans la démarche « demande-logement »/);
    assert.match(d[0]!.fix, /« Votre situation » \(1\), « Votre logement » \(2\), « Vos ressources » \(3\)/);
  });
  test('steps out of order: error at the step that goes back', () => {
    const d = rules(run('\n## Déclarer\n\nÉtape de la démarche : Vos ressources\n\nTexte.\n\n## Choisir\n\nÉtape de la démarche : Votre logement\n\nTexte.\n'), 'procedure-step');
    assert.equal(d.length, 1);
    assert.match(d[0]!.message, /désordre : « Votre logement » vient après « Vos ressources »/);
  });
  test('unknown procedure (front matter: warning; step line: error) with the known ones; two procedures need a prefix', () => {
    const unknown = run('\n## Choisir\n\nÉtape de la démarche : inconnue / Votre logement\n\nTexte.\n', '  - inconnue\n');
    assert.match(rules(unknown, 'procedures')[0]!.fix, /Démarches connues : demande-logement, carte-grise/);
    assert.equal(rules(unknown, 'procedures')[0]!.severity, 'warning');
    assert.equal(rules(unknown, 'procedure-step')[0]!.severity, 'error');
    const two = rules(run('\n## Choisir\n\nÉtape de la démarche : Votre logement\n\nTexte.\n', '  - demande-logement\n  - carte-grise\n'), 'procedure-step');
    assert.match(two[0]!.fix, /demande-logement \/ Votre logement/);
  });
  test('the registry itself is checked, in French, at its lines', () => {
    const bad = readRegistry('/tmp/procedures.yml', '- id: a\n  title: A\n  steps:\n    - id: "1"\n      title: Un\n    - id: "1"\n      title: Deux\n- id: A majuscule\n  title: B\n- id: c\n');
    const messages = bad.diagnostics.map((d) => `${d.line} ${d.message}`);
    assert.ok(messages.some((m) => /^6 L’étape « 1 » de la démarche « a » est écrite deux fois/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^8 Registre des démarches : « id » n’a pas la bonne forme/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^10 Registre des démarches : le champ « title » manque/.test(m)), messages.join('\n'));
    assert.deepEqual(bad.procedures, []);
  });
});

describe('images at build time (issue 10)', () => {
  test('responsive AVIF, WebP and fallback with sizes; cached; budget', async () => {
    const source = mkdtempSync(join(tmpdir(), 'aide-images-'));
    mkdirSync(join(source, 'images'));
    const screen = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="800"><rect width="1280" height="800" fill="#f6f6f6"/><rect x="40" y="40" width="1200" height="80" fill="#000091"/><rect x="60" y="600" width="300" height="60" fill="#000091"/></svg>`);
    await sharp(screen).png().toFile(join(source, 'images/ecran.png'));
    writeFileSync(join(source, 'ecran.md'), `${HEAD}\n## Ouvrir le site\n\nOuvrez le site.\n\n![Écran d’accueil avec le bouton « Commencer » en bas](images/ecran.png)\n`);
    const paths = { source, out: join(source, 'out'), cache: join(source, 'cache') };
    const first = await buildCorpus(paths);
    assert.deepEqual(first.built, ['ecran']);
    const index = JSON.parse(readFileSync(join(paths.out, 'index.json'), 'utf8')) as TutorialIndex;
    const chunk = JSON.parse(readFileSync(join(paths.out, index.tutorials[0]!.file), 'utf8')) as TutorialChunk;
    const image = chunk.steps[0]!.images![0]!;
    assert.equal(image.alt, 'Écran d’accueil avec le bouton « Commencer » en bas');
    assert.deepEqual([image.width, image.height], [1280, 800]);
    assert.deepEqual(image.sources.map((s) => s.type), ['image/avif', 'image/webp']);
    assert.match(image.sources[0]!.srcset, /^images\/ecran-480\.[0-9a-f]{8}\.avif 480w, images\/ecran-960\.[0-9a-f]{8}\.avif 960w, images\/ecran-1280\.[0-9a-f]{8}\.avif 1280w$/);
    assert.equal(image.fallback.type, 'image/png');
    assert.match(image.src, /^images\/ecran-960\.[0-9a-f]{8}\.png$/);
    assert.ok(image.bytes < 150 * 1024);
    // The step HTML as the widget shows it: the <picture> with its formats inside the button that enlarges it.
    const sized = (srcset: string) => `srcset="${srcset}" sizes="${image.sizes.replace(/[()]/g, '\\$&')}"`;
    assert.match(
      chunk.steps[0]!.html,
      new RegExp(
        `<button type="button" class="enlarge"><picture><source type="image/avif" ${sized(image.sources[0]!.srcset)}><source type="image/webp" ${sized(image.sources[1]!.srcset)}>` +
          `<img src="${image.src}" ${sized(image.fallback.srcset)} width="1280" height="800" decoding="async" alt="[^"]+" loading="lazy"></picture></button>`,
      ),
    );
    for (const file of [image.src, image.full, ...image.sources.flatMap((s) => s.srcset.split(', ').map((c) => c.split(' ')[0]!))]) {
      assert.ok(readdirSync(join(paths.out, 'images')).includes(file.slice('images/'.length)), file);
    }
    // A second build reuses everything; a new tutorial showing the same image encodes nothing new.
    const cacheFiles = readdirSync(join(paths.cache, 'images')).length;
    assert.deepEqual((await buildCorpus(paths)).reused, ['ecran']);
    writeFileSync(join(source, 'ecran-bis.md'), `${HEAD}\n## Ouvrir le site\n\nOuvrez le site.\n\n![Écran d’accueil avec le bouton « Commencer » en bas](images/ecran.png)\n`);
    await buildCorpus(paths);
    assert.equal(readdirSync(join(paths.cache, 'images')).length, cacheFiles);
  });
});
