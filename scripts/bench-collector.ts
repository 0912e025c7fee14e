/**
 * Collector benchmarks, with the service as its own process built to JavaScript (as `pnpm collector` runs it), on
 * loopback, on SQLite (WAL, synchronous=FULL) and on a real PostgreSQL from Debian's packages (fsync on):
 *
 * - throughput: POST /api/v1/feedback with autocannon, a new key per request (each one a durable write).
 * - sustained: 32 connections for --sustained-seconds (default 300), kill -9 and restart every --kill-every (30) s,
 *   10 % replays of acknowledged keys; clients send a key again until it is acknowledged (as the browser queue does).
 *   Prints lost (acknowledged, not stored), duplicates (stored more than once, or a replay answered differently),
 *   writes/s overall and between crashes, restart time (spawn to ready).
 * - million: --rows (1,000,000) opinions loaded, then writes at --rate per second for 5 s not measured (warm-up), then
 *   alone (each from a person of its own, behind a trusted reverse proxy: one rate-limit counter each, as in
 *   production), then the same writes while
 *   agents read the statistics in a loop and export every row: stats p50/p95, writes p99, export time and the
 *   service's memory during the export.
 * - indicators: --rows opinions with --extras « Je suis bloqué » and --extras stories (100,000) over 90 days, then the
 *   back office's weekly indicators (indicators.ts, through the service's own store and reader) in four shapes:
 *   12 weeks of everything, one procedure, a responder's 3 procedures, and 104 weeks per procedure and week (the
 *   CSV): p50/p95 of --repeat (20) runs each.
 * - cluster: two instances on one PostgreSQL behind a round-robin proxy: writes/s with 10 % replays, 0 duplicates,
 *   and one client's limit shared by both instances.
 *
 *   node --import tsx scripts/bench-collector.ts [--only throughput,sustained,million,indicators,cluster]
 *     [--databases sqlite,postgres] [--seconds 10] [--connections 32] [--sustained-seconds 300] [--kill-every 30]
 *     [--rows 1000000] [--rate 1000] [--phase-seconds 30] [--extras 100000] [--repeat 20]
 *
 * Targets (issue 12): 0 lost, 0 duplicates, restart to ready ≤ 2 s; with 1,000,000 rows, stats p95 ≤ 200 ms while
 * writes keep p99 ≤ 30 ms, export in constant memory. Exits non-zero if a write was lost or duplicated.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startPostgres } from '../packages/collector/test/postgres.ts';
import { OPERATOR_TOKEN, buildService, startService, type Service } from '../packages/collector/test/service.ts';
import { postFrom, startProxy } from '../packages/collector/test/proxy.ts';
import { backend, countRows, loadRows } from '../packages/collector/test/bench-support.ts';
import { openStore } from '../packages/collector/src/store/index.ts';
import { periodOf, weeklyIndicators } from '../packages/collector/src/indicators.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'throughput,sustained,million,indicators,cluster' },
    databases: { type: 'string', default: 'sqlite,postgres' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    'sustained-seconds': { type: 'string', default: process.env.AIDE_BENCH_SUSTAINED_SECONDS ?? '300' },
    'kill-every': { type: 'string', default: '30' },
    rows: { type: 'string', default: process.env.AIDE_BENCH_ROWS ?? '1000000' },
    rate: { type: 'string', default: '1000' },
    'phase-seconds': { type: 'string', default: '30' },
    extras: { type: 'string', default: '100000' },
    repeat: { type: 'string', default: '20' },
  },
});
const only = new Set(values.only.split(','));
const databases = values.databases.split(',') as ('sqlite' | 'postgres')[];
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const problems: string[] = [];

const body = (comment: string) =>
  JSON.stringify({ procedure: 'demande-logement', pageStep: '2', satisfaction: 'medium', clarity: 4, difficulties: ['attachments'], help: ['phone'], comment, locale: 'fr' });

/** A new person's address (IPv4, 10.0.0.0/8). */
const someoneElse = () => `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
/** This machine is shared: the load average says how much the figures below were competing for its 2 cores. */
const load = () => `load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`;
const table = (head: string[], rows: (string | number)[][]) => {
  console.log(`(${load()} at the end of the run)\n`);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)) + 2);
  console.log(head.map((h, i) => (i === 0 ? h.padEnd(widths[i]!) : h.padStart(widths[i]!))).join(''));
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join(''));
};

/**
 * Clients like the browser queue: a new opinion, or (10 %) the replay of an acknowledged one; a key without an
 * answer (service down, 503) is sent again until it is acknowledged. Replays must get the first answer again.
 */
function clients(target: () => string, count: number, post?: (url: string, key: string, payload: string) => Promise<{ status: number; text: string }>) {
  const send =
    post ??
    (async (url: string, key: string, payload: string) => {
      const r = await fetch(`${url}/api/v1/feedback`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: payload, signal: AbortSignal.timeout(10_000) });
      return { status: r.status, text: await r.text() };
    });
  const state = {
    first: new Map<string, string>(),
    ackTimes: [] as number[],
    replays: 0,
    replayMismatches: 0,
    statuses: new Map<number, number>(),
    running: true,
  };
  const acked: string[] = [];
  const one = async () => {
    while (state.running) {
      const replay = acked.length > 0 && Math.random() < 0.1;
      const key = replay ? acked[Math.floor(Math.random() * acked.length)]! : randomUUID();
      // A new key is sent until acknowledged, even after the load stops: nothing is left in flight.
      for (;;) {
        let status = 0;
        let text = '';
        try {
          ({ status, text } = await send(target(), key, body(key)));
        } catch {
          // no answer: the service is down
        }
        state.statuses.set(status, (state.statuses.get(status) ?? 0) + 1);
        if (status === 201) {
          const receivedAt = (JSON.parse(text) as { receivedAt: string }).receivedAt;
          if (replay) {
            state.replays++;
            if (state.first.get(key) !== receivedAt) state.replayMismatches++;
          } else {
            state.first.set(key, receivedAt);
            acked.push(key);
            state.ackTimes.push(Date.now());
          }
          break;
        }
        if (replay && !state.running) break;
        await new Promise((r) => setTimeout(r, status === 0 ? 20 : 50));
      }
    }
  };
  const done = Promise.all(Array.from({ length: count }, one));
  return {
    state,
    stop: async () => {
      state.running = false;
      await done;
    },
  };
}

async function throughput(kind: 'sqlite' | 'postgres') {
  const b = await backend(kind);
  try {
    const service = await startService(b.env);
    try {
      await autocannon({ url: `${service.url}/health/live`, connections: 4, duration: 1 });
      const result = await autocannon({
        url: `${service.url}/api/v1/feedback`,
        connections,
        duration: seconds,
        requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: body('débit'), setupRequest: (r) => ({ ...r, headers: { ...r.headers, 'idempotency-key': randomUUID() } }) }],
      });
      await service.kill('SIGTERM');
      const { rows } = await b.stored();
      if (rows < result['2xx']) problems.push(`${b.name} throughput: ${result['2xx'] - rows} acknowledged writes missing`);
      return [b.name, fmt(result['2xx'] / seconds), result.latency.p50, result.latency.p99, result['2xx'], rows, result.errors + result.non2xx + result.timeouts];
    } finally {
      await service.kill();
    }
  } finally {
    b.cleanup();
  }
}

async function sustained(kind: 'sqlite' | 'postgres') {
  const total = Number(values['sustained-seconds']) * 1000;
  const every = Number(values['kill-every']) * 1000;
  const b = await backend(kind);
  try {
    let service: Service = await startService(b.env);
    const restarts: number[] = [];
    const up: [number, number][] = [];
    let upSince = Date.now();
    const load = clients(() => service.url, 32);
    const start = Date.now();
    let kills = 0;
    while (Date.now() - start < total) {
      await new Promise((r) => setTimeout(r, Math.min(every, total - (Date.now() - start))));
      if (Date.now() - start >= total) break;
      up.push([upSince, Date.now()]);
      await service.kill('SIGKILL');
      kills++;
      service = await startService(b.env, { port: service.port });
      restarts.push(service.startMs);
      upSince = Date.now();
    }
    load.state.running = false;
    const end = Date.now();
    up.push([upSince, end]);
    await load.stop();
    await service.kill('SIGTERM');
    const stored = await b.stored();
    const acked = [...load.state.first.keys()];
    const lost = acked.filter((k) => !stored.ids.has(k)).length;
    const duplicates = stored.rows - stored.ids.size + load.state.replayMismatches;
    const extra = stored.ids.size - acked.length;
    const inUp = load.state.ackTimes.filter((t) => up.some(([a, z]) => t >= a && t <= z)).length;
    const upMs = up.reduce((s, [a, z]) => s + (z - a), 0);
    if (lost || duplicates || extra) problems.push(`${b.name} sustained: ${lost} lost, ${duplicates} duplicates, ${extra} stored but never acknowledged`);
    const sortedRestarts = [...restarts].sort((x, y) => x - y);
    return [
      b.name,
      kills,
      acked.length,
      load.state.replays,
      lost,
      duplicates,
      fmt(acked.length / ((end - start) / 1000)),
      fmt(inUp / (upMs / 1000)),
      `${fmt(percentile(sortedRestarts, 50))} / ${fmt(sortedRestarts.at(-1) ?? NaN)}`,
      load.state.statuses.get(500) ?? 0,
    ];
  } finally {
    b.cleanup();
  }
}

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/\d+/)?.[0] ?? 0) / 1024;
}

async function million(kind: 'sqlite' | 'postgres') {
  const rows = Number(values.rows);
  const rate = Number(values.rate);
  const phase = Number(values['phase-seconds']);
  const b = await backend(kind);
  try {
    const loadStart = Date.now();
    await loadRows(kind, b, rows);
    const loadSeconds = (Date.now() - loadStart) / 1000;
    // People, each from their own address, behind the administration's reverse proxy (AIDE_TRUST_PROXY): each one
    // has a rate-limit counter of their own, as in production, rather than one counter shared by every write.
    const service = await startService({ ...b.env, AIDE_TRUST_PROXY: 'loopback' });
    try {
      const writes = (duration = phase) =>
        autocannon({
          url: `${service.url}/api/v1/feedback`,
          connections: 32,
          overallRate: rate,
          duration,
          requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: body('pendant la lecture'), setupRequest: (r) => ({ ...r, headers: { ...r.headers, 'idempotency-key': randomUUID(), 'x-forwarded-for': someoneElse() } }) }],
        });
      // Warm-up, not measured: the service's code paths compiled, its connections open, its statements prepared.
      await writes(5);
      const alone = await writes();
      // The same writes, while agents read the statistics and export every row, from a process of their own, started
      // beforehand: the phase measures their reading, not a process starting.
      const agent = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./bench-collector-agent.ts', import.meta.url)), service.url, OPERATOR_TOKEN], { stdio: ['pipe', 'pipe', 'inherit'] });
      let agentOutput = '';
      agent.stdout.setEncoding('utf8');
      const agentReady = new Promise<void>((resolve) => agent.stdout.on('data', (chunk: string) => (agentOutput += chunk).startsWith('ready\n') && resolve()));
      const agentDone = new Promise<void>((resolve, reject) => agent.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`agent : code ${code}`)))));
      await Promise.race([agentReady, agentDone]);
      agent.stdin.write('go\n');
      const rss: number[] = [];
      const rssBefore = rssOf(service.child.pid!);
      const sampler = setInterval(() => rss.push(rssOf(service.child.pid!)), 200);
      const during = await writes();
      agent.stdin.end();
      await agentDone;
      clearInterval(sampler);
      const { statsTimes, exported } = JSON.parse(agentOutput.slice('ready\n'.length)) as { statsTimes: number[]; exported: { status: number; seconds: number; bytes: number; rows: number } };
      const sorted = [...statsTimes].sort((x, y) => x - y);
      const statsP95 = percentile(sorted, 95);
      if (statsP95 > 200) problems.push(`${b.name} million: stats p95 ${fmt(statsP95)} ms > 200 ms`);
      if (during.latency.p99 > 30) problems.push(`${b.name} million: writes p99 ${during.latency.p99} ms > 30 ms while reading`);
      if (exported.rows < rows) problems.push(`${b.name} million: export had ${exported.rows} rows, fewer than ${rows}`);
      return {
        row: [
          b.name,
          fmt(loadSeconds),
          `${fmt(alone.requests.average)} / ${alone.latency.p99}`,
          `${fmt(during.requests.average)} / ${during.latency.p99}`,
          statsTimes.length,
          `${fmt(percentile(sorted, 50))} / ${fmt(statsP95)}`,
          `${exported.rows} in ${fmt(exported.seconds, 1)} s (${fmt(exported.bytes / 1024 / 1024)} MB)`,
          `${fmt(rssBefore)} → ${fmt(Math.max(...rss, rssBefore))} MB`,
        ],
      };
    } finally {
      await service.kill();
    }
  } finally {
    b.cleanup();
  }
}

async function indicators(kind: 'sqlite' | 'postgres') {
  const rows = Number(values.rows);
  const extras = Number(values.extras);
  const repeat = Number(values.repeat);
  const b = await backend(kind);
  try {
    const loadStart = Date.now();
    await loadRows(kind, b, rows, extras);
    const loadSeconds = (Date.now() - loadStart) / 1000;
    const store = await openStore({ databaseUrl: b.env.DATABASE_URL, sqlitePath: b.env.AIDE_SQLITE_PATH ?? '' });
    try {
      const today = new Date().toISOString().slice(0, 10);
      const shapes = [
        { name: '12 weeks, all', options: { period: periodOf({}, today).period, scope: '*' as const } },
        { name: '12 weeks, one procedure', options: { period: periodOf({}, today).period, scope: '*' as const, procedure: 'procedure-7' } },
        { name: '12 weeks, 3 procedures', options: { period: periodOf({}, today).period, scope: ['procedure-1', 'procedure-2', 'procedure-3'] } },
        { name: '104 weeks per procedure (CSV)', options: { period: periodOf({ from: '2020-01-01' }, today).period, scope: '*' as const, perProcedure: true } },
      ];
      const cells: string[] = [];
      for (const shape of shapes) {
        const times: number[] = [];
        let checked = 0;
        for (let i = 0; i < repeat; i++) {
          const t = performance.now();
          const result = await weeklyIndicators(store, shape.options);
          times.push(performance.now() - t);
          checked = result.weeks.reduce((sum, w) => sum + w.opinions, 0);
        }
        if (shape.name === '12 weeks, all' && checked < rows * 0.8) problems.push(`${b.name} indicators: ${checked} opinions counted in 12 weeks, expected most of ${rows}`);
        const sorted = times.sort((x, y) => x - y);
        cells.push(`${fmt(percentile(sorted, 50))} / ${fmt(percentile(sorted, 95))}`);
      }
      return [b.name, fmt(loadSeconds), ...cells];
    } finally {
      await store.close();
    }
  } finally {
    b.cleanup();
  }
}

async function cluster() {
  const server = await startPostgres();
  try {
    const run = async (env: Record<string, string>, work: (proxyUrl: string) => Promise<unknown>) => {
      const services = await Promise.all([startService({ DATABASE_URL: server.url, AIDE_TRUST_PROXY: '127.0.0.1', ...env }), startService({ DATABASE_URL: server.url, AIDE_TRUST_PROXY: '127.0.0.1', ...env })]);
      const proxy = await startProxy(services.map((s) => s.url));
      try {
        return await work(proxy.url);
      } finally {
        await proxy.close();
        for (const s of services) await s.kill('SIGTERM');
      }
    };
    // Throughput through the proxy, 10 % replays.
    const writes = (await run({}, async (url) => {
      const load = clients(() => url, connections, (u, key, payload) => postFrom('127.0.0.1', `${u}/api/v1/feedback`, JSON.parse(payload), { 'idempotency-key': key }).then((r) => ({ status: r.status, text: r.body })));
      const start = Date.now();
      await new Promise((r) => setTimeout(r, seconds * 1000));
      load.state.running = false;
      const elapsed = (Date.now() - start) / 1000;
      await load.stop();
      return { load, elapsed };
    })) as { load: ReturnType<typeof clients>; elapsed: number };
    const { rows, distinct } = await countRows(server.url);
    const acked = writes.load.state.first.size;
    const duplicates = rows - distinct + writes.load.state.replayMismatches;
    if (duplicates || rows !== acked) problems.push(`cluster: ${duplicates} duplicates, ${rows} rows for ${acked} acknowledged`);
    // One person (127.0.0.2), limit 100 a minute: 150 writes through the proxy, spread over both instances.
    const accepted = (await run({ AIDE_RATE_LIMIT_MAX: '100' }, async (url) => {
      let ok = 0;
      for (let i = 0; i < 150; i++) {
        const key = randomUUID();
        if ((await postFrom('127.0.0.2', `${url}/api/v1/feedback`, JSON.parse(body(key)), { 'idempotency-key': key })).status === 201) ok++;
      }
      return ok;
    })) as number;
    if (accepted !== 100) problems.push(`cluster: ${accepted} of 150 accepted for a limit of 100 per client`);
    return [fmt(acked / writes.elapsed), acked, writes.load.state.replays, duplicates, `${accepted} of 150 (limit 100)`];
  } finally {
    server.stop();
  }
}

/** Runs one scenario per database; a failure is reported and the others still run. */
async function each<T>(scenario: string, run: (d: 'sqlite' | 'postgres') => Promise<T>): Promise<T[]> {
  const rows: T[] = [];
  for (const d of databases) {
    try {
      rows.push(await run(d));
    } catch (error) {
      problems.push(`${scenario} on ${d} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return rows;
}

