/**
 * The agents' back office, served by the collector: server-rendered French pages that work without JavaScript.
 * Moderation (publish, or refuse with a reason from the charter), public answers signed with the agent's service,
 * indicators, and the audit log. Every form is a POST with a CSRF token (@fastify/csrf-protection: a secret in an
 * HttpOnly cookie, the token in the form), answered by a redirect to the page (no form sent twice by « back »).
 * Roles: moderator (queue, masking more of a story), responder (answers and their edits, for their procedures only),
 * administrator (everything, the log, the agents: agents-admin.ts).
 */
import { createHash } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { StoreUnavailable, toWriteError, type Store, type StoryTable } from './store/index.ts';
import { RETRY_AFTER } from './http-errors.ts';
import type { Agent, AgentRole } from './agents.ts';
import type { LimitedStats, SendExport } from './app.ts';
import { PROCEDURE_ID, type StatsQuery } from './schemas.ts';
import { computeStats, knownProcedures, type ProcedureScope } from './stats.ts';
import { describeFilters, exportCsv } from './export.ts';
import { dashboardMain } from './dashboard.ts';
import { MAX_WEEKS, indicatorsCsv, periodOf, weeklyIndicators } from './indicators.ts';
import { indicatorsMain } from './indicators-page.ts';
import type { BackOfficeAgent } from './sign-in.ts';
import { storyIndicators } from './stories.ts';
import { CHANNEL_LABELS, FEELING_LABELS, errorSummary, escapeHtml, fieldError, frenchDate, layout, paragraphs, sendPage, type FieldError } from './html.ts';
import { MODERATION_MARKER, maskFurther, maskedKindsText, withModerationKind } from './moderation-masking.ts';
import { installAgentsAdmin } from './agents-admin.ts';

/** The publication charter's reasons for refusing a story (shown to the person on their follow page). */
const REFUSAL_REASONS: Record<string, string> = {
  injurieux: 'Propos injurieux, diffamatoires ou discriminatoires.',
  'donnees-personnelles': 'Des données personnelles restent dans le récit malgré le masquage.',
  'hors-sujet': 'Le récit ne parle pas de la démarche.',
  publicite: 'Publicité, spam ou message commercial.',
  incomprehensible: 'Le récit est incompréhensible.',
};
const ANSWER_MAX = 4000;
const QUEUE_SIZE = 50;

const MESSAGES: Record<string, string> = {
  publie: 'Le récit est publié.',
  refuse: 'Le récit est refusé ; la personne voit le motif sur son lien de suivi.',
  repondu: 'Votre réponse est publiée.',
  'deja-traite': 'Ce récit a déjà été traité par quelqu’un d’autre : la liste est à jour.',
  'reponse-vide': `La réponse est vide ou trop longue (${ANSWER_MAX} caractères au plus) : rien n’a été publié.`,
  'motif-manquant': 'Choisissez un motif de refus dans la liste : le récit n’a pas été refusé.',
  masque: 'Les passages sont masqués. Relisez le récit avant de le publier.',
  'reponse-modifiee': 'La réponse modifiée est publiée ; la page publique indique la date de la modification.',
  'agent-ajoute': 'L’agent est ajouté : il peut se connecter avec ProConnect.',
  'agent-modifie': 'Les changements sont enregistrés ; ils s’appliquent dès la page suivante de l’agent.',
  'agent-desactive': 'Le compte est désactivé ; ses sessions sont fermées.',
  'agent-reactive': 'Le compte est réactivé.',
};

type Roles = readonly AgentRole[];
const can = (agent: Agent, ...roles: AgentRole[]) => agent.roles.includes('administrator') || roles.some((r) => agent.roles.includes(r));
const serviceOf = (agent: Agent) => (agent as Partial<BackOfficeAgent>).service ?? '';
const answersFor = (agent: Agent, procedure: string) => {
  const procedures = (agent as Partial<BackOfficeAgent>).procedures;
  return agent.roles.includes('administrator') || procedures === '*' || (Array.isArray(procedures) && procedures.includes(procedure));
};
/**
 * Whose figures (opinions, indicators, export) an agent sees: moderators and administrators every procedure (they
 * work on all of them), a responder the procedures they answer for. null: none (a responder given no procedure).
 */
