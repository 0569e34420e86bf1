/** The platform's outbox: notices to an organisation (compliance alerts, suspensions, clarifications, invitations) read by its people on AQP. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { Principal } from '../identity/principal.ts';

export interface Message {
  id: string;
  subject: string;
  body: string;
  entityType: string | null;
  entityId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** The newest messages to the principal's organisation, with the number unread. */
export async function messagesFor(deps: Deps, principal: Principal, options: { limit?: number; offset?: number } = {}): Promise<{ items: Message[]; unread: number; total: number }> {
  const base = deps.db.selectFrom('outbox_messages').where('organisation_id', '=', principal.organisationId);
  const [rows, counts] = await Promise.all([
    base.select(['id', 'subject', 'body', 'entity_type', 'entity_id', 'created_at', 'read_at']).orderBy('created_at', 'desc').orderBy('id').limit(options.limit ?? 25).offset(options.offset ?? 0).execute(),
    base.select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('read_at').as('read')]).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => ({ id: row.id, subject: row.subject, body: row.body, entityType: row.entity_type, entityId: row.entity_id, createdAt: row.created_at, readAt: row.read_at })),
    unread: Number(counts.total) - Number(counts.read), total: Number(counts.total),
  };
}

/** Marks one of the organisation's messages read (again is harmless); a message it cannot see is not found, so ids reveal nothing. */
export async function markRead(deps: Deps, principal: Principal, id: string): Promise<void> {
  const result = /^[0-9a-f-]{36}$/i.test(id)
    ? await deps.db.updateTable('outbox_messages').set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(deps.clock.now())) })).where('id', '=', id).where('organisation_id', '=', principal.organisationId).executeTakeFirst()
    : undefined;
  if (!result || result.numUpdatedRows === 0n) throw new DomainError('not-found', 'There is no such message');
}
