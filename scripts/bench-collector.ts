/**
 * Collector benchmark: POST /api/v1/feedback throughput and latency, on SQLite (the embedded default) and on a real
 * PostgreSQL server from Debian's packages, with autocannon on loopback. The service runs as its own process, as
 * in production (one core for it, one for the load generator on this 2-core machine). Every request carries a new
 * idempotency key, so each one is a real durable write; afterwards the rows stored are counted and must equal the
 * writes acknowledged.
 *
 *   node --import tsx scripts/bench-collector.ts [--seconds 10] [--connections 32]
 *
 * Target (issue 5): at least 3,000 acknowledged writes per second on SQLite with p99 under 30 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort, startPostgres } from '../packages/collector/test/postgres.ts';

const main = fileURLToPath(new URL('../packages/collector/src/main.ts', import.meta.url));
const TOKEN = 'jeton-du-banc-d-essai-0123456789';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' } } });
const seconds = Number(values.seconds);
const connections = Number(values.connections);

const body = JSON.stringify({
  procedure: 'demande-logement',
  pageStep: '2',
  satisfaction: 'medium',
  clarity: 4,
  difficulties: ['attachments'],
  help: ['phone'],
  comment: 'Le téléversement du bail a échoué deux fois avant de fonctionner.',
  locale: 'fr',
});

async function startService(env: Record<string, string>): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, ...env, PORT: String(port), AIDE_RATE_LIMIT_MAX: '1000000', AIDE_LOG_LEVEL: 'silent', AIDE_EXPORT_TOKEN: TOKEN },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exitCode = null as number | null;
  child.once('exit', (code) => (exitCode = code ?? 1));
  for (let i = 0; i < 300 && exitCode === null; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return { port, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`le service de collecte n’a pas démarré${exitCode === null ? '' : ` (code de sortie ${exitCode})`}`);
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function storedRows(port: number): Promise<number> {
  const csv = await (await fetch(`http://127.0.0.1:${port}/api/v1/export.csv`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  return csv.split('\r\n').slice(1).filter(Boolean).length;
}

interface Figures {
  database: string;
  acknowledged: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  stored: number;
}

async function load(database: string, env: Record<string, string>): Promise<Figures> {
  const { port, child } = await startService(env);
  try {
    // A short warm-up (JIT, prepared statements, page cache) that is not counted.
    await autocannon({ url: `http://127.0.0.1:${port}/health`, connections: 4, duration: 1 });
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/api/v1/feedback`,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          // A new key for every request: each one is a new opinion, not an idempotent replay.
          setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }),
        },
      ],
    });
    const acknowledged = result['2xx'];
    return {
      database,
      acknowledged,
      perSecond: acknowledged / seconds,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx + result.timeouts,
      stored: await storedRows(port),
    };
  } finally {
    await stop(child);
  }
}

const figures: Figures[] = [];
const dir = mkdtempSync(join(tmpdir(), 'aide-bench-collector-'));
try {
  figures.push(await load('SQLite (WAL, synchronous=FULL)', { AIDE_SQLITE_PATH: join(dir, 'collector.sqlite') }));
  const postgres = await startPostgres();
  try {
    figures.push(await load('PostgreSQL (fsync on)', { DATABASE_URL: postgres.url }));
  } finally {
    postgres.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`\nCollector: POST /api/v1/feedback, ${connections} connections, ${seconds} s per database (autocannon, loopback)\n`);
console.log(`${'database'.padEnd(32)}${'writes/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'acked'.padStart(9)}${'stored'.padStart(9)}${'errors'.padStart(8)}`);
for (const f of figures) {
  console.log(
    `${f.database.padEnd(32)}${f.perSecond.toFixed(0).padStart(10)}${String(f.p50).padStart(9)}${String(f.p99).padStart(9)}${String(f.acknowledged).padStart(9)}${String(f.stored).padStart(9)}${String(f.errors).padStart(8)}`,
  );
}
const sqlite = figures[0]!;
console.log(`\ntarget on SQLite: ≥ 3000 writes/s with p99 < 30 ms → ${sqlite.perSecond >= 3000 && sqlite.p99 < 30 ? 'met' : 'NOT met'}`);
// A write still in flight when the load stops may be stored without being counted: more is fine, fewer is a loss.
const lost = figures.filter((f) => f.stored < f.acknowledged);
if (lost.length) {
  console.log(`acknowledged writes missing from the database: ${lost.map((f) => `${f.database} ${f.acknowledged - f.stored}`).join(', ')}`);
  process.exit(1);
}
