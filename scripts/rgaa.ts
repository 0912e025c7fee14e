/**
 * The RGAA 4.1.2 audit grid, with the criteria WCAG 2.2 adds at level AA (test/a11y/rgaa-grid.json), and the
 * accessibility statement generated from it.
 *
 *   node --import tsx scripts/rgaa.ts check [--results test-results] [--run <id>]
 *        checks the grid against ../shared/rgaa/criteria.json (which must exist) and the test files, and that the
 *        statement is up to date; with --results, reads what every runner of this run wrote there (node, component
 *        tests in Chromium and Firefox, end-to-end tests and the harness's checks, screen-reader journeys) and
 *        requires every test a criterion cites to have run and passed; with --run (default $AIDE_RUN_ID), that
 *        each runner's results come from this run. Exit 1 on any problem.
 *   node --import tsx scripts/rgaa.ts statement
 *        writes the statement: packages/embed/ACCESSIBILITE.md, the data module the panel shows
 *        (packages/embed/src/accessibility/statement-data.ts) and the summary in README.md.
 *
 * A criterion cites the tests that prove it as "path::title": a test of the file at path whose title (or
 * "suite › title") is exactly that text; for the harness, "test/a11y/harness.ts::<check id>". A criterion is
 * « conforme » only when each of them ran in this run and passed; « à confirmer » when what is left needs a
 * person; « non conforme » with what is wrong; « non applicable » with why.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export type Status = 'conforme' | 'non conforme' | 'non applicable' | 'à confirmer';
export const STATUSES: Status[] = ['conforme', 'non conforme', 'non applicable', 'à confirmer'];

export interface GridEntry {
  id: string;
  theme: string;
  title: string;
  /** Components the criterion concerns: launcher, panel, walkthrough, locator, feedback, back-office, or none. */
  applies: string[];
  status: Status;
  /** Tests that prove it: "path::test title" (or "test/a11y/harness.ts::check id"). */
  automated: string[];
  /** What a person checked: how, what they found, when. */
  manual: { procedure: string; result: string; date: string } | null;
  /** Why it does not apply, what is wrong, what a person must still check, or a limit of the proof. */
  note: string | null;
}

export interface Grid {
  standard: string;
  scope: string;
  auditDate: string;
  auditor: string;
  environment: { browsers: string[]; assistiveTechnologies: string[]; tools: string[] };
  sample: string[];
  criteria: GridEntry[];
  /** The success criteria WCAG 2.2 adds at levels A and AA, ahead of the RGAA (EN 301 549 is moving to 2.2). */
  wcag22: GridEntry[];
}

/** The success criteria new in WCAG 2.2 at levels A and AA (4.1.1 was removed), with their French titles. */
export const WCAG22_NEW: { id: string; title: string; level: 'A' | 'AA' }[] = [
  { id: '2.4.11', title: 'Focus non masqué (minimum)', level: 'AA' },
  { id: '2.5.7', title: 'Mouvements de glissement', level: 'AA' },
  { id: '2.5.8', title: 'Taille de la cible (minimum)', level: 'AA' },
  { id: '3.2.6', title: 'Aide cohérente', level: 'A' },
  { id: '3.3.7', title: 'Saisie redondante', level: 'A' },
  { id: '3.3.8', title: 'Authentification accessible (minimum)', level: 'AA' },
];

export function loadGrid(file = join(root, 'test/a11y/rgaa-grid.json')): Grid {
  return JSON.parse(readFileSync(file, 'utf8')) as Grid;
}

export interface Rate {
  applicable: number;
  conforme: number;
  nonConforme: number;
  aConfirmer: number;
  nonApplicable: number;
  /** Met criteria over applicable ones, rounded down to one decimal; « à confirmer » is not met. */
  rate: number;
}

export function conformanceRate(entries: GridEntry[]): Rate {
  const count = (status: Status) => entries.filter((c) => c.status === status).length;
  const conforme = count('conforme');
  const nonConforme = count('non conforme');
  const aConfirmer = count('à confirmer');
  const applicable = conforme + nonConforme + aConfirmer;
  return {
    applicable,
    conforme,
    nonConforme,
    aConfirmer,
    nonApplicable: count('non applicable'),
    rate: applicable === 0 ? 0 : Math.floor((conforme / applicable) * 1000) / 10,
  };
}

// --- Where a cited test's result comes from -------------------------------------------------------------------

