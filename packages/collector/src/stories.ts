/**
 * People's stories (issue 13), the service side of the contract in the README (« Récits ») :
 * - POST /api/v1/stories: validated, masked with @aide/masking BEFORE anything is stored or logged (only the masked
 *   text and the kinds/counts of what was masked are kept), exactly once per Idempotency-Key, status « pending »;
 * - GET /api/v1/stories/follow/<token> and /suivi/<token>: the person's private follow link (JSON and HTML);
 * - /experiences/<procedure>, /api/v1/experiences, /experiences/<procedure>/feed.atom: published stories only.
 *
 * The follow token and the public id are HMACs of the Idempotency-Key with a secret kept by the database, so a
 * replay gets the same answer without either being stored: the database keeps the sha256 of the key (the row's id)
 * and the sha256 of the follow token, never the key or the token.
 */
import { createHash, createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { maskPersonalData } from '#masking';
import { toWriteError, type Store, type StoryTable, type WriteOutcome } from './store/index.ts';
import { CHANNELS, FEELINGS, PROCEDURE_ID, STORY_MAX_CHARACTERS, experiencesQuery, storyBody, type StoryBody } from './schemas.ts';
import { CHANNEL_LABELS, FEELING_LABELS, escapeHtml, frenchDate, layout, paragraphs, sendPage } from './html.ts';
import type { ApiError } from './http-errors.ts';

export interface StoriesOptions {
  store: Store;
  /** The key of the request (a UUID), or null after answering 400. */
  idempotencyKey: (request: FastifyRequest, reply: FastifyReply) => string | null;
  canonicalHash: (value: unknown) => string;
  /** https://avis.exemple.gouv.fr — the links given to people; otherwise the request's own origin. */
  publicUrl?: string | undefined;
  /** Stories per client per hour. */
  perClientPerHour: number;
  /** Stories per minute, every client together (every instance on one PostgreSQL together). */
  globalPerMinute: number;
}

const PAGE_SIZE = 20;
/** Pages beyond this one are not served (an OFFSET has a cost): 20,000 stories per filter. */
const MAX_PAGE = 1000;
const FEED_SIZE = 50;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Clear words for each field of the form, in the API's error format (the widget shows them beside the field). */
const FIELD_MESSAGES: Record<string, string> = {
  '/procedure': 'La démarche est manquante ou mal écrite (lettres minuscules, chiffres, « - », « . », « _ »).',
  '/step': 'L’étape de la démarche est mal écrite (80 caractères au plus).',
  '/text': `Racontez ce qui s’est passé : entre 1 et ${STORY_MAX_CHARACTERS} caractères.`,
  '/feeling': `Dites comment vous l’avez vécu : ${FEELINGS.join(', ')}.`,
  '/channel': `Dites comment vous avez fait la démarche : ${CHANNELS.join(', ')}.`,
  '/consent': 'Acceptez les règles de publication pour envoyer votre récit.',
  '/locale': 'Langue inconnue : fr, en ou ar.',
  '/clientCreatedAt': 'Date de création mal écrite (format ISO 8601).',
};

type ValidationError = { instancePath: string; params: Record<string, unknown> };
const fieldErrors = (errors: ValidationError[]) => {
  const fields = new Map<string, string>();
  for (const e of errors) {
    const extra = e.params.additionalProperty as string | undefined;
    const field = extra ? `/${extra}` : e.instancePath || (e.params.missingProperty ? `/${e.params.missingProperty as string}` : '/');
    if (!fields.has(field)) fields.set(field, extra ? `champ inconnu « ${extra} »` : (FIELD_MESSAGES[field] ?? 'Le corps de la requête doit être un objet JSON.'));
  }
  return [...fields].map(([field, message]) => ({ field, message }));
};

const invalid = (reply: FastifyReply, fields: { field: string; message: string }[]) =>
  reply.status(400).send({ error: 'invalid_body', message: 'Le récit ne peut pas être enregistré : corrigez les champs indiqués.', fields } satisfies ApiError);

/** A read that meets an absent database answers 503 like a write. */
async function read<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toWriteError(error);
  }
}

interface PublicStory {
  id: string;
  maskedText: string;
  feeling: string;
  channel: string;
  publishedAt: string;
  answer?: PublicAnswer;
}

/** An answer as the public and the person see it; `updatedAt` once it was edited after publication. */
interface PublicAnswer {
  text: string;
  signedBy: string;
  answeredAt: string;
  updatedAt?: string;
}

