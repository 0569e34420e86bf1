/** A new referral's rows written together: the referral, its first event and its audit row in one statement, one round trip (decision 0074). */
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/executor.ts';
import { type AuditEntry, auditRowOf } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { type NewReferralRow, type ReferralEventRow, referralEventRowOf, referralRowOf } from './referral.repo.ts';

/** Inserts the referral, its first event and the audit row naming it in one statement (data-modifying CTEs, all or nothing); returns the new referral's id. */
export async function insertNewReferral(
  db: Executor,
  rows: {
    referral: NewReferralRow;
    event: Omit<ReferralEventRow, 'referralId'>;
    context: ActionContext;
    audit: Omit<AuditEntry, 'entityId'>;
  },
): Promise<string> {
  const id = randomUUID();
  await db
    .with('r', (q) =>
      q
        .insertInto('referrals')
        .values({ id, ...referralRowOf(rows.referral) })
        .returning('id'),
    )
    .with('e', (q) =>
      q
        .insertInto('referral_events')
        .values(referralEventRowOf({ ...rows.event, referralId: id }))
        .returning('id'),
    )
    .insertInto('audit_events')
    .values(auditRowOf(rows.context, { ...rows.audit, entityId: id }))
    .execute();
  return id;
}
