/**
 * The RGAA 4.1 audit grid (test/a11y/rgaa-grid.json) and the accessibility statement generated from it.
 *
 *   node --import tsx scripts/rgaa.ts check [--results test-results/e2e-outcomes.json]
 *        checks the grid against ../shared/rgaa/criteria.json and the test suite, prints the conformance rate;
 *        with --results (written by every Playwright run), also that each end-to-end test the grid names passed.
 *        Exit 1 on any problem.
 *   node --import tsx scripts/rgaa.ts statement
 *        writes the statement: packages/embed/ACCESSIBILITE.md, the data module the panel shows
 *        (packages/embed/src/accessibility/statement-data.ts) and the summary in README.md.
 *
 * A criterion marked automated names the tests that prove it as "path::text", where the text must appear in that
 * file (a test title, or the name of a harness check that every end-to-end state runs). CI runs those tests.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export type Status = 'conforme' | 'non conforme' | 'non applicable';

export interface GridEntry {
  id: string;
  theme: string;
  title: string;
  /** Components the criterion concerns: launcher, panel, walkthrough, locator, feedback, or none. */
  applies: string[];
  status: Status;
  /** Tests that prove it: "path::text that appears in that file". */
  automated: string[];
  /** For what needs a person: how it was checked and what was found. */
  manual: { procedure: string; result: string; date: string } | null;
  /** Why a criterion does not apply, or what remains for a non-conformity. */
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
}

export function loadGrid(): Grid {
  return JSON.parse(readFileSync(join(root, 'test/a11y/rgaa-grid.json'), 'utf8')) as Grid;
}

export interface Rate {
  applicable: number;
  conforme: number;
  nonConforme: number;
  nonApplicable: number;
  /** Percentage of applicable criteria that are met, rounded down to one decimal. */
  rate: number;
}

export function conformanceRate(grid: Grid): Rate {
  const conforme = grid.criteria.filter((c) => c.status === 'conforme').length;
  const nonConforme = grid.criteria.filter((c) => c.status === 'non conforme').length;
  const applicable = conforme + nonConforme;
  return {
    applicable,
    conforme,
    nonConforme,
    nonApplicable: grid.criteria.length - applicable,
    rate: applicable === 0 ? 0 : Math.floor((conforme / applicable) * 1000) / 10,
  };
}

/** Problems of the grid: missing or unknown criteria, unproven statuses, references to tests that do not exist. */
export function checkGrid(grid: Grid, criteriaFile: string | null): string[] {
  const problems: string[] = [];
  if (criteriaFile) {
    const reference = JSON.parse(readFileSync(criteriaFile, 'utf8')) as { id: string; titleText: string }[];
    const ids = new Set(grid.criteria.map((c) => c.id));
    for (const criterion of reference) {
      if (!ids.has(criterion.id)) problems.push(`${criterion.id}: absent de la grille`);
      const entry = grid.criteria.find((c) => c.id === criterion.id);
      if (entry && entry.title !== criterion.titleText) problems.push(`${criterion.id}: intitulé différent du RGAA`);
    }
    for (const id of ids) if (!reference.some((c) => c.id === id)) problems.push(`${id}: n'est pas un critère du RGAA 4.1.2`);
  }
  const seen = new Set<string>();
  for (const entry of grid.criteria) {
    if (seen.has(entry.id)) problems.push(`${entry.id}: en double`);
    seen.add(entry.id);
    if (entry.status === 'non applicable') {
      if (!entry.note) problems.push(`${entry.id}: « non applicable » sans justification`);
      continue;
    }
    if (entry.status === 'conforme' && entry.automated.length === 0 && !entry.manual) {
      problems.push(`${entry.id}: « conforme » sans test ni vérification manuelle`);
    }
    if (entry.manual && (!entry.manual.procedure || !entry.manual.result || !/^\d{4}-\d{2}-\d{2}$/.test(entry.manual.date))) {
      problems.push(`${entry.id}: vérification manuelle incomplète (procédure, résultat, date AAAA-MM-JJ)`);
    }
    for (const reference of entry.automated) {
      const [path, text] = reference.split('::');
      if (!path || !text) {
        problems.push(`${entry.id}: référence de test mal écrite « ${reference} » (attendu : chemin::texte)`);
        continue;
      }
      const file = join(root, path);
      if (!existsSync(file)) problems.push(`${entry.id}: le fichier de test ${path} n'existe pas`);
      else if (!readFileSync(file, 'utf8').includes(text)) problems.push(`${entry.id}: « ${text} » introuvable dans ${path}`);
    }
  }
  return problems;
}

const STATEMENT_MD = 'packages/embed/ACCESSIBILITE.md';
const STATEMENT_DATA = 'packages/embed/src/accessibility/statement-data.ts';

