/** The platform's outbox: notices to an organisation (compliance alerts, suspensions, clarifications, invitations) read by its people on AQP. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { Principal } from '../identity/principal.ts';
import { isUuid } from '../identity/organisation.repo.ts';
import { countUnreadMessages, type EmailDelivery, listMessages, markMessageRead, type Message } from './outbox.repo.ts';

export type { EmailDelivery, Message };

/** The newest messages to the principal's organisation, with the number unread. */
export function messagesFor(
  deps: Deps,
  principal: Principal,
  options: { limit?: number; offset?: number; unreadOnly?: boolean } = {},
): Promise<{ items: Message[]; unread: number; total: number }> {
  return listMessages(deps.db, principal.organisationId, {
    limit: options.limit ?? 25,
    offset: options.offset ?? 0,
    unreadOnly: options.unreadOnly,
  });
}

/** The organisation's unread messages, counted for its people's home page. */
export function unreadMessageCount(deps: Deps, principal: Principal): Promise<number> {
  return countUnreadMessages(deps.db, principal.organisationId);
}

/** Marks one of the organisation's messages read (again is harmless); a malformed id or a message it cannot see is not found, so ids reveal nothing. */
export async function markRead(deps: Deps, principal: Principal, id: string): Promise<void> {
  const marked = isUuid(id) && (await markMessageRead(deps.db, principal.organisationId, id, deps.clock.now()));
  if (!marked) throw new DomainError('not-found', 'There is no such message');
}
