/**
 * Storage of the collector: SQLite by default (embedded, WAL, synchronous=FULL so that an acknowledged entry is on
 * disk), PostgreSQL when DATABASE_URL is set. One schema and one set of migrations (Kysely's schema builder) for
 * both; reads through Kysely; writes through a group-commit writer per database (one transaction for all the entries
 * that arrive within a few milliseconds, every request answered after the commit).
 */
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import Database from 'better-sqlite3';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

interface FeedbackTable {
  id: string;
  body_hash: string;
  procedure: string;
  page_step: string | null;
  tutorial: string | null;
  tutorial_step: number | null;
  satisfaction: 'bad' | 'medium' | 'good';
  clarity: number | null;
  /** JSON array. */
  difficulties: string;
  /** JSON array. */
  help: string;
  comment: string | null;
  locale: string | null;
  client_created_at: string | null;
  received_at: string;
}

interface BlockedTable {
  id: string;
  body_hash: string;
  tutorial: string;
  step: number;
  procedure: string | null;
  received_at: string;
}

export interface Schema {
  feedback: FeedbackTable;
  blocked: BlockedTable;
}

const migrations: Record<string, Migration> = {
  '001-feedback-and-blocked': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('feedback')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('body_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('procedure', 'varchar(64)', (c) => c.notNull())
        .addColumn('page_step', 'varchar(80)')
        .addColumn('tutorial', 'varchar(80)')
        .addColumn('tutorial_step', 'integer')
        .addColumn('satisfaction', 'varchar(6)', (c) => c.notNull())
        .addColumn('clarity', 'integer')
        .addColumn('difficulties', 'text', (c) => c.notNull())
        .addColumn('help', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('locale', 'varchar(2)')
        .addColumn('client_created_at', 'varchar(40)')
        .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('feedback_procedure_received').on('feedback').columns(['procedure', 'received_at']).execute();
      await db.schema
        .createTable('blocked')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('body_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('tutorial', 'varchar(80)', (c) => c.notNull())
        .addColumn('step', 'integer', (c) => c.notNull())
        .addColumn('procedure', 'varchar(64)')
        .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('blocked_tutorial_step').on('blocked').columns(['tutorial', 'step']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('blocked').execute();
      await db.schema.dropTable('feedback').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** A row to insert, by table. */
type Insert = { table: 'feedback'; row: FeedbackTable } | { table: 'blocked'; row: BlockedTable };

/** What a write became: stored now, or already there (a replay) with the first row's hash and date. */
export interface WriteOutcome {
  stored: boolean;
  bodyHash: string;
  receivedAt: string;
}

export interface Store {
  kind: 'sqlite' | 'postgres';
  db: Kysely<Schema>;
  /** Durably inserts (or finds) each entry; resolves once committed. */
  write(entry: Insert): Promise<WriteOutcome>;
  /** Waits for pending writes, then closes. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres://… when set; otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string | undefined;
  /** A file path, or ':memory:' (tests). */
  sqlitePath: string;
  /** Group commit: the longest an entry waits for its batch (ms). */
  batchWindowMs?: number | undefined;
  /** Group commit: the largest batch. */
  batchSize?: number | undefined;
}

const COLUMNS: Record<Insert['table'], string[]> = {
  feedback: ['id', 'body_hash', 'procedure', 'page_step', 'tutorial', 'tutorial_step', 'satisfaction', 'clarity', 'difficulties', 'help', 'comment', 'locale', 'client_created_at', 'received_at'],
  blocked: ['id', 'body_hash', 'tutorial', 'step', 'procedure', 'received_at'],
};

interface Pending {
  entry: Insert;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

/** Collects entries for a few milliseconds and commits them together: one fsync for many acknowledgements. */
class GroupCommit {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly commit: (batch: Insert[]) => Promise<WriteOutcome[]> | WriteOutcome[],
    private readonly windowMs: number,
    private readonly size: number,
  ) {}

  push(entry: Insert): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (this.queue.length >= this.size) this.flushSoon(0);
      else this.flushSoon(this.windowMs);
    });
  }

  private flushSoon(delay: number): void {
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  flush(): Promise<void> {
    const batch = this.queue.splice(0, this.queue.length);
    if (batch.length === 0) return this.running;
    this.running = this.running.then(async () => {
      try {
        const outcomes = await this.commit(batch.map((p) => p.entry));
        batch.forEach((p, i) => p.resolve(outcomes[i]!));
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    });
    return this.running;
  }

  async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
    await this.running;
  }
}

async function migrate(db: Kysely<Schema>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`Migration impossible (${failed?.migrationName ?? ''}) : ${(error as { message?: string } | undefined)?.message ?? ''}`);
}

function sqliteStore(path: string, windowMs: number, size: number): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  // FULL: the WAL is synced at each commit, so a 201 means the entry survives a crash or a power cut.
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  return migrate(db).then(() => {
    const insert = {
      feedback: database.prepare(`INSERT INTO feedback (${COLUMNS.feedback.join(', ')}) VALUES (${COLUMNS.feedback.map((c) => `@${c}`).join(', ')}) ON CONFLICT (id) DO NOTHING`),
      blocked: database.prepare(`INSERT INTO blocked (${COLUMNS.blocked.join(', ')}) VALUES (${COLUMNS.blocked.map((c) => `@${c}`).join(', ')}) ON CONFLICT (id) DO NOTHING`),
    };
    const existing = {
      feedback: database.prepare('SELECT body_hash, received_at FROM feedback WHERE id = ?'),
      blocked: database.prepare('SELECT body_hash, received_at FROM blocked WHERE id = ?'),
    };
    const commitBatch = database.transaction((batch: Insert[]) =>
      batch.map((entry) => {
        const info = insert[entry.table].run(entry.row);
        if (info.changes === 1) return { stored: true, bodyHash: entry.row.body_hash, receivedAt: entry.row.received_at };
        const first = existing[entry.table].get(entry.row.id) as { body_hash: string; received_at: string };
        return { stored: false, bodyHash: first.body_hash, receivedAt: first.received_at };
      }),
    );
    const writer = new GroupCommit((batch) => commitBatch.immediate(batch), windowMs, size);
    return {
      kind: 'sqlite' as const,
      db,
      write: (entry: Insert) => writer.push(entry),
      async close() {
        await writer.drain();
        await db.destroy();
      },
    };
  });
}

async function postgresStore(url: string, windowMs: number, size: number): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db);
  const writer = new GroupCommit(
    async (batch) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const outcomes: WriteOutcome[] = [];
        for (const table of ['feedback', 'blocked'] as const) {
          const rows = batch.map((entry, i) => ({ entry, i })).filter((x) => x.entry.table === table);
          if (rows.length === 0) continue;
          const columns = COLUMNS[table];
          const values: unknown[] = [];
          const tuples = rows.map(({ entry }) => `(${columns.map((c) => `$${values.push((entry.row as unknown as Record<string, unknown>)[c])}`).join(', ')})`);
          const inserted = await client.query<{ id: string }>(
            `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (id) DO NOTHING RETURNING id`,
            values,
          );
          const stored = new Set(inserted.rows.map((r) => r.id));
          const others = rows.filter(({ entry }) => !stored.has(entry.row.id)).map(({ entry }) => entry.row.id);
          const firsts = others.length
            ? (await client.query<{ id: string; body_hash: string; received_at: string }>(`SELECT id, body_hash, received_at FROM ${table} WHERE id = ANY($1)`, [others])).rows
            : [];
          // Two identical entries in one batch: the first stores, the second is its replay.
          const seen = new Set<string>();
          for (const { entry, i } of rows) {
            const first = firsts.find((f) => f.id === entry.row.id);
            if (stored.has(entry.row.id) && !seen.has(entry.row.id)) {
              seen.add(entry.row.id);
              outcomes[i] = { stored: true, bodyHash: entry.row.body_hash, receivedAt: entry.row.received_at };
            } else {
              const original = first ?? batch.find((b) => b.table === table && b.row.id === entry.row.id)!.row;
              outcomes[i] = { stored: false, bodyHash: 'body_hash' in original ? original.body_hash : '', receivedAt: 'received_at' in original ? original.received_at : '' };
            }
          }
        }
        await client.query('COMMIT');
        return outcomes;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    windowMs,
    size,
  );
  return {
    kind: 'postgres',
    db,
    write: (entry) => writer.push(entry),
    async close() {
      await writer.drain();
      await db.destroy();
    },
  };
}

export function openStore(options: StoreOptions): Promise<Store> {
  const windowMs = options.batchWindowMs ?? 2;
  const size = options.batchSize ?? 256;
  return options.databaseUrl ? postgresStore(options.databaseUrl, windowMs, size) : sqliteStore(options.sqlitePath, windowMs, size);
}

