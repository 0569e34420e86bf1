/** The chosen provider's actions on a referral (PRODUCT.md §3.5, issue #6 item 6): accept, return to the referrer with a coded reason, and discharge with an outcome. */
import { type FieldError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { recordDischargeActivity } from '../payments/platform-activity.service.ts';
import { DISCHARGE_OUTCOMES, type DischargeOutcome, MAX_REASON_COMMENT, RETURN_REASONS, reasonErrors } from './referral-reasons.rules.ts';
import { aidsFittedErrors, outcomeFieldsFor } from './outcome-fields.rules.ts';
import type { ReferralRecord } from './referral.repo.ts';
import { moveReferral, moveReferralIn } from './referral-transition.service.ts';

/** Accepts a sent referral; of two providers' staff accepting at once, exactly one wins and the other gets a `conflict`. */
export async function acceptReferral(deps: Deps, context: ActionContext, referral: ReferralRecord): Promise<void> {
  await moveReferral(deps, context, referral, {
    to: 'accepted',
    actor: 'provider',
    action: 'referral.accept',
    change: { acceptedAt: deps.clock.now() },
  });
}

/** Returns a sent referral to the referrer with a coded reason; codes that need a comment are refused without one. */
export async function returnReferral(
  deps: Deps,
  context: ActionContext,
  referral: ReferralRecord,
  input: { reasonCode: string; comment?: string },
): Promise<void> {
  const errors = reasonErrors(RETURN_REASONS, input.reasonCode, input.comment);
  if (errors.length) throw validationFailed(errors);
  const comment = (input.comment ?? '').trim();
  await moveReferral(deps, context, referral, {
    to: 'returned',
    actor: 'provider',
    action: 'referral.return',
    reasonCode: input.reasonCode,
    comment,
    change: { returnReasonCode: input.reasonCode, returnComment: comment },
    details: { reasonCode: input.reasonCode },
  });
}

/** Every field error of a discharge at once: the outcome, the summary's length, and hearing aids fitted where the service records it (decision 0053). */
function dischargeErrors(serviceCode: string, input: DischargeInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!(DISCHARGE_OUTCOMES as readonly string[]).includes(input.outcome))
    errors.push({ field: 'outcome', message: 'Choose the outcome of the patient’s care' });
  if ((input.comment ?? '').trim().length > MAX_REASON_COMMENT)
    errors.push({ field: 'comment', message: `The discharge summary must be ${MAX_REASON_COMMENT} characters or fewer` });
  return [...errors, ...aidsFittedErrors(outcomeFieldsFor(serviceCode), input.aidsFitted)];
}

export interface DischargeInput {
  outcome: string;
  comment?: string;
  /** Adult hearing only, and required there: 0, 1 or 2. */
  aidsFitted?: number;
}

/** Discharges a patient in treatment with the outcome of their care (and, for adult hearing, the aids fitted); for an offer paid by the pathway, a completed treatment's activity line is written too. */
export async function dischargeReferral(
  deps: Deps,
  context: ActionContext,
  referral: ReferralRecord,
  input: DischargeInput,
): Promise<void> {
  const errors = dischargeErrors(referral.offer.serviceCode, input);
  if (errors.length) throw validationFailed(errors);
  const outcome = input.outcome as DischargeOutcome;
  await deps.db.transaction().execute(async (trx) => {
    await moveReferralIn(trx, deps, context, referral, {
      to: 'discharged',
      actor: 'provider',
      action: 'referral.discharge',
      reasonCode: outcome,
      comment: (input.comment ?? '').trim(),
      change: { dischargedAt: deps.clock.now(), dischargeOutcome: outcome, aidsFitted: input.aidsFitted },
      details: { outcome, ...(input.aidsFitted !== undefined ? { aidsFitted: input.aidsFitted } : {}) },
    });
    if (referral.chosen)
      await recordDischargeActivity(
        trx,
        deps,
        context,
        {
          id: referral.id,
          ubrn: referral.ubrn,
          offerId: referral.offer.id,
          providerId: referral.chosen.providerOrganisationId,
        },
        outcome,
      );
  });
}
