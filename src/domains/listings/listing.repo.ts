/** Queries over listings: a qualified provider's place on an offer, the sites that deliver it, and its append-only history. */
import type { Executor } from '../../db/executor.ts';
import { type Actor, type StatusChangeToRecord, statusHistoryValues } from '../../db/status-history.ts';
import type { ListingStatus } from './listing-lifecycle.rules.ts';

export interface ListingRecord {
  id: string;
  offerId: string;
  providerOrganisationId: string;
  applicationId: string;
  status: ListingStatus;
  contractStart: string | null;
  contractEnd: string | null;
  contractAcceptedAt: Date | null;
}

const COLUMNS = [
  'id',
  'offer_id',
  'provider_organisation_id',
  'application_id',
  'status',
  'contract_start',
  'contract_end',
  'contract_accepted_at',
] as const;

function toListing(row: {
  id: string;
  offer_id: string;
  provider_organisation_id: string;
  application_id: string;
  status: string;
  contract_start: string | null;
  contract_end: string | null;
  contract_accepted_at: Date | null;
}): ListingRecord {
  return {
    id: row.id,
    offerId: row.offer_id,
    providerOrganisationId: row.provider_organisation_id,
    applicationId: row.application_id,
    status: row.status as ListingStatus,
    contractStart: row.contract_start,
    contractEnd: row.contract_end,
    contractAcceptedAt: row.contract_accepted_at,
  };
}

/**
 * Creates the listing for an application just decided "qualified", in the caller's transaction, with the sites the
 * application named; a provider that held an ended listing on the offer is recorded as re-qualified.
 */
export async function insertQualifiedListing(
  db: Executor,
  input: { offerId: string; providerOrganisationId: string; applicationId: string; siteIds: string[]; at: Date; actor: Actor },
): Promise<string> {
  const earlier = await db
    .selectFrom('listings')
    .select('id')
    .where('offer_id', '=', input.offerId)
    .where('provider_organisation_id', '=', input.providerOrganisationId)
    .executeTakeFirst();
  const row = await db
    .insertInto('listings')
    .values({
      offer_id: input.offerId,
      provider_organisation_id: input.providerOrganisationId,
      application_id: input.applicationId,
      status: 'qualified',
      updated_at: input.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.siteIds.length)
    await db
      .insertInto('listing_sites')
      .values(input.siteIds.map((siteId) => ({ listing_id: row.id, site_id: siteId })))
      .execute();
  await insertListingHistory(db, {
    listingId: row.id,
    fromStatus: null,
    toStatus: 'qualified',
    reason: earlier ? 'Re-qualified after an earlier listing ended' : 'Qualified by assessment',
    at: input.at,
    actor: input.actor,
  });
  return row.id;
}

/** Appends a change to the listing's history, in the caller's transaction. */
export async function insertListingHistory(db: Executor, entry: StatusChangeToRecord & { listingId: string }): Promise<void> {
  await db
    .insertInto('listing_history')
    .values({ listing_id: entry.listingId, ...statusHistoryValues(entry) })
    .execute();
}

/** One listing, locked for a change when asked. */
export async function findListing(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<ListingRecord | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  let query = db
    .selectFrom('listings')
    .select([...COLUMNS])
    .where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toListing(row);
}

/** The listing an application produced, if it qualified. */
export async function listingOfApplication(db: Executor, applicationId: string): Promise<ListingRecord | undefined> {
  const row = await db
    .selectFrom('listings')
    .select([...COLUMNS])
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  return row && toListing(row);
}

/** Writes a listing's new status; the lifecycle move around it checks the move and records history and audit. */
export async function setListingStatus(db: Executor, id: string, status: ListingStatus, at: Date): Promise<void> {
  await db.updateTable('listings').set({ status, updated_at: at }).where('id', '=', id).execute();
}

/** Records the provider's acceptance of the NHS Standard Contract: its dates, when and by whom. */
export async function recordContractAcceptance(
  db: Executor,
  id: string,
  contract: { start: string; end: string | null; at: Date; userId: string | null },
): Promise<void> {
  await db
    .updateTable('listings')
    .set({
      contract_start: contract.start,
      contract_end: contract.end,
      contract_accepted_at: contract.at,
      contract_accepted_by_user_id: contract.userId,
    })
    .where('id', '=', id)
    .execute();
}
