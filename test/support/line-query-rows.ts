/** Test builders for line queries: an accepted activity line written as a submission would store it, arriving at a chosen instant. */
import type { Deps } from '../../src/domains/deps.ts';
import { DEFAULT_QUERY_PERIODS } from '../../src/domains/payments/line-query.rules.ts';
import { londonDateOf } from '../../src/lib/clock.ts';
import type { ActivityWorld } from './activity-rows.ts';
import { nextRowNumber } from './row-numbers.ts';

/** An accepted original session line on the referral, received at `receivedAt` (its London date is the day it was accepted). */
export async function anAcceptedLine(
  deps: Deps,
  world: Pick<ActivityWorld, 'providerId' | 'offerId' | 'commissionerId'>,
  referral: { id: string; ubrn: string },
  line: { receivedAt: string; activityDate?: string; pricePence?: number; status?: 'accepted' | 'refused' },
): Promise<{ id: string; providerLineId: string }> {
  const lineCount = nextRowNumber(deps.db, 'query-line');
  const providerLineId = `Q-${lineCount}`;
  const submission = await deps.db
    .insertInto('activity_submissions')
    .values({
      provider_organisation_id: world.providerId,
      source: 'api',
      file_name: null,
      received_by_user_id: null,
      received_by_api_key_id: null,
      line_count: 1,
      accepted_count: line.status === 'refused' ? 0 : 1,
      refused_count: line.status === 'refused' ? 1 : 0,
      already_received_count: 0,
      received_at: line.receivedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const refused = line.status === 'refused';
  const row = await deps.db
    .insertInto('activity_lines')
    .values({
      provider_organisation_id: world.providerId,
      provider_line_id: providerLineId,
      referral_id: referral.id,
      referral_reference: referral.ubrn,
      offer_id: world.offerId,
      commissioner_organisation_id: world.commissionerId,
      currency_code: 'session',
      complexity_band: 'STANDARD',
      activity_date: line.activityDate ?? line.receivedAt.slice(0, 10),
      attendance_code: '5',
      kind: 'original',
      reverses_line_id: null,
      source: 'api',
      submission_id: submission.id,
      received_at: line.receivedAt,
      status: refused ? 'refused' : 'accepted',
      rejection_reason: refused ? 'duplicate' : null,
      price_pence: refused ? null : (line.pricePence ?? 3500),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, providerLineId };
}

/** A query raised on a line of the demo provider's (DEMO1) first accepted referral, as its paying commissioner's finance team would: an object for access tests to name. */
export async function aQueryOnTheDemoProvidersFirstLine(deps: Deps): Promise<string> {
  const referral = await deps.db
    .selectFrom('referrals as r')
    .innerJoin('organisations as p', 'p.id', 'r.provider_organisation_id')
    .select(['r.id', 'r.ubrn', 'r.provider_organisation_id', 'r.offer_id', 'r.commissioner_organisation_id', 'r.accepted_at'])
    .where('p.ods_code', '=', 'DEMO1')
    .where('r.accepted_at', 'is not', null)
    .orderBy('r.accepted_at')
    .limit(1)
    .executeTakeFirstOrThrow();
  const receivedAt = referral.accepted_at!.toISOString();
  const world = {
    providerId: referral.provider_organisation_id!,
    offerId: referral.offer_id,
    commissionerId: referral.commissioner_organisation_id,
  };
  const line = await anAcceptedLine(deps, world, referral, { receivedAt });
  const row = await deps.db
    .insertInto('line_queries')
    .values({
      line_id: line.id,
      provider_organisation_id: world.providerId,
      commissioner_organisation_id: world.commissionerId,
      reason_code: 'activity-not-evidenced',
      comment: null,
      periods: JSON.stringify(DEFAULT_QUERY_PERIODS),
      line_accepted_on: londonDateOf(referral.accepted_at!),
      raised_on: londonDateOf(referral.accepted_at!),
      raised_at: receivedAt,
      raised_by_user_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
