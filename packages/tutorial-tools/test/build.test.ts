import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from '../src/build.ts';
import { newTutorial } from '../src/new.ts';
import { compileTutorial } from '../src/compile.ts';
import { loadSearchIndex } from '@aide/walkthrough/search';
import type { TutorialChunk, TutorialIndex } from '@aide/walkthrough/format';

const corpus = fileURLToPath(new URL('../../../tutorials', import.meta.url));

/** The images encoded by the first build: later copies start with them (encoding is tested in rules.test.ts). */
let encodedImages: string | undefined;

function copyCorpus(): { source: string; out: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'aide-tutorials-'));
  cpSync(corpus, join(dir, 'tutorials'), { recursive: true });
  if (encodedImages) cpSync(encodedImages, join(dir, 'cache/images'), { recursive: true });
  return { source: join(dir, 'tutorials'), out: join(dir, 'out'), cache: join(dir, 'cache') };
}

describe('build', async () => {
  const paths = copyCorpus();
  const first = await buildCorpus(paths);
  encodedImages = join(paths.cache, 'images');
  const index = JSON.parse(readFileSync(join(paths.out, 'index.json'), 'utf8')) as TutorialIndex;
  const search = loadSearchIndex(readFileSync(join(paths.out, index.search), 'utf8'));

  test('the whole corpus builds: index, one chunk per tutorial, print pages, images', () => {
    assert.deepEqual(first.failed, []);
    assert.ok(index.tutorials.length >= 25, `${index.tutorials.length} tutorials`);
    for (const t of index.tutorials) {
      assert.ok(existsSync(join(paths.out, t.file)), t.file);
      assert.match(t.file, new RegExp(`^${t.slug}\\.[0-9a-f]{10}\\.json$`));
      assert.ok(existsSync(join(paths.out, `${t.slug}.print.html`)));
    }
    assert.ok(readdirSync(join(paths.out, 'images')).some((f) => /^scanner-document-smartphone\.[0-9a-f]{8}\.svg$/.test(f)));
  });

  test('the corpus covers every theme', () => {
    for (const theme of index.themes) assert.ok(index.tutorials.some((t) => t.theme === theme), theme);
  });

  test('chunks carry what the widget needs: targets, callouts, glossary terms, image sizes, licence', () => {
    const summary = index.tutorials.find((t) => t.slug === 'demande-aide-logement')!;
    const chunk = JSON.parse(readFileSync(join(paths.out, summary.file), 'utf8')) as TutorialChunk;
    assert.deepEqual(chunk.steps.find((s) => s.target?.kind === 'label')!.target, { kind: 'label', value: 'Type de logement' });
    // The demo's step 3 « Vos ressources » has its own tutorial step (issue 10), pointing at the page's field.
    assert.deepEqual(chunk.steps.at(-2)!.target, { kind: 'label', value: 'Salaires perçus ces 12 derniers mois (en euros)' });
    assert.ok(chunk.steps.some((s) => s.html.includes('<aside class="callout" data-kind="si-ca-ne-marche-pas">')));
    assert.ok(chunk.steps.some((s) => /<span class="term" data-term="charges">/.test(s.html)));
    assert.equal(chunk.licence.name, 'Licence Ouverte 2.0 (Etalab)');
    const scan = index.tutorials.find((t) => t.slug === 'scanner-document-smartphone')!;
    const scanChunk = JSON.parse(readFileSync(join(paths.out, scan.file), 'utf8')) as TutorialChunk;
    // An SVG has no other versions: no <picture>, but its size and the button that enlarges it.
    assert.match(
      scanChunk.introHtml,
      /<button type="button" class="enlarge"><img src="images\/scanner-document-smartphone\.[0-9a-f]{8}\.svg" width="480" height="300" decoding="async" alt="[^"]+" loading="lazy"><\/button>/,
    );
    assert.equal(scanChunk.introImages?.[0]?.fallback.type, 'image/svg+xml');
    assert.ok(existsSync(join(paths.out, scanChunk.introImages[0].src)));
  });

  test('search: accent-, case- and plural-insensitive, ranked', () => {
    assert.equal(search('declaration revenu')[0], 'declarer-revenus');
    assert.equal(search('déclarer mes revenus')[0], 'declarer-revenus');
    assert.ok(search('impot').slice(0, 3).includes('declarer-revenus'));
    assert.deepEqual(search('IMPÔTS'), search('impots'));
    assert.equal(search('carte grise')[0], 'demander-carte-grise');
    assert.equal(search('apl')[0], 'demande-aide-logement');
    assert.equal(search('mots de passe')[0], 'creer-mot-de-passe-solide');
    assert.equal(search('déclar')[0], 'declarer-revenus', 'prefix while typing');
    assert.deepEqual(search('xyzzy'), []);
  });

  test('incremental: an unchanged tutorial is not rebuilt, a changed one is', async () => {
    const again = await buildCorpus(paths);
    assert.deepEqual(again.built, []);
    assert.equal(again.reused.length, index.tutorials.length);
    const file = join(paths.source, 'passer-appel-video.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nUne phrase de plus.\n`);
    const third = await buildCorpus(paths);
    assert.deepEqual(third.built, ['passer-appel-video']);
    // Changing an image rebuilds the tutorial that shows it.
    writeFileSync(join(paths.source, 'images/se-connecter-wifi.svg'), readFileSync(join(paths.source, 'images/se-connecter-wifi.svg'), 'utf8').replace('Voisin-WIFI', 'Voisin'));
    assert.deepEqual((await buildCorpus(paths)).built, ['se-connecter-wifi']);
  });

  test('deterministic: two builds of the same corpus give the same files', async () => {
    const a = copyCorpus();
    const b = copyCorpus();
    await buildCorpus(a);
    await buildCorpus(b);
    const files = readdirSync(a.out).filter((f) => f.endsWith('.json') || f.endsWith('.html'));
    for (const f of files) assert.equal(readFileSync(join(a.out, f), 'utf8'), readFileSync(join(b.out, f), 'utf8'), f);
  });

  test('a tutorial with errors is left out and named; the others are published', async () => {
    const broken = copyCorpus();
    writeFileSync(join(broken.source, 'casse.md'), '---\ntitle: Cassé\n---\n\n<script>alert(1)</script>\n');
    const result = await buildCorpus(broken);
    assert.equal(result.failed.length, 1);
    assert.equal(result.failed[0]!.slug, 'casse');
    assert.ok(result.failed[0]!.diagnostics.some((d) => d.rule === 'raw-html'));
    assert.equal(result.published, true);
    const published = JSON.parse(readFileSync(join(broken.out, 'index.json'), 'utf8')) as TutorialIndex;
    assert.equal(published.tutorials.length, index.tutorials.length);
    assert.ok(!published.tutorials.some((t) => t.slug === 'casse'));
  });

  test('strict (CI): a tutorial with errors stops the whole publication, the previous output stays', async () => {
    const broken = copyCorpus();
    await buildCorpus(broken);
    const before = readFileSync(join(broken.out, 'index.json'), 'utf8');
    writeFileSync(join(broken.source, 'casse.md'), '---\ntitle: Cassé\n---\n\n<script>alert(1)</script>\n');
    writeFileSync(join(broken.source, 'passer-appel-video.md'), `${readFileSync(join(broken.source, 'passer-appel-video.md'), 'utf8')}\nUne phrase de plus.\n`);
    const result = await buildCorpus({ ...broken, strict: true });
    assert.equal(result.published, false);
    assert.deepEqual(result.failed.map((f) => f.slug), ['casse']);
    assert.equal(readFileSync(join(broken.out, 'index.json'), 'utf8'), before);
  });
});

