/**
 * The service as a process: `kill -9` during a load loses no acknowledged entry; SIGTERM stops gracefully.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './postgres.ts';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const TOKEN = 'jeton-export-de-test-0123456789';

async function startService(port: number, sqlitePath: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, PORT: String(port), AIDE_SQLITE_PATH: sqlitePath, AIDE_RATE_LIMIT_MAX: '1000000', AIDE_LOG_LEVEL: 'silent', AIDE_EXPORT_TOKEN: TOKEN },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('the service did not start');
}

function send(port: number, key: string) {
  return fetch(`http://127.0.0.1:${port}/api/v1/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ procedure: 'crash-test', satisfaction: 'good', comment: key }),
  });
}

async function storedIds(port: number): Promise<Set<string>> {
  const csv = await (await fetch(`http://127.0.0.1:${port}/api/v1/export.csv`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  return new Set(csv.split('\r\n').slice(1).filter(Boolean).map((line) => line.replace(/^\uFEFF/, '').split(',')[0]!));
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('collector process', () => {
  test('kill -9 during a load: every acknowledged entry is there after a restart', async () => {
    const sqlitePath = join(mkdtempSync(join(tmpdir(), 'aide-crash-')), 'collector.sqlite');
    const port = await freePort();
    const child = await startService(port, sqlitePath);
    const acknowledged: string[] = [];
    let running = true;
    const client = async () => {
      while (running) {
        const key = randomUUID();
        try {
          const r = await send(port, key);
          if (r.status === 201) acknowledged.push(key);
        } catch {
          // Refused while the service is down: only acknowledged opinions must survive.
        }
      }
    };
    const clients = Array.from({ length: 16 }, client);
    await new Promise((r) => setTimeout(r, 1500));
    const dead = exited(child);
    child.kill('SIGKILL');
    await dead;
    running = false;
    await Promise.all(clients);
    assert.ok(acknowledged.length > 100, `${acknowledged.length} acknowledged before the crash`);
    const again = await startService(port, sqlitePath);
    try {
      const ids = await storedIds(port);
      const lost = acknowledged.filter((k) => !ids.has(k));
      assert.deepEqual(lost, [], `${lost.length} acknowledged entries lost out of ${acknowledged.length}`);
    } finally {
      again.kill('SIGKILL');
      await exited(again);
    }
  });

  test('SIGTERM: requests in progress finish, pending writes are committed, exit code 0', async () => {
    const sqlitePath = join(mkdtempSync(join(tmpdir(), 'aide-term-')), 'collector.sqlite');
    const port = await freePort();
    const child = await startService(port, sqlitePath);
    // Clients keep sending while the service is told to stop.
    const acknowledged: string[] = [];
    let stopped = false;
    const client = async () => {
      while (!stopped) {
        const key = randomUUID();
        try {
          const status = (await send(port, key)).status;
          if (status === 201) acknowledged.push(key);
          // 503 while the service is closing: the client stops, as a real one would retry later.
          else stopped = true;
        } catch {
          stopped = true; // the service has closed its port
        }
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await new Promise((r) => setTimeout(r, 500));
    const code = exited(child);
    child.kill('SIGTERM');
    assert.equal(await code, 0);
    stopped = true;
    await Promise.all(clients);
    const again = await startService(port, sqlitePath);
    try {
      const ids = await storedIds(port);
      assert.ok(acknowledged.length > 20, `${acknowledged.length} acknowledged`);
      assert.deepEqual(acknowledged.filter((k) => !ids.has(k)), []);
    } finally {
      again.kill('SIGKILL');
      await exited(again);
    }
  });
});
