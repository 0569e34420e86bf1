/** Test builders for the dashboards: referrals across months and providers, first appointments, stored KPI results and feedback answers. */
import type { Deps } from '../../src/domains/deps.ts';
import { type ActivityWorld, aReferralFor } from './activity-rows.ts';
import { aListingIn } from './referral-rows.ts';

/** A second provider (ODS code) live on the world's offer, as a world of its own for `aReferralFor`. */
export async function anotherProviderOn(deps: Deps, world: ActivityWorld, odsCode: string, today: string): Promise<ActivityWorld> {
  const listing = await aListingIn(deps, world.offerId, odsCode, 'live', today);
  return { ...world, ...listing };
}

/** `count` referrals sent and accepted on `sentOn`, each first seen (attended) `seenOn` when given. */
export async function referralsSent(deps: Deps, world: ActivityWorld, sentOn: string, count: number, seenOn?: string): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const referral = await aReferralFor(deps, world, { acceptedOn: sentOn });
    if (seenOn)
      await deps.db
        .insertInto('referral_contacts')
        .values({ referral_id: referral.id, kind: 'appointment', scheduled_for: `${seenOn}T09:00:00Z`, attendance: 'attended' })
        .execute();
    ids.push(referral.id);
  }
  return ids;
}

/** A stored KPI result for the world's provider and offer, as the KPI engine stores one. */
export async function aKpiResult(
  deps: Deps,
  world: ActivityWorld,
  result: { code: string; name: string; endMonth: string; numerator: number; denominator: number; threshold: number; status: string },
): Promise<string> {
  const run = await deps.db
    .insertInto('kpi_runs')
    .values({ end_month: result.endMonth, trigger: 'on-demand', started_at: new Date(), finished_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const offer = await deps.db.selectFrom('offers').select('service_id').where('id', '=', world.offerId).executeTakeFirstOrThrow();
  await deps.db
    .insertInto('kpi_results')
    .values({
      run_id: run.id,
      offer_id: world.offerId,
      provider_organisation_id: world.providerId,
      commissioner_organisation_id: world.commissionerId,
      service_id: offer.service_id,
      kpi_code: result.code,
      kpi_name: result.name,
      measure: JSON.stringify({ kind: 'first-seen-within-working-days', workingDays: 16 }),
      period: 'month',
      end_month: result.endMonth,
      period_from: `${result.endMonth}-01`,
      period_to: `${result.endMonth}-28`,
      threshold_percent: result.threshold,
      direction: 'at-least',
      minimum_count: 5,
      numerator: result.numerator,
      denominator: result.denominator,
      percent_tenths: result.denominator ? Math.round((result.numerator * 1000) / result.denominator) : null,
      status: result.status,
      computed_at: new Date(),
    })
    .execute();
  return run.id;
}

/** Friends and Family Test answers, one per new referral to the world's provider, answered on `answeredOn`. */
export async function feedbackAnswers(deps: Deps, world: ActivityWorld, answeredOn: string, answers: string[]): Promise<void> {
  for (const answer of answers) {
    const referral = await aReferralFor(deps, world, { acceptedOn: answeredOn });
    await deps.db
      .insertInto('feedback_responses')
      .values({
        referral_id: referral.id,
        offer_id: world.offerId,
        provider_organisation_id: world.providerId,
        answer,
        answered_on: answeredOn,
        answered_at: `${answeredOn}T12:00:00Z`,
      })
      .execute();
  }
}
