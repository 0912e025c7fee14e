/**
 * The feedback collector: Fastify, JSON Schema validation, idempotency on a client-generated key, CORS limited to
 * configured origins, a per-client rate limit that stores no IP, stats, a protected CSV export, an accessible
 * dashboard and a health check. `buildCollector` does not listen: main.ts does, and the demo server mounts it.
 */
import { createHash, randomBytes } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import localizeFr from 'ajv-i18n/localize/fr/index.js';
import { openStore, type Store, type WriteOutcome } from './db.ts';
import { blockedBody, feedbackBody, statsQuery, type BlockedBody, type FeedbackBody, type StatsQuery } from './schemas.ts';
import { computeStats } from './stats.ts';
import { DASHBOARD_CSS, DASHBOARD_ICON, dashboardPage } from './dashboard.ts';

export interface CollectorOptions {
  /** postgres://… ; SQLite otherwise. */
  databaseUrl?: string | undefined;
  sqlitePath?: string;
  /** Origins allowed to post from a browser (CORS); empty: same origin only. */
  corsOrigins?: string[];
  /** Bearer token for GET /api/v1/export.csv; without one, the export is off. */
  exportToken?: string | undefined;
  /** Requests per client per minute on the POST endpoints. */
  rateLimitMax?: number;
  logger?: FastifyServerOptions['logger'];
  /** Group-commit settings (see db.ts). */
  batchWindowMs?: number;
  batchSize?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BODY_LIMIT = 8 * 1024;

/** The same body whatever the order of its keys, for "same key, same request". */
function canonicalHash(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}

interface ApiError {
  error: string;
  message: string;
  fields?: { field: string; message: string }[];
}

export async function buildCollector(options: CollectorOptions = {}): Promise<FastifyInstance & { store: Store }> {
  const store = await openStore({
    databaseUrl: options.databaseUrl,
    sqlitePath: options.sqlitePath ?? '.data/collector.sqlite',
    batchWindowMs: options.batchWindowMs,
    batchSize: options.batchSize,
  });
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    // On close, idle keep-alive connections are dropped at once; requests in progress finish.
    forceCloseConnections: 'idle',
    keepAliveTimeout: 5000,
    // No IP, no headers, no body in the logs: only method, path and status.
    logger: options.logger ?? false,
    // Fastify's own request lines carry the client's address: replaced by the onResponse line below.
    logController: new LogController({ disableRequestLogging: true }),
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: false } },
  }) as unknown as FastifyInstance & { store: Store };
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

  await app.register(cors, {
    origin: options.corsOrigins && options.corsOrigins.length > 0 ? options.corsOrigins : false,
    methods: ['POST', 'GET'],
    allowedHeaders: ['Content-Type', 'Idempotency-Key'],
    maxAge: 86400,
  });

  // The client's key is a hash of its address with a salt drawn at start-up and kept in memory only: the limiter
  // can tell clients apart without anyone being able to recover an IP, and nothing is written anywhere.
  const salt = randomBytes(16);
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => createHash('sha256').update(salt).update(request.ip).digest('base64url'),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'too_many_requests',
      message: `Trop de requêtes : réessayez dans ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string; validation?: { instancePath: string; message?: string; params: Record<string, unknown> }[] }, _request, reply) => {
    const status = error.statusCode ?? 500;
    let body: ApiError;
    if (error.validation) {
      // ajv's messages in French, like the rest of the API's answers.
      localizeFr(error.validation as Parameters<typeof localizeFr>[0]);
      body = {
        error: 'invalid_body',
        message: 'La requête ne respecte pas le schéma.',
        fields: error.validation.map((v) => ({
          field: v.instancePath || (v.params.missingProperty ? `/${v.params.missingProperty as string}` : v.params.additionalProperty ? `/${v.params.additionalProperty as string}` : '/'),
          message: v.params.additionalProperty ? `champ inconnu « ${v.params.additionalProperty as string} »` : (v.message ?? 'valeur refusée'),
        })),
      };
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      body = { error: 'unsupported_media_type', message: 'Envoyez du JSON (Content-Type: application/json).' };
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      body = { error: 'payload_too_large', message: `Le corps dépasse ${BODY_LIMIT} octets.` };
    } else if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && /JSON/i.test(error.message))) {
      body = { error: 'invalid_body', message: 'Le corps n’est pas du JSON valide.' };
    } else if (status === 429) {
      body = { error: 'too_many_requests', message: error.message };
    } else if (status < 500) {
      body = { error: 'bad_request', message: error.message };
    } else {
      app.log.error({ code: error.code }, 'internal error');
      body = { error: 'internal_error', message: 'Erreur du serveur : réessayez plus tard.' };
    }
    void reply.status(status).send(body);
  });

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

  const limit = { max: options.rateLimitMax ?? 60, timeWindow: 60_000 };

  app.post<{ Body: FeedbackBody }>('/api/v1/feedback', { schema: { body: feedbackBody }, config: { rateLimit: limit } }, async (request, reply) => {
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

  app.post<{ Body: BlockedBody }>('/api/v1/blocked', { schema: { body: blockedBody }, config: { rateLimit: limit } }, async (request, reply) => {
    const id = idempotencyKey(request, reply);
    if (!id) return reply;
    const hash = canonicalHash(request.body);
    const outcome = await store.write({
      table: 'blocked',
      row: { id, body_hash: hash, tutorial: request.body.tutorial, step: request.body.step, procedure: request.body.procedure ?? null, received_at: new Date().toISOString() },
    });
    return answer(reply, id, hash, outcome);
  });

  app.get<{ Querystring: StatsQuery }>('/api/v1/stats', { schema: { querystring: statsQuery } }, async (request) => computeStats(store.db, request.query));

  app.get('/api/v1/export.csv', async (request, reply) => {
    if (!options.exportToken) return reply.status(404).send({ error: 'export_disabled', message: 'L’export n’est pas activé (AIDE_EXPORT_TOKEN).' } satisfies ApiError);
    const auth = request.headers.authorization ?? '';
    const given = Buffer.from(auth.replace(/^Bearer\s+/i, ''));
    const expected = Buffer.from(options.exportToken);
    const { timingSafeEqual } = await import('node:crypto');
    if (!/^Bearer\s+/i.test(auth) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply.status(401).header('WWW-Authenticate', 'Bearer').send({ error: 'unauthorized', message: 'Jeton d’export manquant ou faux.' } satisfies ApiError);
    }
    const rows = await store.db.selectFrom('feedback').selectAll().orderBy('received_at').execute();
    const columns = ['id', 'received_at', 'procedure', 'page_step', 'tutorial', 'tutorial_step', 'satisfaction', 'clarity', 'difficulties', 'help', 'comment', 'locale', 'client_created_at'] as const;
    // Spreadsheets run cells that start with = + - @: they are quoted as text.
    const cell = (value: unknown) => {
      let text = value === null || value === undefined ? '' : `${value as string}`;
      if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
      return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const csv = [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
    return reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="avis.csv"').send(`\uFEFF${csv}`);
  });

  app.get<{ Querystring: StatsQuery }>('/dashboard', async (request, reply) => {
    // The form sends empty fields: they mean "no filter". Wrong dates are ignored rather than refused.
    const q = request.query;
    const clean: StatsQuery = {};
    if (typeof q.procedure === 'string' && /^[a-z0-9][a-z0-9._-]{0,63}$/.test(q.procedure)) clean.procedure = q.procedure;
    if (typeof q.from === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(q.from)) clean.from = q.from;
    if (typeof q.to === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(q.to)) clean.to = q.to;
    const [stats, procedures] = await Promise.all([
      computeStats(store.db, clean),
      store.db.selectFrom('feedback').select('procedure').distinct().orderBy('procedure').execute(),
    ]);
    return reply
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Content-Security-Policy', "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
      .send(dashboardPage(stats, procedures.map((p) => p.procedure)));
  });
  app.get('/dashboard/favicon.svg', async (_request, reply) => reply.header('Content-Type', 'image/svg+xml').header('Cache-Control', 'max-age=86400').send(DASHBOARD_ICON));
  app.get('/dashboard/style.css', async (_request, reply) => reply.header('Content-Type', 'text/css; charset=utf-8').header('Cache-Control', 'max-age=3600').send(DASHBOARD_CSS));

  app.get('/health', async (_request, reply) => {
    try {
      await store.db.selectFrom('feedback').select((eb) => eb.fn.countAll().as('n')).limit(1).execute();
      return { status: 'ok', database: store.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: store.kind });
    }
  });

  // Pending writes are committed before the database closes (graceful shutdown).
  app.addHook('onClose', async () => {
    await store.close();
  });
  return app;
}
