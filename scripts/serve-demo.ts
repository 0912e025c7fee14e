/**
 * Serves the demo exactly as an administration would host it: the procedure pages from demo/, the built
 * widget (aide.js, chunks, tutorials, places) under /aide/, csp.html with a strict Content-Security-Policy and
 * Trusted Types, and the feedback collector on the same origin (/api/v1/…, /agents, /health), on an embedded
 * SQLite file (.data/demo-collector.sqlite, or AIDE_COLLECTOR_DB; ':memory:' for tests). Scripts read the statistics
 * and the export with the demo's operator token (Bearer DEMO_OPERATOR_TOKEN, or AIDE_OPERATOR_TOKEN when set). On the
 * loopback, the agents' back office (/agents, with the dashboard at /agents/avis) signs in with a local OpenID
 * provider started here (packages/collector/src/dev/oidc-provider.ts) and three demo agents, any password.
 * With --demo-stories, the collector holds published stories for the demo's procedure (scripts/demo-stories.ts).
 * Usage: node --import tsx scripts/serve-demo.ts [--port 4173] [--host 127.0.0.1] [--demo-stories]
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { buildCollector, type AgentEntry, type OidcSettings } from '@aide/collector';
import { startDevProvider } from '@aide/collector/dev-oidc-provider';
import { seedDemoStories } from './demo-stories.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'";

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface DemoServerOptions {
  port: number;
  host: string;
  /** Extra handler tried before the static files (the feedback collector's API). */
  api?: { matches(url: string): boolean; handle(req: IncomingMessage, res: ServerResponse): void };
}

export function createDemoServer(options: DemoServerOptions) {
  const widgetDir = join(root, 'dist/aide');
  if (!existsSync(join(widgetDir, 'aide.js'))) {
    throw new Error('dist/aide/aide.js est absent : lancez d’abord la construction (pnpm run build).');
  }
  const widget: Handler = sirv(widgetDir, {
    dev: false,
    // The .br and .gz copies the build wrote beside every asset (scripts/precompress.ts), sent as they are.
    brotli: true,
    gzip: true,
    etag: true,
    setHeaders(res, pathname) {
      // Hashed chunks never change; aide.js and data keep a short lifetime so updates reach pages quickly.
      res.setHeader('Cache-Control', pathname.startsWith('/chunks/') ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
      res.setHeader('Access-Control-Allow-Origin', '*');
    },
  });
  const demo: Handler = sirv(join(root, 'demo'), { dev: true, extensions: ['html'] });
  // The documentation page's script and the merged manifest (scripts/build-docs.ts).
  const docs: Handler = sirv(join(root, 'dist/docs'), { dev: true });

  return createServer((req, res) => {
    const url = req.url ?? '/';
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (options.api?.matches(url)) return options.api.handle(req, res);
    if (url.startsWith('/csp')) res.setHeader('Content-Security-Policy', STRICT_CSP);
    const notFound = () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Page introuvable');
    };
    if (url.startsWith('/aide/')) {
      req.url = url.slice('/aide'.length);
      return widget(req, res, notFound);
    }
    if (url.startsWith('/docs/')) {
      req.url = url.slice('/docs'.length);
      return docs(req, res, notFound);
    }
    return demo(req, res, notFound);
  });
}

/** The demo's agents, for the local OpenID provider (any password): one per role. */
const DEMO_AGENTS: AgentEntry[] = [
  { email: 'moderatrice@demo.aide-numerique.fr', roles: ['moderator'], service: 'Équipe de modération (démonstration)', procedures: [] },
  { email: 'repondant@demo.aide-numerique.fr', roles: ['responder'], service: 'Caisse d’allocations familiales (démonstration)', procedures: '*' },
  { email: 'admin@demo.aide-numerique.fr', roles: ['administrator'], service: 'Direction du numérique (démonstration)', procedures: '*' },
];

/** The demo's operator token (a demonstration on the loopback only: never a production secret). */
export const DEMO_OPERATOR_TOKEN = 'demo-operateur-aide-numerique';

/** The collector, mounted on the demo's origin: the widget's feedback goes to /api/v1/feedback. */
export async function demoCollector(
  databasePath = process.env.AIDE_COLLECTOR_DB ?? join(root, '.data/demo-collector.sqlite'),
  operatorToken = process.env.AIDE_OPERATOR_TOKEN || DEMO_OPERATOR_TOKEN,
  backOffice?: { publicUrl: string; oidc: OidcSettings; agents: AgentEntry[] },
) {
  const app = await buildCollector({ sqlitePath: databasePath, rateLimitMax: 600, rateLimitOtherMax: 6000, operatorToken, publicUrl: backOffice?.publicUrl, backOffice });
  await app.ready();
  return {
    app,
    operatorToken,
    matches: (url: string) => /^\/(api\/v1\/|dashboard(\/|\?|$)|health(\/|$)|agents(\/|\?|$)|suivi\/|experiences\/)/.test(url),
    handle: (req: IncomingMessage, res: ServerResponse) => app.routing(req, res),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4173' },
      host: { type: 'string', default: '127.0.0.1' },
      'demo-stories': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  // Served beyond the loopback, the demo's well-known token would open the dashboard to anyone: a random one then.
  const loopback = /^(127\.|::1$|localhost$)/.test(values.host);
  // On the loopback, the agents' back office signs in with a local OpenID provider and demo agents (any password).
  const origin = `http://${values.host}:${port}`;
  const provider = loopback ? await startDevProvider({ redirectUris: [`${origin}/agents/connexion/retour`], postLogoutRedirectUris: [`${origin}/agents/connexion?message=deconnecte`] }) : null;
  const backOffice = provider
    ? {
        publicUrl: origin,
        oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, scopes: 'openid email given_name usual_name', allowHttp: true },
        agents: DEMO_AGENTS,
      }
    : undefined;
  const collector = await demoCollector(undefined, process.env.AIDE_OPERATOR_TOKEN || (loopback ? DEMO_OPERATOR_TOKEN : randomBytes(18).toString('base64url')), backOffice);
  const seeded = values['demo-stories'] ? await seedDemoStories(collector.app.store) : 0;
  const server = createDemoServer({ port, host: values.host, api: collector });
  server.listen(port, values.host, () => {
    console.log(`\nDémonstration d'Aide numérique : http://${values.host}:${port}/\n`);
    console.log(`  page sous CSP stricte : http://${values.host}:${port}/csp.html`);
    console.log(`  page hôte hostile     : http://${values.host}:${port}/hostile.html`);
    console.log(`  en-tête fixe          : http://${values.host}:${port}/entete-fixe.html`);
    console.log(`  bouton d'avis seul    : http://${values.host}:${port}/avis.html`);
    console.log(`  composants et intégration : http://${values.host}:${port}/composants.html`);
    console.log(`  expériences publiées  : http://${values.host}:${port}/experiences.html${seeded ? ` (${seeded} récits de démonstration ajoutés)` : ''}`);
    console.log(`  jeton des scripts     : ${collector.operatorToken} (Authorization: Bearer, pour /api/v1/stats et /api/v1/export.csv)`);
    if (provider) {
      console.log(`  espace des agents     : http://${values.host}:${port}/agents (tableau de bord des avis : /agents/avis ; fournisseur d'identité local ${provider.issuer}, mot de passe quelconque)`);
      console.log(`    ${DEMO_AGENTS.map((a) => `${a.email} (${a.roles.join(', ')})`).join('\n    ')}`);
    }
    console.log('');
  });
  const stop = () => server.close(() => void Promise.all([collector.app.close(), provider?.close()]).then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
