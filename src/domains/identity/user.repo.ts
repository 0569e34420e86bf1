/** Queries over people and their memberships (user × organisation × role). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import type { Role } from './roles.rules.ts';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  /** Null for an account that signs in only through NHS CIS2. */
  passwordHash: string | null;
  isActive: boolean;
}

export interface MembershipView {
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  role: Role;
}

/** The account for an email address, ignoring case and surrounding spaces, active or not (the caller decides what an inactive one may do). */
export async function findUserByEmail(db: Executor, email: string): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'password_hash', 'is_active'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      email: row.email ?? email.trim(),
      displayName: row.display_name,
      passwordHash: row.password_hash,
      isActive: row.is_active,
    }
  );
}

/** Creates an account with a password hash already made; the unique index on the lower-cased email refuses a second one. */
export async function insertUser(db: Executor, user: { email: string; displayName: string; passwordHash: string }): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({ email: user.email.trim(), display_name: user.displayName.trim(), password_hash: user.passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Gives a person a role in an organisation; granting one they already hold changes nothing. */
export async function insertMembership(db: Executor, membership: { userId: string; organisationId: string; role: Role }): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ user_id: membership.userId, organisation_id: membership.organisationId, role: membership.role })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Every role a person holds, by organisation name then role: the choices offered after signing in. */
export async function membershipsOf(db: Executor, userId: string): Promise<MembershipView[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.organisation_id', 'o.name', 'o.kind', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .orderBy('m.role')
    .execute();
  return rows.map((row) => ({
    organisationId: row.organisation_id,
    organisationName: row.name,
    organisationKind: row.kind,
    role: row.role as Role,
  }));
}

/** The names a session shows for one membership, found only while the account is active and still holds that membership. */
export async function findActiveMembership(
  db: Executor,
  membership: { userId: string; organisationId: string; role: Role },
): Promise<{ displayName: string; organisationName: string } | undefined> {
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['u.display_name', 'o.name'])
    .where('m.user_id', '=', membership.userId)
    .where('m.organisation_id', '=', membership.organisationId)
    .where('m.role', '=', membership.role)
    .where('u.is_active', '=', true)
    .executeTakeFirst();
  return row && { displayName: row.display_name, organisationName: row.name };
}

/** Records when the person last signed in, shown on their organisation's team page. */
export async function markSignedIn(db: Executor, userId: string, at: Date): Promise<void> {
  await db.updateTable('users').set({ last_signed_in_at: at }).where('id', '=', userId).execute();
}

export interface TeamMember {
  userId: string;
  displayName: string;
  /** Null for someone who signs in through NHS CIS2 without an email address. */
  email: string | null;
  role: Role;
  lastSignedInAt: Date | null;
}

/** The people of one organisation with their roles, for the "your organisation" page. */
export async function teamOf(db: Kysely<Database>, organisationId: string): Promise<TeamMember[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'u.email', 'm.role', 'u.last_signed_in_at'])
    .where('m.organisation_id', '=', organisationId)
    .where('u.is_active', '=', true)
    .orderBy('u.display_name')
    .execute();
  return rows.map((row) => ({
    userId: row.id,
    displayName: row.display_name,
    email: row.email,
    role: row.role as Role,
    lastSignedInAt: row.last_signed_in_at,
  }));
}

export interface UserListing {
  userId: string;
  displayName: string;
  /** Null for someone who signs in through NHS CIS2 without an email address. */
  email: string | null;
  isActive: boolean;
  lastSignedInAt: Date | null;
  memberships: { organisationName: string; role: Role }[];
}

/** One page of accounts with their memberships, by name, for platform administrators. */
export async function listUsers(
  db: Kysely<Database>,
  page: { limit: number; offset: number },
): Promise<{ rows: UserListing[]; total: number }> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'is_active', 'last_signed_in_at'])
    .orderBy('display_name')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const ids = users.map((user) => user.id);
  const memberships = ids.length
    ? await db
        .selectFrom('memberships as m')
        .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
        .select(['m.user_id', 'o.name', 'm.role'])
        .where('m.user_id', 'in', ids)
        .orderBy('o.name')
        .execute()
    : [];
  return {
    total: Number(count.total),
    rows: users.map((user) => ({
      userId: user.id,
      displayName: user.display_name,
      email: user.email,
      isActive: user.is_active,
      lastSignedInAt: user.last_signed_in_at,
      memberships: memberships.filter((m) => m.user_id === user.id).map((m) => ({ organisationName: m.name, role: m.role as Role })),
    })),
  };
}

/** The longest-standing person holding a role (in an organisation, or with an e-mail address), with that organisation: whom the demo seeds act as. */
export async function firstMemberWithRole(
  db: Executor,
  who: { role: Role; organisationId?: string; email?: string },
): Promise<{ userId: string; displayName: string; organisationId: string; organisationName: string } | undefined> {
  let query = db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['u.id', 'u.display_name', 'o.id as organisation_id', 'o.name'])
    .where('m.role', '=', who.role)
    .orderBy('u.created_at');
  if (who.organisationId) query = query.where('m.organisation_id', '=', who.organisationId);
  if (who.email) query = query.where('u.email', '=', who.email);
  const row = await query.executeTakeFirst();
  return row && { userId: row.id, displayName: row.display_name, organisationId: row.organisation_id, organisationName: row.name };
}