buildService();
if (only.has('throughput')) {
  const rows = await each('throughput', throughput);
  console.log(`\nThroughput: POST /api/v1/feedback, ${connections} connections, ${seconds} s per database (autocannon, loopback)\n`);
  table(['database', 'writes/s', 'p50 ms', 'p99 ms', 'acked', 'stored', 'errors'], rows);
}
if (only.has('sustained')) {
  const rows = await each('sustained', sustained);
  console.log(`\nSustained: 32 connections, ${values['sustained-seconds']} s, kill -9 and restart every ${values['kill-every']} s, 10 % replays\n`);
  table(['database', 'kills', 'acked', 'replays', 'lost', 'duplicates', 'writes/s overall', 'writes/s between crashes', 'restart ms p50 / max', '500s'], rows);
}
if (only.has('million')) {
  const rows = (await each('million', million)).map((r) => r.row);
  console.log(`\nStatistics and export on ${values.rows} rows: writes at ${values.rate}/s for ${values['phase-seconds']} s alone, then the same while agents read the statistics in a loop and export every row\n`);
  table(['database', 'load s', 'writes/s / p99 ms alone', 'writes/s / p99 ms while reading', 'stats', 'stats ms p50 / p95', 'export', 'service RSS during export'], rows);
}
if (only.has('indicators')) {
  const rows = await each('indicators', indicators);
  console.log(`\nWeekly indicators of the back office on ${values.rows} opinions, ${values.extras} « Je suis bloqué » and ${values.extras} stories over 90 days (ms p50 / p95 of ${values.repeat} runs, in process, through the service's reader)\n`);
  table(['database', 'load s', '12 weeks, all', '12 weeks, one procedure', '12 weeks, 3 procedures', '104 weeks per procedure (CSV)'], rows);
}
if (only.has('cluster')) {
  try {
    const row = await cluster();
    console.log(`\nTwo instances on one PostgreSQL behind a proxy: ${connections} connections, ${seconds} s, 10 % replays\n`);
    table(['writes/s', 'acked', 'replays', 'duplicates', 'one client, shared limit'], [row]);
  } catch (error) {
    problems.push(`cluster failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
console.log(problems.length ? `\nNOT met:\n- ${problems.join('\n- ')}` : '\nevery target met: 0 lost, 0 duplicates');
if (problems.some((p) => /lost|duplicates|missing|failed/.test(p))) process.exit(1);
