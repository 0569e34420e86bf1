/** What a budget's figures are made of: payable spend on statements, and the accepted referrals still in treatment (decision 0048). */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';

/** A commissioner's spend and referrals include its places (sub-ICB locations), as activity lines do (decision 0044). */
export interface SpendScope {
  commissionerId: string;
  serviceId: string;
}

/** The column names the commissioner or one of its places (sub-ICB locations), whose spend is the commissioner's (decision 0044). */
const commissionerOrItsPlaces = (column: string, commissionerId: string) =>
  sql<boolean>`${sql.ref(column)} IN (SELECT id FROM organisations WHERE id = ${commissionerId} OR parent_id = ${commissionerId})`;

export interface StatementSpend {
  statementId: string;
  reference: string;
  month: string;
  status: string;
  providerName: string;
  payablePence: number;
}

/** The payable amount of the service on each of the commissioner's statements dated between two months (inclusive), oldest first. */
export async function statementSpend(db: Executor, scope: SpendScope, from: string, to: string): Promise<StatementSpend[]> {
  const rows = await db
    .selectFrom('statements as s')
    .innerJoin('statement_lines as sl', 'sl.statement_id', 's.id')
    .innerJoin('activity_lines as a', 'a.id', 'sl.line_id')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .innerJoin('organisations as p', 'p.id', 's.provider_organisation_id')
    .select((eb) => [
      's.id as statementId',
      's.reference',
      's.month',
      's.status',
      'p.name as providerName',
      eb.fn.sum<number>('sl.price_pence').as('payablePence'),
    ])
    .where(commissionerOrItsPlaces('s.commissioner_organisation_id', scope.commissionerId))
    .where('o.service_id', '=', scope.serviceId)
    .where('sl.payment', '=', 'payable')
    .where('s.month', '>=', from)
    .where('s.month', '<=', to)
    .groupBy(['s.id', 's.reference', 's.month', 's.status', 'p.name'])
    .orderBy('s.month')
    .orderBy('p.name')
    .execute();
  return rows.map((row) => ({ ...row, payablePence: Number(row.payablePence) }));
}

/** Accepted referrals still in treatment (not discharged, closed or cancelled) for the commissioner and service. */
function openReferrals(db: Executor, scope: SpendScope) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('offers as o', 'o.id', 'r.offer_id')
    .where('r.status', '=', 'accepted')
    .where('o.service_id', '=', scope.serviceId)
    .where(commissionerOrItsPlaces('r.commissioner_organisation_id', scope.commissionerId));
}

export interface OpenReferralsOnOffer {
  offerId: string;
  offerTitle: string;
  packContent: unknown;
  referrals: number;
  /** What has been paid (payable on any statement) on each of these referrals that has had anything paid. */
  paidPence: number[];
  /** The offer's prices in force on or before today, newest first. */
  prices: { effectiveFrom: string; currencyCode: string; complexityBand: string; pricePence: number }[];
}

/** The open referrals per offer with what has been paid on them and the offer's prices up to today: the makings of committed spend. */
export async function openReferralsByOffer(db: Executor, scope: SpendScope, today: string): Promise<OpenReferralsOnOffer[]> {
  const offers = await openReferrals(db, scope)
    .innerJoin('implementation_packs as k', 'k.id', 'o.pack_id')
    .select((eb) => [
      'r.offer_id as offerId',
      'o.title as offerTitle',
      'k.content as packContent',
      eb.fn.countAll<number>().as('referrals'),
    ])
    .groupBy(['r.offer_id', 'o.title', 'k.content'])
    .orderBy('o.title')
    .execute();
  if (!offers.length) return [];
  const paid = await openReferrals(db, scope)
    .innerJoin('activity_lines as a', 'a.referral_id', 'r.id')
    .innerJoin('statement_lines as sl', 'sl.line_id', 'a.id')
    .select((eb) => ['r.offer_id as offerId', eb.fn.sum<number>('sl.price_pence').as('paid')])
    .where('sl.payment', '=', 'payable')
    .groupBy(['r.offer_id', 'r.id'])
    .execute();
  const prices = await db
    .selectFrom('offer_prices')
    .select([
      'offer_id as offerId',
      'effective_from as effectiveFrom',
      'currency_code as currencyCode',
      'complexity_band as complexityBand',
      'price_pence as pricePence',
    ])
    .where(
      'offer_id',
      'in',
      offers.map((offer) => offer.offerId),
    )
    .where('effective_from', '<=', today)
    .orderBy('effective_from', 'desc')
    .execute();
  return offers.map((offer) => ({
    ...offer,
    referrals: Number(offer.referrals),
    paidPence: paid.filter((row) => row.offerId === offer.offerId).map((row) => Number(row.paid)),
    prices: prices.filter((row) => row.offerId === offer.offerId),
  }));
}
