/**
 * Indicators for the administration, per procedure and week by week (ISO weeks, Monday to Sunday, UTC days like the
 * rollups): satisfaction scored like the Observatoire de la qualité des démarches en ligne (« Je donne mon avis » :
 * Très bien 10, Moyen 5, Pas bien 0, averaged, out of 10), clarity (out of 5), difficulties, help sought, « Je suis
 * bloqué » per tutorial step, stories and answers (received, published, answered, share answered, median time to
 * answer).
 *
 * Computed by the database: the opinions' figures from the daily rollups (cost: procedures × steps × days, never the
 * number of opinions), the stories' with grouped counts and a window-function median. The same SQL on SQLite and
 * PostgreSQL except the week's first day, which each dialect writes its own way.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { Schema, Store } from './store/index.ts';
import { DIFFICULTY_COLUMNS, HELP_COLUMNS } from './store/schema.ts';
import { DIFFICULTIES, HELP } from './schemas.ts';
import type { ProcedureScope } from './stats.ts';

/** Weeks shown by default, and at most. */
export const DEFAULT_WEEKS = 12;
export const MAX_WEEKS = 104;
/** Tutorials in the « Je suis bloqué » funnel (the most blocked first), steps per tutorial. */
const MAX_TUTORIALS = 20;
const MAX_STEPS = 100;

export interface Period {
  /** First day (a Monday) and last day, inclusive, AAAA-MM-JJ. */
  from: string;
  to: string;
}

export interface WeekFigures {
  /** The week's Monday, AAAA-MM-JJ. */
  week: string;
  procedure: string | null;
  opinions: number;
  answers: { good: number; medium: number; bad: number };
  /** Observatoire: (10 × Très bien + 5 × Moyen) / answers; null without answers. */
  scoreOutOf10: number | null;
  clarity: { count: number; average: number | null };
  difficulties: Record<(typeof DIFFICULTIES)[number], number>;
  help: Record<(typeof HELP)[number], number>;
  blocked: number;
  stories: { received: number; published: number; refused: number; answered: number; answeredShare: number | null; medianAnswerHours: number | null };
}

export interface Funnel {
  tutorial: string;
  steps: { step: number; count: number }[];
  total: number;
}

export interface Indicators {
  period: Period;
  procedure: string | null;
  weeks: WeekFigures[];
  funnels: Funnel[];
}

const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
/** The Monday of a day's ISO week. */
export const mondayOf = (day: string) => {
  const ms = dayMs(day);
  return toDay(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS);
};

/**
 * The period from the filters: by default the last 12 weeks (this one included); a period longer than 104 weeks is
 * cut to its last 104 (`cut` says so). The first day moves back to its week's Monday, so every week is whole.
 */
export function periodOf(filters: { from?: string | undefined; to?: string | undefined }, today = toDay(Date.now())): { period: Period; cut: boolean } {
  const to = filters.to ?? (filters.from && filters.from > today ? filters.from : today);
  let from = mondayOf(filters.from ?? toDay(dayMs(mondayOf(to)) - (DEFAULT_WEEKS - 1) * 7 * DAY_MS));
  const earliest = toDay(dayMs(mondayOf(to)) - (MAX_WEEKS - 1) * 7 * DAY_MS);
  const cut = from < earliest;
  if (cut) from = earliest;
  return { period: { from, to }, cut };
}

/** Every Monday of the period, in order (weeks without any figure included: a gap is information too). */
export function weeksOf(period: Period): string[] {
  const weeks: string[] = [];
  for (let ms = dayMs(period.from); ms <= dayMs(period.to) && weeks.length < MAX_WEEKS; ms += 7 * DAY_MS) weeks.push(toDay(ms));
  return weeks;
}

