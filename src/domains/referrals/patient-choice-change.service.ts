/** A patient changes their mind before the provider accepts (issue #12 item 4): takes the referral back to choose again, or cancels it; the provider (and the practice) are told. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import type { ActionContext } from '../identity/principal.ts';
import { insertOutboxMessage } from '../providers/provider-outbox.repo.ts';
import { formatUbrn } from './referral-reference.rules.ts';
import { REFERRAL_STATUS_LABELS } from './referral-status.rules.ts';
import type { ReferralRecord } from './referral.repo.ts';
import { moveReferralIn } from './referral-transition.service.ts';

/** True while the patient may still change or cancel the referral: not yet accepted, not finished. */
export function patientMayChange(referral: Pick<ReferralRecord, 'status'>): { change: boolean; cancel: boolean } {
  return { change: referral.status === 'sent', cancel: referral.status === 'sent' || referral.status === 'awaiting-choice' };
}

function refuseUnlessPatientMay(referral: ReferralRecord, what: 'change' | 'cancel'): void {
  if (patientMayChange(referral)[what]) return;
  const provider = referral.chosen?.providerName ?? 'the provider';
  const why =
    referral.status === 'accepted'
      ? `${provider} has already accepted it: contact them to change or cancel your appointments`
      : `it is ${REFERRAL_STATUS_LABELS[referral.status].toLowerCase()}`;
  throw new DomainError(
    'invalid-transition',
    `You cannot ${what === 'change' ? 'change the provider for' : 'cancel'} this referral now: ${why}.`,
  );
}

async function tell(
  trx: Executor,
  organisationId: string | null | undefined,
  referral: ReferralRecord,
  subject: string,
  body: string,
  at: Date,
): Promise<void> {
  if (organisationId) await insertOutboxMessage(trx, { organisationId, entityType: 'referral', entityId: referral.id, subject, body }, at);
}

/** Takes a sent referral back from the provider so the patient can choose again (sent → awaiting-choice); the provider is told it no longer has it. */
export async function takeBackChoice(deps: Deps, context: ActionContext, referral: ReferralRecord): Promise<void> {
  refuseUnlessPatientMay(referral, 'change');
  await deps.db.transaction().execute(async (trx) => {
    await moveReferralIn(trx, deps, context, referral, {
      to: 'awaiting-choice',
      actor: 'patient',
      action: 'referral.choice-withdraw',
      comment: `The patient took the referral back from ${referral.chosen!.providerName} to choose again`,
      change: { clearChoice: true },
      details: { providerOrganisationId: referral.chosen!.providerOrganisationId },
    });
    await tell(
      trx,
      referral.chosen!.providerOrganisationId,
      referral,
      `Referral ${formatUbrn(referral.ubrn)} withdrawn by the patient`,
      `The patient has chosen to go to another provider for ${referral.offer.serviceName}. The referral is no longer with you: do not contact the patient about it.`,
      deps.clock.now(),
    );
  });
}

/** Cancels a referral the provider has not accepted, at the patient's request; the provider (if it was sent) and the referring practice are told. */
export async function cancelAsPatient(deps: Deps, context: ActionContext, referral: ReferralRecord): Promise<void> {
  refuseUnlessPatientMay(referral, 'cancel');
  const comment = 'Cancelled by the patient';
  await deps.db.transaction().execute(async (trx) => {
    await moveReferralIn(trx, deps, context, referral, {
      to: 'cancelled',
      actor: 'patient',
      action: 'referral.cancel',
      reasonCode: 'NO_LONGER_REQUIRED',
      comment,
      change: { cancelReasonCode: 'NO_LONGER_REQUIRED', cancelComment: comment },
      details: { reasonCode: 'NO_LONGER_REQUIRED', by: 'patient' },
    });
    const subject = `Referral ${formatUbrn(referral.ubrn)} cancelled by the patient`;
    const body = `The patient has cancelled their referral for ${referral.offer.serviceName}. Nothing more needs to be done for it.`;
    await tell(trx, referral.status === 'sent' ? referral.chosen?.providerOrganisationId : null, referral, subject, body, deps.clock.now());
    await tell(trx, referral.referrer.organisationId, referral, subject, body, deps.clock.now());
  });
}
