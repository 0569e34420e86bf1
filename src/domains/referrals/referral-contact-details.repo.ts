/** Queries over a referral's own copy of the patient's contact details and communication needs (migration 0016). */
import type { Executor } from '../../db/executor.ts';
import type { CommunicationNeeds, PatientContact, ReferenceDelivery } from './patient-contact.rules.ts';

/** Keeps the contact details given with a new referral, in the transaction that saves it. */
export async function insertContactDetails(db: Executor, referralId: string, contact: PatientContact): Promise<void> {
  await db
    .insertInto('referral_contact_details')
    .values({
      referral_id: referralId,
      phone: contact.phone,
      email: contact.email,
      address_lines: JSON.stringify(contact.addressLines),
      communication_needs: contact.communicationNeeds ? JSON.stringify(contact.communicationNeeds) : null,
      send_reference_by: contact.sendReferenceBy,
    })
    .execute();
}

/** The contact details kept with a referral, or undefined when none were given; read only by a caller that has checked and audits who is reading. */
export async function findContactDetails(db: Executor, referralId: string): Promise<PatientContact | undefined> {
  const row = await db
    .selectFrom('referral_contact_details')
    .select(['phone', 'email', 'address_lines', 'communication_needs', 'send_reference_by'])
    .where('referral_id', '=', referralId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    phone: row.phone,
    email: row.email,
    addressLines: row.address_lines,
    communicationNeeds: (row.communication_needs as CommunicationNeeds | null) ?? null,
    sendReferenceBy: row.send_reference_by as ReferenceDelivery | null,
  };
}
