/**
 * The PostgreSQL store. Three small pools, so that no kind of work can starve another: the writer (group commit),
 * the counters (rate limits shared by every instance) and the readers (statistics, export). The service survives
 * the server: an idle connection that dies is dropped (never an unhandled 'error' event), writes answer 503 while
 * the server is away, and everything reconnects by itself when it is back — including the migrations, when the
 * server was not there at start-up.
 */
import { Kysely, PostgresDialect, sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import { EXPORT_COLUMNS, EXPORT_TEXT_COLUMNS, FORMULA_STARTS } from './csv.ts';
import { randomBytes } from 'node:crypto';
import { BLOCKED_DAILY_COLUMNS, blockedDailySelect, FEEDBACK_DAILY_COLUMNS, feedbackDailySelect, INSERT_COLUMNS, INTEGER_COLUMNS, migrate, type Schema } from './schema.ts';
import { GroupCommit } from './group-commit.ts';
import { classify, StoreUnavailable, toWriteError } from './errors.ts';
import { BLOCKED_DAILY_ON_CONFLICT, FEEDBACK_DAILY_ON_CONFLICT } from './rollups.ts';
import type { CounterStore, Insert, Readiness, Store, StoreOptions, WriteOutcome } from './index.ts';

/**
 * One export row as a CSV line, written by PostgreSQL, byte for byte as csv-stringify writes it (csv.ts): a text cell
 * that starts like a formula gets an apostrophe; one with a comma, a quote or a line end is quoted; null is empty.
 */
function csvLine(): RawBuilder<string> {
  const cell = (column: (typeof EXPORT_COLUMNS)[number]) => {
    const ref = sql.ref(`page.${column}`);
    if (!(EXPORT_TEXT_COLUMNS as readonly string[]).includes(column)) return sql`coalesce(${ref}::text, '')`;
    const value = sql`(case when substr(${ref}, 1, 1) in (${sql.join(FORMULA_STARTS.map((c) => sql.lit(c)))}) then ${sql.lit("'")} || ${ref} else ${ref} end)`;
    return sql`coalesce(case when ${value} ~ ${sql.lit('[",\r\n]')} then '"' || replace(${value}, '"', '""') || '"' else ${value} end, '')`;
  };
  return sql<string>`${sql.join(EXPORT_COLUMNS.map(cell), sql`|| ',' ||`)} || chr(10)`;
}

/**
 * The statement that writes one batch into `tables` (in this order), with their rollups, and returns the ids it
 * stored (a replay of a stored id is not returned), named for its tables: pg prepares it once per connection.
 * Parameters: one array per column of each table, in INSERT_COLUMNS order. It returns named columns, never `*`, so
 * that a prepared statement survives a migration that adds a column.
 */
function batchStatement(tables: readonly Insert['table'][]): { name: string; text: string } {
  const name = `aide-write-${tables.join('-')}`;
  let statement = batchStatements.get(name);
  if (statement) return statement;
  let parameter = 0;
  const steps: string[] = [];
  for (const table of tables) {
    const columns = INSERT_COLUMNS[table];
    const arrays = columns.map((c) => `$${++parameter}::${INTEGER_COLUMNS[table].includes(c) ? 'integer' : 'text'}[]`);
    steps.push(`stored_${table} AS (INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${arrays.join(', ')}) ON CONFLICT (id) DO NOTHING RETURNING ${columns.join(', ')})`);
  }
  // Rollup rows in key order: two instances updating the same rows lock them in the same order (no deadlock).
  if (tables.includes('feedback')) {
    steps.push(`feedback_rollup AS (INSERT INTO feedback_daily (${FEEDBACK_DAILY_COLUMNS.join(', ')}) ${feedbackDailySelect('stored_feedback')} ${FEEDBACK_DAILY_ON_CONFLICT})`);
  }
  if (tables.includes('blocked')) {
    steps.push(`blocked_rollup AS (INSERT INTO blocked_daily (${BLOCKED_DAILY_COLUMNS.join(', ')}) ${blockedDailySelect('stored_blocked')} ${BLOCKED_DAILY_ON_CONFLICT})`);
  }
  statement = { name, text: `WITH ${steps.join(',\n')}\n${tables.map((table) => `SELECT '${table}' AS stored_in, id FROM stored_${table}`).join(' UNION ALL ')}` };
  batchStatements.set(name, statement);
  return statement;
}
const batchStatements = new Map<string, { name: string; text: string }>();

/** Database time in milliseconds: every instance counts on the same clock. */
const NOW_MS = '(extract(epoch from clock_timestamp()) * 1000)::bigint';

export async function postgresStore(url: string, options: StoreOptions): Promise<Store> {
  const log = options.log ?? (() => undefined);
  const pool = (name: string, max: number, statementTimeout: number, options?: string) => {
    const p = new pg.Pool({
      connectionString: url,
      options,
      max,
      // A server that does not answer must not hold requests: they get their 503 quickly.
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 10_000,
      keepAlive: true,
      statement_timeout: statementTimeout,
      query_timeout: statementTimeout + 2000,
      application_name: `aide-collector-${name}`,
    });
    // An idle connection killed by the server (restart, failover) is dropped by the pool and reported here; without
    // this listener Node would stop the process. A connection in use reports its error to its query instead.
    p.on('error', (error) => log('warn', 'connexion PostgreSQL perdue', { pool: name, error: error.message }));
    p.on('connect', (client) => client.on('error', () => undefined));
    return p;
  };
  const writePool = pool('writer', 2, 10_000);
  // Counters live a minute in an unlogged table: their commits need not wait for the disk.
  const counterPool = pool('counters', 4, 2000, '-c synchronous_commit=off');
  const readPool = pool('reader', 4, 15_000);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: writePool }) });
  const reader = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: readPool }) });

  // Migrations: now if the server answers, otherwise again and again in the background (writes get 503 meanwhile).
  let migrated = false;
  let stopped = false;
  const migrating = (async () => {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        await migrate(db);
        migrated = true;
        if (attempt > 0) log('info', 'base PostgreSQL disponible, migrations faites');
        return;
      } catch (error) {
        if (classify((error as { cause?: unknown }).cause ?? error) !== 'connection') throw error;
        if (attempt === 0) log('warn', 'base PostgreSQL injoignable au démarrage : nouvel essai toutes les quelques secondes', { error: String((error as Error).message) });
        await new Promise((r) => setTimeout(r, Math.min(500 * 2 ** attempt, 5000)));
      }
    }
  })();
  await Promise.race([migrating, new Promise((r) => setTimeout(r, 2000))]);
  migrating.catch((error: unknown) => log('error', 'migration impossible', { error: String(error) }));

  let storageFailing = false;
  const writer = new GroupCommit<Insert, WriteOutcome>(
    async (batch) => {
      // The whole batch is one statement: each table's insert and its rollups are data-modifying CTEs. A statement is
      // its own transaction, so a batch costs one round trip and one commit (BEGIN, inserts, rollups and COMMIT were
      // four round trips, each one waiting for both processes to get the CPU on a busy machine). Its rows come as one
      // array per column, so its text depends only on the tables it writes: it is prepared once per connection, and
      // PostgreSQL does not parse and plan it again for every batch.
      const tables = (['feedback', 'blocked', 'stories'] as const).filter((table) => batch.some((entry) => entry.table === table));
      const values = tables.flatMap((table) => {
        const rows = batch.filter((entry) => entry.table === table).map((entry) => entry.row as unknown as Record<string, unknown>);
        return INSERT_COLUMNS[table].map((column) => rows.map((row) => row[column] ?? null));
      });
      let result;
      try {
        result = await writePool.query<{ stored_in: Insert['table']; id: string }>({ ...batchStatement(tables), values });
      } catch (error) {
        if (classify(error) === 'storage') storageFailing = true;
        throw error;
      }
      storageFailing = false;
      const keyOf = (table: Insert['table'], id: string) => `${table}\u0000${id}`;
      const stored = new Set(result.rows.map((r) => keyOf(r.stored_in, r.id)));
      // An entry not stored is a replay: of an entry stored before (read once the batch is committed), or of an
      // identical entry earlier in this batch (the first stores, the others are its replays).
      const replayed = batch.filter((entry) => !stored.has(keyOf(entry.table, entry.row.id)));
      const firsts = new Map<string, { body_hash: string; received_at: string }>();
      for (const table of new Set(replayed.map((entry) => entry.table))) {
        const ids = replayed.filter((entry) => entry.table === table).map((entry) => entry.row.id);
        const { rows } = await writePool.query<{ id: string; body_hash: string; received_at: string }>({ name: `aide-replayed-${table}`, text: `SELECT id, body_hash, received_at FROM ${table} WHERE id = ANY($1)`, values: [ids] });
        for (const row of rows) firsts.set(keyOf(table, row.id), row);
      }
      const answered = new Set<string>();
      return batch.map((entry) => {
        const key = keyOf(entry.table, entry.row.id);
        if (stored.has(key) && !answered.has(key)) {
          answered.add(key);
          return { stored: true, bodyHash: entry.row.body_hash, receivedAt: entry.row.received_at };
        }
        const original = firsts.get(key) ?? batch.find((b) => keyOf(b.table, b.row.id) === key)!.row;
        return { stored: false, bodyHash: original.body_hash, receivedAt: original.received_at };
      });
    },
    options.batchWindowMs ?? 2,
    options.batchSize ?? 256,
  );

  // Increments wait while one statement is in flight, and the next statement carries all of them, every key at once
  // (in key order: instances lock the rows in the same order). A busy client, or a thousand clients, cost one query
  // per round trip, not one per request.
  type Waiter = { resolve: (r: { count: number; ttlMs: number }) => void; reject: (e: unknown) => void };
  let waiting = new Map<string, { windowMs: number; waiters: Waiter[] }>();
  let counting = false;
  const sendIncrements = () => {
    if (counting || waiting.size === 0) return;
    counting = true;
    const batch = [...waiting].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    waiting = new Map();
    // One array per column: the text never changes, so the statement is prepared once per connection.
    counterPool
      .query<{ key: string; count: number; ttl: string }>({
        name: 'aide-counters-increment',
        text: `INSERT INTO rate_limit (key, count, reset_at)
         SELECT key, by, ${NOW_MS} + window_ms FROM unnest($1::text[], $2::integer[], $3::bigint[]) AS increment (key, by, window_ms)
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN rate_limit.reset_at <= ${NOW_MS} THEN excluded.count ELSE rate_limit.count + excluded.count END,
           reset_at = CASE WHEN rate_limit.reset_at <= ${NOW_MS} THEN excluded.reset_at ELSE rate_limit.reset_at END
         RETURNING key, count, reset_at - ${NOW_MS} AS ttl`,
        values: [batch.map(([key]) => key), batch.map(([, { waiters }]) => waiters.length), batch.map(([, { windowMs }]) => windowMs)],
      })
      .then(
        ({ rows }) => {
          const counted = new Map(rows.map((row) => [row.key, row]));
          for (const [key, { waiters }] of batch) {
            const { count, ttl } = counted.get(key)!;
            waiters.forEach((w, i) => w.resolve({ count: count - waiters.length + 1 + i, ttlMs: Math.max(0, Number(ttl)) }));
          }
        },
        (error: unknown) => {
          for (const [, { waiters }] of batch) for (const w of waiters) w.reject(error);
        },
      )
      .finally(() => {
        counting = false;
        sendIncrements();
      });
  };
  const counters: CounterStore = {
    incr(key, windowMs) {
      return new Promise((resolve, reject) => {
        const queued = waiting.get(key);
        if (queued) queued.waiters.push({ resolve, reject });
        else waiting.set(key, { windowMs, waiters: [{ resolve, reject }] });
        sendIncrements();
      });
    },
    async peek(key) {
      const { rows } = await counterPool.query<{ count: number; ttl: string }>({ name: 'aide-counters-peek', text: `SELECT count, reset_at - ${NOW_MS} AS ttl FROM rate_limit WHERE key = $1 AND reset_at > ${NOW_MS}`, values: [key] });
      return rows[0] ? { count: rows[0].count, ttlMs: Number(rows[0].ttl) } : { count: 0, ttlMs: 0 };
    },
  };
  // Expired counters are removed once a minute (by every instance: cheap, and none depends on another).
  const sweep = setInterval(() => {
    if (migrated) counterPool.query(`DELETE FROM rate_limit WHERE reset_at < ${NOW_MS}`).catch(() => undefined);
  }, 60_000);
  sweep.unref();

  return {
    kind: 'postgres',
    db,
    reader,
    async csvPage(page) {
      try {
        const result = await reader
          .selectFrom(page.as('page'))
          .select([
            sql<string | null>`string_agg(${csvLine()}, '' order by page.received_at, page.id)`.as('text'),
            sql<string>`count(*)`.as('rows'),
            sql<string | null>`max(page.received_at)`.as('last_received_at'),
            sql<string | null>`(array_agg(page.id order by page.received_at desc, page.id desc))[1]`.as('last_id'),
          ])
          .executeTakeFirstOrThrow();
        return { text: result.text ?? '', rows: Number(result.rows), last: result.last_id ? { received_at: result.last_received_at!, id: result.last_id } : null };
      } catch (error) {
        throw toWriteError(error);
      }
    },
    write(entry) {
      if (!migrated) return Promise.reject(new StoreUnavailable('database'));
      return writer.push(entry);
    },
    counters,
    async readiness(): Promise<Readiness> {
      let database: Readiness['database'] = 'ok';
      try {
        await writePool.query('SELECT 1');
        if (!migrated) database = 'migrating';
      } catch {
        database = 'unreachable';
      }
      let storage: Readiness['storage'] = 'ok';
      if (database === 'ok' && storageFailing) {
        try {
          await writePool.query("INSERT INTO collector_settings (name, value) VALUES ('probe', $1) ON CONFLICT (name) DO UPDATE SET value = excluded.value", [new Date().toISOString()]);
          storageFailing = false;
        } catch (error) {
          storage = classify(error) === 'storage' ? 'full' : 'error';
        }
      }
      return { ready: database === 'ok' && storage === 'ok', database, storage };
    },
    async sharedSecret(name) {
      if (!migrated) throw new StoreUnavailable('database');
      await writePool.query('INSERT INTO collector_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, randomBytes(32).toString('base64url')]);
      return (await writePool.query<{ value: string }>('SELECT value FROM collector_settings WHERE name = $1', [name])).rows[0]!.value;
    },
    async close() {
      stopped = true;
      clearInterval(sweep);
      await writer.drain();
      await reader.destroy();
      await counterPool.end();
      await db.destroy();
    },
  };
}
