/**
 * The audit grid's checker: what it must refuse (a criterion missing, a status without proof, a test that does not
 * exist or failed), and the conformance rate as the RGAA computes it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkGrid, checkResults, conformanceRate, loadGrid, statementMarkdown, type Grid, type GridEntry } from './rgaa.ts';

const entry = (id: string, over: Partial<GridEntry> = {}): GridEntry => ({
  id,
  theme: 'Couleurs',
  title: `Critère ${id}`,
  applies: ['panel'],
  status: 'conforme',
  automated: ['test/e2e/panel.spec.ts::open: every check passes'],
  manual: null,
  note: null,
  ...over,
});

const grid = (criteria: GridEntry[]): Grid => ({
  standard: 'RGAA 4.1.2',
  scope: 'Aide numérique (widget)',
  auditDate: '2026-12-02',
  auditor: 'test',
  environment: { browsers: [], assistiveTechnologies: [], tools: [] },
  sample: [],
  criteria,
});

function reference(ids: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rgaa-')), 'criteria.json');
  writeFileSync(file, JSON.stringify(ids.map((id) => ({ id, titleText: `Critère ${id}` }))));
  return file;
}

describe('RGAA audit grid checker', () => {
  test('accepts a grid whose every criterion is proven by a test that exists', () => {
    assert.deepEqual(checkGrid(grid([entry('3.1'), entry('3.2')]), reference(['3.1', '3.2'])), []);
  });

  test('refuses a criterion missing, unknown or twice, and a title that is not the RGAA one', () => {
    const problems = checkGrid(grid([entry('3.1', { title: 'autre' }), entry('3.1'), entry('99.1')]), reference(['3.1', '3.2']));
    assert.ok(problems.includes('3.2: absent de la grille'));
    assert.ok(problems.includes('3.1: intitulé différent du RGAA'));
    assert.ok(problems.includes('3.1: en double'));
    assert.ok(problems.includes("99.1: n'est pas un critère du RGAA 4.1.2"));
  });

  test('refuses a status without proof: conforme without test or manual check, non applicable without reason', () => {
    const problems = checkGrid(grid([entry('3.1', { automated: [] }), entry('3.2', { status: 'non applicable', automated: [] })]), null);
    assert.deepEqual(problems, ['3.1: « conforme » sans test ni vérification manuelle', '3.2: « non applicable » sans justification']);
  });

  test('refuses a test reference to a missing file or to a text that is not in it', () => {
    const problems = checkGrid(
      grid([
        entry('3.1', { automated: ['test/e2e/absent.spec.ts::x'] }),
        entry('3.2', { automated: ['test/e2e/panel.spec.ts::a test nobody wrote'] }),
        entry('3.3', { automated: ['no separator'] }),
      ]),
      null,
    );
    assert.deepEqual(problems, [
      "3.1: le fichier de test test/e2e/absent.spec.ts n'existe pas",
      '3.2: « a test nobody wrote » introuvable dans test/e2e/panel.spec.ts',
      '3.3: référence de test mal écrite « no separator » (attendu : chemin::texte)',
    ]);
  });

  test('refuses an incomplete manual check', () => {
    const problems = checkGrid(grid([entry('6.1', { automated: [], manual: { procedure: 'lu', result: '', date: 'hier' } })]), null);
    assert.deepEqual(problems, ['6.1: vérification manuelle incomplète (procédure, résultat, date AAAA-MM-JJ)']);
  });

  test('with the results of a run, a named end-to-end test that failed is a problem', () => {
    const g = grid([entry('3.1')]);
    const title = 'launcher and panel › open: every check passes; the close button returns focus to the launcher';
    assert.deepEqual(checkResults(g, [{ file: 'test/e2e/panel.spec.ts', title, passed: true }]), []);
    assert.deepEqual(checkResults(g, [{ file: 'test/e2e/panel.spec.ts', title, passed: false }]), [
      `3.1: le test « ${title} » (test/e2e/panel.spec.ts) a échoué`,
    ]);
  });

  test('conformance rate: met criteria over applicable ones, rounded down', () => {
    const rate = conformanceRate(grid([entry('1.1'), entry('1.2'), entry('1.3', { status: 'non conforme' }), entry('4.1', { status: 'non applicable', note: 'pas de vidéo' })]));
    assert.deepEqual(rate, { applicable: 3, conforme: 2, nonConforme: 1, nonApplicable: 1, rate: 66.6 });
    assert.match(statementMarkdown(grid([entry('1.1'), entry('1.3', { status: 'non conforme', note: 'à corriger' })])), /partiellement conforme/);
  });

  test('the project grid covers the 106 criteria of RGAA 4.1.2', () => {
    const project = loadGrid();
    assert.equal(project.criteria.length, 106);
    assert.equal(new Set(project.criteria.map((c) => c.id)).size, 106);
  });
});