export function statementMarkdown(grid: Grid): string {
  const rate = conformanceRate(grid);
  const level = rate.rate === 100 ? 'totalement conforme' : rate.rate >= 50 ? 'partiellement conforme' : 'non conforme';
  const nonConformities = grid.criteria.filter((c) => c.status === 'non conforme');
  const manual = grid.criteria.filter((c) => c.manual);
  return `# Déclaration d'accessibilité — ${grid.scope}

> Fichier généré par \`node --import tsx scripts/rgaa.ts statement\` à partir de la grille d'audit
> \`test/a11y/rgaa-grid.json\`. Ne pas modifier à la main.

Les administrations qui intègrent Aide numérique s'engagent à rendre leurs services en ligne accessibles,
conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration d'accessibilité
s'applique au composant **${grid.scope}** (lanceur, panneau d'aide, tutoriels, localisateur d'aide, formulaire
d'avis) ; chaque administration reste responsable de la déclaration de son propre site.

## État de conformité

${grid.scope} est **${level}** avec le ${grid.standard}.

## Résultats des tests

L'audit de conformité réalisé le ${grid.auditDate} par ${grid.auditor} révèle que **${rate.rate.toString().replace('.', ',')} %**
des critères du ${grid.standard} applicables sont respectés : ${rate.conforme} critères conformes,
${rate.nonConforme} non conformes, ${rate.nonApplicable} non applicables (sur ${grid.criteria.length}).

## Contenus non accessibles

### Non-conformités

${nonConformities.length === 0 ? 'Aucune.' : nonConformities.map((c) => `- Critère ${c.id} : ${c.title} ${c.note ?? ''}`).join('\n')}

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

## Grille d'audit

| critère | thème | statut | preuve |
| --- | --- | --- | --- |
${grid.criteria
  .map(
    (c) =>
      `| ${c.id} | ${c.theme} | ${c.status} | ${
        c.status === 'non applicable'
          ? (c.note ?? '')
          : [...c.automated.map((a) => `\`${a.split('::')[0]}\` « ${a.split('::')[1]} »`), c.manual ? `vérification manuelle (${c.manual.date})` : '']
              .filter(Boolean)
              .join(' ; ')
      } |`,
  )
  .join('\n')}
`;
}

const README = 'README.md';
const README_START = '<!-- rgaa:début (généré par scripts/rgaa.ts statement) -->';
const README_END = '<!-- rgaa:fin -->';

export function readmeSummary(grid: Grid): string {
  const rate = conformanceRate(grid);
  const level = rate.rate === 100 ? 'totalement conforme' : rate.rate >= 50 ? 'partiellement conforme' : 'non conforme';
  return `${README_START}
Aide numérique est **${level}** au ${grid.standard} : **${rate.rate.toString().replace('.', ',')} %** des critères
applicables sont respectés (${rate.conforme} conformes, ${rate.nonConforme} non conformes, ${rate.nonApplicable} non
applicables ; audit du ${grid.auditDate}). Déclaration d'accessibilité complète :
[\`packages/embed/ACCESSIBILITE.md\`](packages/embed/ACCESSIBILITE.md), publiée avec le widget
(\`accessibilite.html\` à côté d'\`aide.js\`) et résumée dans le panneau (bouton « Accessibilité » en bas du
panneau). Grille d'audit : \`test/a11y/rgaa-grid.json\`, vérifiée contre les tests par
\`node --import tsx scripts/rgaa.ts check\` (lancé par \`npm test\`).
${README_END}`;
}

function withReadmeSummary(readme: string, grid: Grid): string | null {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start === -1 || end === -1) return null;
  return readme.slice(0, start) + readmeSummary(grid) + readme.slice(end + README_END.length);
}

/** Problems with end-to-end tests named by the grid in a Playwright run: not run, or failed. */
export function checkResults(grid: Grid, outcomes: { file: string; title: string; passed: boolean }[]): string[] {
  const problems: string[] = [];
  for (const entry of grid.criteria) {
    for (const reference of entry.automated) {
      const [path, text] = reference.split('::');
      if (!path?.startsWith('test/e2e/') || !text) continue;
      const runs = outcomes.filter((o) => o.file === path && o.title.includes(text));
      // A reference to a spec file that is not a test title (a helper it calls) is checked for existence only.
      if (runs.length === 0) continue;
      for (const run of runs.filter((r) => !r.passed)) problems.push(`${entry.id}: le test « ${run.title} » (${path}) a échoué`);
    }
  }
  return problems;
}

export function statementData(grid: Grid): string {
  const rate = conformanceRate(grid);
  return `// Generated by scripts/rgaa.ts from test/a11y/rgaa-grid.json. Do not edit.
export const statement = ${JSON.stringify(
    {
      standard: grid.standard,
      auditDate: grid.auditDate,
      rate: rate.rate,
      conforme: rate.conforme,
      nonConforme: rate.nonConforme,
      nonApplicable: rate.nonApplicable,
    },
    null,
    2,
  )} as const;
`;
}

function main() {
  const command = process.argv[2];
  const grid = loadGrid();
  if (command === 'check') {
    const shared = process.env.AIDE_SHARED ?? join(root, '../shared');
    const criteriaFile = join(shared, 'rgaa/criteria.json');
    const problems = checkGrid(grid, existsSync(criteriaFile) ? criteriaFile : null);
    // The statement is generated from the grid: it must not lag behind it.
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
    const resultsAt = process.argv.indexOf('--results');
    if (resultsAt !== -1) {
      const resultsFile = join(root, process.argv[resultsAt + 1] ?? '');
      if (!existsSync(resultsFile)) problems.push(`${process.argv[resultsAt + 1]} introuvable : lancez d'abord les tests de bout en bout`);
      else problems.push(...checkResults(grid, JSON.parse(readFileSync(resultsFile, 'utf8')) as Parameters<typeof checkResults>[1]));
    }
    const rate = conformanceRate(grid);
    console.log(`${grid.standard} : ${rate.conforme} conformes, ${rate.nonConforme} non conformes, ${rate.nonApplicable} non applicables`);
    console.log(`taux de conformité : ${rate.rate} %`);
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
    console.error('usage : scripts/rgaa.ts check | statement');
    process.exit(2);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
