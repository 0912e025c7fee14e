/**
 * The SQLite reader, in a worker thread: statistics and export pages run on their own read-only connection (WAL lets
 * readers and the writer work at once), so a long read never stops the event loop that acknowledges writes. Export
 * pages come back as CSV text, written here: one string crosses to the main thread instead of 500 rows to copy.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { csvPage } from './csv.ts';

const database = new Database((workerData as { path: string }).path, { readonly: true, fileMustExist: true });
database.pragma('busy_timeout = 5000');
const statements = new Map<string, Database.Statement>();

parentPort!.on('message', ({ id, sql, parameters, csv }: { id: number; sql: string; parameters: unknown[]; csv?: boolean }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = database.prepare(sql);
      if (statements.size > 200) statements.clear();
      statements.set(sql, statement);
    }
    const rows = statement.reader ? (statement.all(...parameters) as Record<string, unknown>[]) : [];
    parentPort!.postMessage(csv ? { id, page: csvPage(rows) } : { id, rows });
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    parentPort!.postMessage({ id, error: { message, code } });
  }
});
