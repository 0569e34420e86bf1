/** Aggregate application figures for an offer's public page and the AQP map (issue #5 and #11, transparency): received, qualified, refused by ground, in assessment. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { REFUSAL_GROUNDS, type RefusalGround } from './application-status.rules.ts';

export interface ApplicationCounts {
  /** Every application ever submitted (drafts and applications withdrawn before submission are not counted). */
  received: number;
  qualified: number;
  refused: Record<RefusalGround, number>;
  /** Submitted or waiting for a clarification answer. */
  inAssessment: number;
}

/** Figures of nothing yet: the start of every tally. */
export function noApplications(): ApplicationCounts {
  return {
    received: 0,
    qualified: 0,
    refused: Object.fromEntries(REFUSAL_GROUNDS.map((ground) => [ground, 0])) as Record<RefusalGround, number>,
    inAssessment: 0,
  };
}

/** Adds `count` applications in one status (and refusal ground) to a tally. */
function tally(counts: ApplicationCounts, row: { status: string; refusal_ground: string | null; count: number }): void {
  const count = Number(row.count);
  counts.received += count;
  if (row.status === 'qualified') counts.qualified += count;
  if (row.status === 'submitted' || row.status === 'clarification') counts.inAssessment += count;
  if (row.status === 'not-qualified' && row.refusal_ground) counts.refused[row.refusal_ground as RefusalGround] += count;
}

/** Counts the applications an offer has received and what became of them; no provider is named. */
export async function applicationCounts(db: Executor, offerId: string): Promise<ApplicationCounts> {
  if (!/^[0-9a-f-]{36}$/i.test(offerId)) return noApplications();
  return (await applicationCountsByOffer(db, [offerId])).get(offerId) ?? noApplications();
}

/** The same figures for many offers in one query, by offer id (offers without submitted applications are absent). */
export async function applicationCountsByOffer(db: Executor, offerIds: readonly string[]): Promise<Map<string, ApplicationCounts>> {
  const byOffer = new Map<string, ApplicationCounts>();
  if (!offerIds.length) return byOffer;
  const rows = await db
    .selectFrom('applications')
    .select(['offer_id', 'status', 'refusal_ground', sql<number>`count(*)::int`.as('count')])
    .where('offer_id', 'in', [...offerIds])
    .where('submitted_at', 'is not', null)
    .groupBy(['offer_id', 'status', 'refusal_ground'])
    .execute();
  for (const row of rows) {
    const counts = byOffer.get(row.offer_id) ?? noApplications();
    tally(counts, row);
    byOffer.set(row.offer_id, counts);
  }
  return byOffer;
}
