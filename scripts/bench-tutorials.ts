/**
 * Tutorial benchmarks:
 *  - build time and peak memory for 1,000 generated tutorials (a child process, measured from outside; target < 10 s);
 *  - the same build again, all unchanged (the incremental path);
 *  - search latency over those 1,000 tutorials, p50 / p95 over 500 queries (target p95 < 5 ms);
 *  - the walkthrough chunk's size, gzip.
 * Usage: node --import tsx scripts/bench-tutorials.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { loadSearchIndex } from '@aide/walkthrough/search';
import type { TutorialIndex } from '@aide/walkthrough/format';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aide-bench-tutorials-'));
const source = join(dir, 'tutorials');
mkdirSync(source);

const themes = ['premiers pas', 'démarches administratives', 'au quotidien', 'communiquer', 'santé', 'éducation et formation'];
const subjects = ['revenus', 'logement', 'retraite', 'carte grise', 'santé', 'école', 'emploi', 'impôts', 'transport', 'énergie', 'banque', 'famille'];
const verbs = ['Déclarer', 'Demander', 'Suivre', 'Modifier', 'Payer', 'Consulter', 'Créer', 'Renouveler'];
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;

for (let i = 0; i < 1000; i++) {
  const subject = pick(subjects);
  const title = `${pick(verbs)} ${subject} numéro ${i}`;
  const steps = Array.from({ length: 4 + (i % 6) }, (_, s) => `## Faire l'action ${s + 1}\n\nOuvrez le site. Cliquez sur le bouton ${s + 1}. Écrivez votre ${subject}.\n\n> Astuce : Gardez vos papiers près de vous.\n`).join('\n');
  writeFileSync(
    join(source, `tutoriel-${i}.md`),
    `---\ntitle: ${title}\nsummary: Apprendre à ${title.toLowerCase()} en ligne, étape par étape.\ntheme: ${pick(themes)}\nlevel: débutant\nduration: ${5 + (i % 30)}\nupdated: 2026-01-01\ntags: [${subject}, démarche]\n---\n\nUne introduction courte.\n\n${steps}`,
  );
}

function timedBuild(label: string) {
  const script = `import { buildCorpus } from ${JSON.stringify(import.meta.resolve('@aide/tutorial-tools'))};
    const t = performance.now();
    const r = await buildCorpus({ source: ${JSON.stringify(source)}, out: ${JSON.stringify(join(dir, 'out'))}, cache: ${JSON.stringify(join(dir, 'cache'))} });
    console.log(JSON.stringify({ ms: performance.now() - t, built: r.built.length, reused: r.reused.length, failed: r.failed.length }));`;
  const started = performance.now();
  // GNU time measures the child's peak memory (maximum resident set size).
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  const wall = performance.now() - started;
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as { ms: number; built: number; reused: number; failed: number };
  const peakKb = Number(run.stderr.trim().split('\n').pop());
  console.log(
    `  ${label.padEnd(30)} ${(result.ms / 1000).toFixed(2)} s in the build (${(wall / 1000).toFixed(2)} s with Node start-up), ` +
      `peak memory ${(peakKb / 1024).toFixed(0)} MB, ${result.built} built, ${result.reused} unchanged, ${result.failed} failed`,
  );
  return wall;
}

if (!existsSync('/usr/bin/time')) console.log('(GNU time absent: apt-get install time, for the peak memory)');
console.log('\nTutorials: build of 1,000 generated tutorials (target < 10 s)');
const cold = timedBuild('first build');
timedBuild('second build, nothing changed');

const index = JSON.parse(readFileSync(join(dir, 'out/index.json'), 'utf8')) as TutorialIndex;
const search = loadSearchIndex(readFileSync(join(dir, 'out', index.search), 'utf8'));
const queries = Array.from({ length: 500 }, () => `${pick(verbs).toLowerCase()} ${pick(subjects)}`);
for (const q of queries.slice(0, 50)) search(q);
const times = queries.map((q) => {
  const t = performance.now();
  search(q);
  return performance.now() - t;
});
times.sort((a, b) => a - b);
const p95 = times[Math.floor(times.length * 0.95)]!;
console.log('\nTutorials: search over 1,000 tutorials (500 queries; target p95 < 5 ms)');
console.log(`  p50 ${times[Math.floor(times.length / 2)]!.toFixed(2)} ms   p95 ${p95.toFixed(2)} ms   max ${times.at(-1)!.toFixed(2)} ms   ${p95 < 5 ? 'ok' : 'MISSED'}`);
console.log(`  search index: ${(readFileSync(join(dir, 'out', index.search)).length / 1024).toFixed(0)} KB, ${(gzipSync(readFileSync(join(dir, 'out', index.search))).length / 1024).toFixed(0)} KB gzip`);

const chunks = join(root, 'dist/aide/chunks');
if (existsSync(chunks)) {
  console.log('\nWalkthrough chunks (gzip -9)');
  for (const f of readdirSync(chunks).filter((f) => f.startsWith('walkthrough-') || f.startsWith('search-'))) {
    console.log(`  ${f.padEnd(30)} ${(gzipSync(readFileSync(join(chunks, f)), { level: 9 }).length / 1024).toFixed(1)} KB`);
  }
}
console.log(`\nbuild target < 10 s: ${cold < 10_000 ? 'ok' : 'MISSED'}`);
