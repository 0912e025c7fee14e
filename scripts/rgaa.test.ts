/**
 * The audit grid's checker: what it must refuse. A criterion missing, a status without what it requires, a cited
 * test that does not exist, that did not run in this run (in each browser where it must), that failed, a harness
 * check that never ran or failed, results from another run, the RGAA's criteria file missing; and the rate, where
 * « à confirmer » is not met.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkGrid,
  checkResults,
  conformanceRate,
  loadGrid,
  sourceOf,
  statementData,
  statementMarkdown,
  WCAG22_NEW,
  type Grid,
  type GridEntry,
  type RunnerResults,
} from './rgaa.ts';

// Real tests of the project, cited as the grid cites them.
const E2E = 'test/e2e/panel.spec.ts::open: every check passes; the close button returns focus to the launcher';
const E2E_TITLE = 'launcher and panel › open: every check passes; the close button returns focus to the launcher';
const UNIT = 'packages/embed/src/launcher/launcher.test.ts::is a named button with aria-expanded, translated by locale';
const UNIT_TITLE = '<aide-help> launcher › is a named button with aria-expanded, translated by locale';
const NODE = 'scripts/rgaa.test.ts::refuses a cited test that failed';
const JOURNEY = 'test/screen-reader/journeys/panel.journey.ts::le panneau : l’ouvrir, parcourir son premier écran, aller à la page et revenir, le fermer';

const entry = (id: string, over: Partial<GridEntry> = {}): GridEntry => ({
  id,
  theme: 'Couleurs',
  title: `Critère ${id}`,
  applies: ['panel'],
  status: 'conforme',
  automated: [E2E],
  manual: null,
  note: null,
  ...over,
});

// The WCAG 2.2 part, present and out of the way of what each test checks.
const wcag22 = (): GridEntry[] => WCAG22_NEW.map((c) => entry(c.id, { title: c.title, status: 'non applicable', automated: [], note: 'rien de tel' }));

const grid = (criteria: GridEntry[], wcag: GridEntry[] = wcag22()): Grid => ({
  standard: 'RGAA 4.1.2',
  scope: 'Aide numérique (widget)',
  auditDate: '2026-12-07',
  auditor: 'test',
  environment: { browsers: [], assistiveTechnologies: [], tools: [] },
  sample: [],
  criteria,
  wcag22: wcag,
});

function reference(ids: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rgaa-')), 'criteria.json');
  writeFileSync(file, JSON.stringify(ids.map((id) => ({ id, titleText: `Critère ${id}` }))));
  return file;
}

/** This run's results, every cited test passed. */
function results(over: { e2e?: RunnerResults['outcomes']; checks?: RunnerResults['checks']; unit?: RunnerResults['outcomes']; runId?: string } = {}): RunnerResults[] {
  const runId = over.runId ?? 'run-1';
  return [
    { runner: 'e2e', runId, outcomes: over.e2e ?? [{ file: 'test/e2e/panel.spec.ts', title: E2E_TITLE, passed: true }], checks: over.checks ?? { 'focus-not-obscured': { passed: 12, failed: 0 } } },
    {
      runner: 'unit-chromium',
      runId,
      outcomes: over.unit ?? [{ file: 'packages/embed/src/launcher/launcher.test.ts', title: UNIT_TITLE, passed: true, browser: 'Chromium' }],
    },
    { runner: 'unit-firefox', runId, outcomes: [{ file: 'packages/embed/src/launcher/launcher.test.ts', title: UNIT_TITLE, passed: true, browser: 'Firefox' }] },
    { runner: 'node', runId, outcomes: [{ file: 'scripts/rgaa.test.ts', title: 'RGAA audit grid checker › refuses a cited test that failed', passed: true }] },
    {
      runner: 'screen-reader',
      runId,
      outcomes: ['chromium', 'firefox'].map((browser) => ({ file: 'test/screen-reader/journeys/panel.journey.ts', title: JOURNEY.split('::')[1]!, passed: true, browser })),
    },
  ];
}

const allKinds = grid([entry('3.1', { automated: [E2E, UNIT, NODE, JOURNEY, 'test/a11y/harness.ts::focus-not-obscured'] })]);

