/**
 * The collector in production conditions, as processes: PostgreSQL stopped and restarted under load, a full disk,
 * two instances behind a proxy sharing their limits. Every wait is for a condition, with a generous overall limit.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startPostgres } from './postgres.ts';
import { feedback, send, startService, storedIds, until, type Service } from './service.ts';
import { postFrom, startProxy } from './proxy.ts';

/** Clients that send new opinions and, like the browser queue, send the same key again after a 503. */
function load(url: () => string, clients: number) {
  const state = { acknowledged: [] as string[], statuses: new Map<number, number>(), retryAfterMissing: 0, running: true };
  const one = async () => {
    let key = randomUUID();
    while (state.running) {
      const r = await send(url(), key);
      state.statuses.set(r.status, (state.statuses.get(r.status) ?? 0) + 1);
      if (r.status === 201) {
        state.acknowledged.push(key);
        key = randomUUID();
      } else {
        if (r.status === 503 && !r.retryAfter) state.retryAfterMissing++;
        await new Promise((res) => setTimeout(res, 50));
      }
    }
  };
  const done = Promise.all(Array.from({ length: clients }, one));
  return { state, stop: async () => { state.running = false; await done; } };
}

const json = async (url: string) => {
  const r = await fetch(url);
  return { status: r.status, body: (await r.json()) as Record<string, unknown>, retryAfter: r.headers.get('retry-after') };
};

describe('PostgreSQL stopped and restarted under load', () => {
  test('the service stays up, answers 503 with Retry-After while the database is away, says so on /health/ready, recovers by itself', async () => {
    const database = await startPostgres();
    let service: Service | undefined;
    let stopTraffic = async () => {};
    try {
      service = await startService({ DATABASE_URL: database.url });
      const s = service;
      const traffic = load(() => s.url, 8);
      stopTraffic = traffic.stop;
      await until('100 writes acknowledged', () => traffic.state.acknowledged.length >= 100);
      database.pause();
      const awayFrom = traffic.state.statuses.get(503) ?? 0;
      await until('writes answered 503 while the database is away', () => (traffic.state.statuses.get(503) ?? 0) >= awayFrom + 20);
      const ready = await json(`${s.url}/health/ready`);
      assert.equal(ready.status, 503);
      assert.equal((ready.body.checks as Record<string, string>).database, 'unreachable');
      assert.ok(Number(ready.retryAfter) > 0);
      assert.equal((await json(`${s.url}/health/live`)).status, 200);
      const ackedWhileAway = traffic.state.acknowledged.length;
      database.resume();
      await until('ready again', async () => (await fetch(`${s.url}/health/ready`)).ok);
      await until('100 more writes acknowledged', () => traffic.state.acknowledged.length >= ackedWhileAway + 100);
      await traffic.stop();
      assert.equal(s.child.exitCode, null, `the service stopped:\n${s.output()}`);
      assert.equal(traffic.state.statuses.get(500) ?? 0, 0, 'no 500');
      assert.equal(traffic.state.statuses.get(0) ?? 0, 0, 'always an answer');
      assert.equal(traffic.state.retryAfterMissing, 0, 'every 503 says when to come back');
      // Every acknowledged opinion stored, once.
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ n: string }>('select count(*) as n from feedback where id = any($1)', [traffic.state.acknowledged]);
      await client.end();
      assert.equal(Number(rows[0]!.n), traffic.state.acknowledged.length);
    } finally {
      // A failed assertion must not leave the clients looping: the test file would never end.
      await stopTraffic();
      await service?.kill();
      database.stop();
    }
  });

  test('started while PostgreSQL is down: not ready, writes 503, then ready by itself when it comes', async () => {
    const database = await startPostgres();
    database.pause();
    let service: Service | undefined;
    try {
      service = await startService({ DATABASE_URL: database.url }, { waitReady: false });
      const s = service;
      await until('the service answers', async () => (await fetch(`${s.url}/health/live`)).ok);
      assert.equal((await json(`${s.url}/health/ready`)).status, 503);
      const refused = await send(s.url, randomUUID());
      assert.equal(refused.status, 503);
      assert.equal(JSON.parse(refused.body).error, 'database_unavailable');
      database.resume();
      await until('ready once the database is there (migrations done)', async () => (await fetch(`${s.url}/health/ready`)).ok);
      assert.equal((await send(s.url, randomUUID())).status, 201);
    } finally {
      await service?.kill();
      database.stop();
    }
  });
});

