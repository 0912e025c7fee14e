/**
 * Indicators week by week, computed by the database: the same figures on SQLite and on PostgreSQL, from opinions,
 * « Je suis bloqué » counts and stories placed on chosen days (weeks with nothing, a Sunday and the Monday after).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { openStore, type Store } from '../src/store/index.ts';
import { rebuildRollups } from '../src/store/schema.ts';
import { indicatorsCsv, mondayOf, periodOf, weeklyIndicators, weeksOf } from '../src/indicators.ts';
import { startPostgres, type ThrowAwayPostgres } from './postgres.ts';

let n = 0;
const opinion = (procedure: string, day: string, satisfaction: 'good' | 'medium' | 'bad', extra: { clarity?: number; difficulties?: string[]; help?: string[] } = {}) => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  body_hash: 'test',
  procedure,
  page_step: null,
  tutorial: null,
  tutorial_step: null,
  satisfaction,
  clarity: extra.clarity ?? null,
  difficulties: JSON.stringify(extra.difficulties ?? []),
  help: JSON.stringify(extra.help ?? []),
  comment: null,
  locale: 'fr',
  client_created_at: null,
  received_at: `${day}T10:00:00.000Z`,
});
const blocked = (tutorial: string, step: number, day: string, procedure = 'demande-logement') => ({
  id: `10000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  body_hash: 'test',
  tutorial,
  step,
  procedure,
  received_at: `${day}T09:00:00.000Z`,
});
const story = (procedure: string, received: string, status: 'pending' | 'published' | 'refused', answeredAfterHours?: number) => {
  const id = ++n;
  const at = new Date(received);
  return {
    id: `story-${id}`,
    public_id: `p${id}`,
    follow_hash: `f${id}`,
    body_hash: 'test',
    procedure,
    step: null,
    masked_text: 'Texte masqué.',
    masked_kinds: '[]',
    feeling: 'negative' as const,
    channel: 'online' as const,
    locale: 'fr',
    client_created_at: null,
    received_at: at.toISOString(),
    status,
    refusal_reason: null,
    moderated_at: status === 'pending' ? null : at.toISOString(),
    answer_text: answeredAfterHours === undefined ? null : 'Réponse.',
    answer_service: answeredAfterHours === undefined ? null : 'CAF',
    answer_agent: answeredAfterHours === undefined ? null : 'Agent',
    answered_at: answeredAfterHours === undefined ? null : new Date(at.getTime() + answeredAfterHours * 3_600_000).toISOString(),
  };
};

test('weeks: Monday to Sunday, the default period is the last 12 weeks, at most 104', () => {
  assert.equal(mondayOf('2026-11-22'), '2026-11-16', 'a Sunday belongs to the week that started the Monday before');
  assert.equal(mondayOf('2026-11-23'), '2026-11-23');
  assert.equal(mondayOf('2026-01-01'), '2025-12-29', 'across a year');
  const byDefault = periodOf({}, '2026-12-07');
  assert.deepEqual(byDefault, { period: { from: '2026-09-21', to: '2026-12-07' }, cut: false });
  assert.equal(weeksOf(byDefault.period).length, 12);
  assert.deepEqual(periodOf({ from: '2026-11-04', to: '2026-11-29' }, '2026-12-07').period, { from: '2026-11-02', to: '2026-11-29' });
  const long = periodOf({ from: '2020-01-01', to: '2026-12-07' }, '2026-12-07');
  assert.equal(long.cut, true);
  assert.equal(weeksOf(long.period).length, 104);
});

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`indicators week by week on ${backend}`, () => {
    let store: Store;
    let pg: ThrowAwayPostgres | undefined;
    before(async () => {
      if (backend === 'postgres') pg = await startPostgres();
      store = await openStore({ sqlitePath: ':memory:', databaseUrl: pg?.url });
      await store.db
        .insertInto('feedback')
        .values([
          // Week of 2 November: 2 good, 1 medium, 1 bad; clarity 4 and 2.
          opinion('demande-logement', '2026-11-02', 'good', { clarity: 4, difficulties: ['attachments'], help: ['phone'] }),
          opinion('demande-logement', '2026-11-04', 'good', { clarity: 2, difficulties: ['attachments', 'other'] }),
          opinion('demande-logement', '2026-11-06', 'medium'),
          opinion('demande-logement', '2026-11-08', 'bad', { help: ['none'] }),
          // Nothing the week of 9 November. The week of 16 November ends on Sunday the 22nd.
          opinion('demande-logement', '2026-11-22', 'bad'),
          opinion('demande-logement', '2026-11-23', 'good'),
          // Another procedure, and a day outside the period.
          opinion('carte-grise', '2026-11-03', 'good'),
          opinion('demande-logement', '2026-10-30', 'bad'),
        ])
        .execute();
      await store.db
        .insertInto('blocked')
        .values([
          ...[1, 1, 1, 2, 2, 2, 2, 2, 3].map((step) => blocked('aides-logement', step, '2026-11-05')),
          blocked('carte-grise-en-ligne', 1, '2026-11-05', 'carte-grise'),
        ])
        .execute();
      await rebuildRollups(store.db);
      await store.db
        .insertInto('stories')
        .values([
          story('demande-logement', '2026-11-03T08:00:00.000Z', 'published', 2),
          story('demande-logement', '2026-11-03T09:00:00.000Z', 'published', 10),
          story('demande-logement', '2026-11-04T09:00:00.000Z', 'published', 7),
          story('demande-logement', '2026-11-05T09:00:00.000Z', 'published'),
          story('demande-logement', '2026-11-05T10:00:00.000Z', 'refused'),
          story('demande-logement', '2026-11-06T10:00:00.000Z', 'pending'),
          story('demande-logement', '2026-11-24T10:00:00.000Z', 'published', 5),
          story('demande-logement', '2026-11-25T10:00:00.000Z', 'published', 1),
          story('carte-grise', '2026-11-03T10:00:00.000Z', 'published', 100),
        ])
        .execute();
    });
    after(async () => {
      await store.close();
      pg?.stop();
    });

    const period = { from: '2026-11-02', to: '2026-11-29' };

    test('one responder’s procedures: every week listed, satisfaction scored like the Observatoire, clarity, kinds, stories, median', async () => {
      const r = await weeklyIndicators(store, { period, scope: ['demande-logement'] });
      assert.deepEqual(
        r.weeks.map((w) => w.week),
        ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'],
      );
      const [first, empty, third, fourth] = r.weeks as [(typeof r.weeks)[0], (typeof r.weeks)[0], (typeof r.weeks)[0], (typeof r.weeks)[0]];
      assert.equal(first.opinions, 4);
      assert.deepEqual(first.answers, { good: 2, medium: 1, bad: 1 });
      assert.equal(first.scoreOutOf10, 6.25, '(10 × 2 + 5 × 1 + 0 × 1) / 4');
      assert.deepEqual(first.clarity, { count: 2, average: 3 });
      assert.equal(first.difficulties.attachments, 2);
      assert.equal(first.difficulties.other, 1);
      assert.equal(first.help.phone, 1);
      assert.equal(first.help.none, 1);
      assert.equal(first.blocked, 9);
      // Stories received that week: 4 published of which 3 answered after 2, 7 and 10 hours → median 7.
      assert.deepEqual(first.stories, { received: 6, published: 4, refused: 1, answered: 3, answeredShare: 0.75, medianAnswerHours: 7 });
      assert.equal(empty.opinions, 0);
      assert.equal(empty.scoreOutOf10, null);
      assert.equal(empty.stories.answeredShare, null);
      assert.equal(third.opinions, 1, 'Sunday the 22nd is in the week of the 16th');
      assert.equal(third.scoreOutOf10, 0);
      assert.equal(fourth.opinions, 1);
      // Two answered stories (1 and 5 hours): the median is their mean.
      assert.deepEqual(fourth.stories, { received: 2, published: 2, refused: 0, answered: 2, answeredShare: 1, medianAnswerHours: 3 });
      assert.deepEqual(r.funnels, [{ tutorial: 'aides-logement', steps: [{ step: 1, count: 3 }, { step: 2, count: 5 }, { step: 3, count: 1 }], total: 9 }]);
    });

    test('everything, one procedure, and one row per procedure and week for the CSV', async () => {
      const all = await weeklyIndicators(store, { period, scope: '*' });
      assert.equal(all.weeks[0]!.opinions, 5, 'carte-grise counted with the rest');
      assert.equal(all.weeks[0]!.stories.medianAnswerHours, 8.5, 'answers after 2, 7, 10 and 100 hours');
      assert.equal(all.funnels.length, 2);
      const one = await weeklyIndicators(store, { period, scope: '*', procedure: 'carte-grise' });
      assert.equal(one.weeks[0]!.opinions, 1);
      assert.equal(one.weeks[0]!.scoreOutOf10, 10);
      // A procedure outside the responder's scope gives nothing, even when asked for.
      const outside = await weeklyIndicators(store, { period, scope: ['demande-logement'], procedure: 'carte-grise' });
      assert.equal(outside.weeks.reduce((s, w) => s + w.opinions + w.stories.received + w.blocked, 0), 0);

      const rows = await weeklyIndicators(store, { period, scope: '*', perProcedure: true });
      assert.deepEqual(
        rows.weeks.map((w) => `${w.procedure} ${w.week}`),
        ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'].flatMap((w) => [`carte-grise ${w}`]).concat(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'].map((w) => `demande-logement ${w}`)),
      );
      const logement = rows.weeks.find((w) => w.procedure === 'demande-logement' && w.week === '2026-11-02')!;
      assert.equal(logement.scoreOutOf10, 6.25);
      assert.equal(logement.stories.medianAnswerHours, 7);
      const csv = indicatorsCsv(rows);
      assert.ok(csv.startsWith('\uFEFFsemaine_du,demarche,avis,tres_bien'), 'UTF-8 BOM for spreadsheets, French column names');
      assert.ok(csv.includes('\r\n'), 'CRLF');
      const parsed = parse<Record<string, string>>(csv, { bom: true, columns: true });
      assert.equal(parsed.length, 8);
      const row = parsed.find((p) => p.demarche === 'demande-logement' && p.semaine_du === '2026-11-02')!;
      assert.equal(row.note_satisfaction_sur_10, '6.25');
      assert.equal(row.difficulte_attachments, '2');
      assert.equal(row.aide_none, '1');
      assert.equal(row.je_suis_bloque, '9');
      assert.equal(row.part_avec_reponse, '0.75');
      assert.equal(row.delai_median_reponse_heures, '7');
      assert.equal(parsed.find((p) => p.semaine_du === '2026-11-09' && p.demarche === 'carte-grise')!.note_satisfaction_sur_10, '', 'no figure: an empty cell, not 0');
    });
  });
}
