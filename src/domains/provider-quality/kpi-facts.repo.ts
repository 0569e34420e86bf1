/** Reads what the KPI engine measures (issue #15 item 2, decision 0052): the offers with providers listed, each with its pack's and the national KPIs, and per offer the referrals sent to providers and their appointments and sessions, set-based, one offer at a time. */
import type { Kpi } from '../catalogue/pack-kpi.schema.ts';
import type { PackContent } from '../catalogue/implementation-pack.schema.ts';
import type { Executor } from '../../db/executor.ts';
import { londonDateOf, startOfLondonDay } from '../../lib/clock.ts';
import type { ContactRow, ReferralRow } from './kpi-facts.rules.ts';

export interface MeasuredOffer {
  id: string;
  serviceId: string;
  commissionerId: string;
  packKpis: Kpi[];
  /** The KPIs of the service's latest national pack, which say how an older pack's KPI is measured. */
  nationalKpis: Kpi[];
  /** Every provider ever listed on the offer. */
  providerIds: string[];
}

async function latestNationalKpis(db: Executor, serviceIds: string[]): Promise<Map<string, Kpi[]>> {
  const latest = new Map<string, Kpi[]>();
  if (serviceIds.length === 0) return latest;
  const packs = await db
    .selectFrom('implementation_packs')
    .select(['service_id', 'content'])
    .where('service_id', 'in', serviceIds)
    .orderBy('version', 'desc')
    .execute();
  for (const pack of packs) if (!latest.has(pack.service_id)) latest.set(pack.service_id, (pack.content as PackContent).kpis);
  return latest;
}

/** The offers with at least one provider ever listed, each with its KPIs and providers (or only the offers named). */
export async function offersToMeasure(db: Executor, onlyOfferIds?: readonly string[]): Promise<MeasuredOffer[]> {
  let query = db
    .selectFrom('offers as o')
    .innerJoin('implementation_packs as p', 'p.id', 'o.pack_id')
    .innerJoin('listings as l', 'l.offer_id', 'o.id')
    .select(['o.id', 'o.service_id', 'o.lead_organisation_id', 'p.content'])
    .select((eb) => eb.fn.agg<string[]>('array_agg', ['l.provider_organisation_id']).distinct().as('provider_ids'))
    .groupBy(['o.id', 'o.service_id', 'o.lead_organisation_id', 'p.content'])
    .orderBy('o.id');
  if (onlyOfferIds) query = query.where('o.id', 'in', onlyOfferIds.length ? [...onlyOfferIds] : ['00000000-0000-0000-0000-000000000000']);
  const rows = await query.execute();
  const national = await latestNationalKpis(db, [...new Set(rows.map((row) => row.service_id))]);
  return rows.map((row) => ({
    id: row.id,
    serviceId: row.service_id,
    commissionerId: row.lead_organisation_id,
    packKpis: (row.content as PackContent).kpis,
    nationalKpis: national.get(row.service_id) ?? [],
    providerIds: [...row.provider_ids].sort(),
  }));
}

/** The referrals on an offer sent to a provider before `to` and not discharged before `from`: every one whose counted days can fall in [from, to). */
function referralsIn(db: Executor, offerId: string, window: { from: string; to: string }) {
  return db
    .selectFrom('referrals as r')
    .where('r.offer_id', '=', offerId)
    .where('r.sent_at', 'is not', null)
    .where('r.sent_at', '<', startOfLondonDay(window.to))
    .where('r.provider_organisation_id', 'is not', null)
    .where((eb) => eb.or([eb('r.discharged_at', 'is', null), eb('r.discharged_at', '>=', startOfLondonDay(window.from))]));
}

/** The offer's referrals in the window as the KPI facts need them. */
export async function referralRowsOf(db: Executor, offerId: string, window: { from: string; to: string }): Promise<ReferralRow[]> {
  const rows = await referralsIn(db, offerId, window)
    .select(['r.id', 'r.provider_organisation_id', 'r.priority', 'r.status', 'r.sent_at', 'r.discharged_at', 'r.aids_fitted'])
    .orderBy('r.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    providerId: row.provider_organisation_id!,
    priority: row.priority,
    status: row.status,
    sentOn: londonDateOf(row.sent_at!),
    dischargedOn: row.discharged_at ? londonDateOf(row.discharged_at) : null,
    aidsFitted: row.aids_fitted,
  }));
}

/** The appointments and sessions with an attendance recorded, of the offer's referrals in the window. */
export async function contactRowsOf(db: Executor, offerId: string, window: { from: string; to: string }): Promise<ContactRow[]> {
  const rows = await referralsIn(db, offerId, window)
    .innerJoin('referral_contacts as c', 'c.referral_id', 'r.id')
    .select(['c.referral_id', 'c.scheduled_for', 'c.recorded_at', 'c.attendance', 'c.phq9_score', 'c.gad7_score', 'c.reported_on'])
    .where('c.attendance', 'is not', null)
    .orderBy('c.referral_id')
    .orderBy('c.id')
    .execute();
  return rows.map((row) => ({
    referralId: row.referral_id,
    on: londonDateOf(row.scheduled_for ?? row.recorded_at),
    attended: row.attendance === 'attended',
    phq9: row.phq9_score,
    gad7: row.gad7_score,
    reportedOn: row.reported_on,
  }));
}
