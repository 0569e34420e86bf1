/** Test builders for KPI runs: an offer of a service on its latest pack with providers live on it, and referrals with the appointments, sessions, scores, reports and discharges the KPIs count. */
import type { Deps } from '../../src/domains/deps.ts';
import { anOffer } from './offer-rows.ts';
import { aListingIn } from './referral-rows.ts';
import { nextRowNumber } from './row-numbers.ts';

export interface KpiWorld {
  offerId: string;
  commissionerId: string;
  /** Provider id by ODS code. */
  providers: Record<string, { providerId: string; listingId: string }>;
}

/** A commissioner's (Calderdale, 02T, unless named) open offer of a service on its latest pack, with the named demo providers live on it. */
export async function aMeasuredOffer(
  deps: Deps,
  service: string,
  providerOdsCodes: string[],
  today: string,
  leadOds = '02T',
): Promise<KpiWorld> {
  const offer = await anOffer(deps.db).forService(service).coveringOds(leadOds).withStatus('open').withPackProtocol().insert();
  const providers: KpiWorld['providers'] = {};
  for (const ods of providerOdsCodes) providers[ods] = await aListingIn(deps, offer.id, ods, 'live', today);
  const commissioner = await deps.db.selectFrom('organisations').select('id').where('ods_code', '=', leadOds).executeTakeFirstOrThrow();
  return { offerId: offer.id, commissionerId: commissioner.id, providers };
}

export interface KpiContact {
  on: string;
  attended?: boolean;
  phq9?: number;
  gad7?: number;
  reportedOn?: string;
}

export interface KpiReferralShape {
  sentOn: string;
  priority?: 'routine' | 'urgent';
  contacts?: KpiContact[];
  dischargedOn?: string;
  aidsFitted?: 0 | 1 | 2;
  status?: string;
}

/** A referral sent to a provider on `sentOn` (10:00 in England's winter), with its contacts recorded at 09:00 on their days. */
export async function aKpiReferral(
  deps: Deps,
  world: KpiWorld,
  providerOds: string,
  shape: KpiReferralShape,
): Promise<{ id: string; ubrn: string }> {
  const count = nextRowNumber(deps.db, 'kpi-referral');
  const ubrn = String(600000000000 + count);
  const { providerId, listingId } = world.providers[providerOds]!;
  const patient = await deps.db
    .insertInto('patients')
    .values({
      given_name: 'Kay',
      family_name: `Pim ${count}`,
      date_of_birth: '1950-01-01',
      sex: 'female',
      postcode: 'HX1 1PW',
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const referral = await deps.db
    .insertInto('referrals')
    .values({
      ubrn,
      access_code_hash: 'not-a-real-hash',
      patient_id: patient.id,
      offer_id: world.offerId,
      protocol_version: 1,
      commissioner_organisation_id: world.commissionerId,
      route: 'gp',
      priority: shape.priority ?? 'routine',
      eligibility: '{}',
      status: shape.status ?? (shape.dischargedOn ? 'discharged' : 'accepted'),
      referred_on: shape.sentOn,
      listing_id: listingId,
      provider_organisation_id: providerId,
      sent_at: `${shape.sentOn}T10:00:00Z`,
      accepted_at: `${shape.sentOn}T11:00:00Z`,
      discharged_at: shape.dischargedOn ? `${shape.dischargedOn}T16:00:00Z` : null,
      aids_fitted: shape.aidsFitted ?? null,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (shape.contacts?.length)
    await deps.db
      .insertInto('referral_contacts')
      .values(
        shape.contacts.map((contact) => ({
          referral_id: referral.id,
          kind: 'session',
          scheduled_for: new Date(`${contact.on}T09:00:00Z`),
          attendance: contact.attended === false ? 'did-not-attend' : 'attended',
          recorded_at: new Date(`${contact.on}T17:00:00Z`),
          phq9_score: contact.phq9 ?? null,
          gad7_score: contact.gad7 ?? null,
          reported_on: contact.reportedOn ?? null,
        })),
      )
      .execute();
  return { id: referral.id, ubrn };
}

/** Every stored result of an end month without the run that wrote it, in a fixed order, to compare two runs. */
export async function storedResultsOf(deps: Deps, endMonth: string) {
  const results = await deps.db.selectFrom('kpi_results').selectAll().where('end_month', '=', endMonth).orderBy('id').execute();
  const counts = await deps.db
    .selectFrom('kpi_result_counts as c')
    .innerJoin('kpi_results as r', 'r.id', 'c.result_id')
    .select(['c.result_id', 'c.position', 'c.referral_id', 'c.counted_on', 'c.met'])
    .where('r.end_month', '=', endMonth)
    .orderBy('c.result_id')
    .orderBy('c.position')
    .execute();
  return { results: results.map(({ run_id: _run, computed_at: _at, ...values }) => values), counts };
}