function figuresScope(agent: Agent): ProcedureScope | null {
  if (agent.roles.includes('administrator') || agent.roles.includes('moderator')) return '*';
  if (!agent.roles.includes('responder')) return null;
  const procedures = (agent as Partial<BackOfficeAgent>).procedures;
  if (procedures === '*') return '*';
  return Array.isArray(procedures) && procedures.length ? procedures : null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (value: string) => DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** The dashboard's filters from a form (query string or body): empty fields mean « no filter »; wrong ones are named. */
function readFilters(fields: unknown): { query: StatsQuery; problems: string[] } {
  const f = (fields && typeof fields === 'object' ? fields : {}) as Record<string, unknown>;
  const query: StatsQuery = {};
  const problems: string[] = [];
  // A field sent twice arrives as an array: its first value counts.
  const text = (name: string) => {
    const value: unknown = Array.isArray(f[name]) ? (f[name] as unknown[])[0] : f[name];
    return typeof value === 'string' ? value.trim() : '';
  };
  const procedure = text('procedure');
  if (procedure) {
    if (PROCEDURE_ID.test(procedure)) query.procedure = procedure;
    else problems.push(`Démarche « ${procedure.slice(0, 80)} » inconnue : identifiant attendu en minuscules, chiffres, points et tirets.`);
  }
  for (const [name, label] of [['from', 'Du'], ['to', 'Au']] as const) {
    const value = text(name);
    if (!value) continue;
    if (realDay(value)) query[name] = value;
    else problems.push(`« ${label} » : la date « ${value.slice(0, 40)} » n’existe pas ou n’est pas au format AAAA-MM-JJ (par exemple 2026-12-07).`);
  }
  if (query.from && query.to && query.from > query.to) {
    problems.push(`La période commence (${query.from}) après sa fin (${query.to}) : dates ignorées.`);
    delete query.from;
    delete query.to;
  }
  return { query, problems };
}

const ROLE_LABELS: Record<AgentRole, string> = { moderator: 'modération', responder: 'réponses', administrator: 'administration' };

async function db<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toWriteError(error);
  }
}

export interface BackOfficeOptions {
  store: Store;
  /** The session guard (preHandler): the agent, or a redirect to the sign-in. */
  requireSession: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;
  limitedStats: LimitedStats;
  sendExport: SendExport;
  signOut: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
  /** The OpenID provider's origin: the sign-out form of every page is redirected to its end-session page. */
  providerOrigin: string;
}

export async function audit(store: Store, agent: Agent, action: string, storyId: string | null, details?: string): Promise<void> {
  await db(() =>
    store.db
      .insertInto('story_audit')
      .values({ at: new Date().toISOString(), agent_id: agent.id.slice(0, 200), agent_name: agent.name.slice(0, 200), action, story_id: storyId, details: details?.slice(0, 1000) ?? null })
      .execute(),
  );
}

/** What the back office's pages share with the pages of other modules (agents-admin.ts). */
export interface BackOfficeContext {
  store: Store;
  page: RouteShorthandOptions;
  form: RouteShorthandOptions;
  /** A page of the back office (layout, navigation, message); `%CSRF%` in `main` becomes the form's token. */
  render: (request: FastifyRequest, reply: FastifyReply, title: string, main: string, status?: number) => FastifyReply;
  forbidden: (reply: FastifyReply, why: string) => FastifyReply;
  csrfField: string;
  db: <T>(work: () => Promise<T>) => Promise<T>;
  audit: typeof audit;
}

