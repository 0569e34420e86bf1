/** Aggregate application figures for an offer's public page (issue #5, transparency): received, qualified, refused by ground, in assessment. */
import { sql } from 'kysely';
import type { Executor } from '../identity/audit.repo.ts';
import { REFUSAL_GROUNDS, type RefusalGround } from './application-status.rules.ts';

export interface ApplicationCounts {
  /** Every application ever submitted (drafts and applications withdrawn before submission are not counted). */
  received: number;
  qualified: number;
  refused: Record<RefusalGround, number>;
  /** Submitted or waiting for a clarification answer. */
  inAssessment: number;
}

/** Counts the applications an offer has received and what became of them; no provider is named. */
export async function applicationCounts(db: Executor, offerId: string): Promise<ApplicationCounts> {
  const refused = Object.fromEntries(REFUSAL_GROUNDS.map((ground) => [ground, 0])) as Record<RefusalGround, number>;
  const counts: ApplicationCounts = { received: 0, qualified: 0, refused, inAssessment: 0 };
  if (!/^[0-9a-f-]{36}$/i.test(offerId)) return counts;
  const rows = await db.selectFrom('applications')
    .select(['status', 'refusal_ground', sql<number>`count(*)::int`.as('count')])
    .where('offer_id', '=', offerId).where('submitted_at', 'is not', null)
    .groupBy(['status', 'refusal_ground']).execute();
  for (const row of rows) {
    const count = Number(row.count);
    counts.received += count;
    if (row.status === 'qualified') counts.qualified += count;
    if (row.status === 'submitted' || row.status === 'clarification') counts.inAssessment += count;
    if (row.status === 'not-qualified' && row.refusal_ground) counts.refused[row.refusal_ground as RefusalGround] += count;
  }
  return counts;
}
