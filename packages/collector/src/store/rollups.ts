/**
 * The daily rollups that every write keeps up to date. SQLite adds the increments computed here (rollupIncrements);
 * PostgreSQL computes them in the batch's own statement (schema.ts, feedbackDailySelect), with the same result.
 */
import { COUNTER_COLUMNS, DIFFICULTY_COLUMNS, HELP_COLUMNS, type BlockedDailyTable, type CounterColumn, type FeedbackDailyTable } from './schema.ts';
import type { Insert } from './index.ts';

/** The daily rollup rows that a batch of newly stored entries adds to, merged by key and in key order. */
export function rollupIncrements(stored: Insert[]): { feedback: FeedbackDailyTable[]; blocked: BlockedDailyTable[] } {
  const feedback = new Map<string, FeedbackDailyTable>();
  const blocked = new Map<string, BlockedDailyTable>();
  for (const entry of stored) {
    const day = entry.row.received_at.slice(0, 10);
    if (entry.table === 'feedback') {
      const r = entry.row;
      const key = `${r.procedure}\u0000${day}\u0000${r.page_step ?? ''}`;
      let sums = feedback.get(key);
      if (!sums) {
        sums = { procedure: r.procedure, day, page_step: r.page_step ?? '', ...(Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, 0])) as Record<CounterColumn, number>) };
        feedback.set(key, sums);
      }
      sums.answers++;
      sums[r.satisfaction]++;
      if (r.clarity !== null) {
        sums.clarity_sum += r.clarity;
        sums.clarity_count++;
      }
      for (const d of JSON.parse(r.difficulties) as (keyof typeof DIFFICULTY_COLUMNS)[]) sums[DIFFICULTY_COLUMNS[d]]++;
      for (const h of JSON.parse(r.help) as (keyof typeof HELP_COLUMNS)[]) sums[HELP_COLUMNS[h]]++;
    } else if (entry.table === 'blocked') {
      const r = entry.row;
      const key = `${r.procedure ?? ''}\u0000${day}\u0000${r.tutorial}\u0000${r.step}`;
      const counts = blocked.get(key) ?? { procedure: r.procedure ?? '', day, tutorial: r.tutorial, step: r.step, count: 0 };
      counts.count++;
      blocked.set(key, counts);
    }
  }
  // Key order: two instances updating the same rows lock them in the same order (no deadlock).
  const sorted = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return { feedback: sorted(feedback), blocked: sorted(blocked) };
}

/** What adds a batch's rollup rows to the ones already there (after `INSERT INTO … (columns) VALUES … | SELECT …`). */
export const FEEDBACK_DAILY_ON_CONFLICT = `ON CONFLICT (procedure, day, page_step) DO UPDATE SET ${COUNTER_COLUMNS.map((c) => `${c} = feedback_daily.${c} + excluded.${c}`).join(', ')}`;
export const BLOCKED_DAILY_ON_CONFLICT = 'ON CONFLICT (procedure, day, tutorial, step) DO UPDATE SET count = blocked_daily.count + excluded.count';
