// Runs every Node-side test (packages/*/test/**/*.test.ts, scripts/**/*.test.ts) with node:test and tsx.
// Usage: node scripts/run-node-tests.mjs [path-filter ...]
import { spawn } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const filters = process.argv.slice(2);

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.test.ts') || name.endsWith('.test.mjs')) out.push(path);
  }
  return out;
}

const files = [];
for (const pkg of readdirSync(join(root, 'packages'))) walk(join(root, 'packages', pkg, 'test'), files);
walk(join(root, 'scripts'), files);
walk(join(root, 'test/screen-reader'), files);
walk(join(root, 'test/a11y'), files);
const selected = files
  .map((f) => relative(root, f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (selected.length === 0) {
  console.log('node: 0 passed, 0 failed');
  process.exit(0);
}

// The spec reporter's closing figures are read from its output; a run killed on its way prints none, which counts as
// a failure. No --test-force-exit: it drops the tail of a file's results before the parent reads them, so tests that
// ran (passed or failed) vanish from the report at exit 0 (nodejs/node#64833; 18 masking tests were lost so). A file
// that leaves a handle open hangs instead: scripts/test-all.sh stops the runner at its time limit, a loud failure.
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-timeout=300000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    // Each test's outcome for the RGAA grid check (test-results/node-outcomes.json); prints nothing.
    '--test-reporter=./scripts/reporters/node-summary.mjs',
    '--test-reporter-destination=stdout',
    ...selected,
  ],
  { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] },
);
const figures = {};
let pending = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  pending += chunk.toString('utf8');
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    // eslint-disable-next-line no-control-regex -- colour codes, when a terminal forced them
    const m = /^ℹ (pass|fail|cancelled|skipped|todo) (\d+)/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''));
    if (m) figures[m[1]] = Number(m[2]);
  }
});
child.on('close', (code) => {
  const complete = 'pass' in figures && 'fail' in figures;
  const passed = figures.pass ?? 0;
  // A skipped or unfinished test is not a pass.
  const failed = (figures.fail ?? 0) + (figures.cancelled ?? 0) + (figures.skipped ?? 0) + (figures.todo ?? 0) + (complete ? 0 : 1);
  console.log(`node: ${passed} passed, ${failed} failed`);
  process.exit(code === 0 && failed === 0 ? 0 : 1);
});
