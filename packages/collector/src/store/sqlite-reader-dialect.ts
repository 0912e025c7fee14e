/** A read-only Kysely dialect whose queries run in the SQLite reader worker (sqlite-reader.ts). */
import { Worker } from 'node:worker_threads';
import type { CsvPage } from './csv.ts';
import { SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult } from 'kysely';

export class SqliteReader {
  private readonly worker: Worker;
  private next = 0;
  private failed: Error | null = null;
  private readonly waiting = new Map<number, { resolve: (result: never) => void; reject: (error: unknown) => void }>();

  constructor(path: string) {
    // From the sources (tsx), the worker is the .ts file; once built, the .js beside this one.
    const file = import.meta.url.endsWith('.ts') ? './sqlite-reader.ts' : './sqlite-reader.js';
    this.worker = new Worker(new URL(file, import.meta.url), { workerData: { path } });
    this.worker.on('message', ({ id, rows, page, error }: { id: number; rows?: unknown[]; page?: CsvPage; error?: { message: string; code?: string } }) => {
      const waiting = this.waiting.get(id);
      this.waiting.delete(id);
      if (error) waiting?.reject(Object.assign(new Error(error.message), { code: error.code }));
      else waiting?.resolve((page ?? rows) as never);
    });
    // A worker that failed or stopped answers nothing more: every query, waiting or to come, fails at once (503)
    // instead of waiting forever.
    const fail = (error: unknown) => {
      this.failed ??= Object.assign(new Error(`lecteur SQLite arrêté : ${String((error as Error).message ?? error)}`), { code: 'SQLITE_BUSY_READER_STOPPED' });
      for (const w of this.waiting.values()) w.reject(this.failed);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`code ${code}`)));
    // Idle, the worker does not keep the process alive.
    this.worker.unref();
  }

  query(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    return this.send(sql, parameters, false);
  }

  /** One page of the export, as CSV written by the worker (csv.ts). */
  csvPage(sql: string, parameters: readonly unknown[]): Promise<CsvPage> {
    return this.send(sql, parameters, true);
  }

  private send<T>(sql: string, parameters: readonly unknown[], csv: boolean): Promise<T> {
    const id = this.next++;
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, sql, parameters, csv });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

class ReaderConnection implements DatabaseConnection {
  constructor(private readonly reader: SqliteReader) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return { rows: (await this.reader.query(query.sql, query.parameters)) as R[] };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery: lisez par pages (pagination par clé).');
  }
}

export function readerDialect(reader: SqliteReader): Dialect {
  const connection = new ReaderConnection(reader);
  const driver: Driver = {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: async () => {
      throw new Error('lecture seule');
    },
    commitTransaction: async () => undefined,
    rollbackTransaction: async () => undefined,
    releaseConnection: async () => undefined,
    destroy: async () => {
      await reader.close();
    },
  };
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => driver,
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}