const answerOf = (row: StoryTable): { answer?: PublicAnswer } =>
  row.answer_text && row.answer_service && row.answered_at
    ? { answer: { text: row.answer_text, signedBy: row.answer_service, answeredAt: row.answered_at, ...(row.answer_updated_at ? { updatedAt: row.answer_updated_at } : {}) } }
    : {};

/** « Répondu le 7 décembre 2026. Réponse modifiée le 8 décembre 2026. » */
const answerDates = (answer: PublicAnswer) =>
  `Répondu le ${escapeHtml(frenchDate(answer.answeredAt))}.${answer.updatedAt ? ` Réponse modifiée le ${escapeHtml(frenchDate(answer.updatedAt))}.` : ''}`;

const publicStory = (row: StoryTable): PublicStory => ({
  id: row.public_id,
  maskedText: row.masked_text,
  feeling: row.feeling,
  channel: row.channel,
  publishedAt: row.moderated_at ?? row.received_at,
  ...answerOf(row),
});

export interface Indicators {
  /** Published stories. */
  stories: number;
  /** Share of the published stories that have an answer (0..1), null without stories. */
  answeredShare: number | null;
  /** Median time from the story's arrival to its answer, in hours (null without answers). */
  medianAnswerHours: number | null;
}

/** Counted by the database, on the (procedure, status, …) index; the median reads one or two rows of the answered. */
export async function storyIndicators(store: Store, procedure: string | null): Promise<Indicators> {
  const db = store.reader;
  let base = db.selectFrom('stories').where('status', '=', 'published');
  if (procedure) base = base.where('procedure', '=', procedure);
  const counts = await base
    .select((eb) => [eb.fn.countAll<number | string>().as('stories'), eb.fn.count<number | string>('answered_at').as('answered')])
    .executeTakeFirstOrThrow();
  const stories = Number(counts.stories);
  const answered = Number(counts.answered);
  let median: number | null = null;
  if (answered > 0) {
    const hours =
      store.kind === 'postgres'
        ? sql<number>`extract(epoch from (answered_at::timestamptz - received_at::timestamptz)) / 3600.0`
        : sql<number>`(julianday(answered_at) - julianday(received_at)) * 24.0`;
    const middle = await base
      .where('answered_at', 'is not', null)
      .select(hours.as('hours'))
      .orderBy(hours)
      .limit(answered % 2 === 0 ? 2 : 1)
      .offset(Math.floor((answered - 1) / 2))
      .execute();
    median = Math.round((middle.reduce((sum, r) => sum + Number(r.hours), 0) / middle.length) * 10) / 10;
  }
  return { stories, answeredShare: stories === 0 ? null : Math.round((answered / stories) * 1000) / 1000, medianAnswerHours: median };
}

async function publishedPage(store: Store, procedure: string, feeling: string | undefined, page: number) {
  let base = store.reader.selectFrom('stories').where('procedure', '=', procedure).where('status', '=', 'published');
  if (feeling) base = base.where('feeling', '=', feeling as StoryTable['feeling']);
  const total = Number((await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('moderated_at', 'desc')
    .orderBy('public_id')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  return { items: rows.map(publicStory), page, pages: Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / PAGE_SIZE))), total };
}

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
const hoursText = (h: number | null) => (h === null ? 'pas encore de réponse' : h < 48 ? `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(h)} h` : `${Math.round(h / 24)} jours`);

function storyArticle(story: PublicStory, headingLevel: 2 | 3): string {
  const h = `h${headingLevel}`;
  const sub = `h${headingLevel + 1}`;
  return `<article class="story" id="recit-${escapeHtml(story.id)}">
<${h}>Expérience publiée le ${escapeHtml(frenchDate(story.publishedAt))}</${h}>
<p class="meta">Ressenti : ${escapeHtml(FEELING_LABELS[story.feeling] ?? story.feeling)}. Démarche faite : ${escapeHtml((CHANNEL_LABELS[story.channel] ?? story.channel).toLowerCase())}.</p>
${paragraphs(story.maskedText)}
${
  story.answer
    ? `<section class="answer" aria-label="Réponse de ${escapeHtml(story.answer.signedBy)}"><${sub}>Réponse de ${escapeHtml(story.answer.signedBy)}</${sub}>
${paragraphs(story.answer.text)}
<p class="meta">${answerDates(story.answer)}</p></section>`
    : '<p class="meta">L’administration n’a pas encore répondu.</p>'
}
</article>`;
}

