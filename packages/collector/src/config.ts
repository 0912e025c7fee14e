/**
 * The service's configuration, from environment variables (documented in the README). A wrong value stops the
 * start with a message that says which variable and how to fix it.
 */
import { isIP } from 'node:net';
import { readFileSync } from 'node:fs';
import { DEFAULT_TIMEOUTS, type Timeouts } from './app.ts';
import type { AgentEntry, OidcSettings } from './sign-in.ts';

export interface ServiceConfig {
  port: number;
  host: string;
  databaseUrl?: string | undefined;
  sqlitePath: string;
  corsOrigins: string[];
  operatorToken?: string | undefined;
  rateLimitMax: number;
  rateLimitOtherMax: number;
  rateLimitSecret?: string | undefined;
  trustProxy?: number | string[] | undefined;
  publicStats: boolean;
  timeouts: Timeouts;
  publicUrl?: string | undefined;
  backOffice?: { oidc: OidcSettings; agents: AgentEntry[]; cookieSecret?: string | undefined } | undefined;
  storyRateLimitPerHour: number;
  storyGlobalPerMinute: number;
  minFreeBytes: number;
  logLevel: string;
}

const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

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
  const rateLimitOtherMax = int('AIDE_RATE_LIMIT_OTHER_MAX', 600, 1, 1_000_000);
  const timeouts: Timeouts = {
    requestMs: int('AIDE_REQUEST_TIMEOUT_MS', DEFAULT_TIMEOUTS.requestMs, 1000, 600_000),
    headersMs: int('AIDE_HEADERS_TIMEOUT_MS', DEFAULT_TIMEOUTS.headersMs, 500, 600_000),
    keepAliveMs: int('AIDE_KEEP_ALIVE_TIMEOUT_MS', DEFAULT_TIMEOUTS.keepAliveMs, 100, 600_000),
    maxConnections: int('AIDE_MAX_CONNECTIONS', DEFAULT_TIMEOUTS.maxConnections, 1, 1_000_000),
  };
  if (timeouts.headersMs > timeouts.requestMs) problems.push('AIDE_HEADERS_TIMEOUT_MS : au plus AIDE_REQUEST_TIMEOUT_MS (les en-têtes font partie de la requête).');
  const storyRateLimitPerHour = int('AIDE_STORY_LIMIT_PER_HOUR', 10, 1, 1_000_000);
  const storyGlobalPerMinute = int('AIDE_STORY_LIMIT_GLOBAL_PER_MINUTE', 300, 1, 1_000_000);
  const publicUrl = env.AIDE_PUBLIC_URL ? env.AIDE_PUBLIC_URL.replace(/\/$/, '') : undefined;
  if (publicUrl) {
    try {
      const url = new URL(publicUrl);
      if (!/^https?:$/.test(url.protocol) || url.origin !== publicUrl) throw new Error();
    } catch {
      problems.push(`AIDE_PUBLIC_URL : « ${publicUrl} » n'est pas une origine (https://avis.exemple.gouv.fr, sans chemin).`);
    }
  }
  const backOffice = readBackOffice(env, problems);
  const minFreeBytes = int('AIDE_MIN_FREE_MB', 16, 0, 1_000_000) * 1024 * 1024;
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
  if (env.AIDE_EXPORT_TOKEN) problems.push('AIDE_EXPORT_TOKEN a été renommé AIDE_OPERATOR_TOKEN : il ouvre les statistiques et l’export aux scripts (les agents se connectent à l’espace des agents).');
  const operatorToken = env.AIDE_OPERATOR_TOKEN || undefined;
  if (operatorToken && operatorToken.length < 24) problems.push('AIDE_OPERATOR_TOKEN : au moins 24 caractères (par exemple : openssl rand -hex 24).');
  const rateLimitSecret = env.AIDE_RATE_LIMIT_SECRET || undefined;
  if (rateLimitSecret && rateLimitSecret.length < 32) problems.push('AIDE_RATE_LIMIT_SECRET : au moins 32 caractères (par exemple : openssl rand -hex 32).');
  let trustProxy: number | string[] | undefined;
  const proxy = (env.AIDE_TRUST_PROXY ?? '').trim();
  if (proxy === 'true' || proxy === '*') {
    problems.push('AIDE_TRUST_PROXY : « true » croirait l’adresse que n’importe quel client annonce. Donnez le nombre de mandataires devant le service (1) ou leurs adresses (10.0.0.5,10.0.1.0/24, loopback).');
  } else if (/^\d+$/.test(proxy)) {
    trustProxy = Number(proxy);
    if (trustProxy < 1 || trustProxy > 10) problems.push('AIDE_TRUST_PROXY : un nombre de mandataires entre 1 et 10.');
  } else if (proxy && proxy !== 'false') {
    trustProxy = proxy.split(',').map((p) => p.trim()).filter(Boolean);
    for (const entry of trustProxy) {
      const [address = '', bits] = entry.split('/');
      const version = isIP(address);
      const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32));
      if (!PROXY_KEYWORDS.includes(entry) && (!version || !bitsOk)) problems.push(`AIDE_TRUST_PROXY : « ${entry} » n'est ni une adresse IP, ni un réseau CIDR, ni loopback, linklocal ou uniquelocal.`);
    }
  }
  const publicStatsRaw = env.AIDE_PUBLIC_STATS ?? 'false';
  if (!['true', 'false', ''].includes(publicStatsRaw)) problems.push('AIDE_PUBLIC_STATS : true ou false.');
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
      operatorToken,
      rateLimitMax,
      rateLimitOtherMax,
      rateLimitSecret,
      trustProxy,
      publicStats: publicStatsRaw === 'true',
      timeouts,
      publicUrl,
      backOffice,
      storyRateLimitPerHour,
      storyGlobalPerMinute,
      minFreeBytes,
      logLevel,
    },
  };
}

