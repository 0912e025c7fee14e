/**
 * The feedback collector: Fastify, JSON Schema validation, idempotency on a client-generated key, CORS limited to
 * configured origins, rate limits per client shared by every instance (keys pseudonymised, no IP stored), statistics
 * computed by the database, a streamed CSV export and a dashboard for agents only, health and readiness checks, and
 * every answer in one French format. `buildCollector` does not listen: main.ts does, and the demo server mounts it.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { Readable } from 'node:stream';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { openStore, StoreUnavailable, type CounterStore, type Readiness, type Store, type WriteOutcome } from './store/index.ts';
import { blockedBody, feedbackBody, publicStatsQuery, statsQuery, type BlockedBody, type FeedbackBody, type StatsQuery } from './schemas.ts';
import { computeStats, publicStats } from './stats.ts';
import { describeFilters, exportCsv } from './export.ts';
import { DASHBOARD_CSS, DASHBOARD_ICON } from './dashboard.ts';
import { installAgentGuard, operatorToken } from './agents.ts';
import { RETRY_AFTER, clientErrorHandler, installNotFound, type ApiError } from './http-errors.ts';
import { installStories } from './stories.ts';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import { installSignIn, type AgentEntry, type OidcSettings } from './sign-in.ts';
import { audit, installBackOffice } from './back-office.ts';
import { seedAgents } from './agent-accounts.ts';

export type { Agent, Authenticator, AgentRole } from './agents.ts';
export type { AgentEntry, OidcSettings } from './sign-in.ts';

/** Streams a CSV export (see buildCollector). */
export type SendExport = (request: FastifyRequest, reply: FastifyReply, open: () => Promise<Readable>, recorded: () => Promise<void>, filename?: string) => Promise<FastifyReply>;
/** Runs a statistics read when fewer than MAX_STATS are running; 503 otherwise. */
export type LimitedStats = <T>(reply: FastifyReply, work: () => Promise<T>) => Promise<T | FastifyReply>;

