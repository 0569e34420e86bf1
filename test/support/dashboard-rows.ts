/** Test builders for the dashboards: referrals across months and providers, first appointments, stored KPI results and feedback answers. */
import { aStoredKpiResult, type KpiResultSpec, storeFeedback } from './quality-rows.ts';
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

/** A stored month's KPI result (first seen within 16 working days) for the world's provider, with the status given: the shared builder in quality-rows.ts. */
export async function aKpiResult(
  deps: Deps,
  world: ActivityWorld,
  result: { code: string; name: string; endMonth: string; numerator: number; denominator: number; threshold: number; status: string },
): Promise<string> {
  const { runId } = await aStoredKpiResult(deps, {
    offerId: world.offerId,
    providerId: world.providerId,
    endMonth: result.endMonth,
    numerator: result.numerator,
    denominator: result.denominator,
    code: result.code,
    name: result.name,
    period: 'month',
    thresholdPercent: result.threshold,
    minimumCount: 5,
    status: result.status as KpiResultSpec['status'],
  });
  return runId;
}

/** Friends and Family Test answers, one per new referral to the world's provider, answered on `answeredOn`. */
export async function feedbackAnswers(deps: Deps, world: ActivityWorld, answeredOn: string, answers: string[]): Promise<void> {
  const referralIds: string[] = [];
  for (const _answer of answers) referralIds.push((await aReferralFor(deps, world, { acceptedOn: answeredOn })).id);
  await storeFeedback(deps, world, referralIds, answers, answeredOn);
}
