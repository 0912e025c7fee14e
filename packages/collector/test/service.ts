/**
 * The collector as a process, for the tests and the benchmark: built to JavaScript once (as `pnpm collector` runs
 * it), started on a free port, ready when /health/ready says so.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { freePort } from './postgres.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const MAIN_JS = fileURLToPath(new URL('../dist/main.js', import.meta.url));
export const OPERATOR_TOKEN = 'jeton-operateur-de-test-0123456789';

let built = false;
/** Builds dist/ from the sources (incremental: quick when nothing changed). */
export function buildService(): void {
  if (built) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  for (const project of ['tsconfig.masking.json', 'tsconfig.build.json']) {
    const result = spawnSync(process.execPath, [tsc, '-p', project], { cwd: packageDir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`construction du service impossible :\n${result.stdout}${result.stderr}`);
  }
  built = true;
}

export interface Service {
  port: number;
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to ready. */
  startMs: number;
  /** What the service wrote on stderr/stdout (logs), for messages. */
  output(): string;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startService(env: Record<string, string>, options: { port?: number; readyTimeoutMs?: number; waitReady?: boolean } = {}): Promise<Service> {
  buildService();
  const port = options.port ?? (await freePort());
  const started = Date.now();
  const child = spawn(process.execPath, ['--conditions=aide-dist', MAIN_JS], {
    env: { ...process.env, PORT: String(port), AIDE_RATE_LIMIT_MAX: '1000000', AIDE_RATE_LIMIT_OTHER_MAX: '1000000', AIDE_LOG_LEVEL: 'warn', AIDE_OPERATOR_TOKEN: OPERATOR_TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const url = `http://127.0.0.1:${port}`;
  const service: Service = {
    port,
    url,
    child,
    startMs: 0,
    output: () => output,
    exited,
    async kill(signal = 'SIGKILL') {
      if (exitCode === undefined) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  while (options.waitReady !== false) {
    if (exitCode !== undefined) throw new Error(`le service s’est arrêté (code ${exitCode}) :\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`le service n’est pas prêt :\n${output}`);
    }
    try {
      if ((await fetch(`${url}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  service.startMs = Date.now() - started;
  return service;
}

/** Polls `check` until it returns a value (not undefined/false), or fails after `timeoutMs` with `what`. */
export async function until<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 60_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`délai dépassé en attendant : ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const feedback = (key: string, extra: Record<string, unknown> = {}) => ({ procedure: 'essai', satisfaction: 'good', comment: key, ...extra });

/** POST one opinion; resolves with the status (0: no answer at all, the service is down). */
export async function send(url: string, key: string, body: unknown = feedback(key), headers: Record<string, string> = {}): Promise<{ status: number; retryAfter: string | null; body: string }> {
  try {
    const response = await fetch(`${url}/api/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
  } catch {
    return { status: 0, retryAfter: null, body: '' };
  }
}

/** The ids the service holds, read through its CSV export (as an agent would). */
export async function storedIds(url: string): Promise<Set<string>> {
  const response = await fetch(`${url}/api/v1/export.csv`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
  if (response.status !== 200) throw new Error(`export : ${response.status} ${await response.text()}`);
  const rows = parse<{ id: string }>(await response.text(), { bom: true, columns: true });
  return new Set(rows.map((r) => r.id));
}