export interface Timeouts {
  /** The whole request (headers and body) must arrive within this time (ms); 408 otherwise. */
  requestMs: number;
  /** The headers must arrive within this time (ms). */
  headersMs: number;
  /** An idle keep-alive connection is closed after this time (ms). */
  keepAliveMs: number;
  /** At most this many open connections; more are closed at once. */
  maxConnections: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { requestMs: 10_000, headersMs: 5000, keepAliveMs: 5000, maxConnections: 2000 };

export interface CollectorOptions {
  /** postgres://… ; SQLite otherwise. */
  databaseUrl?: string | undefined;
  sqlitePath?: string | undefined;
  /** Origins allowed to post from a browser (CORS); empty: same origin only. */
  corsOrigins?: string[] | undefined;
  /** The operator's token: opens the statistics API and the CSV export to scripts (Bearer). Without one, they are closed. */
  operatorToken?: string | undefined;
  /** Writes (POST) per client per minute. */
  rateLimitMax?: number | undefined;
  /** Every other request per client per minute (the health checks are not counted). */
  rateLimitOtherMax?: number | undefined;
  /** Which proxies to believe about the client's address (X-Forwarded-For): hop count or addresses/CIDR. */
  trustProxy?: number | string[] | undefined;
  /** Pseudonymises client addresses for the rate limits; instances on one database share one by default. */
  rateLimitSecret?: string | undefined;
  /** Opens GET /api/v1/public/stats (satisfaction totals of one procedure, cached). */
  publicStats?: boolean | undefined;
  timeouts?: Partial<Timeouts> | undefined;
  /** SQLite: free bytes under which writes are refused (503) and the service is not ready. */
  minFreeBytes?: number | undefined;
  logger?: FastifyServerOptions['logger'] | undefined;
  /** The address people reach the service at (https://avis.exemple.gouv.fr): links in answers and feeds. */
  publicUrl?: string | undefined;
  /** Stories per client per hour, and per minute for everyone together. */
  storyRateLimitPerHour?: number | undefined;
  storyGlobalPerMinute?: number | undefined;
  /** The agents' back office: sign-in with OpenID Connect, and who the agents are. Without it, /agents is closed. */
  backOffice?: { oidc: OidcSettings; agents: AgentEntry[]; cookieSecret?: string | undefined } | undefined;
  /** Group-commit settings (see store/group-commit.ts). */
  batchWindowMs?: number | undefined;
  batchSize?: number | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BODY_LIMIT = 8 * 1024;
/** How long the readiness answer and the public statistics are reused (ms): what an anonymous client can cost. */
const READINESS_CACHE_MS = 1000;
const PUBLIC_CACHE_MS = 60_000;
const PUBLIC_CACHE_SIZE = 1000;
/** Exports and statistics running at once, per instance: the rest get 503 and come back. */
const MAX_EXPORTS = 2;
const MAX_STATS = 4;

/** The same body whatever the order of its keys, for "same key, same request". */
function canonicalHash(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}

/** An IPv6 client is its /64 (one household or machine has the whole prefix); IPv4 as is. */
export function clientAddress(ip: string): string {
  if (ip.startsWith('::ffff:') && ip.includes('.')) return ip.slice(7);
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups: string[] = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().padStart(4, '0')).join(':')}::/64`;
}

/** @fastify/rate-limit's store interface over the collector's counters (shared in PostgreSQL). */
function rateLimitStore(counters: CounterStore) {
  return class SharedCounters {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
      counters.incr(`rl:${key}`, timeWindow).then(
        ({ count, ttlMs }) => callback(null, { current: count, ttl: ttlMs }),
        (error: Error) => callback(error),
      );
    }
    child() {
      // Routes with their own limit set a groupId, which the plugin appends to the key.
      return this;
    }
  };
}

export async function buildCollector(options: CollectorOptions = {}): Promise<FastifyInstance & { store: Store }> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    // A hop count is accepted at run time (Fastify's types list strings and booleans only).
    trustProxy: (options.trustProxy ?? false) as string[] | boolean,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // A connection with no traffic at all (neither way) for this long is closed.
    connectionTimeout: Math.max(60_000, timeouts.requestMs),
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: Math.min(1000, timeouts.headersMs) },
    clientErrorHandler,
    // On close, idle keep-alive connections are dropped at once; requests in progress finish.
    forceCloseConnections: 'idle',
    // No IP, no headers, no body in the logs: only method, path and status.
    logger: options.logger ?? false,
    // Fastify's own request lines carry the client's address: replaced by the onResponse line below.
    logController: new LogController({ disableRequestLogging: true }),
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: false } },
  }) as unknown as FastifyInstance & { store: Store };
  app.server.maxConnections = timeouts.maxConnections;

  const store = await openStore({
    databaseUrl: options.databaseUrl,
    sqlitePath: options.sqlitePath ?? '.data/collector.sqlite',
    batchWindowMs: options.batchWindowMs,
    batchSize: options.batchSize,
    minFreeBytes: options.minFreeBytes,
    log: (level, message, details) => app.log[level](details ?? {}, message),
  });
  app.decorate('store', store);

  // Requests that were in progress when the service started to stop must not keep their connection alive:
  // otherwise the stop waits for the keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('Connection', 'close');
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, path: request.routeOptions.url ?? 'not-found', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  // Before CORS: 404, 405 and plain OPTIONS are answered before anything else reads the request.
  installNotFound(app, BODY_LIMIT);

  await app.register(cors, {
    origin: options.corsOrigins && options.corsOrigins.length > 0 ? options.corsOrigins : false,
    methods: ['POST', 'GET'],
    allowedHeaders: ['Content-Type', 'Idempotency-Key'],
    maxAge: 86400,
  });

  // The client's key: an HMAC of its address (an IPv6 client: its /64) with a secret that every instance on the
  // database shares (or AIDE_RATE_LIMIT_SECRET). Limits hold across instances; no address is stored, and the keys
  // live as long as their window (a minute).
  let secret: Buffer | null = options.rateLimitSecret ? Buffer.from(options.rateLimitSecret) : null;
  const fallbackSecret = randomBytes(32);
  const clientKey = async (request: FastifyRequest) => {
    if (!secret) {
      try {
        secret = Buffer.from(await store.sharedSecret('rate-limit-key'));
      } catch {
        // The database is away: counted per instance until it is back (writes get 503 meanwhile anyway).
        return createHmac('sha256', fallbackSecret).update(clientAddress(request.ip)).digest('base64url').slice(0, 32);
      }
    }
    return createHmac('sha256', secret).update(clientAddress(request.ip)).digest('base64url').slice(0, 32);
  };

  await app.register(rateLimit, {
    global: true,
    max: options.rateLimitOtherMax ?? 600,
    timeWindow: 60_000,
    store: rateLimitStore(store.counters),
    keyGenerator: clientKey,
    // Counters unreachable (the database is away): the request goes on; a write then gets its 503.
    skipOnError: true,
    allowList: (request) => request.routeOptions.url?.startsWith('/health') === true,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'too_many_requests',
      message: `Trop de requêtes : réessayez dans ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });

  // Heavy reads run a few at a time per instance; beyond, 503 and Retry-After.
  const running = { stats: 0, exports: 0 };
  const busy = (reply: FastifyReply, what: string) =>
    reply.status(503).header('Retry-After', String(RETRY_AFTER.busy)).send({ error: 'busy', message: `Trop de ${what} en cours : réessayez dans quelques secondes.` } satisfies ApiError);
  const limited = async <T>(kind: 'stats' | 'exports', max: number, reply: FastifyReply, work: () => Promise<T>): Promise<T | FastifyReply> => {
    if (running[kind] >= max) return busy(reply, kind === 'stats' ? 'calculs de statistiques' : 'exports');
    running[kind]++;
    try {
      return await work();
    } finally {
      running[kind]--;
    }
  };

  /**
   * A CSV export, a few at a time: the first page is read (`open`) before anything is sent, so that an outage is a
   * clean 503; `recorded` writes the audit entry once the export is sure to start.
   */
  const sendExport: SendExport = async (request, reply, open, recorded, filename = 'avis.csv') => {
    if (running.exports >= MAX_EXPORTS) return busy(reply, 'exports');
    running.exports++;
    let stream;
    try {
      stream = await open();
      await recorded();
    } catch (error) {
      running.exports--;
      throw error;
    }
    let done = false;
    const finish = () => {
      if (!done) running.exports--;
      done = true;
    };
    stream.once('close', finish);
    stream.once('error', (error) => {
      finish();
      request.log.error({ error: error.message }, 'export interrompu');
    });
    return reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${filename}"`).header('Cache-Control', 'no-store').send(stream);
  };

  installAgentGuard(app, {
    authenticators: options.operatorToken ? [operatorToken(options.operatorToken)] : [],
    counters: store.counters,
    clientKey,
  });

  const origin = (request: FastifyRequest) => options.publicUrl ?? `${request.protocol}://${request.host}`;
  if (options.backOffice) {
    // Signs the sign-in cookie; every instance must share it (AIDE_SESSION_SECRET, or the database's).
    let cookieSecret = options.backOffice.cookieSecret;
    if (!cookieSecret) cookieSecret = await store.sharedSecret('cookie-signing').catch(() => randomBytes(32).toString('base64url'));
    await app.register(cookie, { secret: cookieSecret });
    await app.register(csrf, { sessionPlugin: '@fastify/cookie', cookieKey: 'aide_csrf', cookieOpts: { path: '/agents', sameSite: 'lax', httpOnly: true, secure: 'auto' } });
    // AIDE_AGENTS seeds the agents' table (agent-accounts.ts says the rule); the table is read from then on.
    // PostgreSQL may still be away or migrating at start: then the first sign-in seeds it.
    const agentList = options.backOffice.agents;
    let seeded = false;
    const seed = async () => {
      if (seeded) return;
      await seedAgents(store, agentList);
      seeded = true;
    };
    await seed().catch((error: unknown) => app.log.warn({ error: String((error as Error).message) }, 'agents de AIDE_AGENTS pas encore inscrits : base indisponible, nouvel essai à la première connexion'));
    const signIn = installSignIn(app, {
      store,
      settings: options.backOffice.oidc,
      seedAgents: seed,
      origin,
      audit: (agent, action, storyId, details) => audit(store, agent, action, storyId, details),
    });
    // The back office knows agents by their session only (never the operator's token): an anonymous visitor goes to
    // the sign-in, and comes back where they were going.
    const requireSession = async (request: FastifyRequest, reply: FastifyReply) => {
      const agent = await signIn.authenticator(request);
      if (agent && agent !== 'invalid') {
        request.agent = agent;
        return undefined;
      }
      return signIn.redirectToSignIn(request, reply);
    };
    installBackOffice(app, { store, requireSession, limitedStats: (reply, work) => limited('stats', MAX_STATS, reply, work), sendExport, signOut: signIn.signOut, providerOrigin: new URL(options.backOffice.oidc.issuer).origin });
  }

  // Only JSON is accepted: anything else is a 415 (Fastify's default for a type without a parser).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      const error = new Error('Le corps n’est pas du JSON valide.') as Error & { statusCode: number; code: string };
      error.statusCode = 400;
      error.code = 'FST_ERR_CTP_INVALID_JSON_BODY';
      done(error, undefined);
    }
  });

  const idempotencyKey = (request: FastifyRequest, reply: FastifyReply): string | null => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !UUID.test(key)) {
      void reply.status(400).send({ error: 'invalid_idempotency_key', message: 'L’en-tête Idempotency-Key doit être un UUID.' } satisfies ApiError);
      return null;
    }
    return key.toLowerCase();
  };

  /** 201 for a new entry and for its replays (the first answer again); 409 when the key came with another body. */
  const answer = (reply: FastifyReply, id: string, hash: string, outcome: WriteOutcome) => {
    if (outcome.bodyHash !== hash) {
      return reply.status(409).send({ error: 'idempotency_key_reused', message: 'Cette clé a déjà servi pour une autre requête.' } satisfies ApiError);
    }
    return reply.status(201).send({ id, receivedAt: outcome.receivedAt });
  };

  const writeLimit = { max: options.rateLimitMax ?? 60, timeWindow: 60_000, groupId: 'write' };

  app.post<{ Body: FeedbackBody }>('/api/v1/feedback', { schema: { body: feedbackBody }, config: { rateLimit: writeLimit } }, async (request, reply) => {
    const id = idempotencyKey(request, reply);
    if (!id) return reply;
    const body = request.body;
    const hash = canonicalHash(body);
    const outcome = await store.write({
      table: 'feedback',
      row: {
        id,
        body_hash: hash,
        procedure: body.procedure,
        page_step: body.pageStep ?? null,
        tutorial: body.tutorial ?? null,
        tutorial_step: body.tutorialStep ?? null,
        satisfaction: body.satisfaction,
        clarity: body.clarity ?? null,
        difficulties: JSON.stringify(body.difficulties ?? []),
        help: JSON.stringify(body.help ?? []),
        comment: body.comment ?? null,
        locale: body.locale ?? null,
        client_created_at: body.clientCreatedAt ?? null,
        received_at: new Date().toISOString(),
      },
    });
    return answer(reply, id, hash, outcome);
  });

  app.post<{ Body: BlockedBody }>('/api/v1/blocked', { schema: { body: blockedBody }, config: { rateLimit: writeLimit } }, async (request, reply) => {
    const id = idempotencyKey(request, reply);
    if (!id) return reply;
    const hash = canonicalHash(request.body);
    const outcome = await store.write({
      table: 'blocked',
      row: { id, body_hash: hash, tutorial: request.body.tutorial, step: request.body.step, procedure: request.body.procedure ?? null, received_at: new Date().toISOString() },
    });
    return answer(reply, id, hash, outcome);
  });

  installStories(app, {
    store,
    idempotencyKey,
    canonicalHash,
    publicUrl: options.publicUrl,
    perClientPerHour: options.storyRateLimitPerHour ?? 10,
    globalPerMinute: options.storyGlobalPerMinute ?? 300,
  });

  app.get<{ Querystring: StatsQuery }>('/api/v1/stats', { schema: { querystring: statsQuery }, preHandler: app.requireAgent }, async (request, reply) =>
    limited('stats', MAX_STATS, reply, () => computeStats(store.reader, request.query)),
  );

  app.get<{ Querystring: StatsQuery }>('/api/v1/export.csv', { schema: { querystring: statsQuery }, preHandler: app.requireAgent }, async (request, reply) =>
    sendExport(request, reply, () => exportCsv(store, request.query), () => audit(store, request.agent!, 'export-avis', null, `script ; ${describeFilters(request.query)}`)),
  );

  // Public statistics: only when the administration opens them; one procedure at a time, totals only, cached.
  const publicCache = new Map<string, { at: number; value: Awaited<ReturnType<typeof publicStats>> }>();
  app.get<{ Querystring: { procedure: string } }>('/api/v1/public/stats', { schema: { querystring: publicStatsQuery } }, async (request, reply) => {
    if (!options.publicStats) {
      return reply.status(404).send({ error: 'public_stats_disabled', message: 'Les statistiques publiques ne sont pas ouvertes (AIDE_PUBLIC_STATS).' } satisfies ApiError);
    }
    const { procedure } = request.query;
    let cached = publicCache.get(procedure);
    if (!cached || Date.now() - cached.at > PUBLIC_CACHE_MS) {
      cached = { at: Date.now(), value: await publicStats(store.reader, procedure) };
      publicCache.delete(procedure);
      if (publicCache.size >= PUBLIC_CACHE_SIZE) publicCache.delete(publicCache.keys().next().value!);
      publicCache.set(procedure, cached);
    }
    return reply.header('Cache-Control', `public, max-age=${PUBLIC_CACHE_MS / 1000}`).send(cached.value);
  });

  // The dashboard moved into the agents' back office (sign-in, roles): old bookmarks follow it.
  app.get('/dashboard', async (request, reply) => {
    const query = request.url.indexOf('?');
    return reply.redirect(`/agents/avis${query >= 0 ? request.url.slice(query) : ''}`, 301);
  });
  app.get('/dashboard/favicon.svg', async (_request, reply) => reply.header('Content-Type', 'image/svg+xml').header('Cache-Control', 'max-age=86400').send(DASHBOARD_ICON));
  app.get('/dashboard/style.css', async (_request, reply) => reply.header('Content-Type', 'text/css; charset=utf-8').header('Cache-Control', 'max-age=3600').send(DASHBOARD_CSS));

  // Liveness: the process answers. Readiness: the database answers and its disk takes writes (reused for a second,
  // so that a flood of checks costs one query a second).
  let readiness: { at: number; value: Promise<Readiness> } | null = null;
  const ready = () => {
    if (!readiness || Date.now() - readiness.at > READINESS_CACHE_MS) readiness = { at: Date.now(), value: store.readiness() };
    return readiness.value;
  };
  // A write refused for an unavailable store makes the cached answer stale at once: the next check asks again.
  app.addHook('onError', async (_request, _reply, error) => {
    if (error instanceof StoreUnavailable) readiness = null;
  });
  const readinessRoute = async (_request: FastifyRequest, reply: FastifyReply) => {
    const r = await ready();
    const body = { status: r.ready ? 'ok' : 'unavailable', database: store.kind, checks: { database: r.database, storage: r.storage } };
    if (r.ready) return body;
    return reply.status(503).header('Retry-After', String(r.storage !== 'ok' ? RETRY_AFTER.storage : RETRY_AFTER.database)).send(body);
  };
  app.get('/health', readinessRoute);
  app.get('/health/ready', readinessRoute);
  app.get('/health/live', async () => ({ status: 'ok' }));

  // Pending writes are committed before the database closes (graceful shutdown).
  app.addHook('onClose', async () => {
    await store.close();
  });
  return app;
}
