/** The SQLite store: one writer connection on the main thread, readers in a worker thread (sqlite-reader.ts). */
import { Kysely, SqliteDialect } from 'kysely';
import Database from 'better-sqlite3';
import { mkdirSync, statfsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { BLOCKED_DAILY_COLUMNS, FEEDBACK_DAILY_COLUMNS, INSERT_COLUMNS, migrate, type Schema } from './schema.ts';
import { GroupCommit } from './group-commit.ts';
import { classify, StoreUnavailable } from './errors.ts';
import { BLOCKED_DAILY_ON_CONFLICT, FEEDBACK_DAILY_ON_CONFLICT, rollupIncrements } from './rollups.ts';
import { SqliteReader, readerDialect } from './sqlite-reader-dialect.ts';
import { csvPage } from './csv.ts';
import { MemoryCounters, type Insert, type Readiness, type Store, type StoreOptions, type WriteOutcome } from './index.ts';

export async function sqliteStore(path: string, options: StoreOptions): Promise<Store> {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  // FULL: the WAL is synced at each commit, so a 201 means the entry survives a crash or a power cut.
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  await migrate(db);
  // Run from the TypeScript sources (the demo, through tsx), a worker thread cannot load the .ts reader on Node 20:
  // reads then share the writer's connection, as with ':memory:'. The built service (dist/) has its worker.
  const fromSources = import.meta.url.endsWith('.ts');
  const worker = memory || fromSources ? null : new SqliteReader(path);
  const reader = worker ? new Kysely<Schema>({ dialect: readerDialect(worker) }) : db;

  const insert = {
    feedback: database.prepare(`INSERT INTO feedback (${INSERT_COLUMNS.feedback.join(', ')}) VALUES (${INSERT_COLUMNS.feedback.map((c) => `@${c}`).join(', ')}) ON CONFLICT (id) DO NOTHING`),
    blocked: database.prepare(`INSERT INTO blocked (${INSERT_COLUMNS.blocked.join(', ')}) VALUES (${INSERT_COLUMNS.blocked.map((c) => `@${c}`).join(', ')}) ON CONFLICT (id) DO NOTHING`),
    stories: database.prepare(`INSERT INTO stories (${INSERT_COLUMNS.stories.join(', ')}) VALUES (${INSERT_COLUMNS.stories.map((c) => `@${c}`).join(', ')}) ON CONFLICT (id) DO NOTHING`),
  };
  const existing = {
    feedback: database.prepare('SELECT body_hash, received_at FROM feedback WHERE id = ?'),
    blocked: database.prepare('SELECT body_hash, received_at FROM blocked WHERE id = ?'),
    stories: database.prepare('SELECT body_hash, received_at FROM stories WHERE id = ?'),
  };
  const upsert = (table: string, columns: readonly string[], onConflict: string) =>
    database.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ${onConflict}`);
  const feedbackDaily = upsert('feedback_daily', FEEDBACK_DAILY_COLUMNS, FEEDBACK_DAILY_ON_CONFLICT);
  const blockedDaily = upsert('blocked_daily', BLOCKED_DAILY_COLUMNS, BLOCKED_DAILY_ON_CONFLICT);

  const commitBatch = database.transaction((batch: Insert[]): WriteOutcome[] => {
    const stored: Insert[] = [];
    const outcomes = batch.map((entry) => {
      const info = insert[entry.table].run(entry.row);
      if (info.changes === 1) {
        stored.push(entry);
        return { stored: true, bodyHash: entry.row.body_hash, receivedAt: entry.row.received_at };
      }
      const first = existing[entry.table].get(entry.row.id) as { body_hash: string; received_at: string };
      return { stored: false, bodyHash: first.body_hash, receivedAt: first.received_at };
    });
    const rollups = rollupIncrements(stored);
    for (const row of rollups.feedback) feedbackDaily.run(row);
    for (const row of rollups.blocked) blockedDaily.run(row);
    return outcomes;
  });

  // The disk: free space is read at most once a second; a write that failed for lack of space marks the storage as
  // failing until space comes back.
  const minFreeBytes = options.minFreeBytes ?? 16 * 1024 * 1024;
  let storageFailing = false;
  let freeAtFailure = 0;
  let failedAt = 0;
  let free = { at: 0, bytes: Infinity };
  const freeBytes = () => {
    if (memory) return Infinity;
    if (Date.now() - free.at > 1000) {
      try {
        const s = statfsSync(dirname(resolve(path)));
        free = { at: Date.now(), bytes: s.bavail * s.bsize };
      } catch {
        free = { at: Date.now(), bytes: Infinity };
      }
    }
    return free.bytes;
  };

  const writer = new GroupCommit<Insert, WriteOutcome>(
    (batch) => {
      try {
        return commitBatch.immediate(batch);
      } catch (error) {
        if (classify(error) === 'storage') {
          storageFailing = true;
          free.at = 0;
          freeAtFailure = freeBytes();
          failedAt = Date.now();
        }
        throw error;
      }
    },
    options.batchWindowMs ?? 2,
    options.batchSize ?? 256,
  );

  const secrets = new Map<string, string>();
  return {
    kind: 'sqlite',
    db,
    reader,
    async csvPage(page) {
      const query = page.compile();
      return worker ? worker.csvPage(query.sql, query.parameters) : csvPage((await db.executeQuery<Record<string, unknown>>(query)).rows);
    },
    write(entry) {
      if (freeBytes() < minFreeBytes) {
        storageFailing = true;
        return Promise.reject(new StoreUnavailable('storage'));
      }
      return writer.push(entry);
    },
    // One process per SQLite file: counters in memory are the shared ones.
    counters: new MemoryCounters(),
    async readiness(): Promise<Readiness> {
      let database: Readiness['database'] = 'ok';
      try {
        await reader.selectFrom('collector_settings').select('name').limit(1).execute();
      } catch {
        database = 'unreachable';
      }
      free.at = 0;
      const now = freeBytes();
      // After a failed write, ready again once space came back (a megabyte more than at the failure) and 10 s passed
      // without another failure, or after a minute without one: a small write that passes says nothing of the next.
      const since = Date.now() - failedAt;
      if (storageFailing && ((now >= freeAtFailure + 1024 * 1024 && since > 10_000) || since > 60_000)) storageFailing = false;
      const storage: Readiness['storage'] = now < minFreeBytes ? 'full' : storageFailing ? 'error' : 'ok';
      return { ready: database === 'ok' && storage === 'ok', database, storage };
    },
    async sharedSecret(name) {
      // Kept in the file: what it derives (follow links of stories) must survive a restart.
      if (!secrets.has(name)) {
        database.prepare('INSERT INTO collector_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, randomBytes(32).toString('base64url'));
        secrets.set(name, (database.prepare('SELECT value FROM collector_settings WHERE name = ?').get(name) as { value: string }).value);
      }
      return secrets.get(name)!;
    },
    async close() {
      await writer.drain();
      if (reader !== db) await reader.destroy();
      await db.destroy();
    },
  };
}
