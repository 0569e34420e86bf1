/** Queries for accounts that sign in through an external identity provider (NHS CIS2): the link by subject and the memberships its claims give. */
import type { Executor } from '../../db/executor.ts';
import type { OrganisationKind, Role } from './roles.rules.ts';

/** The organisations we know by these ODS codes, with their id and kind. */
export async function organisationsByOdsCodes(
  db: Executor,
  odsCodes: readonly string[],
): Promise<Map<string, { id: string; kind: OrganisationKind }>> {
  if (odsCodes.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'ods_code', 'kind'])
    .where('ods_code', 'in', [...new Set(odsCodes)])
    .execute();
  return new Map(rows.map((row) => [row.ods_code!, { id: row.id, kind: row.kind as OrganisationKind }]));
}

/** The account linked to the provider's subject, active or not. */
export async function findFederatedUser(
  db: Executor,
  identity: { issuer: string; subject: string },
): Promise<{ userId: string; isActive: boolean } | undefined> {
  const row = await db
    .selectFrom('federated_identities as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select(['u.id', 'u.is_active'])
    .where('f.issuer', '=', identity.issuer)
    .where('f.subject', '=', identity.subject)
    .executeTakeFirst();
  return row && { userId: row.id, isActive: row.is_active };
}

/** Creates an account with no password, linked to the provider's subject; the email is kept only when no other account has it. */
export async function insertFederatedUser(
  db: Executor,
  user: { issuer: string; subject: string; displayName: string; email: string | null },
): Promise<string> {
  const taken =
    user.email !== null &&
    (await db
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', user.email!.toLowerCase()))
      .executeTakeFirst()) !== undefined;
  const row = await db
    .insertInto('users')
    .values({ email: taken ? null : user.email, display_name: user.displayName, password_hash: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('federated_identities').values({ issuer: user.issuer, subject: user.subject, user_id: row.id }).execute();
  return row.id;
}

/** Keeps the name the provider gives, so team pages show the person as the NHS knows them. */
export async function updateFederatedName(db: Executor, userId: string, displayName: string): Promise<void> {
  await db.updateTable('users').set({ display_name: displayName }).where('id', '=', userId).execute();
}

/** Replaces the memberships earlier CIS2 sign-ins gave with today's; those granted here are kept (and not duplicated). */
export async function replaceCis2Memberships(
  db: Executor,
  userId: string,
  memberships: readonly { organisationId: string; role: Role }[],
): Promise<void> {
  await db.deleteFrom('memberships').where('user_id', '=', userId).where('granted_by', '=', 'cis2').execute();
  if (memberships.length === 0) return;
  await db
    .insertInto('memberships')
    .values(memberships.map((m) => ({ user_id: userId, organisation_id: m.organisationId, role: m.role, granted_by: 'cis2' })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
