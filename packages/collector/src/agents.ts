/**
 * The machine path to the figures (`/api/v1/stats`, `/api/v1/export.csv`, for scripts) is closed by one guard:
 * `app.requireAgent`, a preHandler. It asks each authenticator in turn who the request comes from; today
 * `operatorToken`: the operator's token from the environment (AIDE_OPERATOR_TOKEN), sent as
 * `Authorization: Bearer <jeton>`. People do not use it: agents sign in to the back office (OpenID Connect, see
 * sign-in.ts), where the dashboard and the export live, by role.
 * Wrong credentials are counted per client, with the shared counters (every instance on one PostgreSQL counts
 * together): past the limit, every attempt from that client gets 429 until the window ends, right token or not.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toWriteError, type CounterStore } from './store/index.ts';

export type AgentRole = 'moderator' | 'responder' | 'administrator';

export interface Agent {
  id: string;
  name: string;
  roles: readonly AgentRole[];
  /** How the agent was recognised: 'operator-token', later 'oidc'. */
  via: string;
}

/** Who the request comes from: an agent, no credentials at all (null), or credentials that are wrong ('invalid'). */
export type Authenticator = (request: FastifyRequest) => Promise<Agent | 'invalid' | null> | Agent | 'invalid' | null;

/** What a request without credentials gets. */
type SignIn = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | Promise<FastifyReply>;

declare module 'fastify' {
  interface FastifyRequest {
    agent: Agent | null;
  }
  interface FastifyInstance {
    requireAgent: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;
    agentAuthenticators: Authenticator[];
    agentSignIn: SignIn;
  }
}

const OPERATOR: Agent = { id: 'operator', name: 'Opérateur du service', roles: ['administrator'], via: 'operator-token' };
// Header values are Latin-1: no accents here.
const REALM = 'Aide numerique - scripts';

/** The operator's token, as a Bearer token. Compared in constant time. */
export function operatorToken(token: string): Authenticator {
  const expected = createHash('sha256').update(token).digest();
  const matches = (given: string) => timingSafeEqual(createHash('sha256').update(given).digest(), expected);
  return (request) => {
    const header = request.headers.authorization;
    if (!header) return null;
    const [scheme = '', value = ''] = header.split(/\s+/, 2);
    if (/^bearer$/i.test(scheme)) return matches(value) ? OPERATOR : 'invalid';
    return null;
  };
}

export interface AgentGuardOptions {
  authenticators: Authenticator[];
  counters: CounterStore;
  /** The client's pseudonymous key (the same one the rate limits use). */
  clientKey: (request: FastifyRequest) => Promise<string> | string;
  /** Wrong credentials allowed per client and window. */
  maxFailures?: number;
  failureWindowMs?: number;
}

export function installAgentGuard(app: FastifyInstance, options: AgentGuardOptions): void {
  const maxFailures = options.maxFailures ?? 10;
  const windowMs = options.failureWindowMs ?? 15 * 60_000;
  app.decorateRequest('agent', null);
  app.decorate('agentAuthenticators', [...options.authenticators]);
  app.decorate('agentSignIn', ((_request: FastifyRequest, reply: FastifyReply) =>
    reply
      .status(401)
      .header('WWW-Authenticate', `Bearer realm="${REALM}"`)
      .send({ error: 'unauthorized', message: 'Réservé aux scripts des agents : jeton d’opérateur manquant (Authorization: Bearer …). Les agents consultent les avis dans l’espace des agents (/agents).' })) satisfies SignIn);

  const tooMany = (reply: FastifyReply, ttlMs: number) =>
    reply
      .status(429)
      .header('Retry-After', String(Math.max(1, Math.ceil(ttlMs / 1000))))
      .send({ error: 'too_many_failures', message: `Trop d’essais d’identification manqués : réessayez dans ${Math.ceil(ttlMs / 60_000)} min.` });

  app.decorate('requireAgent', async function requireAgent(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
    if (app.agentAuthenticators.length === 0) {
      return reply.status(404).send({ error: 'agents_disabled', message: 'L’accès des scripts aux chiffres n’est pas activé : définissez AIDE_OPERATOR_TOKEN. Les agents consultent les avis et les exportent dans l’espace des agents (/agents, OIDC_ISSUER).' });
    }
    let invalid = false;
    let agent: Agent | null = null;
    for (const authenticate of app.agentAuthenticators) {
      const result = await authenticate(request);
      if (result === 'invalid') invalid = true;
      else if (result) {
        agent = result;
        break;
      }
    }
    const hasCredentials = invalid || agent !== null;
    if (hasCredentials) {
      // Every attempt that carries credentials looks at the client's failures; a wrong one adds to them.
      let counted: { count: number; ttlMs: number };
      try {
        const key = `auth:${await options.clientKey(request)}`;
        counted = invalid && !agent ? await options.counters.incr(key, windowMs) : await options.counters.peek(key);
      } catch (error) {
        // The counters are in the database (PostgreSQL) and it is away: 503 and Retry-After, like every other answer
        // meanwhile, rather than a 500 or a door left open to guessing.
        throw toWriteError(error);
      }
      if (counted.count > maxFailures) return tooMany(reply, counted.ttlMs);
    }
    if (agent) {
      request.agent = agent;
      return undefined;
    }
    return app.agentSignIn(request, reply);
  });
}
