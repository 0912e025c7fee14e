/**
 * The collector's tables and their migrations, one set for SQLite and PostgreSQL (Kysely's schema builder).
 * Column sizes here and `maxLength` in ../schemas.ts say the same thing: a test compares them on PostgreSQL, where
 * the sizes are enforced, so that a value the API accepts is always a value the database stores.
 */
import { type Kysely, Migrator, sql, type Migration } from 'kysely';

export interface FeedbackTable {
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

export interface BlockedTable {
  id: string;
  body_hash: string;
  tutorial: string;
  step: number;
  procedure: string | null;
  received_at: string;
}

/** Column of the daily rollup for each difficulty and each kind of help (the API's values have hyphens). */
export const DIFFICULTY_COLUMNS = {
  'info-before': 'd_info_before',
  'not-working': 'd_not_working',
  attachments: 'd_attachments',
  'info-after': 'd_info_after',
  other: 'd_other',
} as const;
export const HELP_COLUMNS = {
  counter: 'h_counter',
  phone: 'h_phone',
  email: 'h_email',
  chat: 'h_chat',
  relative: 'h_relative',
  association: 'h_association',
  websites: 'h_websites',
  other: 'h_other',
  none: 'h_none',
} as const;
export const COUNTER_COLUMNS = ['answers', 'bad', 'medium', 'good', 'clarity_sum', 'clarity_count', ...Object.values(DIFFICULTY_COLUMNS), ...Object.values(HELP_COLUMNS)] as const;
export type CounterColumn = (typeof COUNTER_COLUMNS)[number];
/** The rollup tables' columns, in the order of their SELECTs below. */
export const FEEDBACK_DAILY_COLUMNS = ['procedure', 'day', 'page_step', ...COUNTER_COLUMNS] as const;
export const BLOCKED_DAILY_COLUMNS = ['procedure', 'day', 'tutorial', 'step', 'count'] as const;

/**
 * One row per procedure, UTC day and page step (the empty string when the page gave none), kept up to date in the
 * transaction that stores each opinion: the statistics read these sums, never the opinions themselves.
 */
export type FeedbackDailyTable = { procedure: string; day: string; page_step: string } & Record<CounterColumn, number>;

/** « Je suis bloqué » counts per procedure (empty string: none), UTC day, tutorial and step. */
export interface BlockedDailyTable {
  procedure: string;
  day: string;
  tutorial: string;
  step: number;
  count: number;
}

/** Shared request counters (rate limits across instances); PostgreSQL only, unlogged: they live a minute. */
interface RateLimitTable {
  key: string;
  count: number;
  reset_at: number;
}

interface CollectorSettingsTable {
  name: string;
  value: string;
}

/** A person's story (issue 13): only the masked text and the kinds of what was masked are ever stored. */
export interface StoryTable {
  /** sha256 of the Idempotency-Key (the key itself never stored): replays find the first row. */
  id: string;
  /** The public id (in the public page's address). */
  public_id: string;
  /** sha256 of the secret follow token. */
  follow_hash: string;
  body_hash: string;
  procedure: string;
  step: string | null;
  masked_text: string;
  /** JSON [{ kind, count }]. */
  masked_kinds: string;
  feeling: 'positive' | 'negative' | 'mixed';
  channel: 'online' | 'phone' | 'desk' | 'with-help';
  locale: string | null;
  client_created_at: string | null;
  received_at: string;
  status: 'pending' | 'published' | 'refused';
  refusal_reason: string | null;
  moderated_at: string | null;
  answer_text: string | null;
  /** The service's name, as signed under the answer. */
  answer_service: string | null;
  answer_agent: string | null;
  answered_at: string | null;
  /** When a published answer was last edited (null: never). */
  answer_updated_at: string | null;
}

/** Who did what, when, in the back office. */
interface AuditTable {
  at: string;
  agent_id: string;
  agent_name: string;
  action: string;
  story_id: string | null;
  details: string | null;
}

/** Agents' sessions (back office): the cookie carries a random id, its sha256 is stored. */
interface AgentSessionTable {
  id_hash: string;
  agent_id: string;
  name: string;
  service: string;
  /** JSON arrays. */
  roles: string;
  procedures: string;
  id_token: string | null;
  created_at: string;
  expires_at: string;
}

/**
 * The agents of the back office (migration 004). AIDE_AGENTS seeds it; the administrators' page edits it; the
 * sign-in and every request read it, so a change applies at once.
 */
interface AgentAccountTable {
  /** Random public id (in the admin page's addresses: never the e-mail). */
  id: string;
  /** Lower case: the OpenID provider's e-mail claim is matched against it. */
  email: string;
  name: string;
  /** JSON array of roles. */
  roles: string;
  service: string;
  /** JSON: an array of procedure ids, or "*". */
  procedures: string;
  /** 1 active, 0 deactivated (integers: the same on SQLite and PostgreSQL). */
  active: number;
  created_at: string;
  updated_at: string;
}

export interface Schema {
  agent_accounts: AgentAccountTable;
  stories: StoryTable;
  story_audit: AuditTable;
  agent_sessions: AgentSessionTable;
  feedback: FeedbackTable;
  blocked: BlockedTable;
  feedback_daily: FeedbackDailyTable;
  blocked_daily: BlockedDailyTable;
  rate_limit: RateLimitTable;
  collector_settings: CollectorSettingsTable;
}

/** The rollup rows of a set of opinions (`from`: a table, or a statement's inserted rows), in key order. */
export function feedbackDailySelect(from: string): string {
  const has = (column: string, value: string) => `sum(case when ${column} like '%"${value}"%' then 1 else 0 end)`;
  const counters = [
    'count(*)',
    "sum(case when satisfaction = 'bad' then 1 else 0 end)",
    "sum(case when satisfaction = 'medium' then 1 else 0 end)",
    "sum(case when satisfaction = 'good' then 1 else 0 end)",
    'coalesce(sum(clarity), 0)',
    'count(clarity)',
    ...Object.keys(DIFFICULTY_COLUMNS).map((d) => has('difficulties', d)),
    ...Object.keys(HELP_COLUMNS).map((h) => has('help', h)),
  ];
  return `select procedure, substr(received_at, 1, 10), coalesce(page_step, ''), ${counters.join(', ')}
    from ${from} group by 1, 2, 3 order by 1, 2, 3`;
}
export const blockedDailySelect = (from: string) => `select coalesce(procedure, ''), substr(received_at, 1, 10), tutorial, step, count(*)
    from ${from} group by 1, 2, 3, 4 order by 1, 2, 3, 4`;

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

/** Fills the rollups from the opinions (a migration on an existing database; the benchmark after a bulk load). */
export async function rebuildRollups(db: Kysely<Schema>): Promise<void> {
  await db.deleteFrom('feedback_daily').execute();
  await db.deleteFrom('blocked_daily').execute();
  await sql.raw(`insert into feedback_daily (${FEEDBACK_DAILY_COLUMNS.join(', ')}) ${feedbackDailySelect('feedback')}`).execute(db);
  await sql.raw(`insert into blocked_daily (${BLOCKED_DAILY_COLUMNS.join(', ')}) ${blockedDailySelect('blocked')}`).execute(db);
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
  '002-rollups-export-index-rate-limits': {
    async up(db: Kysely<unknown>) {
      let daily = db.schema
        .createTable('feedback_daily')
        .addColumn('procedure', 'varchar(64)', (c) => c.notNull())
        .addColumn('day', 'varchar(10)', (c) => c.notNull())
        .addColumn('page_step', 'varchar(80)', (c) => c.notNull());
      for (const column of COUNTER_COLUMNS) daily = daily.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
      await daily.addPrimaryKeyConstraint('feedback_daily_key', ['procedure', 'day', 'page_step']).execute();
      await db.schema.createIndex('feedback_daily_day').on('feedback_daily').columns(['day']).execute();
      await db.schema
        .createTable('blocked_daily')
        .addColumn('procedure', 'varchar(64)', (c) => c.notNull())
        .addColumn('day', 'varchar(10)', (c) => c.notNull())
        .addColumn('tutorial', 'varchar(80)', (c) => c.notNull())
        .addColumn('step', 'integer', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('blocked_daily_key', ['procedure', 'day', 'tutorial', 'step'])
        .execute();
      await db.schema.createIndex('blocked_daily_day').on('blocked_daily').columns(['day']).execute();
      // The export reads the opinions in pages, in the order they arrived (keyset pagination).
      await db.schema.createIndex('feedback_received_id').on('feedback').columns(['received_at', 'id']).execute();
      await db.schema
        .createTable('collector_settings')
        .addColumn('name', 'varchar(40)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      if (isPostgres(db)) {
        await sql`create unlogged table rate_limit (key varchar(100) primary key, count integer not null, reset_at bigint not null)`.execute(db);
      } else {
        await db.schema
          .createTable('rate_limit')
          .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
          .addColumn('count', 'integer', (c) => c.notNull())
          .addColumn('reset_at', 'bigint', (c) => c.notNull())
          .execute();
      }
      await rebuildRollups(db as Kysely<Schema>);
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['rate_limit', 'collector_settings', 'blocked_daily', 'feedback_daily']) await db.schema.dropTable(table).execute();
      await db.schema.dropIndex('feedback_received_id').execute();
    },
  },
  '003-stories-audit-sessions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('stories')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('public_id', 'varchar(22)', (c) => c.notNull().unique())
        .addColumn('follow_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('body_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('procedure', 'varchar(64)', (c) => c.notNull())
        .addColumn('step', 'varchar(80)')
        .addColumn('masked_text', 'text', (c) => c.notNull())
        .addColumn('masked_kinds', 'varchar(1000)', (c) => c.notNull())
        .addColumn('feeling', 'varchar(8)', (c) => c.notNull())
        .addColumn('channel', 'varchar(9)', (c) => c.notNull())
        .addColumn('locale', 'varchar(2)')
        .addColumn('client_created_at', 'varchar(40)')
        .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('status', 'varchar(9)', (c) => c.notNull())
        .addColumn('refusal_reason', 'varchar(300)')
        .addColumn('moderated_at', 'varchar(30)')
        .addColumn('answer_text', 'text')
        .addColumn('answer_service', 'varchar(200)')
        .addColumn('answer_agent', 'varchar(200)')
        .addColumn('answered_at', 'varchar(30)')
        .execute();
      // The moderation queue (oldest first) and the public pages (newest first) read these.
      await db.schema.createIndex('stories_status_received').on('stories').columns(['status', 'received_at']).execute();
      await db.schema.createIndex('stories_procedure_status_moderated').on('stories').columns(['procedure', 'status', 'moderated_at']).execute();
      await db.schema
        .createTable('story_audit')
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addColumn('agent_id', 'varchar(200)', (c) => c.notNull())
        .addColumn('agent_name', 'varchar(200)', (c) => c.notNull())
        .addColumn('action', 'varchar(40)', (c) => c.notNull())
        .addColumn('story_id', 'varchar(22)')
        .addColumn('details', 'varchar(1000)')
        .execute();
      await db.schema.createIndex('story_audit_at').on('story_audit').columns(['at']).execute();
      await db.schema
        .createTable('agent_sessions')
        .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('agent_id', 'varchar(200)', (c) => c.notNull())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('service', 'varchar(200)', (c) => c.notNull())
        .addColumn('roles', 'varchar(200)', (c) => c.notNull())
        .addColumn('procedures', 'text', (c) => c.notNull())
        .addColumn('id_token', 'text')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['agent_sessions', 'story_audit', 'stories']) await db.schema.dropTable(table).execute();
    },
  },
  '004-agent-accounts-answer-edits': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('agent_accounts')
        .addColumn('id', 'varchar(22)', (c) => c.primaryKey())
        .addColumn('email', 'varchar(200)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('roles', 'varchar(200)', (c) => c.notNull())
        .addColumn('service', 'varchar(200)', (c) => c.notNull())
        .addColumn('procedures', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.alterTable('stories').addColumn('answer_updated_at', 'varchar(30)').execute();
      // The weekly indicators read the stories of a period whatever their status.
      await db.schema.createIndex('stories_received').on('stories').columns(['received_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('stories_received').execute();
      await db.schema.alterTable('stories').dropColumn('answer_updated_at').execute();
      await db.schema.dropTable('agent_accounts').execute();
    },
  },
};

/** The columns a write inserts, in order, per table. */
export const INSERT_COLUMNS = {
  feedback: ['id', 'body_hash', 'procedure', 'page_step', 'tutorial', 'tutorial_step', 'satisfaction', 'clarity', 'difficulties', 'help', 'comment', 'locale', 'client_created_at', 'received_at'],
  blocked: ['id', 'body_hash', 'tutorial', 'step', 'procedure', 'received_at'],
  stories: ['id', 'public_id', 'follow_hash', 'body_hash', 'procedure', 'step', 'masked_text', 'masked_kinds', 'feeling', 'channel', 'locale', 'client_created_at', 'received_at', 'status'],
} as const;
/** The integer columns among them, per table (the others are text, their length checked by their column). */
export const INTEGER_COLUMNS: Record<keyof typeof INSERT_COLUMNS, readonly string[]> = { feedback: ['tutorial_step', 'clarity'], blocked: ['step'], stories: [] };

export async function migrate(db: Kysely<Schema>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw Object.assign(new Error(`Migration impossible (${failed?.migrationName ?? ''}) : ${(error as { message?: string } | undefined)?.message ?? ''}`), { cause: error });
}
