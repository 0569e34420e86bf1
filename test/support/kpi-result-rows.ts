/**
 * Test builders for stored KPI results, written as the KPI engine stores them (kpi_runs, kpi_results, kpi_result_counts; decision 0051):
 * a hearing offer with a live provider, and a month's result worked out by the KPI rules from referrals first seen after so many
 * working days, for tests of what follows a result (pages, breaches, API) without building every referral the engine would read.
 */
import type { Deps } from '../../src/domains/deps.ts';
import { evaluateKpi, type KpiDefinition, type KpiReferralFacts, periodWindow } from '../../src/domains/provider-quality/kpi.rules.ts';
import { addDays, isWorkingDay, workingDayAfter } from '../../src/lib/working-days.ts';
import { type ActivityWorld, aReferralFor } from './activity-rows.ts';
import { anOffer } from './offer-rows.ts';
import { aListingIn } from './referral-rows.ts';

/** The hearing KPI of brief §B1: seen within 16 working days, here against a 90% threshold, by the month, at least 5 counted. */
export const SEEN_WITHIN_16: KpiDefinition = {
  code: 'hearing-seen-within-16-working-days',
  name: 'Seen within 16 working days',
  measure: { kind: 'first-seen-within-working-days', workingDays: 16 },
  thresholdPercent: 90,
  direction: 'at-least',
  period: 'month',
  minimumCount: 5,
};

/** The demo ICB's (QWO) open adult hearing offer with the demo provider (DEMO1) live on it. */
export async function aHearingOfferWithLiveProvider(deps: Deps, today: string, providerOds = 'DEMO1'): Promise<ActivityWorld> {
  const offer = await anOffer(deps.db).forService('adult-hearing').coveringOds('QWO').withStatus('open').withPackProtocol().insert();
  const listing = await aListingIn(deps, offer.id, providerOds, 'live', today);
  const icb = await deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'QWO').executeTakeFirstOrThrow();
  return { offerId: offer.id, ...listing, commissionerId: icb.id };
}

const firstWorkingDayOf = (month: string) => {
  let day = `${month}-01`;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
};

/**
 * A KPI run for `endMonth` holding one result for the world's provider: one referral received on the month's first working day
 * for each entry of `seenAfterWorkingDays`, first seen that many working days later (bank holidays honoured); the value, status and
 * counts are worked out by the KPI rules, never typed.
 */
export async function aStoredKpiResult(
  deps: Deps,
  world: ActivityWorld,
  input: { endMonth: string; seenAfterWorkingDays: readonly number[]; definition?: KpiDefinition },
): Promise<{ runId: string; resultId: string; status: string }> {
  const definition = input.definition ?? SEEN_WITHIN_16;
  const receivedOn = firstWorkingDayOf(input.endMonth);
  const facts: KpiReferralFacts[] = [];
  for (const after of input.seenAfterWorkingDays) {
    const referral = await aReferralFor(deps, world, { acceptedOn: receivedOn });
    const seenOn = workingDayAfter(receivedOn, after);
    facts.push({
      referralId: referral.id,
      receivedOn,
      firstAttendedOn: seenOn,
      courseFinishedOn: null,
      contacts: [{ on: seenOn, attended: true }],
    });
  }
  const result = evaluateKpi(definition, facts, input.endMonth);
  const window = periodWindow(definition.period, input.endMonth);
  const at = new Date();
  const run = await deps.db
    .insertInto('kpi_runs')
    .values({ end_month: input.endMonth, trigger: 'on-demand', started_at: at, finished_at: at, results: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const offer = await deps.db.selectFrom('offers').select('service_id').where('id', '=', world.offerId).executeTakeFirstOrThrow();
  const row = await deps.db
    .insertInto('kpi_results')
    .values({
      run_id: run.id,
      offer_id: world.offerId,
      provider_organisation_id: world.providerId,
      commissioner_organisation_id: world.commissionerId,
      service_id: offer.service_id,
      kpi_code: definition.code,
      kpi_name: definition.name,
      measure: JSON.stringify(definition.measure),
      period: definition.period,
      end_month: input.endMonth,
      period_from: window.from,
      period_to: addDays(window.to, -1),
      threshold_percent: definition.thresholdPercent,
      direction: definition.direction,
      minimum_count: definition.minimumCount,
      numerator: result.numerator,
      denominator: result.denominator,
      percent_tenths: result.percent === null ? null : Math.round(result.percent * 10),
      status: result.status,
      computed_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (result.counted.length)
    await deps.db
      .insertInto('kpi_result_counts')
      .values(
        result.counted.map((count, index) => ({
          result_id: row.id,
          position: index + 1,
          referral_id: count.referralId,
          counted_on: count.countedOn,
          met: count.met,
        })),
      )
      .execute();
  return { runId: run.id, resultId: row.id, status: result.status };
}

/** Eight of ten hearing patients seen within 16 working days (two after 17): 80% against 90%, a breach (issue #15's must-hold case). */
export const EIGHT_OF_TEN_SEEN_IN_TIME: readonly number[] = [3, 5, 8, 10, 12, 14, 15, 16, 17, 20];
