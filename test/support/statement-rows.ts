/** Reading statements and their lines straight from the tables, to check what a month close or an approval stored. */
import type { Deps } from '../../src/domains/deps.ts';

/** A month's statements, by reference. */
export async function statementsOfMonth(deps: Deps, month: string) {
  return deps.db.selectFrom('statements').selectAll().where('month', '=', month).orderBy('reference').execute();
}

/** A statement's lines with the provider's line ids, in the order the lines arrived (releases after charges). */
export async function statementLinesOf(deps: Deps, statementId: string) {
  return deps.db
    .selectFrom('statement_lines as sl')
    .innerJoin('activity_lines as l', 'l.id', 'sl.line_id')
    .select(['l.provider_line_id', 'sl.entry', 'sl.placement', 'sl.currency_code', 'sl.complexity_band', 'sl.price_pence'])
    .select(['sl.payment', 'sl.not_paid_reason'])
    .where('sl.statement_id', '=', statementId)
    .orderBy('sl.entry')
    .orderBy('l.seq')
    .execute();
}
