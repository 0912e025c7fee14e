/**
 * What a database error means for the person who sent the request. Three answers only:
 * - the database or its disk is away for now → 503 with Retry-After: the browser queue sends again later;
 * - this one row cannot be stored, whatever the moment → 422: the queue drops it, and its neighbours are unaffected;
 * - anything else is a defect → 500.
 */

/** The database cannot take writes now (unreachable, restarting, disk full…): retry later. */
export class StoreUnavailable extends Error {
  constructor(
    readonly reason: 'database' | 'storage',
    override readonly cause?: unknown,
  ) {
    super(reason === 'storage' ? 'stockage plein ou en erreur' : 'base de données injoignable');
  }
}

/** The row itself was refused by the database (a constraint, a value out of range): never retried. */
export class RowRejected extends Error {
  constructor(override readonly cause?: unknown) {
    super('valeur refusée par la base de données');
  }
}

type Coded = { code?: unknown; message?: unknown };

/** Network and connection failures of the PostgreSQL client: the server is away or restarting. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
const CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed|the database system is (starting up|shutting down|in recovery mode)|terminating connection|Query read timeout|server closed the connection/i;

export type ErrorKind = 'connection' | 'storage' | 'transient' | 'row' | 'defect';

export function classify(error: unknown): ErrorKind {
  const { code, message } = (error ?? {}) as Coded;
  const c = typeof code === 'string' ? code : '';
  const m = typeof message === 'string' ? message : '';
  if (CONNECTION_CODES.has(c) || CONNECTION_MESSAGES.test(m)) return 'connection';
  // PostgreSQL SQLSTATE classes.
  if (/^[0-9A-Z]{5}$/.test(c)) {
    if (c.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(c)) return 'connection';
    if (c === '53100' || c.startsWith('58')) return 'storage';
    if (c.startsWith('53') || c === '40001' || c === '40P01' || c === '55P03' || c === '57014') return 'transient';
    if (c.startsWith('22') || c.startsWith('23')) return 'row';
    return 'defect';
  }
  // SQLite (better-sqlite3) and the file system.
  if (c === 'SQLITE_FULL' || c.startsWith('SQLITE_IOERR') || c === 'SQLITE_CANTOPEN' || c === 'SQLITE_READONLY' || c === 'ENOSPC' || c === 'EDQUOT' || c === 'EIO' || c === 'EROFS') return 'storage';
  if (c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED') || c === 'SQLITE_NOMEM' || c === 'SQLITE_INTERRUPT') return 'transient';
  if (c.startsWith('SQLITE_CONSTRAINT') || c === 'SQLITE_MISMATCH' || c === 'SQLITE_TOOBIG' || c === 'SQLITE_RANGE') return 'row';
  return 'defect';
}

/** The error a write reports to the route, from what the database said. */
export function toWriteError(error: unknown): unknown {
  if (error instanceof StoreUnavailable || error instanceof RowRejected) return error;
  switch (classify(error)) {
    case 'connection':
    case 'transient':
      return new StoreUnavailable('database', error);
    case 'storage':
      return new StoreUnavailable('storage', error);
    case 'row':
      return new RowRejected(error);
    default:
      return error;
  }
}
