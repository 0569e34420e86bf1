/** Who may see a referral and how to reach its patient: the referring organisation and the chosen provider, contact details to the provider only once sent (decision 0031). */
import type { Principal } from '../identity/principal.ts';
import type { PatientContact } from './patient-contact.rules.ts';
import type { ReferralRecord } from './referral.repo.ts';

/** Which side of the referral a principal is on, or undefined when it is on neither. */
export function sideOf(principal: Principal | null, referral: ReferralRecord): 'referrer' | 'provider' | undefined {
  if (!principal) return undefined;
  if (principal.role === 'referrer' && principal.organisationId === referral.referrer.organisationId) return 'referrer';
  if (
    (principal.role === 'provider-admin' || principal.role === 'provider-clinician') &&
    principal.organisationId === referral.chosen?.providerOrganisationId
  )
    return 'provider';
  return undefined;
}

/** Who may read how to reach the patient (decision 0031): the referring practice, and a provider only once the referral has been sent to it. */
export function mayReadContactDetails(side: 'referrer' | 'provider', referral: ReferralRecord): boolean {
  return side === 'referrer' || referral.sentAt !== null;
}

/** A referral as one side sees it: its contact details are null when none were given, or when that side may not read them. */
export type SeenReferral = ReferralRecord & { side: 'referrer' | 'provider'; contactDetails: PatientContact | null };
