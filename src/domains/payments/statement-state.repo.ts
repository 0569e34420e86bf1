/** The changes of a statement's state (decision 0045): prepared, sent back to draft, and approved with every line's payment frozen. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { QueryOutcome } from './month-close.repo.ts';

/** Marks a draft as prepared by someone, awaiting another finance officer's approval. */
export async function markPrepared(trx: Executor, statementId: string, userId: string, at: Date): Promise<void> {
  await trx
    .updateTable('statements')
    .set({ status: 'awaiting-approval', prepared_by_user_id: userId, prepared_at: at })
    .where('id', '=', statementId)
    .execute();
}

/** Sends a statement awaiting approval back to draft, so the next run may rebuild it. */
export async function markDraft(trx: Executor, statementId: string): Promise<void> {
  await trx
    .updateTable('statements')
    .set({ status: 'draft', prepared_by_user_id: null, prepared_at: null })
    .where('id', '=', statementId)
    .execute();
}

/**
 * Applies today's query outcomes to the statement's original charges: held while open, not paid when the query says so,
 * payable again (when priced and not refused for another reason) when it says paid.
 */
export async function applyQueryOutcomes(trx: Executor, statementId: string, outcomes: readonly QueryOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await sql`
    UPDATE statement_lines AS sl
    SET payment = CASE x.outcome WHEN 'held' THEN 'held' WHEN 'not-paid' THEN 'not-paid' ELSE 'payable' END,
      not_paid_reason = CASE x.outcome WHEN 'not-paid' THEN 'query-not-paid' END
    FROM jsonb_to_recordset(${JSON.stringify(outcomes.map((o) => ({ line_id: o.lineId, outcome: o.outcome })))}::jsonb) AS x(line_id uuid, outcome text)
    WHERE sl.statement_id = ${statementId} AND sl.line_id = x.line_id AND sl.entry = 'charge' AND sl.price_pence IS NOT NULL
      AND (sl.not_paid_reason IS NULL OR sl.not_paid_reason = 'query-not-paid')`.execute(trx);
}

/** Approves a statement: its payable total frozen from its lines, approver and due date stamped. Returns the payable total. */
export async function markApproved(
  trx: Executor,
  statementId: string,
  approval: { userId: string; at: Date; paymentDueOn: string },
): Promise<number> {
  const total = await trx
    .selectFrom('statement_lines')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('price_pence'), sql<number>`0`).as('payable'))
    .where('statement_id', '=', statementId)
    .where('payment', '=', 'payable')
    .executeTakeFirstOrThrow();
  const payablePence = Number(total.payable);
  await trx
    .updateTable('statements')
    .set({
      status: 'approved',
      approved_by_user_id: approval.userId,
      approved_at: approval.at,
      payment_due_on: approval.paymentDueOn,
      payable_pence: payablePence,
    })
    .where('id', '=', statementId)
    .execute();
  return payablePence;
}
