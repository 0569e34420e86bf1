/** One guarded move of a referral's status: the row locked, the move checked against the rules, the version bumped, an event row and an audit row, all in one transaction. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingApiKeyId, actingUserId } from '../offers/offer-access.ts';
import { changeReferralStatus, type StatusChange } from './referral-episode.repo.ts';
import { canMoveReferral, REFERRAL_STATUS_LABELS, type ReferralStatus } from './referral-status.rules.ts';
import { insertReferralEvent, lockReferral, type ReferralRecord } from './referral.repo.ts';

export interface Move {
  to: ReferralStatus;
  actor: 'referrer' | 'provider' | 'patient' | 'system';
  action: string;
  reasonCode?: string;
  comment?: string;
  change?: Omit<StatusChange, 'status' | 'at'>;
  details?: Record<string, unknown>;
}

/** Refuses a move the referral's current state does not allow; a referral someone else has just moved is a `conflict`, so the loser of a race is told plainly. */
export function refuseUnlessAllowed(
  referral: ReferralRecord,
  current: { status: ReferralStatus; version: number },
  to: ReferralStatus,
): void {
  const now = REFERRAL_STATUS_LABELS[current.status].toLowerCase();
  if (current.version !== referral.version || current.status === to)
    throw new DomainError('conflict', `Someone else has just changed this referral: it is now ${now}. Reload it to see where it stands.`);
  if (!canMoveReferral(current.status, to))
    throw new DomainError('invalid-transition', `This referral cannot be ${REFERRAL_STATUS_LABELS[to].toLowerCase()} now: it is ${now}`);
}

/** Applies a move inside the caller's transaction, after locking the row. */
export async function moveReferralIn(
  trx: Executor,
  deps: Deps,
  context: ActionContext,
  referral: ReferralRecord,
  move: Move,
): Promise<void> {
  const current = await lockReferral(trx, referral.id);
  refuseUnlessAllowed(referral, current, move.to);
  const at = deps.clock.now();
  if (!(await changeReferralStatus(trx, referral.id, current.version, { status: move.to, at, ...move.change })))
    throw new DomainError('conflict', 'Someone else has just changed this referral. Reload it to see where it stands.');
  await insertReferralEvent(trx, {
    referralId: referral.id,
    fromStatus: current.status,
    toStatus: move.to,
    actor: move.actor,
    reasonCode: move.reasonCode,
    comment: move.comment,
    at,
    userId: actingUserId(context),
    apiKeyId: actingApiKeyId(context),
  });
  await recordAudit(trx, context, {
    action: move.action,
    entityType: 'referral',
    entityId: referral.id,
    details: { ubrn: referral.ubrn, from: current.status, to: move.to, ...move.details },
  });
}

/** Applies a move in its own transaction. */
export async function moveReferral(deps: Deps, context: ActionContext, referral: ReferralRecord, move: Move): Promise<void> {
  await deps.db.transaction().execute((trx) => moveReferralIn(trx, deps, context, referral, move));
}
