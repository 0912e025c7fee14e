/**
 * Every answer of the service in one format, in French: `{ error, message, fields? }`, with the right status. This
 * covers what the framework and Node answer on their own: unknown address (404), wrong method (405 with Allow),
 * malformed request, headers too large (431), request too slow (408), preflight without its headers, query errors.
 */
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import localizeFrModule from 'ajv-i18n/localize/fr/index.js';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RowRejected, StoreUnavailable } from './store/index.ts';

/** The module is `module.exports = function`; its types say `export default` (wrong under NodeNext). */
const localizeFr = localizeFrModule as unknown as (errors: unknown[]) => void;

export interface ApiError {
  error: string;
  message: string;
  fields?: { field: string; message: string }[];
}

/** How long a client should wait before sending again, in seconds (the browser queue reads it). */
export const RETRY_AFTER = { database: 5, storage: 30, busy: 10 } as const;

/** For Node's own errors, before a request exists: written straight on the socket. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let body: ApiError = { error: 'bad_request', message: 'Requête HTTP mal formée.' };
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    body = { error: 'request_timeout', message: 'La requête a mis trop de temps à arriver : renvoyez-la.' };
  } else if (error.code === 'HPE_HEADER_OVERFLOW') {
    status = 431;
    body = { error: 'headers_too_large', message: 'Les en-têtes de la requête sont trop grands.' };
  }
  if (socket.writable) {
    const json = JSON.stringify(body);
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`);
  }
  socket.destroy();
}

const METHODS: HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * 404 and 405 in the API's format. The methods allowed on a path come from a copy of the routes in their own
 * router (the framework answers 404 for a known path with another method). Answered in onRequest, before any body
 * is read: a DELETE with a broken body gets its 405, not a JSON error.
 */
export function installNotFound(app: FastifyInstance, bodyLimit: number): void {
  const routes = FindMyWay();
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (!METHODS.includes(method as HTTPMethod) || route.url.includes('*')) continue;
      // GET routes also answer HEAD (Fastify adds those routes itself): each pair is declared once.
      for (const m of method === 'GET' ? ['GET', 'HEAD'] : [method]) {
        if (!routes.hasRoute(m as HTTPMethod, route.url)) routes.on(m as HTTPMethod, route.url, () => undefined);
      }
    }
  });
  const allowed = (url: string) => {
    const path = url.split('?')[0]!;
    return METHODS.filter((m) => routes.find(m, path));
  };
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const methods = allowed(request.url);
    if (methods.length === 0) {
      return reply.status(404).send({ error: 'not_found', message: `Adresse inconnue : ${request.method} ${request.url.split('?')[0]}.` } satisfies ApiError);
    }
    if (request.method === 'OPTIONS') return reply.status(204).header('Allow', [...methods, 'OPTIONS'].join(', ')).send();
    return reply
      .status(405)
      .header('Allow', methods.join(', '))
      .send({ error: 'method_not_allowed', message: `Méthode ${request.method} non acceptée ici : ${methods.join(', ')}.` } satisfies ApiError);
  };
  app.addHook('onRequest', async (request, reply) => {
    if (request.is404) return notFound(request, reply);
    // A preflight must name its origin and method; without them, an OPTIONS is a plain question about the path.
    if (request.method === 'OPTIONS' && !(request.headers.origin && request.headers['access-control-request-method'])) return notFound(request, reply);
    return undefined;
  });
  app.setNotFoundHandler(notFound);

  app.setErrorHandler((error: FastifyError & { validation?: { instancePath: string; message?: string; params: Record<string, unknown> }[] }, request, reply) => {
    if (error instanceof StoreUnavailable) {
      const storage = error.reason === 'storage';
      request.log.warn({ reason: error.reason, cause: String((error.cause as Error | undefined)?.message ?? '') }, 'écriture refusée : base indisponible');
      return reply
        .status(503)
        .header('Retry-After', String(storage ? RETRY_AFTER.storage : RETRY_AFTER.database))
        .send({
          error: storage ? 'storage_unavailable' : 'database_unavailable',
          message: storage ? 'Le service ne peut pas enregistrer pour le moment (stockage plein) : réessayez plus tard.' : 'La base de données est momentanément injoignable : réessayez dans quelques secondes.',
        } satisfies ApiError);
    }
    if (error instanceof RowRejected) {
      request.log.warn({ cause: String((error.cause as Error | undefined)?.message ?? '') }, 'ligne refusée par la base');
      return reply.status(422).send({ error: 'rejected_by_database', message: 'Une valeur de la requête est refusée par la base de données : corrigez-la avant de renvoyer.' } satisfies ApiError);
    }
    const status = error.statusCode ?? 500;
    let body: ApiError;
    if (error.validation) {
      // ajv's messages in French, like the rest of the API's answers.
      localizeFr(error.validation);
      const query = error.validationContext === 'querystring';
      body = {
        error: query ? 'invalid_query' : 'invalid_body',
        message: query ? 'Les paramètres de l’adresse ne sont pas valides.' : 'La requête ne respecte pas le schéma.',
        fields: error.validation.map((v) => ({
          field: v.instancePath || (v.params.missingProperty ? `/${v.params.missingProperty as string}` : v.params.additionalProperty ? `/${v.params.additionalProperty as string}` : '/'),
          message: v.params.additionalProperty ? `champ inconnu « ${v.params.additionalProperty as string} »` : (v.message ?? 'valeur refusée'),
        })),
      };
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      body = { error: 'unsupported_media_type', message: 'Envoyez du JSON (Content-Type: application/json).' };
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      body = { error: 'payload_too_large', message: `Le corps dépasse ${bodyLimit} octets.` };
    } else if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      body = { error: 'invalid_body', message: 'Le corps n’est pas du JSON valide.' };
    } else if (status === 429) {
      body = { error: 'too_many_requests', message: error.message };
    } else if (status < 500) {
      request.log.info({ code: error.code }, 'requête refusée');
      body = { error: 'bad_request', message: 'Requête refusée.' };
    } else {
      request.log.error({ code: error.code, error: error.message }, 'internal error');
      body = { error: 'internal_error', message: 'Erreur du serveur : réessayez plus tard.' };
    }
    return reply.status(status).send(body);
  });
}