describe('new', () => {
  test('creates a tutorial whose only errors are the placeholders to complete', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aide-new-'));
    const file = newTutorial(dir, 'Payer une amende en ligne', 'démarches administratives', new Date('2026-11-22T10:00:00Z'));
    assert.equal(file, join(dir, 'payer-une-amende-en-ligne.md'));
    const errors = compileTutorial(file).lint.diagnostics.filter((d) => d.severity === 'error');
    assert.ok(errors.length > 0 && errors.every((d) => d.rule === 'placeholder'), JSON.stringify(errors));
    // Completed (the placeholders replaced by text), it passes.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/À compléter : /g, ''));
    assert.deepEqual(compileTutorial(file).lint.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.throws(() => newTutorial(dir, 'Payer une amende en ligne'), /existe déjà/);
    assert.throws(() => newTutorial(dir, 'Autre', 'cuisine' as never), /Thème inconnu/);
  });
});

describe('images', () => {
  test('the same picture under another name is not encoded again: its files are copied under the new name', async () => {
    const { processImage } = await import('../src/images/pipeline.ts');
    const dir = mkdtempSync(join(tmpdir(), 'aide-images-'));
    const picture = readFileSync(join(corpus, 'images/demande-aide-logement-1.png'));
    writeFileSync(join(dir, 'a.png'), picture);
    writeFileSync(join(dir, 'b.png'), picture);
    const cache = join(dir, 'cache');
    const a = await processImage(join(dir, 'a.png'), 'images/a.png', cache);
    // Mark a's AVIF: b's is this marked file if it was copied, a real AVIF if it was encoded again.
    const avif = a.variants.find((v) => v.format === 'avif')!;
    writeFileSync(join(cache, a.hash, avif.file.slice('images/'.length)), 'copied, not encoded');
    const b = await processImage(join(dir, 'b.png'), 'images/b.png', cache);
    assert.equal(b.src, 'images/b.png');
    assert.deepEqual(
      b.variants.map((v) => v.file),
      a.variants.map((v) => v.file.replace('images/a-', 'images/b-')),
    );
    const bAvif = b.variants.find((v) => v.format === 'avif')!;
    assert.equal(readFileSync(join(cache, b.hash, bAvif.file.slice('images/'.length)), 'utf8'), 'copied, not encoded');
    // And the twin's entry is remembered: a third look finds b's own manifest.
    assert.deepEqual(await processImage(join(dir, 'b.png'), 'images/b.png', cache), b);
  });
});
