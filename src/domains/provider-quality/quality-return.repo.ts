/** Quarterly quality returns: the listings that owe them, what was submitted, and saving a return under the due-day rule (decision 0055). */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { commissionerOffers, type QualityScope } from './quality-scope.repo.ts';
import type { ReturnAnswers, ReturnItem } from './quality-return-items.rules.ts';

/** A provider's place on an offer that owes quarterly returns. */
export interface ReturnListing {
  listingId: string;
  offerId: string;
  offerTitle: string;
  providerId: string;
  providerName: string;
  contractStart: string | null;
  contractEnd: string | null;
  offerItems: unknown;
}

/** The listings in scope with a contract (one, when an id is given), by offer and provider name. */
export async function returnListings(db: Executor, scope: QualityScope, listingId?: string): Promise<ReturnListing[]> {
  let query = db
    .selectFrom('listings as l')
    .innerJoin('offers as o', 'o.id', 'l.offer_id')
    .innerJoin('organisations as p', 'p.id', 'l.provider_organisation_id')
    .select(['l.id', 'l.offer_id', 'o.title', 'l.provider_organisation_id', 'p.name', 'l.contract_start', 'l.contract_end'])
    .select('o.quality_return_items')
    .where('l.contract_start', 'is not', null);
  query =
    'providerId' in scope
      ? query.where('l.provider_organisation_id', '=', scope.providerId)
      : query.where('l.offer_id', 'in', commissionerOffers(db, scope.commissionerId));
  if (listingId !== undefined) query = query.where('l.id', '=', listingId);
  const rows = await query.orderBy('o.number').orderBy('p.name').limit(500).execute();
  return rows.map((row) => ({
    listingId: row.id,
    offerId: row.offer_id,
    offerTitle: row.title,
    providerId: row.provider_organisation_id,
    providerName: row.name,
    contractStart: row.contract_start,
    contractEnd: row.contract_end,
    offerItems: row.quality_return_items,
  }));
}

/** A return as submitted. */
export interface SubmittedReturn {
  listingId: string;
  quarter: string;
  items: ReturnItem[];
  answers: ReturnAnswers;
  dueOn: string;
  submittedOn: string;
  late: boolean;
  version: number;
}

/** The returns submitted for these listings, in any quarter. */
export async function submittedReturns(db: Executor, listingIds: readonly string[]): Promise<SubmittedReturn[]> {
  if (listingIds.length === 0) return [];
  const rows = await db
    .selectFrom('quality_returns')
    .select(['listing_id', 'quarter', 'items', 'answers', 'due_on', 'submitted_on', 'late', 'version'])
    .where('listing_id', 'in', [...listingIds])
    .execute();
  return rows.map((row) => ({
    listingId: row.listing_id,
    quarter: row.quarter,
    items: row.items as ReturnItem[],
    answers: row.answers as ReturnAnswers,
    dueOn: row.due_on,
    submittedOn: row.submitted_on,
    late: row.late,
    version: row.version,
  }));
}

export interface ReturnToSave {
  listing: ReturnListing;
  quarter: string;
  items: readonly ReturnItem[];
  answers: ReturnAnswers;
  dueOn: string;
  today: string;
  at: Date;
  userId: string | null;
  apiKeyId: string | null;
}

/** Saves a first submission, or replaces one while its due day has not passed; undefined when a submitted return is already final (checked in the same statement, so two submissions cannot both pass). */
export async function saveQualityReturn(db: Executor, saving: ReturnToSave): Promise<{ version: number; late: boolean } | undefined> {
  const late = saving.today > saving.dueOn;
  return db
    .insertInto('quality_returns')
    .values({
      listing_id: saving.listing.listingId,
      offer_id: saving.listing.offerId,
      provider_organisation_id: saving.listing.providerId,
      quarter: saving.quarter,
      items: JSON.stringify(saving.items),
      answers: JSON.stringify(saving.answers),
      due_on: saving.dueOn,
      submitted_on: saving.today,
      submitted_at: saving.at,
      late,
      submitted_by_user_id: saving.userId,
      submitted_by_api_key_id: saving.apiKeyId,
    })
    .onConflict((oc) =>
      oc
        .columns(['listing_id', 'quarter'])
        .doUpdateSet((eb) => ({
          items: eb.ref('excluded.items'),
          answers: eb.ref('excluded.answers'),
          submitted_on: eb.ref('excluded.submitted_on'),
          submitted_at: eb.ref('excluded.submitted_at'),
          submitted_by_user_id: eb.ref('excluded.submitted_by_user_id'),
          submitted_by_api_key_id: eb.ref('excluded.submitted_by_api_key_id'),
          version: sql<number>`quality_returns.version + 1`,
        }))
        .where('quality_returns.due_on', '>=', saving.today),
    )
    .returning(['version', 'late'])
    .executeTakeFirst();
}

/** Sets the items an offer's returns ask for; null goes back to the default set. */
export async function setOfferReturnItems(db: Executor, offerId: string, items: readonly ReturnItem[] | null): Promise<void> {
  await db
    .updateTable('offers')
    .set({ quality_return_items: items ? JSON.stringify(items) : null })
    .where('id', '=', offerId)
    .execute();
}

/** The items an offer's returns ask for as stored: its own list, or null for the default set. */
export async function storedReturnItemsOf(db: Executor, offerId: string): Promise<unknown> {
  const row = await db.selectFrom('offers').select('quality_return_items').where('id', '=', offerId).executeTakeFirst();
  return row?.quality_return_items ?? null;
}

/** The organisation that leads an offer, or undefined for no such offer. */
export async function offerLeadOf(db: Executor, offerId: string): Promise<string | undefined> {
  const row = await db.selectFrom('offers').select('lead_organisation_id').where('id', '=', offerId).executeTakeFirst();
  return row?.lead_organisation_id;
}