describe('RGAA audit grid checker', () => {
  test('accepts a grid whose every criterion is proven by tests that exist, ran in this run and passed', () => {
    assert.deepEqual(checkGrid(allKinds, reference(['3.1'])), []);
    assert.deepEqual(checkResults(allKinds, results(), 'run-1'), []);
  });

  test('refuses a cited test that failed', () => {
    const problems = checkResults(allKinds, results({ e2e: [{ file: 'test/e2e/panel.spec.ts', title: E2E_TITLE, passed: false }] }), 'run-1');
    assert.deepEqual(problems, [`3.1: « ${E2E_TITLE} » (test/e2e/panel.spec.ts) a échoué`]);
  });

  test('refuses a cited test that did not run in this run', () => {
    const problems = checkResults(allKinds, results({ e2e: [] }), 'run-1');
    assert.deepEqual(problems, [`3.1: « ${E2E.split('::')[1]} » (test/e2e/panel.spec.ts) n'a pas tourné`]);
  });

  test('refuses a component test that ran in Chromium but not in Firefox, or failed in one of them', () => {
    const noFirefox = results().filter((r) => r.runner !== 'unit-firefox');
    assert.deepEqual(checkResults(allKinds, noFirefox, 'run-1'), [`3.1: « ${UNIT.split('::')[1]} » (packages/embed/src/launcher/launcher.test.ts) n'a pas tourné dans firefox`]);
    const failed = results({ unit: [{ file: 'packages/embed/src/launcher/launcher.test.ts', title: UNIT_TITLE, passed: false, browser: 'Chromium' }] });
    assert.deepEqual(checkResults(allKinds, failed, 'run-1'), [`3.1: « ${UNIT_TITLE} » (packages/embed/src/launcher/launcher.test.ts) a échoué dans chromium`]);
  });

  test('refuses a screen-reader journey that failed in one browser', () => {
    const r = results();
    r.find((x) => x.runner === 'screen-reader')!.outcomes[1]!.passed = false;
    assert.deepEqual(checkResults(allKinds, r, 'run-1'), [`3.1: « ${JOURNEY.split('::')[1]} » (test/screen-reader/journeys/panel.journey.ts) a échoué`]);
  });

  test('refuses a harness check that never ran, or failed once', () => {
    assert.deepEqual(checkResults(allKinds, results({ checks: {} }), 'run-1'), ['3.1: le contrôle « focus-not-obscured » du harnais n\'a tourné dans aucun test de cette exécution']);
    const failedOnce = checkResults(allKinds, results({ checks: { 'focus-not-obscured': { passed: 11, failed: 1 } } }), 'run-1');
    assert.ok(failedOnce.includes('3.1: le contrôle « focus-not-obscured » du harnais a échoué 1 fois'));
  });

  test('refuses results missing for a runner, or left by another run', () => {
    const noNode = results().filter((r) => r.runner !== 'node');
    assert.deepEqual(checkResults(allKinds, noNode, 'run-1'), [
      "3.1: aucun résultat de « node » dans cette exécution (test-results/node-outcomes.json) : ses tests n'ont pas tourné",
    ]);
    const stale = results().map((r) => (r.runner === 'screen-reader' ? { ...r, runId: 'run-0' } : r));
    const problems = checkResults(allKinds, stale, 'run-1');
    assert.ok(problems.includes("screen-reader: résultats d'une autre exécution (run-0, attendu run-1) : ils ne comptent pas"));
    assert.ok(problems.some((p) => p.includes('aucun résultat de « screen-reader »')));
  });

  test('a test title must be the cited one exactly, not a part of it', () => {
    const partial = grid([entry('3.1', { automated: ['test/e2e/panel.spec.ts::open'] })]);
    assert.deepEqual(checkResults(partial, results(), 'run-1'), ["3.1: « open » (test/e2e/panel.spec.ts) n'a pas tourné"]);
  });

  test('refuses a missing criteria file: the grid cannot be checked without it', () => {
    const problems = checkGrid(grid([entry('3.1')]), join(tmpdir(), 'no-such-dir', 'criteria.json'));
    assert.match(problems[0]!, /^les critères du RGAA sont introuvables/);
    assert.match(checkGrid(grid([entry('3.1')]), null)[0]!, /^les critères du RGAA sont introuvables/);
  });

  test('refuses a criterion missing, unknown or twice, and a title that is not the RGAA one', () => {
    const problems = checkGrid(grid([entry('3.1', { title: 'autre' }), entry('3.1'), entry('99.1')]), reference(['3.1', '3.2']));
    assert.ok(problems.includes('3.2: absent de la grille'));
    assert.ok(problems.includes('3.1: intitulé différent du RGAA'));
    assert.ok(problems.includes('3.1: en double'));
    assert.ok(problems.includes("99.1: n'est pas un critère du RGAA 4.1.2"));
  });

  test('refuses a grid without every criterion WCAG 2.2 adds', () => {
    const problems = checkGrid(grid([entry('3.1')], wcag22().filter((c) => c.id !== '2.5.8')), reference(['3.1']));
    assert.deepEqual(problems, ['WCAG 2.2 2.5.8: absent de la grille']);
  });

  test('refuses a status without what it requires', () => {
    const problems = checkGrid(
      grid([
        entry('3.1', { automated: [] }),
        entry('3.2', { status: 'non applicable', automated: [] }),
        entry('3.3', { status: 'à confirmer' }),
        entry('4.1', { status: 'non conforme' }),
        entry('4.2', { status: 'peut-être' as GridEntry['status'] }),
      ]),
      null,
    ).slice(1);
    assert.deepEqual(problems, [
      '3.1: « conforme » sans test ni vérification manuelle',
      '3.2: « non applicable » sans justification',
      "3.3: « à confirmer » sans dire ce qu'une personne doit vérifier",
      '4.1: « non conforme » sans dire ce qui ne va pas',
      '4.2: statut inconnu « peut-être » (conforme, non conforme, non applicable, à confirmer)',
    ]);
  });

  test('refuses a reference to a missing file, to a text not in it, to a file that is not a test, or badly written', () => {
    const problems = checkGrid(
      grid([
        entry('3.1', { automated: ['test/e2e/absent.spec.ts::x'] }),
        entry('3.2', { automated: ['test/e2e/panel.spec.ts::a test nobody wrote'] }),
        entry('3.3', { automated: ['no separator'] }),
        entry('4.1', { automated: ['test/e2e/fixtures.ts::a new window opened'] }),
        entry('4.2', { automated: ['test/a11y/harness.ts::no-such-check'] }),
      ]),
      null,
    ).slice(1);
    assert.deepEqual(problems, [
      "3.1: le fichier de test test/e2e/absent.spec.ts n'existe pas",
      '3.2: « a test nobody wrote » introuvable dans test/e2e/panel.spec.ts',
      '3.3: référence de test mal écrite « no separator » (attendu : chemin::titre du test)',
      "4.1: test/e2e/fixtures.ts n'est pas un fichier de test (ni le harnais, ni un test, ni un parcours)",
      '4.2: « no-such-check » introuvable dans test/a11y/harness.ts',
    ]);
  });

  test('knows which runner proves each kind of file', () => {
    assert.equal(sourceOf('packages/locator/src/locator/locator.test.ts'), 'unit');
    assert.equal(sourceOf('packages/locator/test/hours.test.ts'), 'node');
    assert.equal(sourceOf('test/e2e/locator.spec.ts'), 'e2e');
    assert.equal(sourceOf('test/screen-reader/journeys/locator.journey.ts'), 'screen-reader');
    assert.equal(sourceOf('test/a11y/harness.ts'), 'harness');
    assert.equal(sourceOf('README.md'), null);
  });

  test('conformance rate: met criteria over applicable ones, « à confirmer » not met, rounded down', () => {
    const rate = conformanceRate([
      entry('1.1'),
      entry('1.2'),
      entry('1.3', { status: 'non conforme', note: 'x' }),
      entry('1.4', { status: 'à confirmer', note: 'NVDA' }),
      entry('4.1', { status: 'non applicable', note: 'pas de vidéo' }),
    ]);
    assert.deepEqual(rate, { applicable: 4, conforme: 2, nonConforme: 1, aConfirmer: 1, nonApplicable: 1, rate: 50 });
    const g = grid([entry('1.1'), entry('1.3', { status: 'à confirmer', note: 'à vérifier avec NVDA' })]);
    assert.match(statementMarkdown(g), /partiellement conforme/);
    assert.match(statementMarkdown(g), /1 à confirmer par une personne/);
    assert.match(statementMarkdown(g), /Critère 1\.3 : Critère 1\.3 à vérifier avec NVDA/);
    assert.match(statementData(g), /"rate": 50/);
  });

  test('the project grid covers the 106 criteria of RGAA 4.1.2 and the 6 WCAG 2.2 adds', () => {
    const project = loadGrid();
    assert.equal(project.criteria.length, 106);
    assert.equal(new Set(project.criteria.map((c) => c.id)).size, 106);
    assert.deepEqual(project.wcag22.map((c) => c.id).sort(), WCAG22_NEW.map((c) => c.id).sort());
  });
});
