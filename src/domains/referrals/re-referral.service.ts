/** A new referral after a closed episode (PRODUCT.md §3.5: at the cap the patient needs re-referral): the patient's details are carried over, the protocol's questions are answered afresh. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import type { ReferralDecision } from './referral-decision.service.ts';
import { isClosedEpisode, REFERRAL_STATUS_LABELS } from './referral-status.rules.ts';
import type { ReferralRecord } from './referral.repo.ts';
import { createReferral } from './referral.service.ts';

/** What the referrer confirms for the new referral: never copied from the old one, because the patient's answers may have changed. */
export interface ReReferralInput {
  priority: string;
  route: string;
  bodyArea?: string;
  answers: Record<string, boolean | undefined>;
  clinicalInformation: string;
}

/** Judges and (when eligible) saves a new referral for the same patient and service as a finished one; a referral still open cannot be re-referred. */
export async function reRefer(
  deps: Deps,
  context: ActionContext,
  previous: ReferralRecord,
  input: ReReferralInput,
): Promise<ReferralDecision> {
  if (!isClosedEpisode(previous.status))
    throw new DomainError(
      'invalid-transition',
      `Only a discharged or closed referral can be referred again: this one is ${REFERRAL_STATUS_LABELS[previous.status].toLowerCase()}`,
    );
  const { patient } = previous;
  return createReferral(deps, context, {
    serviceCode: previous.offer.serviceCode,
    nhsNumber: patient.nhsNumber ?? '',
    givenName: patient.givenName,
    familyName: patient.familyName,
    dateOfBirth: patient.dateOfBirth,
    sex: patient.sex,
    postcode: patient.postcode,
    ...input,
    bodyArea: input.bodyArea ?? previous.bodyArea ?? undefined,
  });
}