const ROLES = ['moderator', 'responder', 'administrator'];

/** AIDE_AGENTS: a JSON list, inline or in a file (a path): [{ email, roles, service, procedures }]. */
function readAgents(raw: string, problems: string[]): AgentEntry[] {
  let text = raw.trim();
  if (!text.startsWith('[')) {
    try {
      text = readFileSync(text, 'utf8');
    } catch {
      problems.push(`AIDE_AGENTS : fichier « ${raw} » illisible (attendu une liste JSON, ou le chemin d'un fichier qui la contient).`);
      return [];
    }
  }
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch (error) {
    problems.push(`AIDE_AGENTS : JSON incorrect (${(error as Error).message}).`);
    return [];
  }
  if (!Array.isArray(list)) {
    problems.push('AIDE_AGENTS : attendu une liste [{ "email", "roles", "service", "procedures" }].');
    return [];
  }
  return list.flatMap((entry: unknown, i) => {
    const a = (entry ?? {}) as Record<string, unknown>;
    const where = `AIDE_AGENTS[${i}]`;
    const before = problems.length;
    if (typeof a.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(a.email)) problems.push(`${where} : « email » manquant ou incorrect.`);
    if (!Array.isArray(a.roles) || a.roles.length === 0 || !a.roles.every((r) => ROLES.includes(r as string))) problems.push(`${where} : « roles » est une liste parmi ${ROLES.join(', ')}.`);
    if (typeof a.service !== 'string' || a.service.trim() === '' || a.service.length > 200) problems.push(`${where} : « service » est le nom qui signe les réponses (200 caractères au plus).`);
    if (!(a.procedures === '*' || (Array.isArray(a.procedures) && a.procedures.every((p) => typeof p === 'string')))) problems.push(`${where} : « procedures » est « * » ou une liste d'identifiants de démarches.`);
    if (problems.length > before) return [];
    return [{ email: (a.email as string).toLowerCase(), roles: a.roles as AgentEntry['roles'], service: (a.service as string).trim(), procedures: a.procedures as AgentEntry['procedures'] }];
  });
}

/** The back office is on when OIDC_ISSUER is set; then every setting it needs must be there. */
function readBackOffice(env: NodeJS.ProcessEnv, problems: string[]): ServiceConfig['backOffice'] {
  const issuer = env.OIDC_ISSUER;
  if (!issuer) return undefined;
  let allowHttp = false;
  try {
    const url = new URL(issuer);
    allowHttp = url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !allowHttp) throw new Error();
  } catch {
    problems.push(`OIDC_ISSUER : « ${issuer} » n'est pas l'adresse https d'un fournisseur OpenID Connect (ProConnect : https://auth.agentconnect.gouv.fr/api/v2).`);
  }
  const clientId = env.OIDC_CLIENT_ID ?? '';
  const clientSecret = env.OIDC_CLIENT_SECRET ?? '';
  if (!clientId) problems.push('OIDC_CLIENT_ID : l’identifiant du service chez le fournisseur est nécessaire avec OIDC_ISSUER.');
  if (!clientSecret) problems.push('OIDC_CLIENT_SECRET : le secret du service chez le fournisseur est nécessaire avec OIDC_ISSUER.');
  const scopes = env.OIDC_SCOPES || 'openid email given_name usual_name';
  if (!scopes.split(/\s+/).includes('openid') || !scopes.split(/\s+/).includes('email')) problems.push('OIDC_SCOPES : doit contenir openid et email (l’agent est reconnu par son e-mail).');
  const cookieSecret = env.AIDE_SESSION_SECRET || undefined;
  if (cookieSecret && cookieSecret.length < 32) problems.push('AIDE_SESSION_SECRET : au moins 32 caractères (par exemple : openssl rand -hex 32).');
  if (!env.AIDE_AGENTS) problems.push('AIDE_AGENTS : la liste des agents (e-mail, rôles, service, démarches) est nécessaire avec OIDC_ISSUER.');
  const agents = env.AIDE_AGENTS ? readAgents(env.AIDE_AGENTS, problems) : [];
  return {
    oidc: {
      issuer,
      clientId,
      clientSecret,
      scopes,
      acrValues: env.OIDC_ACR_VALUES || undefined,
      userinfoSignedResponseAlg: env.OIDC_USERINFO_SIGNED_RESPONSE_ALG || undefined,
      allowHttp,
    },
    agents,
    cookieSecret,
  };
}
