/**
 * `pnpm --filter @aide/collector start`: the collector as a service. Configuration by environment variables (see
 * the README); a wrong value stops the start with a message that says which and how to fix it.
 * Stops gracefully on SIGTERM and SIGINT: no new connection, requests in progress finish, pending writes are
 * committed, the database is closed.
 */
import { buildCollector } from './app.ts';

export interface ServiceConfig {
  port: number;
  host: string;
  databaseUrl?: string | undefined;
  sqlitePath: string;
  corsOrigins: string[];
  exportToken?: string | undefined;
  rateLimitMax: number;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv): { config?: ServiceConfig; problems: string[] } {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name}="${raw}" : attendu un entier entre ${min} et ${max}.`);
    return n;
  };
  const port = int('PORT', 7070, 0, 65535);
  const rateLimitMax = int('AIDE_RATE_LIMIT_MAX', 60, 1, 1_000_000);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL : attendu une adresse postgres://utilisateur@hôte:port/base.');
  const corsOrigins = (env.AIDE_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    try {
      const url = new URL(origin);
      if (url.origin !== origin) throw new Error();
    } catch {
      problems.push(`AIDE_CORS_ORIGINS : « ${origin} » n'est pas une origine (https://exemple.gouv.fr, sans chemin ni « / » final).`);
    }
  }
  const exportToken = env.AIDE_EXPORT_TOKEN || undefined;
  if (exportToken && exportToken.length < 24) problems.push('AIDE_EXPORT_TOKEN : au moins 24 caractères (par exemple : openssl rand -hex 24).');
  const logLevel = env.AIDE_LOG_LEVEL ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'silent'].includes(logLevel)) problems.push('AIDE_LOG_LEVEL : fatal, error, warn, info, debug ou silent.');
  if (problems.length) return { problems };
  return {
    problems,
    config: {
      port,
      host: env.HOST ?? '127.0.0.1',
      databaseUrl,
      sqlitePath: env.AIDE_SQLITE_PATH ?? '.data/collector.sqlite',
      corsOrigins,
      exportToken,
      rateLimitMax,
      logLevel,
    },
  };
}

async function main() {
  const { config, problems } = readConfig(process.env);
  if (!config) {
    console.error(`Configuration du service de collecte incorrecte :\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  const app = await buildCollector({ ...config, logger: { level: config.logLevel } });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'arrêt en cours');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ error: String(error) }, 'arrêt en erreur');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: app.store.kind, port: config.port }, 'service de collecte prêt');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
