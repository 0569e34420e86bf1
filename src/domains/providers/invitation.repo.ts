/** Queries over invitations to join a provider organisation. */
import type { Executor } from '../../db/executor.ts';

export interface InvitationRecord {
  id: string;
  organisationId: string;
  organisationName: string;
  email: string;
  displayName: string;
  role: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

function invitationsQuery(db: Executor) {
  return db
    .selectFrom('invitations as i')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .select([
      'i.id',
      'i.organisation_id',
      'o.name',
      'i.email',
      'i.display_name',
      'i.role',
      'i.created_at',
      'i.expires_at',
      'i.accepted_at',
      'i.revoked_at',
    ]);
}

type InvitationRow = Awaited<ReturnType<ReturnType<typeof invitationsQuery>['executeTakeFirstOrThrow']>>;

function toInvitation(row: InvitationRow): InvitationRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.name,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  };
}

/** Stores an invitation by the hash of its token (never the token), valid until it expires; returns its id. */
export async function insertInvitation(
  trx: Executor,
  invitation: {
    organisationId: string;
    email: string;
    displayName: string;
    role: string;
    tokenHash: string;
    invitedBy: string | null;
    at: Date;
    expiresAt: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto('invitations')
    .values({
      organisation_id: invitation.organisationId,
      email: invitation.email,
      display_name: invitation.displayName,
      role: invitation.role,
      token_hash: invitation.tokenHash,
      invited_by_user_id: invitation.invitedBy,
      created_at: invitation.at,
      expires_at: invitation.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The invitation a token opens, optionally locked so it can be used only once. */
export async function findInvitationByHash(
  db: Executor,
  tokenHash: string,
  options: { forUpdate?: boolean } = {},
): Promise<InvitationRecord | undefined> {
  let query = invitationsQuery(db).where('i.token_hash', '=', tokenHash);
  if (options.forUpdate) query = query.forUpdate('i');
  const row = await query.executeTakeFirst();
  return row ? toInvitation(row) : undefined;
}

/** One of the organisation's own invitations; another organisation's, or an id that is not a UUID, finds nothing. */
export async function findInvitation(db: Executor, organisationId: string, id: string): Promise<InvitationRecord | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await invitationsQuery(db).where('i.organisation_id', '=', organisationId).where('i.id', '=', id).executeTakeFirst();
  return row ? toInvitation(row) : undefined;
}

/** An organisation's recent invitations, newest first. */
export async function invitationsOf(db: Executor, organisationId: string): Promise<InvitationRecord[]> {
  const rows = await invitationsQuery(db)
    .where('i.organisation_id', '=', organisationId)
    .orderBy('i.created_at', 'desc')
    .limit(100)
    .execute();
  return rows.map(toInvitation);
}

/** Marks the invitation used, so its token opens nothing again. */
export async function markInvitationAccepted(trx: Executor, id: string, at: Date): Promise<void> {
  await trx.updateTable('invitations').set({ accepted_at: at }).where('id', '=', id).execute();
}

/** Revokes an invitation not yet accepted; an accepted one is left as it is. */
export async function markInvitationRevoked(trx: Executor, id: string, at: Date): Promise<void> {
  await trx.updateTable('invitations').set({ revoked_at: at }).where('id', '=', id).where('accepted_at', 'is', null).execute();
}

/** True when the person already belongs to the organisation in any role. */
export async function isMemberByEmail(db: Executor, organisationId: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .where('m.organisation_id', '=', organisationId)
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
  return Boolean(row);
}
