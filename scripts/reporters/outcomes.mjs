// The machine-readable results of a test run, one file per runner in test-results/: what the RGAA grid check
// (scripts/rgaa.ts check --results test-results) reads to count a criterion « conforme » only when every test it
// cites ran in this run and passed. Plain JavaScript: the web-test-runner and node:test reporters load it as is.
//
//   test-results/<runner>-outcomes.json = {
//     runner, runId, finishedAt,
//     outcomes: [{ file, title, passed, browser? }],   // file relative to the repository, title "suite › test"
//     checks?: { [id]: { passed, failed } }            // the e2e harness's checks (test/a11y/harness.ts)
//   }
//
// runId comes from AIDE_RUN_ID (set once by scripts/test-all.sh for the whole run): a file left by an earlier run
// does not count.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS_DIR = join(root, 'test-results');

/** Where a runner writes its outcomes. */
export function outcomesFile(runner) {
  return join(RESULTS_DIR, `${runner}-outcomes.json`);
}

/** A path as the grid writes it: relative to the repository, with forward slashes. */
export function repoPath(file) {
  const path = file.startsWith('file://') ? fileURLToPath(file) : file;
  return (isAbsolute(path) ? relative(root, path) : path).split('\\').join('/');
}

export function writeOutcomes(runner, outcomes, extra = {}) {
  const file = outcomesFile(runner);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    JSON.stringify({ runner, runId: process.env.AIDE_RUN_ID || null, finishedAt: new Date().toISOString(), ...extra, outcomes }, null, 1),
  );
  return file;
}