export function installBackOffice(parent: FastifyInstance, options: BackOfficeOptions): void {
  const { store } = options;
  void parent.register(async (app) => {
    // Forms are urlencoded: accepted here only (the API takes JSON alone).
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    // A missing or wrong CSRF token: a page that says what to do (other errors go to the service's handler).
    app.setErrorHandler((error: FastifyError, _request, reply) => {
      if (error.code?.startsWith('FST_CSRF')) {
        return sendPage(reply, layout('Formulaire expiré', '<h1>Formulaire expiré</h1><p>Ce formulaire n’est plus valable (page ouverte depuis longtemps, ou envoyée d’un autre site). Rien n’a été fait.</p><p><a href="/agents">Revenir à l’espace des agents</a></p>'), 403);
      }
      // The database is away: the same 503 and Retry-After as the API, as a page a person can read.
      if (error instanceof StoreUnavailable) {
        return sendPage(
          reply.header('Retry-After', String(RETRY_AFTER[error.reason])),
          layout('Service momentanément indisponible', '<h1>Service momentanément indisponible</h1><p>La base de données ne répond pas pour le moment. Rien n’a été perdu : réessayez dans quelques instants.</p>'),
          503,
        );
      }
      throw error;
    });

    const page = { preHandler: options.requireSession };
    const form = { preHandler: [options.requireSession, parent.csrfProtection] };

    const forbidden = (reply: FastifyReply, why: string) => sendPage(reply, layout('Accès refusé', `<h1>Accès refusé</h1><p>${why}</p><p><a href="/agents">Revenir à l’espace des agents</a></p>`), 403);

    const render = (request: FastifyRequest, reply: FastifyReply, title: string, main: string, status = 200) => {
      const agent = request.agent!;
      const csrf = reply.generateCsrf();
      const links: [string, string, Roles][] = [
        ['/agents', 'Accueil', []],
        ['/agents/moderation', 'Modération', ['moderator']],
        ['/agents/reponses', 'Réponses', ['responder']],
        ['/agents/indicateurs', 'Indicateurs', []],
        ['/agents/avis', 'Avis des usagers', []],
        ['/agents/journal', 'Journal', ['administrator']],
        ['/agents/comptes', 'Agents', ['administrator']],
      ];
      const path = request.url.split('?')[0];
      const nav = `<nav aria-label="Espace des agents"><ul>${links
        .filter(([href, , roles]) => (roles.length === 0 || can(agent, ...roles)) && ((href !== '/agents/avis' && href !== '/agents/indicateurs') || figuresScope(agent) !== null))
        .map(([href, label]) => `<li><a href="${href}"${href === path ? ' aria-current="page"' : ''}>${label}</a></li>`)
        .join('')}<li><form method="post" action="/agents/deconnexion"><input type="hidden" name="_csrf" value="${escapeHtml(csrf)}"><button type="submit" class="secondary">Se déconnecter</button></form></li></ul></nav>`;
      const message = MESSAGES[(request.query as { message?: string }).message ?? ''];
      return sendPage(reply, layout(title, `${message ? `<p class="notice" role="status">${escapeHtml(message)}</p>` : ''}${main.replaceAll('%CSRF%', escapeHtml(csrf))}`, nav), status, [options.providerOrigin]);
    };
    const csrfField = '<input type="hidden" name="_csrf" value="%CSRF%">';

    app.get('/agents', page, async (request, reply) => {
      const agent = request.agent!;
      const service = serviceOf(agent);
      return render(
        request,
        reply,
        'Espace des agents',
        `<h1>Espace des agents</h1>
<p>Connecté : <strong>${escapeHtml(agent.name)}</strong>${service ? `, ${escapeHtml(service)}` : ''}. Rôles : ${agent.roles.map((r) => ROLE_LABELS[r]).join(', ') || 'aucun'}.</p>
<ul>
${can(agent, 'moderator') ? '<li><a href="/agents/moderation">Relire les récits en attente</a></li>' : ''}
${can(agent, 'responder') ? '<li><a href="/agents/reponses">Répondre aux récits publiés</a></li>' : ''}
${figuresScope(agent) ? '<li><a href="/agents/indicateurs">Indicateurs semaine par semaine</a></li><li><a href="/agents/avis">Tableau de bord des avis</a></li>' : ''}
${agent.roles.includes('administrator') ? '<li><a href="/agents/comptes">Gérer les agents, leurs rôles et leurs démarches</a></li>' : ''}
</ul>`,
      );
    });

    app.get('/agents/moderation', page, async (request, reply) => {
      if (!can(request.agent!, 'moderator')) return forbidden(reply, 'La modération est réservée aux modérateurs.');
      const [rows, total] = await db(() =>
        Promise.all([
          store.db.selectFrom('stories').selectAll().where('status', '=', 'pending').orderBy('received_at').limit(QUEUE_SIZE).execute(),
          store.db.selectFrom('stories').where('status', '=', 'pending').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
        ]),
      );
      const reasons = Object.entries(REFUSAL_REASONS)
        .map(([value, label]) => `<option value="${value}">${escapeHtml(label)}</option>`)
        .join('');
      const item = (s: StoryTable) => {
        const id = escapeHtml(s.public_id);
        return `<li><article class="story" aria-labelledby="recit-${id}">
<h3 id="recit-${id}">Reçu le ${escapeHtml(frenchDate(s.received_at))} — ${escapeHtml(s.procedure)}${s.step ? `, étape ${escapeHtml(s.step)}` : ''}</h3>
<p class="meta">Ressenti : ${escapeHtml(FEELING_LABELS[s.feeling] ?? s.feeling)}. Démarche faite : ${escapeHtml((CHANNEL_LABELS[s.channel] ?? s.channel).toLowerCase())}. Masqué : ${escapeHtml(maskedKindsText(s.masked_kinds))}.</p>
${paragraphs(s.masked_text)}
<p><a class="target" href="/agents/recits/${id}/masquer">Masquer d’autres passages<span class="visually-hidden"> du récit reçu le ${escapeHtml(frenchDate(s.received_at))}</span></a></p>
<div class="actions"><form method="post" action="/agents/recits/${id}/publier">${csrfField}<button type="submit">Publier<span class="visually-hidden"> le récit reçu le ${escapeHtml(frenchDate(s.received_at))}</span></button></form>
<form method="post" action="/agents/recits/${id}/refuser">${csrfField}<p><label for="motif-${id}">Motif du refus</label><select id="motif-${id}" name="reason" required><option value="">Choisir un motif</option>${reasons}</select></p><button type="submit" class="secondary">Refuser<span class="visually-hidden"> le récit reçu le ${escapeHtml(frenchDate(s.received_at))}</span></button></form></div>
</article></li>`;
      };
      const count = Number(total.n);
      return render(
        request,
        reply,
        'Modération des récits',
        `<h1>Modération des récits</h1>
<p>${count} récit${count > 1 ? 's' : ''} en attente${count > QUEUE_SIZE ? ` ; les ${QUEUE_SIZE} plus anciens sont affichés` : ''}. Un récit n’est public qu’une fois publié ici. Refusez un récit qui contient encore des données personnelles.</p>
${rows.length ? `<h2 id="file">Récits en attente, les plus anciens d’abord</h2><ol class="queue" aria-labelledby="file">${rows.map(item).join('')}</ol>` : '<p>Aucun récit en attente.</p>'}`,
      );
    });

    app.post<{ Params: { id: string } }>('/agents/recits/:id/publier', form, async (request, reply) => {
      const agent = request.agent!;
      if (!can(agent, 'moderator')) return forbidden(reply, 'La modération est réservée aux modérateurs.');
      const result = await db(() =>
        store.db.updateTable('stories').set({ status: 'published', moderated_at: new Date().toISOString() }).where('public_id', '=', request.params.id).where('status', '=', 'pending').executeTakeFirst(),
      );
      if (Number(result.numUpdatedRows) === 0) return reply.redirect('/agents/moderation?message=deja-traite', 303);
      await audit(store, agent, 'publication', request.params.id);
      return reply.redirect('/agents/moderation?message=publie', 303);
    });

    app.post<{ Params: { id: string }; Body: { reason?: string } }>('/agents/recits/:id/refuser', form, async (request, reply) => {
      const agent = request.agent!;
      if (!can(agent, 'moderator')) return forbidden(reply, 'La modération est réservée aux modérateurs.');
      const reason = REFUSAL_REASONS[request.body?.reason ?? ''];
      if (!reason) return reply.redirect('/agents/moderation?message=motif-manquant', 303);
      const result = await db(() =>
        store.db
          .updateTable('stories')
          .set({ status: 'refused', refusal_reason: reason, moderated_at: new Date().toISOString() })
          .where('public_id', '=', request.params.id)
          .where('status', '=', 'pending')
          .executeTakeFirst(),
      );
      if (Number(result.numUpdatedRows) === 0) return reply.redirect('/agents/moderation?message=deja-traite', 303);
      await audit(store, agent, 'refus', request.params.id, reason);
      return reply.redirect('/agents/moderation?message=refuse', 303);
    });

    /** The masking page: the story's text to edit, each passage to hide replaced by « [masqué] ». */
    const maskingPage = (request: FastifyRequest, reply: FastifyReply, s: StoryTable, text: string, errors: FieldError[], status = 200) => {
      const id = escapeHtml(s.public_id);
      const field = fieldError(errors, 'texte-masque', ['texte-masque-aide']);
      return render(
        request,
        reply,
        errors.length ? 'Erreur – Masquer d’autres passages' : 'Masquer d’autres passages',
        `<h1>Masquer d’autres passages</h1>
${errorSummary(errors)}
<p class="meta">Récit reçu le ${escapeHtml(frenchDate(s.received_at))} — ${escapeHtml(s.procedure)}. Déjà masqué : ${escapeHtml(maskedKindsText(s.masked_kinds))}.</p>
<h2>Le récit tel qu’il est enregistré</h2>
<div class="story-text">${paragraphs(s.masked_text)}</div>
<form method="post" action="/agents/recits/${id}/masquer">${csrfField}
<p><label for="texte-masque">Récit à publier</label>
<span class="hint" id="texte-masque-aide">Remplacez chaque passage à cacher par ${escapeHtml(MODERATION_MARKER)} (crochets compris). Ne changez rien d’autre : on peut seulement masquer davantage, jamais démasquer ni réécrire.</span></p>
${field.message}<textarea id="texte-masque" name="text" rows="12"${field.attributes}>
${escapeHtml(text)}</textarea>
<p><button type="submit">Masquer ces passages</button></p></form>
<p><a class="target" href="/agents/moderation">Revenir à la modération sans rien changer</a></p>`,
        status,
      );
    };
    const pendingStory = (id: string) => db(() => store.db.selectFrom('stories').selectAll().where('public_id', '=', id).executeTakeFirst());
    const notPending = (reply: FastifyReply, found: boolean) =>
      sendPage(
        reply,
        layout(
          found ? 'Récit déjà traité' : 'Récit inconnu',
          found
            ? '<h1>Récit déjà traité</h1><p>Ce récit n’est plus en attente : on ne masque un récit qu’avant de le publier. Rien n’a été modifié.</p><p><a href="/agents/moderation">Revenir à la modération</a></p>'
            : '<h1>Récit inconnu</h1><p><a href="/agents/moderation">Revenir à la modération</a></p>',
        ),
        found ? 409 : 404,
      );

    app.get<{ Params: { id: string } }>('/agents/recits/:id/masquer', page, async (request, reply) => {
      if (!can(request.agent!, 'moderator')) return forbidden(reply, 'La modération est réservée aux modérateurs.');
      const s = await pendingStory(request.params.id);
      if (!s || s.status !== 'pending') return notPending(reply, Boolean(s));
      return maskingPage(request, reply, s, s.masked_text, []);
    });

    app.post<{ Params: { id: string }; Body: { text?: unknown } }>('/agents/recits/:id/masquer', form, async (request, reply) => {
      const agent = request.agent!;
      if (!can(agent, 'moderator')) return forbidden(reply, 'La modération est réservée aux modérateurs.');
      const s = await pendingStory(request.params.id);
      if (!s || s.status !== 'pending') return notPending(reply, Boolean(s));
      const edited = typeof request.body?.text === 'string' ? request.body.text : '';
      const result = edited.length > 20_000 ? ({ ok: false, reason: 'not-only-masking' } as const) : maskFurther(s.masked_text, edited);
      if (!result.ok) {
        const message =
          result.reason === 'unchanged'
            ? `Rien n’a été masqué : remplacez au moins un passage par ${MODERATION_MARKER}.`
            : `Le texte envoyé n’est pas le récit enregistré avec des passages remplacés par ${MODERATION_MARKER} : on peut seulement masquer davantage, jamais démasquer ni réécrire. Rien n’a été modifié.`;
        return maskingPage(request, reply, s, edited.slice(0, 20_000), [['texte-masque', message]], result.reason === 'unchanged' ? 400 : 422);
      }
      // Only if nobody changed the story meanwhile (another moderator, a publication): else the queue says so.
      const updated = await db(() =>
        store.db
          .updateTable('stories')
          .set({ masked_text: result.text, masked_kinds: withModerationKind(s.masked_kinds, result.added) })
          .where('public_id', '=', s.public_id)
          .where('status', '=', 'pending')
          .where('masked_text', '=', s.masked_text)
          .executeTakeFirst(),
      );
      if (Number(updated.numUpdatedRows) === 0) return reply.redirect('/agents/moderation?message=deja-traite', 303);
      await audit(store, agent, 'masquage', s.public_id, `passages masqués par la modération : ${result.added}`);
      return reply.redirect('/agents/moderation?message=masque', 303);
    });

    app.get('/agents/reponses', page, async (request, reply) => {
      const agent = request.agent!;
      if (!can(agent, 'responder')) return forbidden(reply, 'Les réponses sont réservées aux agents chargés de répondre.');
      const procedures = (agent as Partial<BackOfficeAgent>).procedures;
      const all = agent.roles.includes('administrator') || procedures === '*';
      const mine = Array.isArray(procedures) ? procedures : [];
      const rows = all || mine.length
        ? await db(() => {
            let q = store.db.selectFrom('stories').selectAll().where('status', '=', 'published').where('answered_at', 'is', null);
            if (!all) q = q.where('procedure', 'in', mine);
            return q.orderBy('moderated_at').limit(QUEUE_SIZE).execute();
          })
        : [];
      const answered = all || mine.length
        ? await db(() => {
            let q = store.db.selectFrom('stories').select(['public_id', 'procedure', 'answered_at', 'answer_updated_at', 'answer_service']).where('status', '=', 'published').where('answered_at', 'is not', null);
            if (!all) q = q.where('procedure', 'in', mine);
            return q.orderBy('answered_at', 'desc').limit(QUEUE_SIZE).execute();
          })
        : [];
      const service = serviceOf(agent);
      const item = (s: StoryTable) => `<article class="story"><h2>Récit publié le ${escapeHtml(frenchDate(s.moderated_at ?? s.received_at))} — ${escapeHtml(s.procedure)}</h2>
<p class="meta">Ressenti : ${escapeHtml(FEELING_LABELS[s.feeling] ?? s.feeling)}. Démarche faite : ${escapeHtml((CHANNEL_LABELS[s.channel] ?? s.channel).toLowerCase())}.</p>
${paragraphs(s.masked_text)}
<form method="post" action="/agents/recits/${escapeHtml(s.public_id)}/repondre">${csrfField}
<p><label for="reponse-${escapeHtml(s.public_id)}">Réponse publique, signée « ${escapeHtml(service)} » <span class="hint">(${ANSWER_MAX} caractères au plus ; pas de donnée personnelle)</span></label>
<textarea id="reponse-${escapeHtml(s.public_id)}" name="answer" maxlength="${ANSWER_MAX}" required></textarea></p>
<p><button type="submit">Publier la réponse</button></p></form></article>`;
      return render(
        request,
        reply,
        'Répondre aux récits',
        `<h1>Répondre aux récits</h1>
<p>Récits publiés sans réponse${all ? '' : ` pour vos démarches (${escapeHtml(mine.join(', ') || 'aucune')})`}, les plus anciens d’abord. Votre réponse est publique et signée du nom de votre service.</p>
${service ? '' : '<p class="error-text">Votre compte n’a pas de service : vous ne pouvez pas signer de réponse.</p>'}
${rows.length ? rows.map(item).join('\n') : '<p>Aucun récit n’attend de réponse.</p>'}
<h2 id="publiees">Réponses déjà publiées, les plus récentes d’abord</h2>
${answered.length ? `<ul>${answered.map((a) => `<li>${escapeHtml(a.procedure)} : réponse de ${escapeHtml(a.answer_service ?? '')} publiée le ${escapeHtml(frenchDate(a.answered_at!))}${a.answer_updated_at ? `, modifiée le ${escapeHtml(frenchDate(a.answer_updated_at))}` : ''}. <a href="/agents/recits/${escapeHtml(a.public_id)}/reponse">Modifier<span class="visually-hidden"> la réponse publiée le ${escapeHtml(frenchDate(a.answered_at!))} (${escapeHtml(a.procedure)})</span></a></li>`).join('')}</ul>` : '<p>Aucune réponse publiée pour le moment.</p>'}`,
      );
    });

    /** A published answer the agent may edit: theirs to answer (their procedure, or an administrator). */
    const editableAnswer = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const agent = request.agent!;
      if (!can(agent, 'responder')) return void forbidden(reply, 'Les réponses sont réservées aux agents chargés de répondre.');
      const s = await db(() => store.db.selectFrom('stories').selectAll().where('public_id', '=', request.params.id).executeTakeFirst());
      if (!s || s.status !== 'published' || !s.answer_text) {
        return void sendPage(reply, layout('Réponse introuvable', '<h1>Réponse introuvable</h1><p>Ce récit n’a pas de réponse publiée à modifier.</p><p><a href="/agents/reponses">Revenir aux réponses</a></p>'), 404);
      }
      if (!answersFor(agent, s.procedure)) return void forbidden(reply, `Vous ne répondez pas pour la démarche « ${escapeHtml(s.procedure)} ».`);
      return s;
    };
    const answerPage = (request: FastifyRequest, reply: FastifyReply, s: StoryTable, text: string, errors: FieldError[], status = 200) => {
      const field = fieldError(errors, 'reponse-modifiee', ['reponse-modifiee-aide']);
      return render(
        request,
        reply,
        errors.length ? 'Erreur – Modifier une réponse publiée' : 'Modifier une réponse publiée',
        `<h1>Modifier une réponse publiée</h1>
${errorSummary(errors)}
<p class="meta">Démarche ${escapeHtml(s.procedure)}. Réponse de ${escapeHtml(s.answer_service ?? '')}, publiée le ${escapeHtml(frenchDate(s.answered_at!))}${s.answer_updated_at ? `, modifiée le ${escapeHtml(frenchDate(s.answer_updated_at))}` : ''}.</p>
<h2>Le récit</h2>
<div class="story-text">${paragraphs(s.masked_text)}</div>
<form method="post" action="/agents/recits/${escapeHtml(s.public_id)}/reponse">${csrfField}
<p><label for="reponse-modifiee">Réponse publique, signée « ${escapeHtml(s.answer_service ?? '')} »</label>
<span class="hint" id="reponse-modifiee-aide">${ANSWER_MAX} caractères au plus ; pas de donnée personnelle. La page publique indiquera « Réponse modifiée le … » ; le journal garde qui a modifié et quand.</span></p>
${field.message}<textarea id="reponse-modifiee" name="answer" maxlength="${ANSWER_MAX}" required rows="8"${field.attributes}>
${escapeHtml(text)}</textarea>
<p><button type="submit">Publier la réponse modifiée</button></p></form>
<p><a class="target" href="/agents/reponses">Revenir aux réponses sans rien changer</a></p>`,
        status,
      );
    };

    app.get<{ Params: { id: string } }>('/agents/recits/:id/reponse', page, async (request, reply) => {
      const s = await editableAnswer(request, reply);
      if (!s) return reply;
      return answerPage(request, reply, s, s.answer_text!, []);
    });

    app.post<{ Params: { id: string }; Body: { answer?: unknown } }>('/agents/recits/:id/reponse', form, async (request, reply) => {
      const s = await editableAnswer(request, reply);
      if (!s) return reply;
      const text = (typeof request.body?.answer === 'string' ? request.body.answer : '').replace(/\r\n/g, '\n').trim();
      if (text.length === 0 || text.length > ANSWER_MAX || text.includes('\u0000')) {
        return answerPage(request, reply, s, text.slice(0, ANSWER_MAX), [['reponse-modifiee', `Écrivez la réponse : entre 1 et ${ANSWER_MAX} caractères. Rien n’a été modifié.`]], 400);
      }
      if (text === s.answer_text) return answerPage(request, reply, s, text, [['reponse-modifiee', 'La réponse est la même que celle publiée : rien n’a été modifié.']], 400);
      const now = new Date().toISOString();
      const updated = await db(() =>
        store.db.updateTable('stories').set({ answer_text: text, answer_updated_at: now }).where('public_id', '=', s.public_id).where('answer_text', '=', s.answer_text).executeTakeFirst(),
      );
      if (Number(updated.numUpdatedRows) === 0) return reply.redirect('/agents/reponses?message=deja-traite', 303);
      // The previous text is not kept: an answer is most often edited to take out a mistake or a personal detail,
      // which the log must not keep. Its length and a fingerprint say which text it replaced.
      const fingerprint = createHash('sha256').update(s.answer_text!).digest('hex').slice(0, 16);
      await audit(store, request.agent!, 'modification-reponse', s.public_id, `service=${s.answer_service ?? ''} ; réponse précédente : ${s.answer_text!.length} caractères, empreinte sha256 ${fingerprint}`);
      return reply.redirect('/agents/reponses?message=reponse-modifiee', 303);
    });

    app.post<{ Params: { id: string }; Body: { answer?: string } }>('/agents/recits/:id/repondre', form, async (request, reply) => {
      const agent = request.agent!;
      if (!can(agent, 'responder')) return forbidden(reply, 'Les réponses sont réservées aux agents chargés de répondre.');
      const service = serviceOf(agent);
      if (!service) return forbidden(reply, 'Votre compte n’a pas de service : une réponse doit être signée du nom d’un service.');
      const text = (request.body?.answer ?? '').replace(/\r\n/g, '\n').trim();
      if (text.length === 0 || text.length > ANSWER_MAX || text.includes('\u0000')) return reply.redirect('/agents/reponses?message=reponse-vide', 303);
      const story = await db(() => store.db.selectFrom('stories').select(['procedure', 'status']).where('public_id', '=', request.params.id).executeTakeFirst());
      if (!story) return sendPage(reply, layout('Récit inconnu', '<h1>Récit inconnu</h1><p><a href="/agents/reponses">Revenir aux réponses</a></p>'), 404);
      if (!answersFor(agent, story.procedure)) return forbidden(reply, `Vous ne répondez pas pour la démarche « ${escapeHtml(story.procedure)} ».`);
      const result = await db(() =>
        store.db
          .updateTable('stories')
          .set({ answer_text: text, answer_service: service, answer_agent: agent.name.slice(0, 200), answered_at: new Date().toISOString() })
          .where('public_id', '=', request.params.id)
          .where('status', '=', 'published')
          .where('answered_at', 'is', null)
          .executeTakeFirst(),
      );
      if (Number(result.numUpdatedRows) === 0) return reply.redirect('/agents/reponses?message=deja-traite', 303);
      await audit(store, agent, 'reponse', request.params.id, service);
      return reply.redirect('/agents/reponses?message=repondu', 303);
    });

    /** The figures an agent may see, or a 403 page that says why. */
    const scopeOf = (request: FastifyRequest, reply: FastifyReply, procedure: string | undefined) => {
      const scope = figuresScope(request.agent!);
      if (!scope) {
        void forbidden(reply, 'Les chiffres des avis sont réservés aux modérateurs, aux administrateurs et aux agents qui répondent pour une démarche : votre compte n’a aucune démarche.');
        return null;
      }
      if (procedure && scope !== '*' && !scope.includes(procedure)) {
        void forbidden(reply, `Vous ne voyez que les chiffres de vos démarches (${escapeHtml(scope.join(', '))}), pas ceux de « ${escapeHtml(procedure)} ».`);
        return null;
      }
      return scope;
    };

    app.get('/agents/avis', page, async (request, reply) => {
      const { query, problems } = readFilters(request.query);
      const scope = scopeOf(request, reply, query.procedure);
      if (!scope) return reply;
      const result = await options.limitedStats(reply, () => db(() => Promise.all([computeStats(store.reader, query, scope), knownProcedures(store.reader, scope)])));
      if (!Array.isArray(result)) return result;
      const [stats, procedures] = result;
      return render(request, reply, `Tableau de bord des avis${query.procedure ? ` – ${query.procedure}` : ''}`, dashboardMain(stats, procedures, csrfField, problems));
    });

    app.post('/agents/avis/export.csv', form, async (request, reply) => {
      const { query, problems } = readFilters(request.body);
      if (problems.length) {
        return sendPage(reply, layout('Export impossible', `<h1>Export impossible</h1><ul>${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul><p><a href="/agents/avis">Revenir au tableau de bord</a></p>`), 400);
      }
      const scope = scopeOf(request, reply, query.procedure);
      if (!scope) return reply;
      const day = new Date().toISOString().slice(0, 10);
      return options.sendExport(
        request,
        reply,
        () => db(() => exportCsv(store, query, scope)),
        () => audit(store, request.agent!, 'export-avis', null, describeFilters(query, scope)),
        `avis-${query.procedure ?? 'toutes-demarches'}-${day}.csv`,
      );
    });

    /** The procedures that have stories, within the scope (for the filter). */
    const storyProcedures = async (scope: ProcedureScope) => {
      let q = store.reader.selectFrom('stories').select('procedure').distinct();
      if (scope !== '*') q = q.where('procedure', 'in', [...scope]);
      return (await q.orderBy('procedure').limit(500).execute()).map((r) => r.procedure);
    };

    /** Stories per procedure since the start (received, pending, published, refused, answered, median time). */
    const storiesByProcedure = async (scope: ProcedureScope, procedure: string | undefined) => {
      let q = store.reader
        .selectFrom('stories')
        .select((eb) => [
          'procedure',
          eb.fn.countAll<number | string>().as('received'),
          eb.fn.sum<number | string>(eb.case().when('status', '=', 'pending').then(1).else(0).end()).as('pending'),
          eb.fn.sum<number | string>(eb.case().when('status', '=', 'published').then(1).else(0).end()).as('published'),
          eb.fn.sum<number | string>(eb.case().when('status', '=', 'refused').then(1).else(0).end()).as('refused'),
          eb.fn.count<number | string>('answered_at').as('answered'),
        ]);
      if (scope !== '*') q = q.where('procedure', 'in', [...scope]);
      if (procedure) q = q.where('procedure', '=', procedure);
      const rows = await q.groupBy('procedure').orderBy('procedure').limit(200).execute();
      const medians = await Promise.all(rows.map((r) => storyIndicators(store, r.procedure)));
      const hours = (h: number | null) => (h === null ? '—' : new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(h));
      const share = (part: number, total: number) => (total === 0 ? '—' : `${Math.round((part / total) * 100)} %`);
      const body = rows
        .map((r, i) => {
          const published = Number(r.published);
          return `<tr><th scope="row">${escapeHtml(r.procedure)}</th><td>${Number(r.received)}</td><td>${Number(r.pending)}</td><td>${published}</td><td>${Number(r.refused)}</td><td>${Number(r.answered)}</td><td>${share(Number(r.answered), published)}</td><td>${hours(medians[i]!.medianAnswerHours)}</td></tr>`;
        })
        .join('');
      return rows.length
        ? `<div class="table table-scroll"><table><caption>Récits par démarche, depuis le début</caption><thead><tr><th scope="col">Démarche</th><th scope="col">Reçus</th><th scope="col">En attente</th><th scope="col">Publiés</th><th scope="col">Refusés</th><th scope="col">Avec réponse</th><th scope="col">Part des publiés avec réponse</th><th scope="col">Délai médian de réponse (heures)</th></tr></thead><tbody>${body}</tbody></table></div>`
        : '<p>Aucun récit reçu.</p>';
    };

    app.get('/agents/indicateurs', page, async (request, reply) => {
      const { query, problems } = readFilters(request.query);
      const scope = scopeOf(request, reply, query.procedure);
      if (!scope) return reply;
      const { period, cut } = periodOf(query);
      if (cut) problems.push(`Période limitée aux ${MAX_WEEKS} dernières semaines : elle commence le ${period.from}.`);
      const result = await options.limitedStats(reply, () =>
        db(() =>
          Promise.all([
            weeklyIndicators(store, { period, scope, procedure: query.procedure }),
            knownProcedures(store.reader, scope),
            storyProcedures(scope),
            storiesByProcedure(scope, query.procedure),
          ]),
        ),
      );
      if (!Array.isArray(result)) return result;
      const [indicators, withOpinions, withStories, byProcedure] = result;
      const procedures = [...new Set([...withOpinions, ...withStories])].sort();
      return render(
        request,
        reply,
        `Indicateurs${query.procedure ? ` – ${query.procedure}` : ''}`,
        indicatorsMain(indicators, { procedures, csrfField, problems, storiesByProcedure: byProcedure }),
      );
    });

    app.post('/agents/indicateurs.csv', form, async (request, reply) => {
      const { query, problems } = readFilters(request.body);
      if (problems.length) {
        return sendPage(reply, layout('Export impossible', `<h1>Export impossible</h1><ul>${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul><p><a href="/agents/indicateurs">Revenir aux indicateurs</a></p>`), 400);
      }
      const scope = scopeOf(request, reply, query.procedure);
      if (!scope) return reply;
      const { period } = periodOf(query);
      const result = await options.limitedStats(reply, () => db(() => weeklyIndicators(store, { period, scope, procedure: query.procedure, perProcedure: true })));
      if (!('weeks' in result)) return result;
      await audit(store, request.agent!, 'export-indicateurs', null, `${describeFilters({ ...(query.procedure ? { procedure: query.procedure } : {}) }, scope)} ; du=${period.from} ; au=${period.to}`);
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="indicateurs-${query.procedure ?? 'toutes-demarches'}-${period.from}-${period.to}.csv"`)
        .header('Cache-Control', 'no-store')
        .send(indicatorsCsv(result));
    });

    app.get('/agents/journal', page, async (request, reply) => {
      if (!request.agent!.roles.includes('administrator')) return forbidden(reply, 'Le journal est réservé aux administrateurs.');
      const rows = await db(() => store.reader.selectFrom('story_audit').selectAll().orderBy('at', 'desc').limit(200).execute());
      return render(
        request,
        reply,
        'Journal des actions',
        `<h1>Journal des actions</h1>
${rows.length ? `<div class="table table-scroll"><table><caption>Les 200 dernières actions des agents, les plus récentes d’abord</caption><thead><tr><th scope="col">Quand</th><th scope="col">Qui</th><th scope="col">Action</th><th scope="col">Récit</th><th scope="col">Détail</th></tr></thead><tbody>${rows
          .map((r) => `<tr><th scope="row">${escapeHtml(r.at)}</th><td>${escapeHtml(r.agent_name)} (${escapeHtml(r.agent_id)})</td><td>${escapeHtml(r.action)}</td><td>${escapeHtml(r.story_id ?? '—')}</td><td>${escapeHtml(r.details ?? '')}</td></tr>`)
          .join('')}</tbody></table></div>` : '<p>Aucune action enregistrée.</p>'}`,
      );
    });

    installAgentsAdmin(app, { store, page, form, render, forbidden, csrfField, db, audit });

    app.post('/agents/deconnexion', form, async (request, reply) => {
      await audit(store, request.agent!, 'deconnexion', null);
      return options.signOut(request, reply);
    });
  });
}
