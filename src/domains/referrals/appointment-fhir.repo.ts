/** FHIR reads of the appointments and sessions recorded on referrals, for the referring practice or the chosen provider, each audited in the caller's transaction. */
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { matching, visibleReferrals } from './referral-fhir.repo.ts';
import { referralContacts, type ReferralContact } from './referral-history.repo.ts';
import { referralRecordOf } from './referral-select.repo.ts';
import type { ReferralRecord } from './referral.repo.ts';

export interface ContactOfReferral {
  contact: ReferralContact;
  referral: ReferralRecord;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_REFERRALS = 200;

/** One appointment or session if the principal may see its referral, audited as seen (`appointment.view`) or as refused. */
export async function contactSeenBy(trx: Executor, context: ActionContext, contactId: string): Promise<ContactOfReferral | undefined> {
  const row = UUID.test(contactId)
    ? await visibleReferrals(trx, context.principal)
        .innerJoin('referral_contacts as contact', 'contact.referral_id', 'r.id')
        .where('contact.id', '=', contactId)
        .executeTakeFirst()
    : undefined;
  const referral = row && referralRecordOf(row);
  const contact = referral && (await referralContacts(trx, referral.id)).find((found) => found.id === contactId);
  await recordAudit(trx, context, {
    action: 'appointment.view',
    entityType: 'referral',
    ...(referral && contact ? { entityId: referral.id } : { outcome: 'denied' as const }),
    details: { page: 'fhir', contactId: contactId.slice(0, 40), ...(referral && { ubrn: referral.ubrn }) },
  });
  return referral && contact && { contact, referral };
}

/** Every appointment and session of the visible referrals a search names (by referral, by patient), oldest first; audited with the references read. */
export async function contactsFoundBy(
  trx: Executor,
  context: ActionContext,
  search: { referralId?: string; patientId?: string },
): Promise<ContactOfReferral[]> {
  let query = matching(trx, context.principal, { ...(search.patientId !== undefined && { patientId: search.patientId }) });
  if (search.referralId !== undefined)
    query = UUID.test(search.referralId) ? query.where('r.id', '=', search.referralId) : query.where(({ lit }) => lit(false));
  const referrals = (await query.orderBy('r.referred_on').orderBy('r.ubrn').limit(MAX_REFERRALS).execute()).map(referralRecordOf);
  const found: ContactOfReferral[] = [];
  for (const referral of referrals) for (const contact of await referralContacts(trx, referral.id)) found.push({ contact, referral });
  await recordAudit(trx, context, {
    action: 'appointment.fhir-search',
    entityType: 'referral',
    details: { criteria: search, ubrns: referrals.map((referral) => referral.ubrn), appointments: found.length },
  });
  return found;
}
