/**
 * Agents sign in with OpenID Connect (ProConnect-compatible) through openid-client: authorization code with PKCE
 * (S256), state and nonce, checked by the library; then a first-party session on the collector's own origin.
 *
 * - The sign-in's state, nonce and PKCE verifier wait in a signed, HttpOnly, SameSite=Lax cookie limited to the
 *   callback's path, for 10 minutes; it is deleted by the callback (a replayed callback finds nothing).
 * - A session is a random 256-bit id in the HttpOnly, SameSite=Lax cookie `aide_agent` (Secure on https); the
 *   database keeps its sha256 only, so that a copy of the database opens no session. A new id at every sign-in (no
 *   fixation); sign-out deletes it and ends the provider's session too when it offers one.
 * - Who may sign in, with which roles, for which service and procedures: the active agents of the database
 *   (agent-accounts.ts: seeded from AIDE_AGENTS, edited by administrators), by e-mail, read again at every request.
 * - After the sign-in, the agent goes back where they were, only to a path of the back office (no open redirect).
 */
import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toWriteError, type Store } from './store/index.ts';
import type { Agent, AgentRole, Authenticator } from './agents.ts';
import { escapeHtml, layout, sendPage } from './html.ts';
import { activeAgent, readAccount } from './agent-accounts.ts';

export interface OidcSettings {
  /** https://auth.agentconnect.gouv.fr/api/v2 (ProConnect), or the demo's local provider. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** ProConnect: « openid email given_name usual_name ». */
  scopes: string;
  /** ProConnect: « eidas1 » (sent as acr_values). */
  acrValues?: string | undefined;
  /** ProConnect signs the user info (RS256); a provider that answers plain JSON needs nothing. */
  userinfoSignedResponseAlg?: string | undefined;
  /** An issuer on plain http (the local demo provider only). */
  allowHttp?: boolean | undefined;
}

export interface AgentEntry {
  email: string;
  roles: AgentRole[];
  /** The service whose name signs the answers: « CAF de la Gironde ». */
  service: string;
  /** The procedures this agent answers for; « * » for all. */
  procedures: string[] | '*';
}

/** An agent of the back office, as the pages see them. */
export interface BackOfficeAgent extends Agent {
  /** The id of the agent's row in agent_accounts. */
  accountId: string;
  service: string;
  procedures: readonly string[] | '*';
}

const SESSION_COOKIE = 'aide_agent';
const LOGIN_COOKIE = 'aide_connexion';
const CALLBACK = '/agents/connexion/retour';
const SESSION_HOURS = 8;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Only a path of the back office or the dashboard: never another site, never « //host », never « .. ». */
const safeReturn = (value: unknown) =>
  typeof value === 'string' && /^\/(agents|dashboard)(\/[A-Za-z0-9_-]+)*(\?[A-Za-z0-9=&_%.-]*)?$/.test(value) ? value : '/agents';

/**
 * With OIDC_ACR_VALUES set (ProConnect: « eidas1 »), the ID token must say that one of these levels was used
 * (`acr` claim): asking for a level is not enough, a provider may sign the agent in with a weaker one.
 */
export function acrAccepted(requested: string | undefined, acr: unknown): boolean {
  if (!requested) return true;
  return typeof acr === 'string' && requested.split(/\s+/).filter(Boolean).includes(acr);
}

export interface SignIn {
  authenticator: Authenticator;
  /** Sends an anonymous visitor of a page to the sign-in (the guard's agentSignIn). */
  redirectToSignIn: (request: FastifyRequest, reply: FastifyReply) => FastifyReply;
  /** Deletes the session here, then ends the provider's session too when it offers an end-session page. */
  signOut: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
}

