/**
 * The SQLite reader, in a worker thread: statistics and export pages run on their own read-only connection (WAL lets
 * readers and the writer work at once), so a long read never stops the event loop that acknowledges writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const database = new Database((workerData as { path: string }).path, { readonly: true, fileMustExist: true });
database.pragma('busy_timeout = 5000');
const statements = new Map<string, Database.Statement>();

parentPort!.on('message', ({ id, sql, parameters }: { id: number; sql: string; parameters: unknown[] }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = database.prepare(sql);
      if (statements.size > 200) statements.clear();
      statements.set(sql, statement);
    }
    parentPort!.postMessage({ id, rows: statement.reader ? statement.all(...parameters) : [] });
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    parentPort!.postMessage({ id, error: { message, code } });
  }
});