export type Source = 'unit' | 'node' | 'e2e' | 'screen-reader' | 'harness';

/** The runner whose results prove a test of this file, from its path. */
export function sourceOf(path: string): Source | null {
  if (path === 'test/a11y/harness.ts') return 'harness';
  if (/^packages\/[^/]+\/src\/.+\.test\.ts$/.test(path)) return 'unit';
  if (/^test\/e2e\/.+\.spec\.ts$/.test(path)) return 'e2e';
  if (/^test\/screen-reader\/journeys\/.+\.journey\.ts$/.test(path)) return 'screen-reader';
  if (/^(packages\/[^/]+\/test|scripts|test\/screen-reader|test\/a11y)\/.+\.test\.(ts|mjs)$/.test(path)) return 'node';
  return null;
}

/** The browsers the component tests and the screen-reader journeys must have passed in. */
export const UNIT_BROWSERS = ['chromium', 'firefox'];

export interface Outcome {
  file: string;
  title: string;
  passed: boolean;
  browser?: string;
}

export interface RunnerResults {
  runner: string;
  runId: string | null;
  outcomes: Outcome[];
  checks?: Record<string, { passed: number; failed: number }>;
}

/** Every runner's results found in a folder (test-results/*-outcomes.json). */
export function loadResults(dir: string): RunnerResults[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('-outcomes.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as RunnerResults);
}

function parseReference(reference: string): { path: string; text: string } | null {
  const at = reference.indexOf('::');
  if (at <= 0 || at === reference.length - 2) return null;
  return { path: reference.slice(0, at), text: reference.slice(at + 2) };
}

const titleMatches = (title: string, text: string) => title === text || title.endsWith(` › ${text}`);

/** A test title in its file: written as is, or made from a template (`locale ${locale}: …`) that gives it. */
function titleInSource(source: string, title: string): boolean {
  if (source.includes(title)) return true;
  for (const m of source.matchAll(/`((?:[^`\\]|\\.)*\$\{(?:[^`\\]|\\.)*)`/g)) {
    const pattern = m[1]!.split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?');
    if (new RegExp(`^${pattern}$`).test(title)) return true;
  }
  return false;
}

// --- The grid, without results ------------------------------------------------------------------------------------

/**
 * Problems of the grid itself: criteria missing or unknown, a status without what it requires, a test reference
 * badly written, to a file that is not a test, or to a test that is not in that file.
 */
export function checkGrid(grid: Grid, criteriaFile: string | null): string[] {
  const problems: string[] = [];
  if (!criteriaFile || !existsSync(criteriaFile)) {
    problems.push(`les critères du RGAA sont introuvables (${criteriaFile ?? 'aucun fichier'}) : la grille ne peut pas être vérifiée`);
  } else {
    const reference = JSON.parse(readFileSync(criteriaFile, 'utf8')) as { id: string; titleText: string }[];
    const ids = new Set(grid.criteria.map((c) => c.id));
    for (const criterion of reference) {
      if (!ids.has(criterion.id)) problems.push(`${criterion.id}: absent de la grille`);
      const entry = grid.criteria.find((c) => c.id === criterion.id);
      if (entry && entry.title !== criterion.titleText) problems.push(`${criterion.id}: intitulé différent du RGAA`);
    }
    for (const id of ids) if (!reference.some((c) => c.id === id)) problems.push(`${id}: n'est pas un critère du RGAA 4.1.2`);
  }
  const wcag = grid.wcag22 ?? [];
  for (const criterion of WCAG22_NEW) {
    const entry = wcag.find((c) => c.id === criterion.id);
    if (!entry) problems.push(`WCAG 2.2 ${criterion.id}: absent de la grille`);
    else if (entry.title !== criterion.title) problems.push(`WCAG 2.2 ${criterion.id}: intitulé différent (« ${criterion.title} »)`);
  }
  for (const entry of wcag) if (!WCAG22_NEW.some((c) => c.id === entry.id)) problems.push(`WCAG 2.2 ${entry.id}: n'est pas un critère ajouté par les WCAG 2.2`);

  const seen = new Set<string>();
  for (const entry of [...grid.criteria, ...wcag.map((e) => ({ ...e, id: `WCAG 2.2 ${e.id}` }))]) {
    if (seen.has(entry.id)) problems.push(`${entry.id}: en double`);
    seen.add(entry.id);
    if (!STATUSES.includes(entry.status)) {
      problems.push(`${entry.id}: statut inconnu « ${entry.status} » (${STATUSES.join(', ')})`);
      continue;
    }
    if (entry.status === 'non applicable' && !entry.note) problems.push(`${entry.id}: « non applicable » sans justification`);
    if (entry.status === 'conforme' && entry.automated.length === 0 && !entry.manual) {
      problems.push(`${entry.id}: « conforme » sans test ni vérification manuelle`);
    }
    if (entry.status === 'non conforme' && !entry.note) problems.push(`${entry.id}: « non conforme » sans dire ce qui ne va pas`);
    if (entry.status === 'à confirmer' && !entry.note) problems.push(`${entry.id}: « à confirmer » sans dire ce qu'une personne doit vérifier`);
    if (entry.manual && (!entry.manual.procedure || !entry.manual.result || !/^\d{4}-\d{2}-\d{2}$/.test(entry.manual.date))) {
      problems.push(`${entry.id}: vérification manuelle incomplète (procédure, résultat, date AAAA-MM-JJ)`);
    }
    for (const reference of entry.automated) {
      const parsed = parseReference(reference);
      if (!parsed) {
        problems.push(`${entry.id}: référence de test mal écrite « ${reference} » (attendu : chemin::titre du test)`);
        continue;
      }
      if (!sourceOf(parsed.path)) {
        problems.push(`${entry.id}: ${parsed.path} n'est pas un fichier de test (ni le harnais, ni un test, ni un parcours)`);
        continue;
      }
      const file = join(root, parsed.path);
      if (!existsSync(file)) problems.push(`${entry.id}: le fichier de test ${parsed.path} n'existe pas`);
      else {
        const source = readFileSync(file, 'utf8');
        const found = sourceOf(parsed.path) === 'harness' ? source.includes(`'${parsed.text}':`) : titleInSource(source, parsed.text.split(' › ').pop()!);
        if (!found) problems.push(`${entry.id}: « ${parsed.text} » introuvable dans ${parsed.path}`);
      }
    }
  }
  return problems;
}

// --- The grid against this run's results --------------------------------------------------------------------------

/**
 * Problems with the tests the grid cites, in the results of a run: a runner whose results are missing or come from
 * another run, a cited test that did not run (in a browser where it must), that failed, a harness check that never
 * ran or failed once. Criteria « non applicable » cite nothing.
 */
export function checkResults(grid: Grid, results: RunnerResults[], runId: string | null = null): string[] {
  const problems: string[] = [];
  const usable = new Map<string, RunnerResults>();
  for (const r of results) {
    if (runId && r.runId !== runId) problems.push(`${r.runner}: résultats d'une autre exécution (${r.runId ?? 'sans identifiant'}, attendu ${runId}) : ils ne comptent pas`);
    else usable.set(r.runner, r);
  }
  const missingRunner = new Set<string>();
  const needRunner = (name: string, entry: string): RunnerResults | null => {
    const r = usable.get(name);
    if (!r && !missingRunner.has(name)) {
      missingRunner.add(name);
      problems.push(`${entry}: aucun résultat de « ${name} » dans cette exécution (test-results/${name}-outcomes.json) : ses tests n'ont pas tourné`);
    }
    return r ?? null;
  };
  const unitOutcomes = () => [...usable.values()].filter((r) => r.runner.startsWith('unit')).flatMap((r) => r.outcomes);

  // Every citation counts, whatever the status: a test cited for a criterion « non applicable » (nothing in the
  // widget asks to drag) must keep proving it.
  for (const entry of [...grid.criteria, ...(grid.wcag22 ?? []).map((e) => ({ ...e, id: `WCAG 2.2 ${e.id}` }))]) {
    for (const reference of entry.automated) {
      const parsed = parseReference(reference);
      const source = parsed && sourceOf(parsed.path);
      if (!parsed || !source) continue; // reported by checkGrid
      const { path, text } = parsed;
      const runs = (outcomes: Outcome[]) => outcomes.filter((o) => o.file === path && titleMatches(o.title, text));
      const verdict = (where: string, found: Outcome[]) => {
        if (found.length === 0) problems.push(`${entry.id}: « ${text} » (${path}) n'a pas tourné${where}`);
        for (const run of found.filter((o) => !o.passed)) problems.push(`${entry.id}: « ${run.title} » (${path}) a échoué${where}`);
      };
      if (source === 'harness') {
        const e2e = needRunner('e2e', entry.id);
        if (!e2e) continue;
        const count = e2e.checks?.[text];
        if (!count || count.passed + count.failed === 0) problems.push(`${entry.id}: le contrôle « ${text} » du harnais n'a tourné dans aucun test de cette exécution`);
        else if (count.failed > 0) problems.push(`${entry.id}: le contrôle « ${text} » du harnais a échoué ${count.failed} fois`);
      } else if (source === 'unit') {
        if (![...usable.keys()].some((k) => k.startsWith('unit'))) {
          needRunner('unit-chromium', entry.id);
          continue;
        }
        const all = runs(unitOutcomes());
        for (const browser of UNIT_BROWSERS) verdict(` dans ${browser}`, all.filter((o) => (o.browser ?? '').toLowerCase().includes(browser)));
      } else if (source === 'screen-reader') {
        const sr = needRunner('screen-reader', entry.id);
        if (!sr) continue;
        const all = runs(sr.outcomes);
        verdict('', all);
      } else {
        const r = needRunner(source, entry.id);
        if (r) verdict('', runs(r.outcomes));
      }
    }
  }
  return problems;
}

// --- The statement --------------------------------------------------------------------------------------------

const STATEMENT_MD = 'packages/embed/ACCESSIBILITE.md';
const STATEMENT_DATA = 'packages/embed/src/accessibility/statement-data.ts';

function levelOf(rate: Rate): string {
  return rate.rate === 100 ? 'totalement conforme' : rate.rate >= 50 ? 'partiellement conforme' : 'non conforme';
}

const frNumber = (n: number) => n.toString().replace('.', ',');

function proofCell(c: GridEntry): string {
  if (c.status === 'non applicable') return c.note ?? '';
  const parts = c.automated.map((a) => {
    const p = parseReference(a);
    return p ? `\`${p.path}\` « ${p.text} »` : a;
  });
  if (c.manual) parts.push(`vérification manuelle (${c.manual.date})`);
  if (c.note && c.status !== 'conforme') parts.push(c.note);
  return parts.join(' ; ').replace(/\|/g, '\\|');
}

export function statementMarkdown(grid: Grid): string {
  const rate = conformanceRate(grid.criteria);
  const wcag = conformanceRate(grid.wcag22 ?? []);
  const nonConformities = grid.criteria.filter((c) => c.status === 'non conforme');
  const toConfirm = [...grid.criteria, ...(grid.wcag22 ?? []).map((c) => ({ ...c, id: `WCAG 2.2 ${c.id}` }))].filter((c) => c.status === 'à confirmer');
  const manual = grid.criteria.filter((c) => c.manual);
  return `# Déclaration d'accessibilité — ${grid.scope}

> Fichier généré par \`node --import tsx scripts/rgaa.ts statement\` à partir de la grille d'audit
> \`test/a11y/rgaa-grid.json\`. Ne pas modifier à la main.

Les administrations qui intègrent Aide numérique s'engagent à rendre leurs services en ligne accessibles,
conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration d'accessibilité
s'applique au composant **${grid.scope}** (lanceur, panneau d'aide, tutoriels, localisateur d'aide, formulaire
d'avis et récit d'expérience, expériences publiées \`<aide-experiences>\`) ; chaque administration reste responsable
de la déclaration de son propre site.

## État de conformité

${grid.scope} est **${levelOf(rate)}** avec le ${grid.standard}.

## Résultats des tests

L'audit de conformité réalisé le ${grid.auditDate} par ${grid.auditor} révèle que **${frNumber(rate.rate)} %**
des critères du ${grid.standard} applicables sont respectés : ${rate.conforme} critères conformes,
${rate.nonConforme} non conformes, ${rate.aConfirmer} à confirmer par une personne (comptés comme non respectés),
${rate.nonApplicable} non applicables (sur ${grid.criteria.length}).

Un critère n'est compté conforme que si chaque test qui le prouve a tourné et réussi lors de la dernière exécution
complète des tests (\`npm test\`) : tests unitaires, tests des composants dans Chromium et Firefox, parcours de bout
en bout avec le harnais d'accessibilité, parcours au lecteur d'écran Orca ; ou si une personne l'a vérifié.

Critères ajoutés par les WCAG 2.2 (niveaux A et AA), en avance sur le RGAA : ${wcag.conforme} conformes,
${wcag.nonConforme} non conformes, ${wcag.aConfirmer} à confirmer, ${wcag.nonApplicable} non applicables
(sur ${(grid.wcag22 ?? []).length}).

## Contenus non accessibles

### Non-conformités

${nonConformities.length === 0 ? 'Aucune.' : nonConformities.map((c) => `- Critère ${c.id} : ${c.title} ${c.note ?? ''}`).join('\n')}

### Critères à confirmer par une personne

${toConfirm.length === 0 ? 'Aucun.' : toConfirm.map((c) => `- ${c.id.startsWith('WCAG') ? '' : 'Critère '}${c.id} : ${c.title} ${c.note ?? ''}`).join('\n')}

### Dérogations pour charge disproportionnée

Aucune.

### Contenus non soumis à l'obligation d'accessibilité

Aucun.

## Établissement de cette déclaration d'accessibilité

Cette déclaration a été établie le ${grid.auditDate}.

### Technologies utilisées

HTML5, CSS, JavaScript (composants web, Shadow DOM), WAI-ARIA, SVG.

### Environnement de test

Navigateurs : ${grid.environment.browsers.join(' ; ')}.

Technologies d'assistance : ${grid.environment.assistiveTechnologies.join(' ; ')}.

### Outils pour évaluer l'accessibilité

${grid.environment.tools.map((t) => `- ${t}`).join('\n')}

### États d'interface vérifiés

${grid.sample.map((s) => `- ${s}`).join('\n')}

### Vérifications faites par une personne

${manual.map((c) => `- **${c.id}** ${c.title} — ${c.manual!.procedure} Résultat : ${c.manual!.result} (${c.manual!.date})`).join('\n')}

## Retour d'information et contact

Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter le responsable du site sur
lequel le composant est intégré pour être orienté vers une alternative accessible ou obtenir le contenu sous une
autre forme. Les défauts du composant lui-même se signalent sur le suivi des anomalies du projet Aide numérique.

## Voies de recours

Si vous constatez un défaut d'accessibilité vous empêchant d'accéder à un contenu ou une fonctionnalité du site,
que vous nous le signalez et que vous ne parvenez pas à obtenir une réponse de notre part, vous êtes en droit de
faire parvenir vos doléances ou une demande de saisine au Défenseur des droits. Plusieurs moyens sont à votre
disposition :

- écrire un message au Défenseur des droits (formulaire en ligne sur defenseurdesdroits.fr) ;
- contacter le délégué du Défenseur des droits dans votre région ;
- envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse
  71120, 75342 Paris CEDEX 07.

## Grille d’audit

| critère | thème | statut | preuve |
| --- | --- | --- | --- |
${grid.criteria.map((c) => `| ${c.id} | ${c.theme} | ${c.status} | ${proofCell(c)} |`).join('\n')}

## Critères ajoutés par les WCAG 2.2

| critère | intitulé | statut | preuve |
| --- | --- | --- | --- |
${(grid.wcag22 ?? []).map((c) => `| ${c.id} | ${c.title} | ${c.status} | ${proofCell(c)} |`).join('\n')}
`;
}

const README = 'README.md';
const README_START = '<!-- rgaa:début (généré par scripts/rgaa.ts statement) -->';
const README_END = '<!-- rgaa:fin -->';

export function readmeSummary(grid: Grid): string {
  const rate = conformanceRate(grid.criteria);
  return `${README_START}
Aide numérique est **${levelOf(rate)}** au ${grid.standard} : **${frNumber(rate.rate)} %** des critères
applicables sont respectés (${rate.conforme} conformes, ${rate.nonConforme} non conformes, ${rate.aConfirmer} à
confirmer par une personne, ${rate.nonApplicable} non applicables ; audit du ${grid.auditDate}). Un critère ne compte
que si les tests qui le prouvent ont tourné et réussi (y compris au lecteur d'écran Orca) ou si une personne l'a
vérifié ; les critères ajoutés par les WCAG 2.2 sont dans la même grille. Déclaration d'accessibilité complète :
[\`packages/embed/ACCESSIBILITE.md\`](packages/embed/ACCESSIBILITE.md), publiée avec le widget
(\`accessibilite.html\` à côté d'\`aide.js\`) et résumée dans le panneau (bouton « Accessibilité » en bas du
panneau). Grille d'audit : \`test/a11y/rgaa-grid.json\`, vérifiée contre les résultats des tests par
\`node --import tsx scripts/rgaa.ts check --results test-results\` (lancé par \`npm test\`).
${README_END}`;
}

function withReadmeSummary(readme: string, grid: Grid): string | null {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start === -1 || end === -1) return null;
  return readme.slice(0, start) + readmeSummary(grid) + readme.slice(end + README_END.length);
}

export function statementData(grid: Grid): string {
  const rate = conformanceRate(grid.criteria);
  return `// Generated by scripts/rgaa.ts from test/a11y/rgaa-grid.json. Do not edit.
export const statement = ${JSON.stringify(
    {
      standard: grid.standard,
      auditDate: grid.auditDate,
      rate: rate.rate,
      conforme: rate.conforme,
      nonConforme: rate.nonConforme,
      aConfirmer: rate.aConfirmer,
      nonApplicable: rate.nonApplicable,
    },
    null,
    2,
  )} as const;
`;
}

/** The statement files and the README summary out of date with the grid. */
export function checkStatement(grid: Grid): string[] {
  const problems: string[] = [];
  for (const [path, expected] of [
    [STATEMENT_MD, statementMarkdown(grid)],
    [STATEMENT_DATA, statementData(grid)],
  ] as const) {
    const file = join(root, path);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== expected) problems.push(`${path} n'est pas à jour : lancez « node --import tsx scripts/rgaa.ts statement »`);
  }
  const readme = readFileSync(join(root, README), 'utf8');
  const updated = withReadmeSummary(readme, grid);
  if (updated === null) problems.push(`${README} : le résumé d'accessibilité (${README_START} … ${README_END}) est absent`);
  else if (updated !== readme) problems.push(`${README} : le résumé d'accessibilité n'est pas à jour : lancez « node --import tsx scripts/rgaa.ts statement »`);
  return problems;
}

