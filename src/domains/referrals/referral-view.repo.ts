/** Reads of a referral for a person to see: each writes its `referral.view` audit row (or the refusal) with the read, in the caller's transaction, so no caller can forget it. */
import type { Executor } from '../../db/executor.ts';
import { type AuditRow, auditRowOf, recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { mayReadContactDetails, type SeenReferral, sideOf } from './referral-access.rules.ts';
import { findContactDetails } from './referral-contact-details.repo.ts';
import { findReferralByUbrn, findReferralWithPatientPlace, type PatientPlace, type ReferralRecord } from './referral.repo.ts';

/** The referral as the viewer's side sees it, audited as seen; undefined (audited as refused) when it does not exist or the viewer is on neither side. */
export async function referralSeenBy(
  trx: Executor,
  context: ActionContext,
  reference: string,
  ubrn: string | undefined,
  view: { page: string; referrerOnly?: boolean },
): Promise<SeenReferral | undefined> {
  const referral = ubrn ? await findReferralByUbrn(trx, ubrn) : undefined;
  const side = referral && sideOf(context.principal, referral);
  if (!referral || !side || (view.referrerOnly && side !== 'referrer')) return refused(trx, context, reference, view.page);
  const contactDetails = mayReadContactDetails(side, referral) ? ((await findContactDetails(trx, referral.id)) ?? null) : null;
  await recordAudit(trx, context, {
    action: 'referral.view',
    entityType: 'referral',
    entityId: referral.id,
    details: { ubrn: referral.ubrn, page: view.page, side, ...(contactDetails && { contactDetails: true }) },
  });
  return { ...referral, side, contactDetails };
}

/** Audits a refused view (no such referral, or the viewer is on neither side); the caller answers as if there were none. */
async function refused(trx: Executor, context: ActionContext, reference: string, page: string): Promise<undefined> {
  await recordAudit(trx, context, {
    action: 'referral.view',
    outcome: 'denied',
    entityType: 'referral',
    entityId: null,
    details: { reference: reference.slice(0, 20), page },
  });
  return undefined;
}

/**
 * The referral for its referrer to be offered a choice list, with its patient's place (read in the same statement) and the
 * `referral.view` row that the list's own statement writes before anything is shown (`storeChoiceListShown`), so the view costs
 * no transaction of its own; a refusal is audited at once.
 */
export async function referralForChoiceList(
  db: Executor,
  context: ActionContext,
  reference: string,
  ubrn: string | undefined,
  page: string,
): Promise<{ referral: ReferralRecord; patientPlace: PatientPlace | undefined; viewed: AuditRow } | undefined> {
  const found = ubrn ? await findReferralWithPatientPlace(db, ubrn) : undefined;
  if (!found || sideOf(context.principal, found.referral) !== 'referrer') return refused(db, context, reference, page);
  const { referral, patientPlace } = found;
  const viewed = auditRowOf(context, {
    action: 'referral.view',
    entityType: 'referral',
    entityId: referral.id,
    details: { ubrn: referral.ubrn, page, side: 'referrer' },
  });
  return { referral, patientPlace, viewed };
}

/** The referral for the patient who proved they hold it, audited as seen by the patient; undefined when there is none. */
export async function referralSeenByPatient(
  trx: Executor,
  context: ActionContext,
  ubrn: string,
  page: string,
): Promise<ReferralRecord | undefined> {
  const referral = await findReferralByUbrn(trx, ubrn);
  if (referral)
    await recordAudit(trx, context, {
      action: 'referral.view',
      entityType: 'referral',
      entityId: referral.id,
      details: { ubrn, page, side: 'patient' },
    });
  return referral;
}