describe('disk full', () => {
  test('on a full tmpfs: writes answer 503 (never 500), readiness says the truth, both recover once space is back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aide-disk-'));
    // A small file system of its own (root can mount tmpfs here, as on the CI machine).
    // 32 MB: room for SQLite's usual WAL (up to 4 MB before its automatic checkpoint) beside the database, so that
    // once the filler is gone the writes of a fast machine do not fill the disk again at once.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', dir]);
    let service: Service | undefined;
    let stopTraffic = async () => {};
    try {
      service = await startService({ AIDE_SQLITE_PATH: join(dir, 'collector.sqlite'), AIDE_MIN_FREE_MB: '0' });
      const s = service;
      const traffic = load(() => s.url, 4);
      stopTraffic = traffic.stop;
      await until('50 writes acknowledged', () => traffic.state.acknowledged.length >= 50);
      // Fill the disk.
      const filler = join(dir, 'remplissage');
      const fd = openSync(filler, 'w');
      try {
        const chunk = Buffer.alloc(64 * 1024, 1);
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        assert.equal((error as { code: string }).code, 'ENOSPC');
      } finally {
        closeSync(fd);
      }
      await until('writes answered 503', () => (traffic.state.statuses.get(503) ?? 0) >= 10);
      const ready = await json(`${s.url}/health/ready`);
      assert.equal(ready.status, 503);
      assert.notEqual((ready.body.checks as Record<string, string>).storage, 'ok');
      const refused = await send(s.url, randomUUID());
      assert.equal(refused.status, 503);
      assert.equal(JSON.parse(refused.body).error, 'storage_unavailable');
      const acked = traffic.state.acknowledged.length;
      rmSync(filler);
      await until('ready again', async () => (await fetch(`${s.url}/health/ready`)).ok);
      await until('50 more writes acknowledged', () => traffic.state.acknowledged.length >= acked + 50);
      await traffic.stop();
      assert.equal(traffic.state.statuses.get(500) ?? 0, 0, 'no 500');
      assert.equal(traffic.state.retryAfterMissing, 0);
      // Nothing acknowledged was lost: after a kill -9 and a restart, every key is there.
      await s.kill();
      service = await startService({ AIDE_SQLITE_PATH: join(dir, 'collector.sqlite'), AIDE_MIN_FREE_MB: '0' });
      const ids = await storedIds(service.url);
      assert.deepEqual(traffic.state.acknowledged.filter((k) => !ids.has(k)), []);
    } finally {
      await stopTraffic();
      await service?.kill();
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('two instances behind a proxy', () => {
  test('limits are shared through PostgreSQL and counted per client from X-Forwarded-For; replays on either instance store once', async () => {
    const database = await startPostgres();
    const services: Service[] = [];
    try {
      const env = { DATABASE_URL: database.url, AIDE_TRUST_PROXY: '127.0.0.1', AIDE_RATE_LIMIT_MAX: '10' };
      services.push(await startService(env), await startService(env));
      const proxy = await startProxy(services.map((s) => s.url));
      try {
        const api = `${proxy.url}/api/v1/feedback`;
        const post = (from: string, key = randomUUID(), headers: Record<string, string> = {}) => postFrom(from, api, feedback(key), { 'idempotency-key': key, ...headers });
        // Person A (127.0.0.2): 15 writes spread over both instances; 10 accepted in all, not 10 per instance.
        const a: number[] = [];
        for (let i = 0; i < 15; i++) a.push((await post('127.0.0.2')).status);
        assert.equal(a.filter((s) => s === 201).length, 10, a.join(' '));
        assert.equal(a.filter((s) => s === 429).length, 5, a.join(' '));
        // A forged X-Forwarded-For does not give A a new bucket.
        assert.equal((await post('127.0.0.2', randomUUID(), { 'x-forwarded-for': '198.51.100.77' })).status, 429);
        // Person B (127.0.0.3) is not affected by A; the same key on both instances is stored once.
        const key = randomUUID();
        const b = [await post('127.0.0.3', key), await post('127.0.0.3', key), await post('127.0.0.3', key)];
        assert.deepEqual(b.map((r) => r.status), [201, 201, 201]);
        assert.equal(new Set(b.map((r) => r.body)).size, 1);
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        const { rows } = await client.query<{ n: string }>('select count(*) as n from feedback where id = $1', [key]);
        await client.end();
        assert.equal(Number(rows[0]!.n), 1);
      } finally {
        await proxy.close();
      }
    } finally {
      for (const s of services) await s.kill();
      database.stop();
    }
  });
});
