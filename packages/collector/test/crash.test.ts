/**
 * The service as a process: `kill -9` during a load loses no acknowledged entry; SIGTERM stops gracefully.
 * Waits are for counts of acknowledged writes (with a generous overall limit), never for a duration.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { send, startService, storedIds, until } from './service.ts';

describe('collector process', () => {
  test('kill -9 during a load: every acknowledged entry is there after a restart', async () => {
    const sqlitePath = join(mkdtempSync(join(tmpdir(), 'aide-crash-')), 'collector.sqlite');
    const service = await startService({ AIDE_SQLITE_PATH: sqlitePath });
    const acknowledged: string[] = [];
    let running = true;
    const client = async () => {
      while (running) {
        const key = randomUUID();
        if ((await send(service.url, key)).status === 201) acknowledged.push(key);
      }
    };
    const clients = Array.from({ length: 16 }, client);
    // Killed in the middle of the load: once 200 writes are acknowledged, however long that takes on this machine.
    try {
      await until('200 acknowledged writes', () => acknowledged.length >= 200, 120_000, 5);
    } finally {
      // Killed whether or not the count was reached: clients left looping would keep the test file alive.
      await service.kill('SIGKILL');
      running = false;
      await Promise.all(clients);
    }
    const again = await startService({ AIDE_SQLITE_PATH: sqlitePath });
    try {
      const ids = await storedIds(again.url);
      const lost = acknowledged.filter((k) => !ids.has(k));
      assert.deepEqual(lost, [], `${lost.length} acknowledged entries lost out of ${acknowledged.length}`);
    } finally {
      await again.kill();
    }
  });

  test('SIGTERM: requests in progress finish, pending writes are committed, exit code 0', async () => {
    const sqlitePath = join(mkdtempSync(join(tmpdir(), 'aide-term-')), 'collector.sqlite');
    const service = await startService({ AIDE_SQLITE_PATH: sqlitePath });
    // Clients keep sending while the service is told to stop.
    const acknowledged: string[] = [];
    let stopped = false;
    const client = async () => {
      while (!stopped) {
        const key = randomUUID();
        const { status } = await send(service.url, key);
        if (status === 201) acknowledged.push(key);
        // Anything else (503 while closing, or no answer once the port is closed): the client stops.
        else stopped = true;
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await until('50 acknowledged writes', () => acknowledged.length >= 50, 120_000, 5);
    assert.equal(await service.kill('SIGTERM'), 0);
    stopped = true;
    await Promise.all(clients);
    const again = await startService({ AIDE_SQLITE_PATH: sqlitePath });
    try {
      const ids = await storedIds(again.url);
      assert.deepEqual(acknowledged.filter((k) => !ids.has(k)), []);
    } finally {
      await again.kill();
    }
  });
});
