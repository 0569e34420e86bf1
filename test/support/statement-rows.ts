/** Test builders and readers for monthly statements: rows written directly (the month close builds them in the app), and what a close or an approval stored. */
import type { Deps } from '../../src/domains/deps.ts';
import { insertUser } from '../../src/domains/identity/user.repo.ts';
import type { ActivityWorld } from './activity-rows.ts';
import { nextRowNumber } from './row-numbers.ts';

export interface StatementLineRow {
  referralId: string;
  referralReference: string;
  activityDate: string;
  pricePence: number;
  payment?: 'payable' | 'held' | 'not-paid' | 'unpriced';
}

async function aFinanceUser(deps: Deps, name: string): Promise<string> {
  const statementCount = nextRowNumber(deps.db, 'statement-row');
  return insertUser(deps.db, { email: `${name}.${statementCount}@statements.example`, displayName: name, passwordHash: 'not-a-real-hash' });
}

/** Accepted, priced session lines on the world's offer, as the provider sent them by API, one submission for them all. */
async function acceptedLines(deps: Deps, world: ActivityWorld, lines: readonly StatementLineRow[]): Promise<string[]> {
  const submission = await deps.db
    .insertInto('activity_submissions')
    .values({
      provider_organisation_id: world.providerId,
      source: 'api',
      line_count: lines.length,
      accepted_count: lines.length,
      refused_count: 0,
      already_received_count: 0,
      received_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: string[] = [];
  for (const line of lines) {
    const statementCount = nextRowNumber(deps.db, 'statement-row');
    const row = await deps.db
      .insertInto('activity_lines')
      .values({
        provider_organisation_id: world.providerId,
        provider_line_id: `stmt-line-${statementCount}`,
        referral_id: line.referralId,
        referral_reference: line.referralReference,
        offer_id: world.offerId,
        commissioner_organisation_id: world.commissionerId,
        currency_code: 'session',
        complexity_band: 'STANDARD',
        activity_date: line.activityDate,
        attendance_code: '5',
        kind: 'original',
        reverses_line_id: null,
        source: 'api',
        submission_id: submission.id,
        received_at: new Date(),
        status: 'accepted',
        rejection_reason: null,
        price_pence: line.pricePence,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

/** A statement of the world's provider to its commissioner for a month, in a status, with its lines (payable unless said otherwise). */
export async function aStatement(
  deps: Deps,
  world: ActivityWorld,
  statement: { month: string; status: 'draft' | 'awaiting-approval' | 'approved'; lines: readonly StatementLineRow[] },
): Promise<{ id: string; reference: string }> {
  const lineIds = await acceptedLines(deps, world, statement.lines);
  const preparer = statement.status === 'draft' ? null : await aFinanceUser(deps, 'Preparer');
  const approver = statement.status === 'approved' ? await aFinanceUser(deps, 'Approver') : null;
  const payable = statement.lines
    .filter((line) => (line.payment ?? 'payable') === 'payable')
    .reduce((sum, line) => sum + line.pricePence, 0);
  const reference = `AQP-${statement.month}-T${nextRowNumber(deps.db, 'statement-row')}`;
  const row = await deps.db
    .insertInto('statements')
    .values({
      reference,
      provider_organisation_id: world.providerId,
      commissioner_organisation_id: world.commissionerId,
      month: statement.month,
      status: statement.status,
      built_at: new Date(),
      prepared_by_user_id: preparer,
      prepared_at: preparer ? new Date() : null,
      approved_by_user_id: approver,
      approved_at: approver ? new Date() : null,
      payment_due_on: approver ? '2027-01-31' : null,
      payable_pence: approver ? payable : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await deps.db
    .insertInto('statement_lines')
    .values(
      statement.lines.map((line, index) => {
        const payment = line.payment ?? 'payable';
        return {
          statement_id: row.id,
          line_id: lineIds[index]!,
          entry: 'charge',
          placement: 'in-month',
          currency_code: 'session',
          complexity_band: 'STANDARD',
          price_pence: payment === 'unpriced' ? null : line.pricePence,
          payment,
          not_paid_reason: payment === 'not-paid' ? 'query-not-paid' : null,
        };
      }),
    )
    .execute();
  return { id: row.id, reference };
}

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
