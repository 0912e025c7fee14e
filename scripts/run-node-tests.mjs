// Runs every Node-side test (packages/*/test/**/*.test.ts, scripts/**/*.test.ts) with node:test and tsx.
// Usage: node scripts/run-node-tests.mjs [path-filter ...]
import { spawnSync } from 'node:child_process';
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
const selected = files
  .map((f) => relative(root, f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (selected.length === 0) {
  console.log('node: 0 passed, 0 failed');
  process.exit(0);
}

const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    // A test that fails can leave a handle open (a client loop, a socket): the file still ends, never hangs the run.
    '--test-force-exit',
    '--test-timeout=300000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/reporters/node-summary.mjs',
    '--test-reporter-destination=stdout',
    ...selected,
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
