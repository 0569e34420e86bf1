/** The patient-level backing lines of a statement (PLCM-like, decision 0045): read only together with the audit row saying who saw them. */
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';

export interface BackingLine {
  lineId: string;
  providerLineId: string;
  referralReference: string;
  nhsNumber: string | null;
  activityDate: string;
  attendanceCode: string;
  kind: string;
  reversesLineId: string | null;
  currencyCode: string;
  complexityBand: string;
  entry: string;
  placement: string;
  pricePence: number | null;
  payment: string;
  notPaidReason: string | null;
  queryId: string | null;
  queryOpen: boolean;
}

/** Every line of the statement with its referral and NHS number, audited as seen (`statement.backing-lines.view`) in the caller's transaction. */
export async function backingLinesSeen(
  trx: Executor,
  context: ActionContext,
  statementId: string,
  view: { page: string },
): Promise<BackingLine[]> {
  const rows = await trx
    .selectFrom('statement_lines as sl')
    .innerJoin('activity_lines as l', 'l.id', 'sl.line_id')
    .leftJoin('referrals as r', 'r.id', 'l.referral_id')
    .leftJoin('patients as p', 'p.id', 'r.patient_id')
    .leftJoin('line_queries as q', 'q.line_id', 'l.id')
    .select(['l.id as lineId', 'l.provider_line_id as providerLineId', 'l.referral_reference as referralReference'])
    .select(['p.nhs_number as nhsNumber', 'l.activity_date as activityDate', 'l.attendance_code as attendanceCode', 'l.kind'])
    .select(['l.reverses_line_id as reversesLineId', 'sl.currency_code as currencyCode', 'sl.complexity_band as complexityBand'])
    .select(['sl.entry', 'sl.placement', 'sl.price_pence as pricePence', 'sl.payment', 'sl.not_paid_reason as notPaidReason'])
    .select(['q.id as queryId', 'q.resolution as queryResolution'])
    .where('sl.statement_id', '=', statementId)
    .orderBy('l.activity_date')
    .orderBy('l.seq')
    .orderBy('sl.entry')
    .execute();
  await recordAudit(trx, context, {
    action: 'statement.backing-lines.view',
    entityType: 'statement',
    entityId: statementId,
    details: { page: view.page, lines: rows.length },
  });
  return rows.map(({ queryResolution, ...row }) => ({ ...row, queryOpen: row.queryId !== null && queryResolution === null }));
}
