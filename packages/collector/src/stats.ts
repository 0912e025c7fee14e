/**
 * Aggregates for the administration: counts, satisfaction (as the share of each answer, a score out of 5 and the
 * Observatoire's score out of 10), clarity, difficulties, help sought, per page step and per day; and the anonymous
 * "Je suis bloqué" counts per tutorial step.
 */
import type { Kysely } from 'kysely';
import type { Schema } from './db.ts';
import { DIFFICULTIES, HELP, SATISFACTION, type StatsQuery } from './schemas.ts';

/** The five-point value of each answer (EU Single Digital Gateway user feedback: a score out of 5). */
const SCORE_OUT_OF_5 = { bad: 1, medium: 3, good: 5 } as const;
/** The Observatoire de la qualité des démarches en ligne's weighting: Très bien 10, Moyen 5, Pas bien 0. */
const SCORE_OUT_OF_10 = { bad: 0, medium: 5, good: 10 } as const;

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
}

const round = (n: number) => Math.round(n * 100) / 100;

function satisfaction(rows: { satisfaction: string }[]): Satisfaction {
  const answers = { bad: 0, medium: 0, good: 0 };
  for (const r of rows) answers[r.satisfaction as keyof typeof answers]++;
  const count = rows.length;
  const weighted = (w: Record<string, number>) => (count === 0 ? null : round(SATISFACTION.reduce((s, a) => s + w[a]! * answers[a], 0) / count));
  return { count, answers, scoreOutOf5: weighted(SCORE_OUT_OF_5), scoreOutOf10: weighted(SCORE_OUT_OF_10) };
}

function group<T, K extends string>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

export async function computeStats(db: Kysely<Schema>, query: StatsQuery): Promise<Stats> {
  let select = db.selectFrom('feedback').select(['procedure', 'page_step', 'satisfaction', 'clarity', 'difficulties', 'help', 'received_at']);
  if (query.procedure) select = select.where('procedure', '=', query.procedure);
  if (query.from) select = select.where('received_at', '>=', query.from);
  // "to" is inclusive: the whole day.
  if (query.to) select = select.where('received_at', '<', `${query.to}T99`);
  const rows = await select.orderBy('received_at').execute();

  let blockedSelect = db.selectFrom('blocked').select(['tutorial', 'step']).select((eb) => eb.fn.countAll<number>().as('count')).groupBy(['tutorial', 'step']);
  if (query.procedure) blockedSelect = blockedSelect.where('procedure', '=', query.procedure);
  if (query.from) blockedSelect = blockedSelect.where('received_at', '>=', query.from);
  if (query.to) blockedSelect = blockedSelect.where('received_at', '<', `${query.to}T99`);
  const blocked = (await blockedSelect.orderBy('tutorial').orderBy('step').execute()).map((b) => ({ tutorial: b.tutorial, step: Number(b.step), count: Number(b.count) }));

  const difficulties = Object.fromEntries(DIFFICULTIES.map((d) => [d, 0])) as Stats['difficulties'];
  const help = Object.fromEntries(HELP.map((h) => [h, 0])) as Stats['help'];
  const clarities = rows.map((r) => r.clarity).filter((c): c is number => c !== null);
  for (const r of rows) {
    for (const d of JSON.parse(r.difficulties) as (keyof typeof difficulties)[]) difficulties[d]++;
    for (const h of JSON.parse(r.help) as (keyof typeof help)[]) help[h]++;
  }
  return {
    filters: query,
    scoring: { outOf5: SCORE_OUT_OF_5, outOf10: SCORE_OUT_OF_10 },
    total: satisfaction(rows),
    clarity: { count: clarities.length, average: clarities.length ? round(clarities.reduce((a, b) => a + b, 0) / clarities.length) : null },
    difficulties,
    help,
    byProcedure: [...group(rows, (r) => r.procedure)].sort().map(([procedure, list]) => ({ procedure, ...satisfaction(list) })),
    byPageStep: [...group(rows, (r) => `${r.procedure}\u0000${r.page_step ?? ''}`)]
      .sort()
      .map(([key, list]) => ({ procedure: key.split('\u0000')[0]!, pageStep: key.split('\u0000')[1] || null, ...satisfaction(list) })),
    byDay: [...group(rows, (r) => r.received_at.slice(0, 10))].map(([day, list]) => ({ day, ...satisfaction(list) })),
    blocked,
  };
}
