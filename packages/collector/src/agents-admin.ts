/**
 * The administrators' page for agents (/agents/comptes): list them, add one, change their roles, service and
 * procedures, deactivate or reactivate them. Server-rendered, without JavaScript, every form with its CSRF token,
 * every change in the audit log. Administrators only: anyone else gets 403 on every route.
 *
 * Two rules keep the back office reachable: an administrator cannot remove their own administrator role, and the
 * last active administrator cannot be deactivated (the database checks it again in the update itself).
 * Procedures offered: those the collector knows (opinions and stories received, procedures already given to agents);
 * others can be typed, checked against the same identifier rule as the API's `procedure`.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { BackOfficeContext } from './back-office.ts';
import type { AgentRole } from './agents.ts';
import { AGENT_ROLES, isAdministratorRow, readAccount, rolesColumn, type AgentAccount } from './agent-accounts.ts';
import type { BackOfficeAgent } from './sign-in.ts';
import { knownProcedures } from './stats.ts';
import { PROCEDURE_ID } from './schemas.ts';
import { errorSummary, escapeHtml, fieldError, layout, sendPage, type FieldError } from './html.ts';

const ROLE_NAMES: Record<AgentRole, string> = {
  moderator: 'Modération : publier ou refuser les récits, masquer davantage',
  responder: 'Réponses : répondre aux récits de ses démarches, signé du nom du service',
  administrator: 'Administration : agents, rôles, démarches, journal',
};
const ROLE_SHORT: Record<AgentRole, string> = { moderator: 'modération', responder: 'réponses', administrator: 'administration' };
const EMAIL = /^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$/;
const MAX_PROCEDURES = 200;

interface AccountFields {
  email: string;
  name: string;
  roles: AgentRole[];
  service: string;
  procedures: string[] | '*';
  /** The « other procedures » field as typed (shown again after an error). */
  others: string;
}

const text = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? body[name].trim() : '');

/** The fields of the add and edit forms, and what is wrong with them (each error tied to its field's id). */
function readForm(raw: unknown, offered: readonly string[], withEmail: boolean): { fields: AccountFields; errors: FieldError[] } {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const email = text(body, 'email').toLowerCase();
  if (withEmail && (!EMAIL.test(email) || email.length > 200)) errors.push(['email', 'Adresse e-mail : écrivez l’adresse professionnelle de l’agent, celle de sa connexion ProConnect (par exemple prenom.nom@caf.fr).']);
  const name = text(body, 'name');
  if (name.length > 200) errors.push(['nom', 'Nom : 200 caractères au plus.']);
  const roles = AGENT_ROLES.filter((r) => body[`role-${r}`] === 'on');
  if (roles.length === 0) errors.push(['role-moderator', 'Rôles : cochez au moins un rôle.']);
  const service = text(body, 'service');
  if (!service || service.length > 200) errors.push(['service', 'Service : écrivez le nom qui signe les réponses (par exemple CAF de la Gironde), 200 caractères au plus.']);
  const others = text(body, 'autres').slice(0, 2000);
  let procedures: string[] | '*';
  if (body['toutes-demarches'] === 'on') procedures = '*';
  else {
    const typed = others.split(/[\s,;]+/).filter(Boolean);
    const wrong = typed.filter((p) => !PROCEDURE_ID.test(p));
    if (wrong.length) errors.push(['autres-demarches', `Autres démarches : « ${wrong.slice(0, 3).join(' », « ').slice(0, 200)} » n’est pas un identifiant de démarche (minuscules, chiffres, points et tirets, comme demande-logement).`]);
    procedures = [...new Set([...offered.filter((p) => body[`demarche-${p}`] === 'on'), ...typed.filter((p) => PROCEDURE_ID.test(p))])].slice(0, MAX_PROCEDURES);
  }
  return { fields: { email, name, roles, service, procedures, others }, errors };
}

const describe = (f: Pick<AccountFields, 'roles' | 'service' | 'procedures'>) =>
  `rôles=${f.roles.join(',')} ; service=${f.service} ; démarches=${f.procedures === '*' ? '*' : f.procedures.join(',')}`;

