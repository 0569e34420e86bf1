/** Where AQP emails an organisation about new messages (decision 0066): a provider's profile email, else the organisation's own. */
import type { Executor } from '../../db/executor.ts';

export interface ContactEmail {
  kind: string;
  /** The organisation's own contact email (organisations without a provider profile). */
  contactEmail: string | null;
  /** A provider's profile email, which AQP uses first. */
  profileEmail: string | null;
}

/** The addresses an organisation has given, or undefined when there is no such organisation. */
export async function findContactEmail(db: Executor, organisationId: string): Promise<ContactEmail | undefined> {
  const row = await db
    .selectFrom('organisations as o')
    .leftJoin('provider_profiles as p', 'p.organisation_id', 'o.id')
    .select(['o.kind', 'o.contact_email', 'p.email'])
    .where('o.id', '=', organisationId)
    .executeTakeFirst();
  return row && { kind: row.kind, contactEmail: row.contact_email, profileEmail: row.email };
}

/** Sets (or, with null, removes) the organisation's own contact email. */
export async function updateContactEmail(db: Executor, organisationId: string, email: string | null): Promise<void> {
  await db.updateTable('organisations').set({ contact_email: email }).where('id', '=', organisationId).execute();
}