/** The Monday of the week of a text column holding AAAA-MM-JJ (or an ISO timestamp: its first 10 characters). */
function weekOf(kind: Store['kind'], day: RawBuilder<string>): RawBuilder<string> {
  return kind === 'postgres' ? sql<string>`to_char(date_trunc('week', cast(${day} as date)), 'YYYY-MM-DD')` : sql<string>`date(${day}, 'weekday 0', '-6 days')`;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const num = (v: unknown) => Number(v ?? 0);
const sum = (column: string) => sql<number>`sum(${sql.ref(column)})`;

function emptyWeek(week: string, procedure: string | null): WeekFigures {
  return {
    week,
    procedure,
    opinions: 0,
    answers: { good: 0, medium: 0, bad: 0 },
    scoreOutOf10: null,
    clarity: { count: 0, average: null },
    difficulties: Object.fromEntries(DIFFICULTIES.map((d) => [d, 0])) as WeekFigures['difficulties'],
    help: Object.fromEntries(HELP.map((h) => [h, 0])) as WeekFigures['help'],
    blocked: 0,
    stories: { received: 0, published: 0, refused: 0, answered: 0, answeredShare: null, medianAnswerHours: null },
  };
}

/**
 * The figures week by week: for the whole scope together (`perProcedure` false: what the page shows), or one row per
 * procedure and week (`perProcedure` true: the CSV). `procedure` narrows to one procedure (inside the scope).
 */
export async function weeklyIndicators(
  store: Pick<Store, 'kind' | 'reader'>,
  options: { period: Period; scope: ProcedureScope; procedure?: string | undefined; perProcedure?: boolean },
): Promise<Indicators> {
  const reader: Kysely<Schema> = store.reader;
  const { period, scope, procedure } = options;
  const perProcedure = options.perProcedure === true;
  const inScope = scope === '*' ? null : scope.length ? [...scope] : [''];
  const dayWeek = weekOf(store.kind, sql<string>`day`);
  const storyWeek = weekOf(store.kind, sql<string>`substr(received_at, 1, 10)`);

  let daily = reader.selectFrom('feedback_daily').where('day', '>=', period.from).where('day', '<=', period.to);
  let blocked = reader.selectFrom('blocked_daily').where('day', '>=', period.from).where('day', '<=', period.to);
  // "to" is inclusive: the whole day (timestamps are ISO strings).
  let stories = reader.selectFrom('stories').where('received_at', '>=', period.from).where('received_at', '<', `${period.to}T99`);
  if (inScope) {
    daily = daily.where('procedure', 'in', inScope);
    blocked = blocked.where('procedure', 'in', inScope);
    stories = stories.where('procedure', 'in', inScope);
  }
  if (procedure) {
    daily = daily.where('procedure', '=', procedure);
    blocked = blocked.where('procedure', '=', procedure);
    stories = stories.where('procedure', '=', procedure);
  }
  const groupKeys = perProcedure ? [sql`procedure`, sql`week`] : [sql`week`];
  const procedureColumn = perProcedure ? sql<string>`procedure` : sql<string | null>`null`;
  const hours =
    store.kind === 'postgres'
      ? sql<number>`extract(epoch from (cast(answered_at as timestamptz) - cast(received_at as timestamptz))) / 3600.0`
      : sql<number>`(julianday(answered_at) - julianday(received_at)) * 24.0`;

  const [opinionRows, blockedRows, storyRows, medianRows, funnelRows] = await Promise.all([
    daily
      .select([procedureColumn.as('procedure'), dayWeek.as('week'), sum('answers').as('answers'), sum('good').as('good'), sum('medium').as('medium'), sum('bad').as('bad'), sum('clarity_sum').as('clarity_sum'), sum('clarity_count').as('clarity_count')])
      .select([...Object.values(DIFFICULTY_COLUMNS), ...Object.values(HELP_COLUMNS)].map((c) => sum(c).as(c)))
      .groupBy(groupKeys)
      .execute(),
    blocked.select([procedureColumn.as('procedure'), dayWeek.as('week'), sum('count').as('count')]).groupBy(groupKeys).execute(),
    stories
      .select((eb) => [
        procedureColumn.as('procedure'),
        storyWeek.as('week'),
        eb.fn.countAll<number | string>().as('received'),
        sql<number>`sum(case when status = 'published' then 1 else 0 end)`.as('published'),
        sql<number>`sum(case when status = 'refused' then 1 else 0 end)`.as('refused'),
        sql<number>`sum(case when status = 'published' and answered_at is not null then 1 else 0 end)`.as('answered'),
      ])
      .groupBy(groupKeys)
      .execute(),
    // The median time to answer of each week's answered stories: the middle row (or the two middle rows) by rank.
    reader
      .selectFrom(
        stories
          .where('status', '=', 'published')
          .where('answered_at', 'is not', null)
          .select([
            procedureColumn.as('procedure'),
            storyWeek.as('week'),
            hours.as('hours'),
            sql<number>`row_number() over (partition by ${perProcedure ? sql`procedure, ` : sql``}${storyWeek} order by ${hours})`.as('rn'),
            sql<number>`count(*) over (partition by ${perProcedure ? sql`procedure, ` : sql``}${storyWeek})`.as('n'),
          ])
          .as('ranked'),
      )
      .select([procedureColumn.as('procedure'), sql<string>`week`.as('week'), sql<number>`avg(hours)`.as('median')])
      .where(sql<boolean>`rn in ((n + 1) / 2, (n + 2) / 2)`)
      .groupBy(groupKeys)
      .execute(),
    perProcedure
      ? Promise.resolve([])
      : blocked
          .select(['tutorial', 'step', sum('count').as('count')])
          .groupBy(['tutorial', 'step'])
          .orderBy('tutorial')
          .orderBy('step')
          .limit(MAX_TUTORIALS * MAX_STEPS)
          .execute(),
  ]);

  // Every week of the period, for each procedure that has any figure (or the scope as one).
  const key = (p: string | null, w: string) => `${p ?? ''}\u0000${w}`;
  const rows = new Map<string, WeekFigures>();
  const weeks = weeksOf(period);
  const procedures = perProcedure ? [...new Set([...opinionRows, ...blockedRows, ...storyRows].map((r) => r.procedure as string))].sort() : [null];
  for (const p of procedures) for (const w of weeks) rows.set(key(p, w), emptyWeek(w, p));
  const at = (r: { procedure: string | null; week: string }) => rows.get(key(perProcedure ? r.procedure : null, r.week));

  for (const r of opinionRows) {
    const w = at(r);
    if (!w) continue;
    const t = r as unknown as Record<string, unknown>;
    w.opinions = num(r.answers);
    w.answers = { good: num(r.good), medium: num(r.medium), bad: num(r.bad) };
    const answered = w.answers.good + w.answers.medium + w.answers.bad;
    w.scoreOutOf10 = answered ? round((10 * w.answers.good + 5 * w.answers.medium) / answered) : null;
    const clarityCount = num(r.clarity_count);
    w.clarity = { count: clarityCount, average: clarityCount ? round(num(r.clarity_sum) / clarityCount) : null };
    for (const d of DIFFICULTIES) w.difficulties[d] = num(t[DIFFICULTY_COLUMNS[d]]);
    for (const h of HELP) w.help[h] = num(t[HELP_COLUMNS[h]]);
  }
  for (const r of blockedRows) {
    const w = at(r);
    if (w) w.blocked = num(r.count);
  }
  for (const r of storyRows) {
    const w = at(r);
    if (!w) continue;
    const published = num(r.published);
    const answered = num(r.answered);
    w.stories = { received: num(r.received), published, refused: num(r.refused), answered, answeredShare: published ? round(answered / published, 3) : null, medianAnswerHours: null };
  }
  for (const r of medianRows) {
    const w = at(r);
    if (w) w.stories.medianAnswerHours = round(num(r.median), 1);
  }

  const byTutorial = new Map<string, Funnel>();
  for (const r of funnelRows) {
    const f = byTutorial.get(r.tutorial) ?? { tutorial: r.tutorial, steps: [], total: 0 };
    f.steps.push({ step: Number(r.step), count: num(r.count) });
    f.total += num(r.count);
    byTutorial.set(r.tutorial, f);
  }
  const funnels = [...byTutorial.values()].sort((a, b) => b.total - a.total || a.tutorial.localeCompare(b.tutorial)).slice(0, MAX_TUTORIALS);
  return { period, procedure: procedure ?? null, weeks: [...rows.values()], funnels };
}

/** Column names of the CSV, in French, stable (scripts read them). */
const CSV_COLUMNS = [
  'semaine_du',
  'demarche',
  'avis',
  'tres_bien',
  'moyen',
  'pas_bien',
  'note_satisfaction_sur_10',
  'clarte_reponses',
  'clarte_moyenne_sur_5',
  ...DIFFICULTIES.map((d) => `difficulte_${d.replace(/-/g, '_')}`),
  ...HELP.map((h) => `aide_${h}`),
  'je_suis_bloque',
  'recits_recus',
  'recits_publies',
  'recits_refuses',
  'recits_publies_avec_reponse',
  'part_avec_reponse',
  'delai_median_reponse_heures',
];

/**
 * The figures as CSV for a spreadsheet: UTF-8 with a BOM, CRLF, one row per procedure and week, numbers with a dot;
 * cells that a spreadsheet would run as formulas (= + - @ …) are neutralised by csv-stringify.
 */
export function indicatorsCsv(indicators: Indicators): string {
  const value = (n: number | null) => (n === null ? '' : n);
  return stringify(
    indicators.weeks.map((w) => [
      w.week,
      w.procedure ?? 'toutes',
      w.opinions,
      w.answers.good,
      w.answers.medium,
      w.answers.bad,
      value(w.scoreOutOf10),
      w.clarity.count,
      value(w.clarity.average),
      ...DIFFICULTIES.map((d) => w.difficulties[d]),
      ...HELP.map((h) => w.help[h]),
      w.blocked,
      w.stories.received,
      w.stories.published,
      w.stories.refused,
      w.stories.answered,
      value(w.stories.answeredShare),
      value(w.stories.medianAnswerHours),
    ]),
    { header: true, columns: CSV_COLUMNS, bom: true, record_delimiter: 'windows', escape_formulas: true },
  );
}
