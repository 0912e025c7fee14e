/**
 * A real OpenID provider on this machine (node-oidc-provider, certified), for the tests and the demo: it plays
 * ProConnect's part — same scopes (openid email given_name usual_name), code flow with PKCE required, client
 * authentication client_secret_post, end-session page. Its sign-in form accepts any e-mail with any password
 * (development interactions): the demo agents are whoever the collector's agents list names. Never in production.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface DevProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/** Names of the demo agents, by e-mail (others get their e-mail as name). */
const NAMES: Record<string, [string, string]> = {
  'moderatrice@demo.aide-numerique.fr': ['Camille', 'Modératrice'],
  'repondant@demo.aide-numerique.fr': ['Karim', 'Répondant'],
  'admin@demo.aide-numerique.fr': ['Alex', 'Administrateur'],
};

export async function startDevProvider(options: { redirectUris: string[]; postLogoutRedirectUris: string[]; port?: number; host?: string }): Promise<DevProvider> {
  const clientId = 'aide-numerique-demo';
  const clientSecret = 'secret-de-demonstration-du-fournisseur-local';
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    scopes: ['openid', 'email', 'given_name', 'usual_name'],
    claims: { openid: ['sub'], email: ['email'], given_name: ['given_name'], usual_name: ['usual_name'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['cle-des-cookies-du-fournisseur-de-demonstration'] },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => ({
      accountId: sub,
      claims: () => {
        const [given, usual] = NAMES[sub.toLowerCase()] ?? ['', sub];
        return { sub, email: sub, given_name: given, usual_name: usual };
      },
    }),
    // First-party client: no consent screen (the scopes are granted at once), as ProConnect does for agents.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const session = ctx.oidc.session!;
      const client = ctx.oidc.client!;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
      grant.addOIDCScope('openid email given_name usual_name');
      await grant.save();
      session.ensureClientContainer(client.clientId);
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
  });
  const handle = provider.callback();
  server.on('request', (request, response) => void handle(request, response));
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