export function installAgentsAdmin(app: FastifyInstance, context: BackOfficeContext): void {
  const { store, page, form, render, forbidden, csrfField, db } = context;
  const audit = (agent: FastifyRequest['agent'], action: string, details: string) => context.audit(store, agent!, action, null, details);

  /** Every route: administrators only. */
  const admin = (request: FastifyRequest, reply: FastifyReply) => {
    if (request.agent!.roles.includes('administrator')) return true;
    void forbidden(reply, 'La gestion des agents est réservée aux administrateurs.');
    return false;
  };

  const offeredProcedures = async () => {
    const [opinions, stories, accounts] = await Promise.all([
      knownProcedures(store.reader),
      store.reader.selectFrom('stories').select('procedure').distinct().orderBy('procedure').limit(MAX_PROCEDURES).execute(),
      store.db.selectFrom('agent_accounts').select('procedures').execute(),
    ]);
    const given = accounts.flatMap((a) => {
      const p = readAccount({ roles: '[]', procedures: a.procedures }).procedures;
      return p === '*' ? [] : p;
    });
    return [...new Set([...opinions, ...stories.map((s) => s.procedure), ...given])].sort().slice(0, MAX_PROCEDURES);
  };

  /** The fields shared by the add and edit forms. */
  const accountFields = (f: AccountFields, offered: readonly string[], errors: FieldError[], withEmail: boolean) => {
    const email = fieldError(errors, 'email', ['email-aide']);
    const name = fieldError(errors, 'nom');
    const service = fieldError(errors, 'service', ['service-aide']);
    const others = fieldError(errors, 'autres-demarches', ['autres-demarches-aide']);
    const rolesError = errors.find(([field]) => field.startsWith('role-'));
    const check = (name: string, id: string, label: string, checked: boolean) =>
      `<p class="choice"><input type="checkbox" id="${escapeHtml(id)}" name="${escapeHtml(name)}"${checked ? ' checked' : ''}><label for="${escapeHtml(id)}">${escapeHtml(label)}</label></p>`;
    const listed = f.procedures === '*' ? [] : f.procedures;
    return `${withEmail ? `<p><label for="email">Adresse e-mail</label><span class="hint" id="email-aide">Celle de sa connexion ProConnect ; elle ne peut plus être changée ensuite.</span>${email.message}<input type="email" id="email" name="email" value="${escapeHtml(f.email)}" required maxlength="200" autocomplete="off" spellcheck="false"${email.attributes}></p>` : ''}
<p><label for="nom">Nom <span class="hint">(facultatif : sinon celui que donne ProConnect à la connexion)</span></label>${name.message}<input type="text" id="nom" name="name" value="${escapeHtml(f.name)}" maxlength="200" autocomplete="off"${name.attributes}></p>
<fieldset${rolesError ? ' aria-describedby="roles-erreur"' : ''}><legend>Rôles</legend>
${rolesError ? `<p class="error-text" id="roles-erreur">${escapeHtml(rolesError[1])}</p>` : ''}${AGENT_ROLES.map((r) => check(`role-${r}`, `role-${r}`, ROLE_NAMES[r], f.roles.includes(r))).join('\n')}
</fieldset>
<p><label for="service">Service</label><span class="hint" id="service-aide">Le nom qui signe les réponses publiques.</span>${service.message}<input type="text" id="service" name="service" value="${escapeHtml(f.service)}" required maxlength="200"${service.attributes}></p>
<fieldset><legend>Démarches pour lesquelles l’agent répond</legend>
${check('toutes-demarches', 'toutes-demarches', 'Toutes les démarches', f.procedures === '*')}
${offered.map((p) => check(`demarche-${p}`, `demarche-${p}`, p, listed.includes(p))).join('\n')}
<p><label for="autres-demarches">Autres démarches</label><span class="hint" id="autres-demarches-aide">Identifiants séparés par des virgules (par exemple demande-logement, carte-grise).</span>${others.message}<input type="text" id="autres-demarches" name="autres" value="${escapeHtml(f.others)}" autocomplete="off" spellcheck="false"${others.attributes}></p>
</fieldset>`;
  };

  const listPage = async (request: FastifyRequest, reply: FastifyReply, draft: AccountFields, errors: FieldError[], status = 200) => {
    const [rows, offered] = await db(() => Promise.all([store.db.selectFrom('agent_accounts').selectAll().orderBy('email').execute(), offeredProcedures()]));
    const row = (a: AgentAccount) => {
      const { roles, procedures } = readAccount(a);
      return `<tr><th scope="row">${escapeHtml(a.name || '—')}<br><span class="meta">${escapeHtml(a.email)}</span></th><td>${escapeHtml(roles.map((r) => ROLE_SHORT[r]).join(', ') || 'aucun')}</td><td>${escapeHtml(a.service)}</td><td>${escapeHtml(procedures === '*' ? 'toutes' : procedures.join(', ') || 'aucune')}</td><td>${a.active ? 'Actif' : 'Désactivé'}</td><td><a class="target" href="/agents/comptes/${escapeHtml(a.id)}">Modifier<span class="visually-hidden"> ${escapeHtml(a.email)}</span></a></td></tr>`;
    };
    return render(
      request,
      reply,
      errors.length ? 'Erreur – Agents' : 'Agents',
      `<h1>Agents</h1>
<p>Les agents se connectent avec ProConnect ; leur adresse e-mail doit être inscrite ici. Un changement s’applique dès la page suivante de l’agent ; un agent désactivé est déconnecté aussitôt. Les agents de la variable AIDE_AGENTS sont inscrits au démarrage s’ils ne le sont pas déjà.</p>
<div class="table table-scroll"><table><caption>${rows.length} agent${rows.length > 1 ? 's' : ''} inscrit${rows.length > 1 ? 's' : ''}</caption><thead><tr><th scope="col">Agent</th><th scope="col">Rôles</th><th scope="col">Service</th><th scope="col">Démarches</th><th scope="col">État</th><th scope="col">Action</th></tr></thead><tbody>${rows.map(row).join('')}</tbody></table></div>
<h2 id="ajouter">Ajouter un agent</h2>
${errorSummary(errors)}
<form method="post" action="/agents/comptes" aria-labelledby="ajouter" novalidate>${csrfField}
${accountFields(draft, offered, errors, true)}
<p><button type="submit">Ajouter l’agent</button></p></form>`,
      status,
    );
  };

  const editPage = async (request: FastifyRequest, reply: FastifyReply, account: AgentAccount, draft: AccountFields | null, errors: FieldError[], status = 200) => {
    const offered = await db(() => offeredProcedures());
    const current = readAccount(account);
    const fields = draft ?? { email: account.email, name: account.name, roles: current.roles, service: account.service, procedures: current.procedures, others: '' };
    const id = escapeHtml(account.id);
    const accessError = errors.find(([field]) => field === 'acces');
    return render(
      request,
      reply,
      `${errors.length ? 'Erreur – ' : ''}Modifier l’agent ${account.email}`,
      `<h1>Modifier l’agent ${escapeHtml(account.email)}</h1>
<p>${account.active ? 'Compte actif.' : 'Compte désactivé : l’agent ne peut plus se connecter.'}</p>
${errorSummary(errors)}
<form method="post" action="/agents/comptes/${id}" novalidate>${csrfField}
${accountFields(fields, offered, errors.filter(([field]) => field !== 'acces'), false)}
<p><button type="submit">Enregistrer les changements</button></p></form>
<h2>Accès</h2>
<form method="post" action="/agents/comptes/${id}/${account.active ? 'desactiver' : 'reactiver'}">${csrfField}
<p>${account.active ? 'Désactiver le compte ferme aussitôt les sessions ouvertes de l’agent ; il reste dans le journal.' : 'Réactiver le compte rend à l’agent ses rôles ci-dessus.'}</p>
${accessError ? `<p class="error-text" id="acces-erreur">${escapeHtml(accessError[1])}</p>` : ''}<p><button type="submit" id="acces" class="secondary"${accessError ? ' aria-describedby="acces-erreur"' : ''}>${account.active ? 'Désactiver' : 'Réactiver'} le compte<span class="visually-hidden"> de ${escapeHtml(account.email)}</span></button></p></form>
<p><a class="target" href="/agents/comptes">Revenir à la liste des agents</a></p>`,
      status,
    );
  };

  const findAccount = (id: string) => db(() => store.db.selectFrom('agent_accounts').selectAll().where('id', '=', id).executeTakeFirst());
  const unknown = (reply: FastifyReply) => sendPage(reply, layout('Agent inconnu', '<h1>Agent inconnu</h1><p><a class="target" href="/agents/comptes">Revenir à la liste des agents</a></p>'), 404);
  const empty: AccountFields = { email: '', name: '', roles: [], service: '', procedures: [], others: '' };

  app.get('/agents/comptes', page, async (request, reply) => {
    if (!admin(request, reply)) return reply;
    return listPage(request, reply, empty, []);
  });

  app.post('/agents/comptes', form, async (request, reply) => {
    if (!admin(request, reply)) return reply;
    const { fields, errors } = readForm(request.body, await db(() => offeredProcedures()), true);
    if (!errors.length && (await db(() => store.db.selectFrom('agent_accounts').select('id').where('email', '=', fields.email).executeTakeFirst()))) {
      errors.push(['email', `Adresse e-mail : ${fields.email} est déjà inscrit ; modifiez-le dans la liste.`]);
    }
    if (errors.length) return listPage(request, reply, fields, errors, 400);
    const now = new Date().toISOString();
    const inserted = await db(() =>
      store.db
        .insertInto('agent_accounts')
        .values({ id: randomBytes(16).toString('base64url').slice(0, 22), email: fields.email, name: fields.name, roles: rolesColumn(fields.roles), service: fields.service, procedures: JSON.stringify(fields.procedures), active: 1, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('email').doNothing())
        .executeTakeFirst(),
    );
    // Sent twice (a double click): the first one added the agent.
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) await audit(request.agent, 'agent-ajout', `agent=${fields.email} ; ${describe(fields)}`);
    return reply.redirect('/agents/comptes?message=agent-ajoute', 303);
  });

  app.get<{ Params: { id: string } }>('/agents/comptes/:id', page, async (request, reply) => {
    if (!admin(request, reply)) return reply;
    const account = await findAccount(request.params.id);
    if (!account) return unknown(reply);
    return editPage(request, reply, account, null, []);
  });

  app.post<{ Params: { id: string } }>('/agents/comptes/:id', form, async (request, reply) => {
    if (!admin(request, reply)) return reply;
    const account = await findAccount(request.params.id);
    if (!account) return unknown(reply);
    const { fields, errors } = readForm(request.body, await db(() => offeredProcedures()), false);
    const self = (request.agent as BackOfficeAgent).accountId === account.id;
    const before = readAccount(account);
    const losesAdministrator = before.roles.includes('administrator') && !fields.roles.includes('administrator');
    if (self && losesAdministrator) errors.push(['role-administrator', 'Rôles : vous ne pouvez pas retirer votre propre rôle d’administration. Demandez-le à un autre administrateur.']);
    if (errors.length) return editPage(request, reply, account, { ...fields, email: account.email }, errors, 400);
    let update = store.db
      .updateTable('agent_accounts')
      .set({ name: fields.name, roles: rolesColumn(fields.roles), service: fields.service, procedures: JSON.stringify(fields.procedures), updated_at: new Date().toISOString() })
      .where('id', '=', account.id);
    // Never the last active administrator (checked again here, in the same statement).
    if (losesAdministrator) update = update.where(sql<boolean>`(select count(*) from agent_accounts where active = 1 and ${isAdministratorRow}) > 1`);
    const result = await db(() => update.executeTakeFirst());
    if (Number(result.numUpdatedRows) === 0) {
      return editPage(request, reply, account, { ...fields, email: account.email }, [['role-administrator', 'Rôles : c’est le dernier administrateur actif ; nommez d’abord un autre administrateur.']], 409);
    }
    await audit(request.agent, 'agent-modification', `agent=${account.email} ; avant : ${describe({ ...before, service: account.service })} ; après : ${describe(fields)}`);
    return reply.redirect('/agents/comptes?message=agent-modifie', 303);
  });

  app.post<{ Params: { id: string } }>('/agents/comptes/:id/desactiver', form, async (request, reply) => {
    if (!admin(request, reply)) return reply;
    const account = await findAccount(request.params.id);
    if (!account) return unknown(reply);
    if (!account.active) return reply.redirect('/agents/comptes?message=agent-desactive', 303);
    const refuse = (message: string) => editPage(request, reply, account, null, [['acces', message]], 409);
    const admins = await db(() => store.db.selectFrom('agent_accounts').select((eb) => eb.fn.countAll<number | string>().as('n')).where('active', '=', 1).where(isAdministratorRow).executeTakeFirstOrThrow());
    const isAdministrator = readAccount(account).roles.includes('administrator');
    if (isAdministrator && Number(admins.n) <= 1) return refuse('C’est le dernier administrateur actif : il ne peut pas être désactivé. Nommez d’abord un autre administrateur.');
    if ((request.agent as BackOfficeAgent).accountId === account.id) return refuse('Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.');
    let update = store.db.updateTable('agent_accounts').set({ active: 0, updated_at: new Date().toISOString() }).where('id', '=', account.id).where('active', '=', 1);
    if (isAdministrator) update = update.where(sql<boolean>`(select count(*) from agent_accounts where active = 1 and ${isAdministratorRow}) > 1`);
    const result = await db(() => update.executeTakeFirst());
    if (Number(result.numUpdatedRows) === 0) return refuse('C’est le dernier administrateur actif : il ne peut pas être désactivé. Nommez d’abord un autre administrateur.');
    // Open sessions end now (the session guard also reads the account at every request).
    await db(() => store.db.deleteFrom('agent_sessions').where('agent_id', '=', account.email).execute());
    await audit(request.agent, 'agent-desactivation', `agent=${account.email}`);
    return reply.redirect('/agents/comptes?message=agent-desactive', 303);
  });

  app.post<{ Params: { id: string } }>('/agents/comptes/:id/reactiver', form, async (request, reply) => {
    if (!admin(request, reply)) return reply;
    const account = await findAccount(request.params.id);
    if (!account) return unknown(reply);
    const result = await db(() => store.db.updateTable('agent_accounts').set({ active: 1, updated_at: new Date().toISOString() }).where('id', '=', account.id).where('active', '=', 0).executeTakeFirst());
    if (Number(result.numUpdatedRows) > 0) await audit(request.agent, 'agent-reactivation', `agent=${account.email}`);
    return reply.redirect('/agents/comptes?message=agent-reactive', 303);
  });
}
