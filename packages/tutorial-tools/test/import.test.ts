import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPages, type ImportedFile } from '../src/import/run.ts';
import { parseTutorial } from '../src/parse.ts';
import { lintTutorial } from '../src/lint/lint.ts';

const fixtures = fileURLToPath(new URL('./fixtures/import/', import.meta.url));
const today = new Date('2026-12-06T10:00:00Z');

describe('import: every dialect converts', async () => {
  const out = mkdtempSync(join(tmpdir(), 'aide-import-'));
  const results = await importPages({ inputs: [fixtures], out, theme: 'démarches administratives', today });
  const bySlug = new Map(results.map((r) => [r.slug, r]));
  const read = (slug: string) => readFileSync(join(out, `${slug}.md`), 'utf8');
  const noteAt = (r: ImportedFile, line: number, pattern: RegExp) => assert.ok(r.notes.some((n) => n.line === line && pattern.test(n.message)), `${r.from}:${line} ${pattern} in ${JSON.stringify(r.notes.map((n) => `${n.line} ${n.message}`))}`);

  test('seven pages, seven tutorials, none with dialect syntax left', () => {
    assert.equal(results.length, 7);
    for (const r of results) {
      assert.ok(r.written, r.from);
      const lint = lintTutorial(parseTutorial(join(out, `${r.slug}.md`)), { today, knownSlugs: new Set(bySlug.keys()) });
      const leftovers = lint.diagnostics.filter((d) => ['dialect', 'raw-html', 'front-matter', 'heading-level', 'no-steps', 'title-markup', 'step-numbered'].includes(d.rule));
      assert.deepEqual(leftovers, [], r.slug);
    }
  });

  test('GitBook: hints by style, tabs as subheadings, <figure> with its caption as alt, files and embeds, numbered and bold titles', () => {
    const md = read('demande-aide-logement');
    assert.match(md, /^title: Demande d'aide au logement$/m);
    assert.match(md, /^summary: Faire votre demande d'aide au logement en ligne sur le site de la CAF, depuis votre espace personnel\.$/m);
    assert.match(md, /> À savoir : Vous pouvez faire une simulation/);
    assert.match(md, /> Attention : Ne donnez jamais votre mot de passe/);
    assert.match(md, /> Attention : Une demande non envoyée/);
    assert.match(md, /^## Se connecter à son espace$/m);
    assert.match(md, /^### Sur ordinateur$/m);
    assert.match(md, /^### Sur téléphone$/m);
    assert.match(md, /!\[Écran de connexion de Mon Compte avec le bouton Se connecter\]\(images\/demande-aide-logement-1\.png\)/);
    assert.match(md, /\[Vidéo : faire sa demande en 3 minutes\]\(https:\/\/www\.youtube\.com\/watch\?v=abc123\)/);
    assert.doesNotMatch(md, /\{%|&#x20;|\*\*Se connecter/);
    assert.ok(existsSync(join(out, 'images/demande-aide-logement-1.png')));
    const r = bySlug.get('demande-aide-logement')!;
    noteAt(r, 39, /Fichier joint « liste-des-pieces\.pdf »/);
    noteAt(r, 47, /absente\.png.*introuvable/);
  });

  test('VuePress: ::: containers with and without title, lexique into the glossary, details, image from .vuepress/public', () => {
    const md = read('changer-adresse');
    assert.match(md, /> Astuce : Préparez votre nouvelle adresse/);
    assert.match(md, /> Attention : Attention aux faux sites\. Le service est gratuit/);
    assert.match(md, /> À savoir : Et si je déménage à l'étranger \? Ce service/);
    assert.match(md, /- term: Organisme\n {4}definition: Une administration ou une caisse/);
    assert.match(md, /- term: Justificatif/);
    assert.match(md, /images\/changer-adresse-1\.png/);
    assert.doesNotMatch(md, /:::/);
  });

  test('Docusaurus: admonitions with [label] and legacy titles, <Tabs>/<TabItem>, MDX imports removed', () => {
    const md = read('declarer-revenus');
    assert.match(md, /> À savoir : Gardez votre dernier avis/);
    assert.match(md, /> Attention : Mot de passe oublié\. Cliquez/);
    assert.match(md, /> Astuce : Astuce de pro\. Vous pouvez corriger/);
    assert.match(md, /> Attention : Sans signature/);
    assert.match(md, /^### Vous êtes salarié$/m);
    assert.match(md, /^### Vous êtes retraité$/m);
    assert.doesNotMatch(md, /import Tabs|<Tabs|<TabItem|:::/);
    assert.match(md, /^tags:\n {2}- impôts\n {2}- revenus$/m);
  });

  test('Jekyll: front matter mapped, {{ site.baseurl }} resolved, {: .note } callouts, include reported, heavy JPEG lightened', () => {
    const r = bySlug.get('renouveler-sa-carte-vitale')!;
    const md = read('renouveler-sa-carte-vitale');
    assert.match(md, /^summary: Commander une nouvelle carte Vitale depuis votre compte ameli\.$/m);
    assert.match(md, /> À savoir : La commande est gratuite\./);
    assert.match(md, /> Attention : Votre ancienne carte ne fonctionne plus/);
    assert.match(md, /!\[Le bouton Mon compte ameli\]\(images\/renouveler-sa-carte-vitale-1\.jpg\)/);
    assert.ok(statSync(join(out, 'images/renouveler-sa-carte-vitale-1.jpg')).size < 150 * 1024, 'lightened under the budget');
    noteAt(r, 20, /allégée \(réduite à 1600 pixels de large/);
    noteAt(r, 22, /Balise « include »/);
    assert.ok(r.notes.some((n) => /layout, nav_order, permalink, last_modified_at/.test(n.message)));
  });

  test('Hugo: TOML front matter, # sections made steps, {{< hint >}}, {{% notice warning %}}, {{< figure >}} from static/', () => {
    const md = read('prendre-rdv');
    assert.match(md, /^title: Prendre un rendez-vous médical en ligne$/m);
    assert.match(md, /^## Chercher un médecin$/m);
    assert.match(md, /^## Choisir un créneau$/m);
    assert.match(md, /> À savoir : Un médecin « conventionné secteur 1 »/);
    assert.match(md, /> Attention : Prévenez si vous ne pouvez pas venir/);
    assert.match(md, /!\[Liste des créneaux libres de la semaine, le mardi 10 h est sélectionné\]\(images\/prendre-rdv-1\.png\)/);
    assert.doesNotMatch(md, /\{\{|\+\+\+/);
  });

  test('Nuxt MDC and GitHub alerts, emoji and bold keywords, footnotes', () => {
    assert.match(read('installer-application'), /> Astuce : Installez seulement[\s\S]*> Attention : Vérifiez le nom de l'éditeur/);
    const md = read('scanner-document');
    assert.match(md, /> Astuce : Posez la feuille/);
    assert.match(md, /> Attention : Les quatre coins/);
    assert.match(md, /> Attention : un document flou peut être refusé\./);
    assert.match(md, /> À savoir : Sur iPhone, le fichier est dans l'application Fichiers\./);
    assert.doesNotMatch(md, /\[!|⚠️|\[\^1\]/);
  });

  test('an existing tutorial is never replaced without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aide-import-'));
    writeFileSync(join(dir, 'prendre-rdv.md'), 'le travail du rédacteur');
    const [result] = await importPages({ inputs: [join(fixtures, 'hugo/prendre-rdv.md')], out: dir, today });
    assert.equal(result!.written, false);
    assert.equal(readFileSync(join(dir, 'prendre-rdv.md'), 'utf8'), 'le travail du rédacteur');
    const [forced] = await importPages({ inputs: [join(fixtures, 'hugo/prendre-rdv.md')], out: dir, today, force: true });
    assert.equal(forced!.written, true);
  });
});
