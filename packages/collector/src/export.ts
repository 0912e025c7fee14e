/**
 * The CSV export of every opinion, streamed: pages of rows in the order they arrived (keyset pagination on
 * received_at, id: each page a short read of its own, through the reader that never holds up writes), in constant
 * memory for a thousand rows or a million. Each page is written as CSV away from the event loop that acknowledges
 * people's opinions: by SQLite's reader worker, or by PostgreSQL itself (Store.csvPage); the service receives one
 * string per page. Opinions that arrive during an export are included if they arrive after the page being read.
 */
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Store, CsvPage } from './store/index.ts';
import { CSV_HEADER, EXPORT_COLUMNS } from './store/csv.ts';
import type { StatsQuery } from './schemas.ts';
import type { ProcedureScope } from './stats.ts';

const PAGE = 500;

function page(store: Store, query: StatsQuery, scope: ProcedureScope, after: CsvPage['last']) {
  let rows = store.reader.selectFrom('feedback').select([...EXPORT_COLUMNS]);
  if (scope !== '*') rows = rows.where('procedure', 'in', scope.length ? [...scope] : ['']);
  if (query.procedure) rows = rows.where('procedure', '=', query.procedure);
  if (query.from) rows = rows.where('received_at', '>=', query.from);
  // "to" is inclusive: the whole day.
  if (query.to) rows = rows.where('received_at', '<', `${query.to}T99`);
  if (after) rows = rows.where(sql<boolean>`(received_at, id) > (${after.received_at}, ${after.id})`);
  return store.csvPage(rows.orderBy('received_at').orderBy('id').limit(PAGE));
}

/**
 * The export as a stream of CSV text (UTF-8 with a BOM for spreadsheets; store/csv.ts). The first page is read before
 * anything is sent, so that a database that is away gets a clean 503 rather than a cut file.
 */
export async function exportCsv(store: Store, query: StatsQuery, scope: ProcedureScope = '*'): Promise<Readable> {
  const first = await page(store, query, scope, null);
  async function* pages() {
    yield CSV_HEADER;
    let current = first;
    let pageStarted = performance.now();
    for (;;) {
      if (current.text) yield current.text;
      if (current.rows < PAGE) return;
      // The export is background work: after each page it rests as long as the page took (read, CSV, sending), so it
      // takes at most about half of the machine and people's opinions do not queue behind it. At most 50 ms: a page
      // takes a few ms of work; longer means a slow download, which the rest would only slow down more.
      await new Promise((resolve) => setTimeout(resolve, Math.min(performance.now() - pageStarted, 50)));
      pageStarted = performance.now();
      current = await page(store, query, scope, current.last);
    }
  }
  return Readable.from(pages(), { objectMode: false });
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
