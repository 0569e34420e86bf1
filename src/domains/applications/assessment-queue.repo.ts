/** The assessor's queue: applications awaiting a decision on the offers an organisation may assess, oldest submission first. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { offerReference } from '../offers/offer.repo.ts';
import { IN_ASSESSMENT_STATUSES, type ApplicationStatus } from './application-status.rules.ts';

export interface QueueRow {
  id: string;
  status: ApplicationStatus;
  submittedAt: Date;
  attempt: number;
  providerName: string;
  providerOdsCode: string | null;
  offer: { id: string; reference: string; title: string; leadName: string };
}

/** One page of the queue; `leadOrganisationId` null means every offer (a national assessor). */
export async function assessmentQueue(
  db: Executor,
  leadOrganisationId: string | null,
  page: { limit: number; offset: number },
): Promise<{ rows: QueueRow[]; total: number }> {
  let base = db
    .selectFrom('applications as a')
    .innerJoin('offers as o', 'o.id', 'a.offer_id')
    .where('a.status', 'in', [...IN_ASSESSMENT_STATUSES]);
  if (leadOrganisationId) base = base.where('o.lead_organisation_id', '=', leadOrganisationId);
  const rows = await base
    .innerJoin('organisations as p', 'p.id', 'a.provider_organisation_id')
    .innerJoin('organisations as l', 'l.id', 'o.lead_organisation_id')
    .select([
      'a.id',
      'a.status',
      'a.submitted_at',
      'a.attempt',
      'p.name as provider_name',
      'p.ods_code as provider_ods_code',
      'o.id as offer_id',
      'o.number',
      'o.title',
      'l.name as lead_name',
    ])
    .orderBy('a.submitted_at')
    .orderBy('a.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const { total } = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  return {
    total: Number(total),
    rows: rows.map((row) => ({
      id: row.id,
      status: row.status as ApplicationStatus,
      submittedAt: row.submitted_at!,
      attempt: row.attempt,
      providerName: row.provider_name,
      providerOdsCode: row.provider_ods_code,
      offer: { id: row.offer_id, reference: offerReference(row.number), title: row.title, leadName: row.lead_name },
    })),
  };
}
