/** Test builders for line queries: an accepted activity line written as a submission would store it, arriving at a chosen instant. */
import type { Deps } from '../../src/domains/deps.ts';
import type { ActivityWorld } from './activity-rows.ts';

let lineCount = 0;

/** An accepted original session line on the referral, received at `receivedAt` (its London date is the day it was accepted). */
export async function anAcceptedLine(
  deps: Deps,
  world: ActivityWorld,
  referral: { id: string; ubrn: string },
  line: { receivedAt: string; activityDate?: string; pricePence?: number; status?: 'accepted' | 'refused' },
): Promise<{ id: string; providerLineId: string }> {
  lineCount += 1;
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
