/** Who may see a referral: the referring organisation and the chosen provider; every view, and every refusal, is audited in the same transaction as the read. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';
import type { PatientContact } from './patient-contact.rules.ts';
import { findContactDetails } from './referral-contact-details.repo.ts';
import { normaliseUbrn } from './referral-reference.rules.ts';
import { findReferralByUbrn, type ReferralRecord } from './referral.repo.ts';

/** Which side of the referral a principal is on, or undefined when it is on neither. */
export function sideOf(principal: Principal | null, referral: ReferralRecord): 'referrer' | 'provider' | undefined {
  if (!principal) return undefined;
  if (principal.role === 'referrer' && principal.organisationId === referral.referrer.organisationId) return 'referrer';
  if ((principal.role === 'provider-admin' || principal.role === 'provider-clinician') && principal.organisationId === referral.chosen?.providerOrganisationId) return 'provider';
  return undefined;
}

/** Who may read how to reach the patient (decision 0031): the referring practice, and a provider only once the referral has been sent to it. */
export function mayReadContactDetails(side: 'referrer' | 'provider', referral: ReferralRecord): boolean {
  return side === 'referrer' || referral.sentAt !== null;
}

/** A referral as one side sees it: its contact details are null when none were given, or when that side may not read them. */
export type SeenReferral = ReferralRecord & { side: 'referrer' | 'provider'; contactDetails: PatientContact | null };

/** A referral for the referring organisation or the chosen provider, with its contact details where that side may read them and the `referral.view` audit row; to anyone else it does not exist. */
export async function viewReferral(deps: Deps, context: ActionContext, reference: string, options: { page: string; referrerOnly?: boolean } = { page: 'referral' }): Promise<SeenReferral> {
  const seen = await deps.db.transaction().execute(async (trx) => {
    const ubrn = normaliseUbrn(reference);
    const referral = ubrn ? await findReferralByUbrn(trx, ubrn) : undefined;
    const side = referral && sideOf(context.principal, referral);
    if (!referral || !side || (options.referrerOnly && side !== 'referrer')) return undefined;
    const contactDetails = mayReadContactDetails(side, referral) ? (await findContactDetails(trx, referral.id)) ?? null : null;
    await recordAudit(trx, context, { action: 'referral.view', entityType: 'referral', entityId: referral.id, details: { ubrn: referral.ubrn, page: options.page, side, ...(contactDetails && { contactDetails: true }) } });
    return { ...referral, side, contactDetails };
  });
  if (seen) return seen;
  await recordAudit(deps.db, context, { action: 'referral.view', outcome: 'denied', entityType: 'referral', entityId: null, details: { reference: reference.slice(0, 20), page: options.page } });
  throw new DomainError('not-found', 'There is no referral with that reference');
}

/** A referral for the patient who proved who they are (reference, access code and date of birth), with its audit row. */
export async function viewReferralAsPatient(deps: Deps, context: ActionContext, ubrn: string, page: string): Promise<ReferralRecord> {
  return deps.db.transaction().execute(async (trx) => {
    const referral = await findReferralByUbrn(trx, ubrn);
    if (!referral) throw new DomainError('not-found', 'There is no referral with that reference');
    await recordAudit(trx, context, { action: 'referral.view', entityType: 'referral', entityId: referral.id, details: { ubrn, page, side: 'patient' } });
    return referral;
  });
}