function option(name: string): string | null {
  const at = process.argv.indexOf(name);
  return at === -1 ? null : (process.argv[at + 1] ?? '');
}

function main() {
  const command = process.argv[2];
  const grid = loadGrid();
  if (command === 'check') {
    const shared = process.env.AIDE_SHARED ?? join(root, '../shared');
    const problems = [...checkGrid(grid, join(shared, 'rgaa/criteria.json')), ...checkStatement(grid)];
    const resultsDir = option('--results');
    if (resultsDir !== null) {
      const dir = join(root, resultsDir);
      const results = loadResults(dir);
      if (results.length === 0) problems.push(`${resultsDir} : aucun résultat de test (*-outcomes.json) : lancez d'abord les tests`);
      problems.push(...checkResults(grid, results, option('--run') ?? process.env.AIDE_RUN_ID ?? null));
    }
    const rate = conformanceRate(grid.criteria);
    const wcag = conformanceRate(grid.wcag22 ?? []);
    console.log(`${grid.standard} : ${rate.conforme} conformes, ${rate.nonConforme} non conformes, ${rate.aConfirmer} à confirmer, ${rate.nonApplicable} non applicables`);
    console.log(`taux de conformité : ${rate.rate} %`);
    console.log(`WCAG 2.2 (critères ajoutés) : ${wcag.conforme} conformes, ${wcag.nonConforme} non conformes, ${wcag.aConfirmer} à confirmer, ${wcag.nonApplicable} non applicables`);
    for (const problem of problems) console.log(`  problème : ${problem}`);
    // One line for the CI total: the grid holds, or it does not.
    console.log(`rgaa: ${problems.length === 0 ? 1 : 0} passed, ${problems.length === 0 ? 0 : 1} failed`);
    process.exit(problems.length > 0 ? 1 : 0);
  } else if (command === 'statement') {
    for (const [path, content] of [
      [STATEMENT_MD, statementMarkdown(grid)],
      [STATEMENT_DATA, statementData(grid)],
    ] as const) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
      console.log(`écrit : ${path}`);
    }
    const updated = withReadmeSummary(readFileSync(join(root, README), 'utf8'), grid);
    if (updated === null) {
      console.error(`${README} : ajoutez les lignes ${README_START} et ${README_END} là où le résumé doit aller.`);
      process.exit(1);
    }
    writeFileSync(join(root, README), updated);
    console.log(`écrit : le résumé d'accessibilité de ${README}`);
  } else {
    console.error('usage : scripts/rgaa.ts check [--results test-results] [--run <id>] | statement');
    process.exit(2);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