export function installSignIn(
  app: FastifyInstance,
  options: { store: Store; settings: OidcSettings; seedAgents: () => Promise<void>; origin: (request: FastifyRequest) => string; audit: (agent: Agent, action: string, storyId: string | null, details?: string) => Promise<void> },
): SignIn {
  const { store, settings } = options;
  let configuration: Promise<oidc.Configuration> | null = null;
  // Discovered on first use and kept; a provider that was away is asked again at the next sign-in.
  const provider = () => {
    configuration ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        { client_secret: settings.clientSecret, ...(settings.userinfoSignedResponseAlg ? { userinfo_signed_response_alg: settings.userinfoSignedResponseAlg } : {}) },
        oidc.ClientSecretPost(settings.clientSecret),
        settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        configuration = null;
        throw error;
      });
    return configuration;
  };
  const secure = (request: FastifyRequest) => request.protocol === 'https';

  const unavailable = (reply: FastifyReply, error: unknown) => {
    reply.log.warn({ error: String((error as Error).message ?? error) }, 'fournisseur d’identité injoignable');
    return sendPage(
      reply.header('Retry-After', '30'),
      layout('Connexion impossible pour le moment', '<h1>Connexion impossible pour le moment</h1><p>Le service de connexion des agents ne répond pas. Réessayez dans quelques minutes.</p><p><a href="/agents/connexion">Réessayer</a></p>'),
      503,
    );
  };

  app.get<{ Querystring: { retour?: string; message?: string } }>('/agents/connexion', async (request, reply) => {
    const back = safeReturn(request.query.retour);
    const message =
      request.query.message === 'deconnecte'
        ? '<p class="notice" role="status">Vous êtes déconnecté.</p>'
        : request.query.message === 'expire'
          ? '<p class="notice" role="status">La connexion a pris trop de temps ou a déjà servi : recommencez.</p>'
          : '';
    return sendPage(
      reply,
      layout(
        'Connexion des agents',
        `<h1>Connexion des agents</h1>${message}
<p>L’espace des agents sert à relire les récits des usagers, à y répondre et à suivre les indicateurs. Il est réservé aux agents inscrits par l’administrateur du service.</p>
<form method="get" action="/agents/connexion/fournisseur"><input type="hidden" name="retour" value="${escapeHtml(back)}"><button type="submit">Se connecter avec ProConnect</button></form>`,
      ),
      200,
      [new URL(settings.issuer).origin],
    );
  });

  app.get<{ Querystring: { retour?: string } }>('/agents/connexion/fournisseur', async (request, reply) => {
    let config: oidc.Configuration;
    try {
      config = await provider();
    } catch (error) {
      return unavailable(reply, error);
    }
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: `${options.origin(request)}${CALLBACK}`,
      scope: settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...(settings.acrValues ? { acr_values: settings.acrValues } : {}),
    });
    return reply
      .setCookie(LOGIN_COOKIE, JSON.stringify({ verifier, state, nonce, back: safeReturn(request.query.retour) }), {
        path: CALLBACK,
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(request),
        signed: true,
        maxAge: 600,
      })
      .header('Cache-Control', 'no-store')
      .redirect(url.href, 303);
  });

  app.get('/agents/connexion/retour', async (request, reply) => {
    const raw = request.cookies[LOGIN_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    void reply.clearCookie(LOGIN_COOKIE, { path: CALLBACK });
    let pending: { verifier: string; state: string; nonce: string; back: string };
    try {
      if (!unsigned?.valid || !unsigned.value) throw new Error('no sign-in in progress');
      pending = JSON.parse(unsigned.value) as typeof pending;
    } catch {
      return reply.redirect('/agents/connexion?message=expire', 303);
    }
    let config: oidc.Configuration;
    try {
      config = await provider();
    } catch (error) {
      return unavailable(reply, error);
    }
    let claims: Record<string, unknown>;
    let acr: unknown;
    let idToken: string | undefined;
    try {
      const current = new URL(`${options.origin(request)}${request.url}`);
      const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
      const idClaims = tokens.claims()!;
      idToken = tokens.id_token;
      // ProConnect gives the e-mail and names in the user info only.
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...idClaims, ...userinfo };
      // The level of authentication is the ID token's (signed, checked), never the user info's.
      acr = idClaims.acr;
    } catch (error) {
      request.log.warn({ error: String((error as Error).message) }, 'connexion refusée');
      return sendPage(
        reply,
        layout('Connexion refusée', '<h1>Connexion refusée</h1><p>La réponse du service de connexion n’a pas pu être vérifiée (elle a peut-être déjà servi ou a expiré).</p><p><a href="/agents/connexion">Recommencer la connexion</a></p>'),
        400,
      );
    }
    if (!acrAccepted(settings.acrValues, acr)) {
      request.log.warn({ acr: typeof acr === 'string' ? acr.slice(0, 40) : null }, 'niveau de connexion insuffisant');
      return sendPage(
        reply,
        layout(
          'Niveau de connexion insuffisant',
          `<h1>Niveau de connexion insuffisant</h1><p>Le service de connexion n’a pas confirmé le niveau de sécurité demandé pour l’espace des agents (${escapeHtml(settings.acrValues ?? '')}). Reconnectez-vous avec un moyen de connexion de ce niveau, ou demandez à l’administrateur du service.</p><p><a href="/agents/connexion">Recommencer la connexion</a></p>`,
        ),
        403,
      );
    }
    const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : '';
    let account;
    try {
      await options.seedAgents();
      account = email ? await activeAgent(store, email) : undefined;
    } catch (error) {
      throw toWriteError(error);
    }
    if (!account) {
      request.log.info('connexion d’un compte non inscrit');
      return sendPage(
        reply,
        layout('Accès non autorisé', `<h1>Accès non autorisé</h1><p>Le compte ${escapeHtml(email || 'sans adresse e-mail')} n’est pas inscrit parmi les agents de ce service. Demandez à l’administrateur du service de vous ajouter.</p>`),
        403,
      );
    }
    const given = typeof claims.given_name === 'string' ? claims.given_name : '';
    const family = typeof claims.usual_name === 'string' ? claims.usual_name : typeof claims.family_name === 'string' ? claims.family_name : '';
    const name = `${given} ${family}`.trim() || (typeof claims.name === 'string' ? claims.name : '') || account.name || email;
    const entry = { ...readAccount(account), service: account.service };
    const sessionId = randomBytes(32).toString('base64url');
    const now = new Date();
    try {
      // The session that came with the browser (if any) ends: a new id at every sign-in.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await store.db.deleteFrom('agent_sessions').where('id_hash', '=', sha256(previous)).execute();
      await store.db
        .insertInto('agent_sessions')
        .values({
          id_hash: sha256(sessionId),
          agent_id: email,
          name: name.slice(0, 200),
          service: entry.service.slice(0, 200),
          roles: JSON.stringify(entry.roles),
          procedures: JSON.stringify(entry.procedures),
          id_token: idToken ?? null,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
        })
        .execute();
      // Expired sessions go when new ones come.
      await store.db.deleteFrom('agent_sessions').where('expires_at', '<', now.toISOString()).execute();
      // The administrators' page shows the name the provider gives, until an administrator writes another.
      if (!account.name && name !== email) await store.db.updateTable('agent_accounts').set({ name: name.slice(0, 200) }).where('id', '=', account.id).where('name', '=', '').execute();
    } catch (error) {
      throw toWriteError(error);
    }
    await options.audit({ id: email, name, roles: entry.roles, via: 'oidc' }, 'connexion', null);
    return reply
      .setCookie(SESSION_COOKIE, sessionId, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(request), maxAge: SESSION_HOURS * 3600 })
      .header('Cache-Control', 'no-store')
      .redirect(pending.back, 303);
  });

  // The session says who signed in; the agents' table says, now, what they may do (a deactivated agent: nothing).
  const authenticator: Authenticator = async (request) => {
    const id = request.cookies[SESSION_COOKIE];
    if (!id || id.length > 100) return null;
    let row;
    try {
      row = await store.db
        .selectFrom('agent_sessions')
        .innerJoin('agent_accounts', 'agent_accounts.email', 'agent_sessions.agent_id')
        .select(['agent_sessions.agent_id', 'agent_sessions.name', 'agent_accounts.id as account_id', 'agent_accounts.roles', 'agent_accounts.service', 'agent_accounts.procedures'])
        .where('agent_sessions.id_hash', '=', sha256(id))
        .where('agent_sessions.expires_at', '>', new Date().toISOString())
        .where('agent_accounts.active', '=', 1)
        .executeTakeFirst();
    } catch (error) {
      throw toWriteError(error);
    }
    if (!row) return null;
    const { roles, procedures } = readAccount(row);
    const agent: BackOfficeAgent = { id: row.agent_id, accountId: row.account_id, name: row.name, roles, via: 'oidc', service: row.service, procedures };
    return agent;
  };

  const signOut = async (request: FastifyRequest, reply: FastifyReply) => {
    const id = request.cookies[SESSION_COOKIE];
    let idToken: string | null = null;
    if (id) {
      try {
        const row = await store.db.selectFrom('agent_sessions').select('id_token').where('id_hash', '=', sha256(id)).executeTakeFirst();
        idToken = row?.id_token ?? null;
        await store.db.deleteFrom('agent_sessions').where('id_hash', '=', sha256(id)).execute();
      } catch (error) {
        throw toWriteError(error);
      }
    }
    void reply.clearCookie(SESSION_COOKIE, { path: '/' }).header('Cache-Control', 'no-store');
    const back = `${options.origin(request)}/agents/connexion?message=deconnecte`;
    try {
      const config = await provider();
      if (idToken && config.serverMetadata().end_session_endpoint) {
        return reply.redirect(oidc.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: back }).href, 303);
      }
    } catch {
      // The provider is away: signed out here, which is what matters for this service.
    }
    return reply.redirect(back, 303);
  };

  return {
    authenticator,
    signOut,
    redirectToSignIn: (request, reply) => reply.header('Cache-Control', 'no-store').redirect(`/agents/connexion?${new URLSearchParams({ retour: safeReturn(request.url) }).toString()}`, 303),
  };
}
