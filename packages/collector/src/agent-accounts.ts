/**
 * The agents of the back office, kept in the database (table `agent_accounts`, migration 004).
 *
 * Bootstrap rule: AIDE_AGENTS is read at every start. An agent it lists who is not in the database yet is added
 * (with the roles, service and procedures written there); an agent already in the database is left as the
 * administrators' page made it (the page is the authority once an agent exists). One exception keeps the service
 * reachable: when the database holds no active administrator at all, the administrators listed in AIDE_AGENTS are
 * reactivated with their listed roles, so the first administrator can never be locked out for good.
 *
 * The sign-in and every request read the agent here: a change of roles, procedures or service applies to the
 * next request, and a deactivated agent's sessions are deleted at once.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Store, Schema } from './store/index.ts';
import type { AgentRole } from './agents.ts';
import type { AgentEntry } from './sign-in.ts';

export type AgentAccount = Schema['agent_accounts'];

export const AGENT_ROLES: readonly AgentRole[] = ['moderator', 'responder', 'administrator'];

const newId = () => randomBytes(16).toString('base64url').slice(0, 22);

/** Roles and procedures as the pages use them (the columns hold JSON). */
export function readAccount(row: Pick<AgentAccount, 'roles' | 'procedures'>): { roles: AgentRole[]; procedures: string[] | '*' } {
  const roles = (JSON.parse(row.roles) as string[]).filter((r): r is AgentRole => (AGENT_ROLES as readonly string[]).includes(r));
  const parsed = JSON.parse(row.procedures) as unknown;
  const procedures = parsed === '*' ? '*' : Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
  return { roles, procedures };
}

/** The JSON text of the roles column, in a fixed order (so that « holds administrator » is one LIKE). */
export const rolesColumn = (roles: readonly AgentRole[]) => JSON.stringify(AGENT_ROLES.filter((r) => roles.includes(r)));

/** True for rows whose roles include administrator (the roles column is a JSON array of fixed words). */
export const isAdministratorRow = sql<boolean>`roles like '%"administrator"%'`;

/** Adds the listed agents that are not in the database; restores the listed administrators if none is active. */
export async function seedAgents(store: Store, entries: readonly AgentEntry[]): Promise<void> {
  const now = new Date().toISOString();
  for (const entry of entries) {
    await store.db
      .insertInto('agent_accounts')
      .values({
        id: newId(),
        email: entry.email.toLowerCase(),
        name: '',
        roles: rolesColumn(entry.roles),
        service: entry.service.slice(0, 200),
        procedures: JSON.stringify(entry.procedures),
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .execute();
  }
  const admins = await store.db.selectFrom('agent_accounts').select((eb) => eb.fn.countAll<number | string>().as('n')).where('active', '=', 1).where(isAdministratorRow).executeTakeFirstOrThrow();
  if (Number(admins.n) > 0) return;
  for (const entry of entries.filter((e) => e.roles.includes('administrator'))) {
    await store.db
      .updateTable('agent_accounts')
      .set({ active: 1, roles: rolesColumn(entry.roles), updated_at: now })
      .where('email', '=', entry.email.toLowerCase())
      .execute();
  }
}

/** The active agent with this e-mail, or undefined (unknown or deactivated). */
export async function activeAgent(store: Store, email: string): Promise<AgentAccount | undefined> {
  return store.db.selectFrom('agent_accounts').selectAll().where('email', '=', email.toLowerCase()).where('active', '=', 1).executeTakeFirst();
}
