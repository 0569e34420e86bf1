/** Reads of one activity line for a person to see, with its referral reference and NHS number: each writes its `activity-line.view` audit row (or the refusal) in the caller's transaction. */
import type { Executor } from '../../db/executor.ts';
import { londonDateOf } from '../../lib/clock.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { type LineParties, type QuerySide, querySideOf } from './line-query-access.rules.ts';

/** A line as either side of it sees it. */
export interface SeenLine extends LineParties {
  id: string;
  side: QuerySide;
  providerLineId: string;
  providerName: string;
  commissionerName: string | null;
  referralReference: string;
  nhsNumber: string | null;
  currencyCode: string;
  complexityBand: string;
  activityDate: string;
  attendanceCode: string;
  kind: string;
  status: string;
  rejectionReason: string | null;
  pricePence: number | null;
  source: string;
  acceptedOn: string;
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

async function readLine(trx: Executor, lineId: string) {
  if (!isUuid(lineId)) return undefined;
  return trx
    .selectFrom('activity_lines as a')
    .innerJoin('organisations as p', 'p.id', 'a.provider_organisation_id')
    .leftJoin('organisations as c', 'c.id', 'a.commissioner_organisation_id')
    .leftJoin('organisations as cp', (join) => join.onRef('cp.id', '=', 'c.parent_id').on('cp.kind', '=', 'commissioner'))
    .leftJoin('referrals as r', 'r.id', 'a.referral_id')
    .leftJoin('patients as pt', 'pt.id', 'r.patient_id')
    .select([
      'a.id',
      'a.provider_organisation_id as providerId',
      'a.commissioner_organisation_id as commissionerId',
      'cp.id as commissionerParentId',
      'a.provider_line_id as providerLineId',
      'p.name as providerName',
      'c.name as commissionerName',
      'a.referral_reference as referralReference',
      'pt.nhs_number as nhsNumber',
      'a.currency_code as currencyCode',
      'a.complexity_band as complexityBand',
      'a.activity_date as activityDate',
      'a.attendance_code as attendanceCode',
      'a.kind',
      'a.status',
      'a.rejection_reason as rejectionReason',
      'a.price_pence as pricePence',
      'a.source',
      'a.received_at as receivedAt',
    ])
    .where('a.id', '=', lineId)
    .executeTakeFirst();
}

/** The line for the one reading it, audited as seen; undefined (audited as refused) when there is no such line or the reader is on neither side. */
export async function lineSeenBy(trx: Executor, context: ActionContext, lineId: string, page: string): Promise<SeenLine | undefined> {
  const row = await readLine(trx, lineId);
  const side = row ? querySideOf(context.principal, row) : null;
  if (!row || !side) {
    await recordAudit(trx, context, {
      action: 'activity-line.view',
      outcome: 'denied',
      entityType: 'activity-line',
      entityId: null,
      details: { lineId: lineId.slice(0, 40), page },
    });
    return undefined;
  }
  await recordAudit(trx, context, {
    action: 'activity-line.view',
    entityType: 'activity-line',
    entityId: row.id,
    details: { referralReference: row.referralReference, page, side, ...(row.nhsNumber && { nhsNumber: true }) },
  });
  const { receivedAt, ...line } = row;
  return { ...line, side, acceptedOn: londonDateOf(receivedAt) };
}
