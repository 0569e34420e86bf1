/** Table types for monthly statements, their lines, month-close runs and line queries (migration 0022, decision 0045). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, never>;
type Immutable<T> = ColumnType<T, T, never>;
type Changeable<T> = ColumnType<T, T | undefined, T>;
type Money = ColumnType<number | null, number | null | undefined, number | null>;

export interface PaymentRunsTable {
  id: Generated<string>;
  month: Immutable<string>;
  ran_on: Immutable<string>;
  started_at: Timestamp;
  finished_at: Timestamp;
  triggered_by: Immutable<string>;
  run_by_user_id: Immutable<string | null>;
  statements_built: Immutable<number>;
  lines_placed: Immutable<number>;
}

export interface StatementsTable {
  id: Generated<string>;
  reference: Immutable<string>;
  provider_organisation_id: Immutable<string>;
  commissioner_organisation_id: Immutable<string>;
  month: Immutable<string>;
  status: string;
  built_at: ColumnType<Date, Date | string, Date | string>;
  built_by_run_id: Changeable<string | null>;
  prepared_by_user_id: Changeable<string | null>;
  prepared_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  approved_by_user_id: Changeable<string | null>;
  approved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  payment_due_on: Changeable<string | null>;
  payable_pence: Money;
}

export interface StatementLinesTable {
  statement_id: Immutable<string>;
  line_id: Immutable<string>;
  entry: Immutable<string>;
  placement: Immutable<string>;
  currency_code: Immutable<string>;
  complexity_band: Immutable<string>;
  price_pence: Immutable<number | null>;
  payment: string;
  not_paid_reason: string | null;
}

export interface LineQueriesTable {
  id: Generated<string>;
  line_id: Immutable<string>;
  provider_organisation_id: Immutable<string>;
  commissioner_organisation_id: Immutable<string>;
  reason_code: Immutable<string>;
  comment: Immutable<string | null>;
  periods: Immutable<unknown>;
  line_accepted_on: Immutable<string>;
  raised_on: Immutable<string>;
  raised_at: Timestamp;
  raised_by_user_id: Immutable<string | null>;
  answer_text: Changeable<string | null>;
  answered_on: Changeable<string | null>;
  answered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  answered_by_user_id: Changeable<string | null>;
  resolution: Changeable<string | null>;
  resolved_on: Changeable<string | null>;
  resolved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  resolved_by_user_id: Changeable<string | null>;
}

export interface StatementTables {
  payment_runs: PaymentRunsTable;
  statements: StatementsTable;
  statement_lines: StatementLinesTable;
  line_queries: LineQueriesTable;
}
