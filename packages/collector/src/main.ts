/**
 * The collector as a service: `pnpm collector` builds it to JavaScript and runs dist/main.js (a start in a fraction
 * of a second, no TypeScript loader). Configuration by environment variables (config.ts, README).
 * Stops gracefully on SIGTERM and SIGINT: no new connection, requests in progress finish, pending writes are
 * committed, the database is closed.
 */
import { buildCollector } from './app.ts';
import { readConfig } from './config.ts';

export { readConfig } from './config.ts';

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
  if (config.databaseUrl && !config.rateLimitSecret) app.log.info('limites de débit partagées par les instances : clé de pseudonymisation gardée en base (AIDE_RATE_LIMIT_SECRET pour la garder hors base)');
  app.log.info({ database: app.store.kind, port: config.port }, 'service de collecte prêt');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
