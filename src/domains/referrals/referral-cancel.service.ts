/** The referrer cancels a referral that has not finished, with a coded reason (reference-systems §1.7, referral cancellation). */
import { validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { CANCEL_REASONS, reasonErrors } from './referral-reasons.rules.ts';
import type { ReferralRecord } from './referral.repo.ts';
import { moveReferral } from './referral-transition.service.ts';

/** Cancels with a reason from the list; OTHER needs a comment. */
export async function cancelReferral(
  deps: Deps,
  context: ActionContext,
  referral: ReferralRecord,
  input: { reasonCode: string; comment?: string },
): Promise<void> {
  const errors = reasonErrors(CANCEL_REASONS, input.reasonCode, input.comment);
  if (errors.length) throw validationFailed(errors);
  const comment = (input.comment ?? '').trim();
  await moveReferral(deps, context, referral, {
    to: 'cancelled',
    actor: 'referrer',
    action: 'referral.cancel',
    reasonCode: input.reasonCode,
    comment,
    change: { cancelReasonCode: input.reasonCode, cancelComment: comment },
    details: { reasonCode: input.reasonCode },
  });
}
