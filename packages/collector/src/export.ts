/**
 * The CSV export of every opinion, streamed: pages of rows in the order they arrived (keyset pagination on
 * received_at, id — each page a short read of its own, through the reader that never holds up writes), turned into
 * CSV by csv-stringify with backpressure. Memory stays the same for a thousand rows or a million.
 * Opinions that arrive during an export are included if they arrive after the page being read.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { sql, type Kysely } from 'kysely';
import type { Schema, FeedbackTable } from './store/index.ts';
import type { StatsQuery } from './schemas.ts';
import type { ProcedureScope } from './stats.ts';

const EXPORT_COLUMNS = ['id', 'received_at', 'procedure', 'page_step', 'tutorial', 'tutorial_step', 'satisfaction', 'clarity', 'difficulties', 'help', 'comment', 'locale', 'client_created_at'] as const;
const PAGE = 500;

type Row = Pick<FeedbackTable, (typeof EXPORT_COLUMNS)[number]>;

function page(reader: Kysely<Schema>, query: StatsQuery, scope: ProcedureScope, after: Row | null) {
  let select = reader.selectFrom('feedback').select([...EXPORT_COLUMNS]);
  if (scope !== '*') select = select.where('procedure', 'in', scope.length ? [...scope] : ['']);
  if (query.procedure) select = select.where('procedure', '=', query.procedure);
  if (query.from) select = select.where('received_at', '>=', query.from);
  // "to" is inclusive: the whole day.
  if (query.to) select = select.where('received_at', '<', `${query.to}T99`);
  if (after) select = select.where(sql<boolean>`(received_at, id) > (${after.received_at}, ${after.id})`);
  return select.orderBy('received_at').orderBy('id').limit(PAGE).execute();
}

/**
 * The export as a stream of CSV text (UTF-8 with a BOM for spreadsheets). The first page is read before anything is
 * sent, so that a database that is away gets a clean 503 rather than a cut file.
 */
export async function exportCsv(reader: Kysely<Schema>, query: StatsQuery, scope: ProcedureScope = '*'): Promise<Readable> {
  const first = await page(reader, query, scope, null);
  async function* rows() {
    let current = first;
    let pageStarted = performance.now();
    while (current.length > 0) {
      yield* current;
      if (current.length < PAGE) return;
      // The export is background work: after each page it rests as long as the page took (read, CSV, sending), so it
      // takes at most about half of the service's time and people's opinions do not queue behind it. At most 50 ms: a
      // page takes about 15 ms of work; longer means a slow download, which the rest would only slow down more.
      await new Promise((resolve) => setTimeout(resolve, Math.min(performance.now() - pageStarted, 50)));
      pageStarted = performance.now();
      current = await page(reader, query, scope, current[current.length - 1]!);
    }
  }
  const csv = stringify({
    header: true,
    columns: [...EXPORT_COLUMNS],
    bom: true,
    record_delimiter: 'windows',
    // Spreadsheets run cells that start with = + - @: they are prefixed with an apostrophe (text).
    escape_formulas: true,
  });
  const source = Readable.from(rows());
  source.on('error', (error) => csv.destroy(error));
  return source.pipe(csv);
}

/** The filters of an export, for the audit log: « démarche=… ; du=… ; au=… » (or « tout »). */
export const describeFilters = (query: StatsQuery, scope: ProcedureScope = '*') =>
  [
    query.procedure ? `démarche=${query.procedure}` : scope === '*' ? 'toutes les démarches' : `démarches=${scope.join(',')}`,
    query.from ? `du=${query.from}` : '',
    query.to ? `au=${query.to}` : '',
  ]
    .filter(Boolean)
    .join(' ; ');
