/**
 * The CSV export of every opinion, streamed in the order they arrived, in constant memory for a thousand rows or a
 * million. The CSV is written away from the event loop that acknowledges people's opinions (Store.csvExport):
 * - PostgreSQL writes it itself, one `COPY (select) TO STDOUT` on a connection of its own;
 * - SQLite reads pages of 500 (keyset pagination on received_at, id: each page a short read of its own), written as
 *   CSV by the reader worker. Opinions that arrive during such an export are included if they arrive after the page
 *   being read.
 * Either way the export is background work: it rests as it goes (see `paced`), and backpressure holds the database
 * when the download is slow.
 */
import { Readable } from 'node:stream';
import { sql, type Kysely, type SelectExpression } from 'kysely';
import type { Schema, Store, CsvPage } from './store/index.ts';
import { CSV_HEADER, EXPORT_COLUMNS, EXPORT_TEXT_COLUMNS, FORMULA_STARTS } from './store/csv.ts';
import type { StatsQuery } from './schemas.ts';
import type { ProcedureScope } from './stats.ts';

const PAGE = 500;
/** About one page of CSV: the export rests after each (see `paced`). */
const REST_EVERY_BYTES = 64 * 1024;

/** Text cells that start like a formula get an apostrophe, in SQL, as csv-stringify's `escape_formulas` does. */
const neutralised = (column: (typeof EXPORT_TEXT_COLUMNS)[number]) =>
  sql<string>`case when substr(${sql.ref(column)}, 1, 1) in (${sql.join(FORMULA_STARTS.map((c) => sql.lit(c)))}) then ${sql.lit("'")} || ${sql.ref(column)} else ${sql.ref(column)} end`.as(column);

function select(reader: Kysely<Schema>, query: StatsQuery, scope: ProcedureScope, page: { after: CsvPage['last'] } | 'all, formulas neutralised') {
  const columns: SelectExpression<Schema, 'feedback'>[] =
    page === 'all, formulas neutralised' ? EXPORT_COLUMNS.map((c) => ((EXPORT_TEXT_COLUMNS as readonly string[]).includes(c) ? neutralised(c as (typeof EXPORT_TEXT_COLUMNS)[number]) : c)) : [...EXPORT_COLUMNS];
  let builder = reader.selectFrom('feedback').select(columns);
  if (scope !== '*') builder = builder.where('procedure', 'in', scope.length ? [...scope] : ['']);
  if (query.procedure) builder = builder.where('procedure', '=', query.procedure);
  if (query.from) builder = builder.where('received_at', '>=', query.from);
  // "to" is inclusive: the whole day.
  if (query.to) builder = builder.where('received_at', '<', `${query.to}T99`);
  builder = builder.orderBy('received_at').orderBy('id');
  if (page === 'all, formulas neutralised') return builder.compile();
  const { after } = page;
  if (after) builder = builder.where(sql<boolean>`(received_at, id) > (${after.received_at}, ${after.id})`);
  return builder.limit(PAGE).compile();
}

/**
 * Background work: after about a page, it rests as long as that page took to come (read, CSV, sending), so that an
 * export takes at most about half of the machine and people's opinions do not queue behind it. At most 50 ms: a page
 * takes about 15 ms of work; longer means a slow download, which the rest would only slow down more.
 */
async function* paced(chunks: AsyncIterable<string | Buffer>) {
  let bytes = 0;
  let since = performance.now();
  for await (const chunk of chunks) {
    yield chunk;
    bytes += chunk.length;
    if (bytes >= REST_EVERY_BYTES) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(performance.now() - since, 50)));
      bytes = 0;
      since = performance.now();
    }
  }
}

/**
 * The export as a stream of CSV text (UTF-8 with a BOM for spreadsheets; store/csv.ts). The database is reached
 * before anything is sent, so that a database that is away gets a clean 503 rather than a cut file.
 */
export async function exportCsv(store: Store, query: StatsQuery, scope: ProcedureScope = '*'): Promise<Readable> {
  const source = store.csvExport;
  let body: AsyncIterable<string | Buffer>;
  if (source.kind === 'copy') {
    const copy = await source.copy(select(store.reader, query, scope, 'all, formulas neutralised'));
    // The first bytes (or the end) before the answer starts: a query that fails fails here, as a clean error.
    const iterator = copy[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const first = await iterator.next();
    body = (async function* () {
      if (first.done) return;
      yield first.value;
      yield* { [Symbol.asyncIterator]: () => iterator };
    })();
    // Stopped early (the download was cut, or never started): the COPY stops too, and its connection closes.
    return withHeader(body, () => copy.destroy());
  }
  const first = await source.page(select(store.reader, query, scope, { after: null }));
  body = (async function* () {
    for (let page = first; ; page = await source.page(select(store.reader, query, scope, { after: page.last }))) {
      if (page.text) yield page.text;
      if (page.rows < PAGE) return;
    }
  })();
  return withHeader(body, () => undefined);
}

function withHeader(body: AsyncIterable<string | Buffer>, stop: () => void): Readable {
  const stream = Readable.from(
    paced(
      (async function* () {
        yield CSV_HEADER;
        yield* body;
      })(),
    ),
    { objectMode: false },
  );
  stream.once('close', stop);
  return stream;
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
