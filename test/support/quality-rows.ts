/** Test builders for published quality: stored KPI results written as the KPI engine stores them (decision 0051), and Friends and Family Test answers from real referrals. */
import type { Deps } from '../../src/domains/deps.ts';
import { addDays } from '../../src/lib/working-days.ts';
import type { FftAnswer } from '../../src/domains/provider-quality/feedback.rules.ts';
import { type KpiMeasure, type KpiPeriod, periodWindow } from '../../src/domains/provider-quality/kpi.rules.ts';
import { acceptedReferrals } from './referral-rows.ts';

export interface KpiResultSpec {
  offerId: string;
  providerId: string;
  endMonth: string;
  numerator: number;
  denominator: number;
  code?: string;
  name?: string;
  measure?: KpiMeasure;
  period?: KpiPeriod;
  thresholdPercent?: number;
  direction?: 'at-least' | 'at-most';
  minimumCount?: number;
  /** As the engine would decide it from the counts unless given. */
  status?: 'met' | 'breached' | 'not-enough-data';
}

/** Stores one KPI result (hearing seen within 16 working days over 12 months unless told otherwise) in its own run, with the offer's commissioner and service, its period's last day inclusive as the engine stores it. */
export async function aStoredKpiResult(deps: Deps, spec: KpiResultSpec): Promise<{ runId: string }> {
  const period = spec.period ?? 'rolling-12-months';
  const threshold = spec.thresholdPercent ?? 90;
  const direction = spec.direction ?? 'at-least';
  const minimumCount = spec.minimumCount ?? 20;
  const { numerator, denominator } = spec;
  const met = direction === 'at-least' ? numerator * 100 >= threshold * denominator : numerator * 100 <= threshold * denominator;
  const status = spec.status ?? (denominator < minimumCount || denominator === 0 ? 'not-enough-data' : met ? 'met' : 'breached');
  const offer = await deps.db
    .selectFrom('offers as o')
    .innerJoin('offer_commissioners as oc', 'oc.offer_id', 'o.id')
    .select(['o.service_id', 'oc.organisation_id'])
    .where('o.id', '=', spec.offerId)
    .executeTakeFirstOrThrow();
  const run = await deps.db
    .insertInto('kpi_runs')
    .values({ end_month: spec.endMonth, trigger: 'on-demand', started_at: new Date(), finished_at: new Date(), results: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { from, to } = periodWindow(period, spec.endMonth);
  await deps.db
    .insertInto('kpi_results')
    .values({
      run_id: run.id,
      offer_id: spec.offerId,
      provider_organisation_id: spec.providerId,
      commissioner_organisation_id: offer.organisation_id,
      service_id: offer.service_id,
      kpi_code: spec.code ?? 'hearing-seen-16-working-days',
      kpi_name: spec.name ?? 'Seen within 16 working days',
      measure: JSON.stringify(spec.measure ?? { kind: 'first-seen-within-working-days', workingDays: 16 }),
      period,
      end_month: spec.endMonth,
      period_from: from,
      period_to: addDays(to, -1),
      threshold_percent: threshold,
      direction,
      minimum_count: minimumCount,
      numerator,
      denominator,
      percent_tenths: denominator === 0 ? null : Math.round((numerator * 1000) / denominator),
      status,
      computed_at: new Date(),
    })
    .execute();
  return { runId: run.id };
}

/** Gives a provider one Friends and Family Test answer per new referral on the listing's offer, answered on a day; the referrals were sent and accepted 200 days before, outside the window waits are measured over. */
export async function feedbackGiven(
  deps: Deps,
  listing: { offerId: string; listingId: string; providerId: string },
  answers: readonly FftAnswer[],
  answeredOn: string,
): Promise<void> {
  const referralsOfListing = async () =>
    (await deps.db.selectFrom('referrals').select('id').where('listing_id', '=', listing.listingId).execute()).map((row) => row.id);
  const before = new Set(await referralsOfListing());
  await acceptedReferrals(
    deps,
    listing,
    answers.map(() => [addDays(answeredOn, -200), addDays(answeredOn, -200)]),
  );
  const referrals = (await referralsOfListing()).filter((id) => !before.has(id));
  await storeFeedback(deps, listing, referrals, answers, answeredOn);
}

/** Stores one Friends and Family Test answer for each referral given (in order), answered at noon on a day, as the referral-status page does. */
export async function storeFeedback(
  deps: Deps,
  to: { offerId: string; providerId: string },
  referralIds: readonly string[],
  answers: readonly string[],
  answeredOn: string,
): Promise<void> {
  if (answers.length === 0) return;
  await deps.db
    .insertInto('feedback_responses')
    .values(
      answers.map((answer, index) => ({
        referral_id: referralIds[index]!,
        offer_id: to.offerId,
        provider_organisation_id: to.providerId,
        answer,
        answered_on: answeredOn,
        answered_at: new Date(`${answeredOn}T12:00:00Z`),
      })),
    )
    .execute();
}