export function installStories(app: FastifyInstance, options: StoriesOptions): void {
  const { store } = options;
  let secret: string | null = null;
  const links = async (key: string) => {
    secret ??= await store.sharedSecret('story-links');
    const hmac = (purpose: string) => createHmac('sha256', secret!).update(`${purpose}:${key}`).digest('base64url');
    return { followToken: hmac('follow'), publicId: hmac('public').slice(0, 16) };
  };
  const origin = (request: FastifyRequest) => options.publicUrl ?? `${request.protocol}://${request.host}`;

  app.post<{ Body: StoryBody }>(
    '/api/v1/stories',
    {
      schema: { body: storyBody },
      attachValidation: true,
      // A story may hold 2,000 characters of any script, escaped in JSON: more room than an opinion.
      bodyLimit: 32 * 1024,
      config: { rateLimit: { max: options.perClientPerHour, timeWindow: 3_600_000, groupId: 'story' } },
    },
    async (request, reply) => {
      if (request.validationError) return invalid(reply, fieldErrors((request.validationError as unknown as { validation: ValidationError[] }).validation));
      const key = options.idempotencyKey(request, reply);
      if (!key) return reply;
      const body = request.body;
      const text = body.text.trim();
      if (text.length === 0 || [...text].length > STORY_MAX_CHARACTERS) return invalid(reply, [{ field: '/text', message: FIELD_MESSAGES['/text']! }]);
      const global = await store.counters.incr('stories:global', 60_000).catch(() => null);
      if (global && global.count > options.globalPerMinute) {
        return reply
          .status(429)
          .header('Retry-After', String(Math.max(1, Math.ceil(global.ttlMs / 1000))))
          .send({ error: 'too_many_stories', message: 'Beaucoup de récits arrivent en ce moment : votre récit sera renvoyé automatiquement dans un instant.' } satisfies ApiError);
      }
      // Masked before anything else sees the text: only this version is stored (the widget masked it already; the
      // service never trusts that).
      const masked = maskPersonalData(text, { locale: body.locale ?? 'fr' });
      const kinds = new Map<string, number>();
      for (const f of masked.found) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
      const maskedKinds = [...kinds].map(([kind, count]) => ({ kind, count }));
      const hash = options.canonicalHash(body);
      const { followToken, publicId } = await links(key);
      const outcome: WriteOutcome = await store.write({
        table: 'stories',
        row: {
          id: sha256(key),
          public_id: publicId,
          follow_hash: sha256(followToken),
          body_hash: hash,
          procedure: body.procedure,
          step: body.step ?? null,
          masked_text: masked.text,
          masked_kinds: JSON.stringify(maskedKinds),
          feeling: body.feeling,
          channel: body.channel,
          locale: body.locale ?? null,
          client_created_at: body.clientCreatedAt ?? null,
          received_at: new Date().toISOString(),
          status: 'pending',
        },
      });
      if (outcome.bodyHash !== hash) {
        return reply.status(409).send({ error: 'idempotency_key_reused', message: 'Cette clé a déjà servi pour une autre requête.' } satisfies ApiError);
      }
      return reply.status(201).send({
        id: publicId,
        followToken,
        followUrl: `${origin(request)}/suivi/${followToken}`,
        maskedText: masked.text,
        masked: maskedKinds,
        status: 'pending',
        receivedAt: outcome.receivedAt,
      });
    },
  );

  const findByToken = async (token: string) => (TOKEN.test(token) ? read(() => store.reader.selectFrom('stories').selectAll().where('follow_hash', '=', sha256(token)).executeTakeFirst()) : undefined);
  const publicUrl = (request: FastifyRequest, row: StoryTable) => `${origin(request)}/experiences/${row.procedure}#recit-${row.public_id}`;

  app.get<{ Params: { token: string } }>('/api/v1/stories/follow/:token', async (request, reply) => {
    const row = await findByToken(request.params.token);
    void reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer');
    if (!row) return reply.status(404).send({ error: 'story_not_found', message: 'Aucun récit ne correspond à ce lien de suivi : vérifiez qu’il est complet.' } satisfies ApiError);
    return {
      id: row.public_id,
      procedure: row.procedure,
      status: row.status,
      ...(row.status === 'refused' && row.refusal_reason ? { refusalReason: row.refusal_reason } : {}),
      maskedText: row.masked_text,
      feeling: row.feeling,
      channel: row.channel,
      createdAt: row.received_at,
      ...answerOf(row),
      ...(row.status === 'published' ? { publicUrl: publicUrl(request, row) } : {}),
    };
  });

  app.get<{ Params: { token: string } }>('/suivi/:token', async (request, reply) => {
    const row = await findByToken(request.params.token);
    if (!row) {
      return sendPage(reply, layout('Lien de suivi inconnu', '<h1>Lien de suivi inconnu</h1><p>Aucun récit ne correspond à ce lien. Vérifiez qu’il est complet : il a été donné après l’envoi du récit.</p>'), 404);
    }
    const status =
      row.status === 'pending'
        ? '<p class="status">Votre récit est <strong>en attente de relecture</strong> : une personne de l’administration le relit avant de le publier.</p>'
        : row.status === 'published'
          ? `<p class="status">Votre récit est <strong>publié</strong> : <a href="${escapeHtml(publicUrl(request, row))}">le voir sur la page publique de la démarche</a>.</p>`
          : `<p class="status">Votre récit <strong>n’a pas été publié</strong>.${row.refusal_reason ? ` Motif : ${escapeHtml(row.refusal_reason)}` : ''}</p>`;
    const { answer: given } = answerOf(row);
    const answer = given
        ? `<section class="answer" aria-labelledby="reponse"><h2 id="reponse">Réponse de ${escapeHtml(given.signedBy)}</h2>${paragraphs(given.text)}<p class="meta">${answerDates(given)}</p></section>`
        : '<h2>Réponse</h2><p>L’administration n’a pas encore répondu. Revenez sur ce lien plus tard.</p>';
    return sendPage(
      reply,
      layout(
        'Suivi de votre expérience',
        `<h1>Suivi de votre expérience</h1>
${status}
<p>Gardez ce lien : il est le seul moyen de retrouver votre récit (aucun compte n’est créé). Vous pouvez imprimer cette page.</p>
<h2>Votre récit, envoyé le ${escapeHtml(frenchDate(row.received_at))}</h2>
<p class="meta">Démarche : ${escapeHtml(row.procedure)}. Ressenti : ${escapeHtml(FEELING_LABELS[row.feeling] ?? row.feeling)}. Démarche faite : ${escapeHtml((CHANNEL_LABELS[row.channel] ?? row.channel).toLowerCase())}.</p>
<div class="story-text">${paragraphs(row.masked_text)}</div>
${answer}`,
        '',
        '<meta name="robots" content="noindex">',
      ),
    );
  });

  type ExperiencesQuery = { procedure: string; page?: string; feeling?: string };
  app.get<{ Querystring: ExperiencesQuery }>('/api/v1/experiences', { schema: { querystring: experiencesQuery } }, async (request, reply) => {
    const { procedure, feeling } = request.query;
    const page = Number(request.query.page ?? '1');
    const [list, indicators] = await read(() => Promise.all([publishedPage(store, procedure, feeling, Math.min(page, MAX_PAGE)), storyIndicators(store, procedure)]));
    // Public data: any site may read it (the widget <aide-experiences> on the administration's pages).
    return reply
      .header('Access-Control-Allow-Origin', '*')
      .header('Cache-Control', 'public, max-age=60')
      .send({ procedure, indicators, items: list.items, total: list.total, page: list.page, pages: list.pages });
  });

  app.get<{ Params: { procedure: string }; Querystring: { page?: string; feeling?: string } }>('/experiences/:procedure', async (request, reply) => {
    const { procedure } = request.params;
    if (!PROCEDURE_ID.test(procedure)) return sendPage(reply, layout('Démarche inconnue', '<h1>Démarche inconnue</h1><p>Cette adresse ne correspond à aucune démarche.</p>'), 404);
    const feeling = FEELINGS.find((f) => f === request.query.feeling);
    const page = /^[1-9][0-9]{0,3}$/.test(request.query.page ?? '') ? Math.min(Number(request.query.page), MAX_PAGE) : 1;
    const [list, indicators] = await read(() => Promise.all([publishedPage(store, procedure, feeling, page), storyIndicators(store, procedure)]));
    const link = (p: number) => `/experiences/${procedure}?${new URLSearchParams({ ...(feeling ? { feeling } : {}), page: String(p) }).toString()}`;
    const pagination =
      list.pages > 1
        ? `<nav class="pagination" aria-label="Pages des expériences"><ul>
${page > 1 ? `<li><a href="${escapeHtml(link(page - 1))}">Page précédente</a></li>` : ''}
<li><a href="${escapeHtml(link(page))}" aria-current="page">Page ${page} sur ${list.pages}</a></li>
${page < list.pages ? `<li><a href="${escapeHtml(link(page + 1))}">Page suivante</a></li>` : ''}
</ul></nav>`
        : '';
    const options = ['<option value="">Tous les ressentis</option>', ...FEELINGS.map((f) => `<option value="${f}"${f === feeling ? ' selected' : ''}>${FEELING_LABELS[f]}</option>`)].join('');
    const main = `<h1>Expériences des usagers : ${escapeHtml(procedure)}</h1>
<p>Des personnes racontent comment s’est passée leur démarche ; l’administration leur répond publiquement. Les récits sont relus avant publication et les données personnelles en sont retirées.</p>
<h2>En chiffres</h2>
<ul class="indicators">
<li><strong>${indicators.stories}</strong> expérience${indicators.stories > 1 ? 's' : ''} publiée${indicators.stories > 1 ? 's' : ''}</li>
<li><strong>${percent(indicators.answeredShare)}</strong> avec une réponse de l’administration</li>
<li>Délai médian de réponse : <strong>${hoursText(indicators.medianAnswerHours)}</strong></li>
</ul>
<form method="get" action="/experiences/${escapeHtml(procedure)}" class="filters">
<p><label for="feeling">Ressenti</label><select id="feeling" name="feeling">${options}</select></p>
<p><button type="submit">Filtrer</button></p>
</form>
<h2>Expériences publiées, les plus récentes d’abord</h2>
<p>${list.total} expérience${list.total > 1 ? 's' : ''}${feeling ? ` au ressenti « ${FEELING_LABELS[feeling]!.toLowerCase()} »` : ''}${list.pages > 1 ? `, page ${page} sur ${list.pages}` : ''}. <a href="/experiences/${escapeHtml(procedure)}/feed.atom">Suivre par flux Atom</a>.</p>
${list.items.length ? list.items.map((s) => storyArticle(s, 3)).join('\n') : '<p>Aucune expérience publiée pour le moment.</p>'}
${pagination}`;
    return sendPage(
      reply.header('Cache-Control', 'public, max-age=60'),
      layout(`Expériences des usagers – ${procedure}`, main, '', `<link rel="alternate" type="application/atom+xml" title="Expériences publiées – ${escapeHtml(procedure)}" href="/experiences/${escapeHtml(procedure)}/feed.atom">`),
    );
  });

  app.get<{ Params: { procedure: string } }>('/experiences/:procedure/feed.atom', async (request, reply) => {
    const { procedure } = request.params;
    if (!PROCEDURE_ID.test(procedure)) return reply.status(404).send({ error: 'not_found', message: 'Démarche inconnue.' } satisfies ApiError);
    const list = await read(() => store.reader.selectFrom('stories').selectAll().where('procedure', '=', procedure).where('status', '=', 'published').orderBy('moderated_at', 'desc').limit(FEED_SIZE).execute());
    const base = origin(request);
    const page = `${base}/experiences/${procedure}`;
    // An entry is updated when it is published, answered, and each time its answer is edited.
    const updated = (r: StoryTable) => [r.moderated_at ?? r.received_at, r.answered_at ?? '', r.answer_updated_at ?? ''].sort().pop()!;
    const latest = list.map(updated).sort().pop() ?? '1970-01-01T00:00:00.000Z';
    const x = escapeHtml;
    const entries = list.map((r) => {
      const s = publicStory(r);
      const content = `${s.maskedText}${s.answer ? `\n\nRéponse de ${s.answer.signedBy} :\n${s.answer.text}${s.answer.updatedAt ? `\n\nRéponse modifiée le ${frenchDate(s.answer.updatedAt)}.` : ''}` : ''}`;
      return `<entry>
<id>${x(`${page}#recit-${s.id}`)}</id>
<title>${x(`Expérience ${(FEELING_LABELS[s.feeling] ?? s.feeling).toLowerCase()}${s.answer ? ', avec réponse' : ''}`)}</title>
<published>${x(s.publishedAt)}</published>
<updated>${x(updated(r))}</updated>
<link rel="alternate" type="text/html" href="${x(`${page}#recit-${s.id}`)}"/>
<content type="text">${x(content)}</content>
</entry>`;
    });
    const feed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
<title>${x(`Expériences des usagers – ${procedure}`)}</title>
<id>${x(page)}</id>
<updated>${x(latest)}</updated>
<author><name>Aide numérique</name></author>
<link rel="self" type="application/atom+xml" href="${x(`${page}/feed.atom`)}"/>
<link rel="alternate" type="text/html" href="${x(page)}"/>
${entries.join('\n')}
</feed>`;
    return reply.header('Content-Type', 'application/atom+xml; charset=utf-8').header('Cache-Control', 'public, max-age=300').header('Access-Control-Allow-Origin', '*').send(feed);
  });
}
