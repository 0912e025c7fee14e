/**
 * Aggregates for the administration: counts, satisfaction (as the share of each answer, a score out of 5 and the
 * Observatoire's score out of 10), clarity, difficulties, help sought, per procedure, page step and day; and the
 * anonymous "Je suis bloqué" counts per tutorial step.
 *
 * Computed by the database, from the daily rollups that each write keeps up to date (store/schema.ts): the cost
 * depends on the number of procedures, steps and days in the period, never on the number of opinions, and every list
 * is capped. The queries go through the store's reader, which never holds up writes.
 */
import { PostgresAdapter, sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import * as postgresJson from 'kysely/helpers/postgres';
import * as sqliteJson from 'kysely/helpers/sqlite';
import type { Schema } from './store/index.ts';
import { DIFFICULTY_COLUMNS, HELP_COLUMNS } from './store/schema.ts';
import { DIFFICULTIES, HELP, SATISFACTION, type StatsQuery } from './schemas.ts';

/** The five-point value of each answer (EU Single Digital Gateway user feedback: a score out of 5). */
const SCORE_OUT_OF_5 = { bad: 1, medium: 3, good: 5 } as const;
/** The Observatoire de la qualité des démarches en ligne's weighting: Très bien 10, Moyen 5, Pas bien 0. */
const SCORE_OUT_OF_10 = { bad: 0, medium: 5, good: 10 } as const;
/** At most this many rows per list (procedures, page steps, tutorial steps); `truncated` says which were cut. */
const MAX_GROUPS = 500;
/** At most this many days in the list per day: the most recent ones. */
const MAX_DAYS = 400;

export interface Satisfaction {
  count: number;
  answers: Record<(typeof SATISFACTION)[number], number>;
  scoreOutOf5: number | null;
  scoreOutOf10: number | null;
}

export interface Stats {
  filters: StatsQuery;
  scoring: { outOf5: typeof SCORE_OUT_OF_5; outOf10: typeof SCORE_OUT_OF_10 };
  total: Satisfaction;
  clarity: { count: number; average: number | null };
  difficulties: Record<(typeof DIFFICULTIES)[number], number>;
  help: Record<(typeof HELP)[number], number>;
  byProcedure: (Satisfaction & { procedure: string })[];
  byPageStep: (Satisfaction & { procedure: string; pageStep: string | null })[];
  byDay: (Satisfaction & { day: string })[];
  blocked: { tutorial: string; step: number; count: number }[];
  /** Lists cut at their cap (MAX_GROUPS, MAX_DAYS). */
  truncated: ('byProcedure' | 'byPageStep' | 'byDay' | 'blocked')[];
}

const round = (n: number) => Math.round(n * 100) / 100;

function satisfaction(bad: unknown, medium: unknown, good: unknown): Satisfaction {
  const answers = { bad: Number(bad ?? 0), medium: Number(medium ?? 0), good: Number(good ?? 0) };
  const count = answers.bad + answers.medium + answers.good;
  const weighted = (w: Record<string, number>) => (count === 0 ? null : round(SATISFACTION.reduce((s, a) => s + w[a]! * answers[a], 0) / count));
  return { count, answers, scoreOutOf5: weighted(SCORE_OUT_OF_5), scoreOutOf10: weighted(SCORE_OUT_OF_10) };
}

type Daily = SelectQueryBuilder<Schema, 'feedback_daily', object>;

/** Which procedures' figures may be read: all ('*'), or a list (a responder's procedures; never empty). */
export type ProcedureScope = '*' | readonly string[];

function filtered<Q extends Daily | SelectQueryBuilder<Schema, 'blocked_daily', object>>(select: Q, query: StatsQuery, scope: ProcedureScope = '*'): Q {
  let q = select as unknown as Daily;
  if (scope !== '*') q = q.where('procedure', 'in', scope.length ? [...scope] : ['']);
  if (query.procedure) q = q.where('procedure', '=', query.procedure);
  if (query.from) q = q.where('day', '>=', query.from);
  if (query.to) q = q.where('day', '<=', query.to);
  return q as unknown as Q;
}

const sum = (column: string) => sql<number>`sum(${sql.ref(column)})`;

/**
 * The statistics of a period, in one statement: its five parts are JSON subqueries of a single SELECT, so a statistics
 * request is one round trip and never takes more than one of the database's processes, however many agents read
 * them at once.
 */
export async function computeStats(reader: Kysely<Schema>, query: StatsQuery, scope: ProcedureScope = '*'): Promise<Stats> {
  const json = reader.getExecutor().adapter instanceof PostgresAdapter ? postgresJson : sqliteJson;
  const daily = filtered(reader.selectFrom('feedback_daily'), query, scope);
  const answerSums = [sum('bad').as('bad'), sum('medium').as('medium'), sum('good').as('good')] as const;
  const row = await reader
    .selectNoFrom([
      json.jsonObjectFrom(
        daily
          .select([...answerSums, sum('clarity_sum').as('clarity_sum'), sum('clarity_count').as('clarity_count')])
          .select([...Object.values(DIFFICULTY_COLUMNS), ...Object.values(HELP_COLUMNS)].map((c) => sum(c).as(c))),
      ).as('totals'),
      json.jsonArrayFrom(daily.select('procedure').select(answerSums).groupBy('procedure').orderBy('procedure').limit(MAX_GROUPS + 1)).as('byProcedure'),
      json
        .jsonArrayFrom(daily.select(['procedure', 'page_step']).select(answerSums).groupBy(['procedure', 'page_step']).orderBy('procedure').orderBy('page_step').limit(MAX_GROUPS + 1))
        .as('byPageStep'),
      json.jsonArrayFrom(daily.select('day').select(answerSums).groupBy('day').orderBy('day', 'desc').limit(MAX_DAYS + 1)).as('byDay'),
      json
        .jsonArrayFrom(
          filtered(reader.selectFrom('blocked_daily'), query, scope)
            .select(['tutorial', 'step'])
            .select(sum('count').as('count'))
            .groupBy(['tutorial', 'step'])
            .orderBy('tutorial')
            .orderBy('step')
            .limit(MAX_GROUPS + 1),
        )
        .as('blocked'),
    ])
    .executeTakeFirstOrThrow();
  // PostgreSQL's driver parses JSON columns; SQLite gives their text.
  const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
  const totals = parsed(row.totals);
  const [byProcedure, byPageStep, byDay, blocked] = [parsed(row.byProcedure), parsed(row.byPageStep), parsed(row.byDay), parsed(row.blocked)];
  const t = (totals ?? {}) as Record<string, unknown>;
  const truncated: Stats['truncated'] = [];
  const cap = <T>(name: Stats['truncated'][number], rows: T[], max: number) => {
    if (rows.length <= max) return rows;
    truncated.push(name);
    return rows.slice(0, max);
  };
  const clarityCount = Number(t.clarity_count ?? 0);
  return {
    filters: query,
    scoring: { outOf5: SCORE_OUT_OF_5, outOf10: SCORE_OUT_OF_10 },
    total: satisfaction(t.bad, t.medium, t.good),
    clarity: { count: clarityCount, average: clarityCount ? round(Number(t.clarity_sum) / clarityCount) : null },
    difficulties: Object.fromEntries(DIFFICULTIES.map((d) => [d, Number(t[DIFFICULTY_COLUMNS[d]] ?? 0)])) as Stats['difficulties'],
    help: Object.fromEntries(HELP.map((h) => [h, Number(t[HELP_COLUMNS[h]] ?? 0)])) as Stats['help'],
    byProcedure: cap('byProcedure', byProcedure, MAX_GROUPS).map((r) => ({ procedure: r.procedure, ...satisfaction(r.bad, r.medium, r.good) })),
    byPageStep: cap('byPageStep', byPageStep, MAX_GROUPS).map((r) => ({ procedure: r.procedure, pageStep: r.page_step || null, ...satisfaction(r.bad, r.medium, r.good) })),
    byDay: cap('byDay', byDay, MAX_DAYS)
      .reverse()
      .map((r) => ({ day: r.day, ...satisfaction(r.bad, r.medium, r.good) })),
    blocked: cap('blocked', blocked, MAX_GROUPS).map((b) => ({ tutorial: b.tutorial, step: Number(b.step), count: Number(b.count) })),
    truncated,
  };
}

/** The procedures that have opinions, for the dashboard's filter (capped). */
export async function knownProcedures(reader: Kysely<Schema>, scope: ProcedureScope = '*'): Promise<string[]> {
  const rows = await filtered(reader.selectFrom('feedback_daily'), {}, scope).select('procedure').distinct().orderBy('procedure').limit(MAX_GROUPS).execute();
  return rows.map((r) => r.procedure);
}

/** What the public may see of one procedure when the administration opens it: the satisfaction totals, nothing else. */
export async function publicStats(reader: Kysely<Schema>, procedure: string): Promise<{ procedure: string } & Satisfaction> {
  const row = await reader
    .selectFrom('feedback_daily')
    .where('procedure', '=', procedure)
    .select([sum('bad').as('bad'), sum('medium').as('medium'), sum('good').as('good')])
    .executeTakeFirst();
  return { procedure, ...satisfaction(row?.bad, row?.medium, row?.good) };
}
