/** Messages to a provider in the platform's outbox (there is no e-mail): invitations sent, evidence rejected, CQC status changed. */
import type { Executor } from '../../db/executor.ts';

export interface OutboxMessage {
  organisationId: string;
  subject: string;
  body: string;
  entityType: string;
  entityId: string;
}

/** Queues one message for an organisation, in the caller's transaction. */
export async function insertOutboxMessage(trx: Executor, message: OutboxMessage, at: Date): Promise<void> {
  await trx
    .insertInto('outbox_messages')
    .values({
      organisation_id: message.organisationId,
      subject: message.subject,
      body: message.body,
      entity_type: message.entityType,
      entity_id: message.entityId,
      created_at: at,
    })
    .execute();
}
