/**
 * Storage of the collector: SQLite by default (embedded, WAL, synchronous=FULL so that an acknowledged entry is on
 * disk), PostgreSQL when DATABASE_URL is set. One schema and one set of migrations for both (schema.ts); writes
 * through a group-commit writer that keeps the daily rollups up to date in the same transaction; reads for the
 * statistics and the export through a separate reader that never holds up writes; a readiness check that tells the
 * truth about the database and its disk.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { CsvPage, ExportRow } from './csv.ts';
import type { BlockedTable, FeedbackTable, Schema, StoryTable } from './schema.ts';

import type { INSERT_COLUMNS } from './schema.ts';

export type { Schema, StoryTable } from './schema.ts';
export type { CsvPage } from './csv.ts';
export { toWriteError } from './errors.ts';
export { StoreUnavailable, RowRejected } from './errors.ts';

/** A row to insert, by table. */
export type Insert =
  | { table: 'feedback'; row: FeedbackTable }
  | { table: 'blocked'; row: BlockedTable }
  | { table: 'stories'; row: Pick<StoryTable, (typeof INSERT_COLUMNS)['stories'][number]> };

/** What a write became: stored now, or already there (a replay) with the first row's hash and date. */
export interface WriteOutcome {
  stored: boolean;
  bodyHash: string;
  receivedAt: string;
}

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable' | 'migrating';
  storage: 'ok' | 'full' | 'error';
}

/** Counters in fixed windows, for the rate limits (in memory on SQLite, shared in PostgreSQL). */
export interface CounterStore {
  incr(key: string, windowMs: number): Promise<{ count: number; ttlMs: number }>;
  /** The count so far in the current window, without adding to it. */
  peek(key: string): Promise<{ count: number; ttlMs: number }>;
}

export interface Store {
  kind: 'sqlite' | 'postgres';
  /** The writer's query builder (migrations, tests). Application reads go through `reader`. */
  db: Kysely<Schema>;
  /** Reads that never hold up writes: a worker thread on SQLite, a pool of its own on PostgreSQL. */
  reader: Kysely<Schema>;
  /**
   * One page of the opinions export (`page`: its rows, in order) as CSV lines, written away from the event loop that
   * acknowledges writes: by SQLite's reader worker (on the main thread only without one: ':memory:', or run from the
   * TypeScript sources), or by PostgreSQL itself, in SQL, so that the service receives one string per page.
   */
  csvPage(page: SelectQueryBuilder<Schema, 'feedback', ExportRow>): Promise<CsvPage>;
  /** Durably inserts (or finds) each entry; resolves once committed. Rejects with StoreUnavailable or RowRejected. */
  write(entry: Insert): Promise<WriteOutcome>;
  counters: CounterStore;
  /** The database answers and its disk takes writes. */
  readiness(): Promise<Readiness>;
  /** A secret that every instance on this database shares (to pseudonymise clients alike), created on first use. */
  sharedSecret(name: string): Promise<string>;
  /** Waits for pending writes, then closes. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres://… when set; otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string | undefined;
  /** A file path, or ':memory:' (tests: reads then run on the writer's connection). */
  sqlitePath: string;
  /** Group commit: the longest an entry waits for its batch (ms). */
  batchWindowMs?: number | undefined;
  /** Group commit: the largest batch. */
  batchSize?: number | undefined;
  /** SQLite: below this many free bytes on the database's disk, writes are refused (503) before they fail. */
  minFreeBytes?: number | undefined;
  /** Reports what the store does on its own (reconnections, migrations retried). */
  log?: (level: 'info' | 'warn' | 'error', message: string, details?: Record<string, unknown>) => void | undefined;
}

interface Counter {
  count: number;
  resetAt: number;
}

export class MemoryCounters implements CounterStore {
  /**
   * One map per window, oldest counter first: a counter is created with its window and removed when it ends, so the
   * ones that ended are always at the front and go as new ones come, a few at a time. (A pass over every counter for
   * each new client cost each request a scan of tens of thousands when that many people wrote within a minute.)
   */
  private readonly windows = new Map<number, Map<string, Counter>>();
  async incr(key: string, windowMs: number) {
    const now = Date.now();
    let counters = this.windows.get(windowMs);
    if (!counters) this.windows.set(windowMs, (counters = new Map<string, Counter>()));
    for (const [ended, counter] of counters) {
      if (counter.resetAt > now) break;
      counters.delete(ended);
    }
    let counter = counters.get(key);
    if (!counter) counters.set(key, (counter = { count: 0, resetAt: now + windowMs }));
    counter.count++;
    return { count: counter.count, ttlMs: counter.resetAt - now };
  }
  async peek(key: string) {
    const now = Date.now();
    for (const counters of this.windows.values()) {
      const counter = counters.get(key);
      if (counter && counter.resetAt > now) return { count: counter.count, ttlMs: counter.resetAt - now };
    }
    return { count: 0, ttlMs: 0 };
  }
  /** Counters kept (ended ones not yet removed included). */
  get size(): number {
    return [...this.windows.values()].reduce((sum, counters) => sum + counters.size, 0);
  }
}

export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) {
    const { postgresStore } = await import('./postgres.ts');
    return postgresStore(options.databaseUrl, options);
  }
  const { sqliteStore } = await import('./sqlite.ts');
  return sqliteStore(options.sqlitePath, options);
}
