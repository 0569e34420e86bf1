/** What a statement adds up to and the files it is sent as (decision 0045): aggregate, payment file and backing lines, totals exact in pence. */
import { csvDocument } from '../../lib/csv.ts';
import { financialMonthOf, financialYearOf } from './month.rules.ts';
import { totalPence } from './pricing.rules.ts';
import type { AggregateRow, StatementHeader } from './statement.repo.ts';
import type { BackingLine } from './statement-backing.repo.ts';

export const STATEMENT_STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  'awaiting-approval': 'Awaiting approval',
  approved: 'Approved – payable',
};

export const PAYMENT_LABELS: Record<string, string> = {
  payable: 'Payable',
  held: 'Held: query open',
  'not-paid': 'Not paid',
  unpriced: 'No price set',
};

export const NOT_PAID_LABELS: Record<string, string> = {
  'outside-criteria': 'The referral was returned as outside the criteria',
  'query-not-paid': 'Not paid after a query',
  'original-not-paid': 'Reverses a line that was not paid',
};

export interface StatementTotals {
  payablePence: number;
  heldPence: number;
  notPaidPence: number;
  unpricedLines: number;
  lines: number;
}

/** The statement's totals from its aggregate: what is payable, held by queries, not paid, and lines with no price. */
export function totalsOf(rows: readonly AggregateRow[]): StatementTotals {
  const sum = (payment: string) => totalPence(rows.filter((row) => row.payment === payment).map((row) => row.amountPence));
  return {
    payablePence: sum('payable'),
    heldPence: sum('held'),
    notPaidPence: sum('not-paid'),
    unpricedLines: rows.filter((row) => row.payment === 'unpriced').reduce((count, row) => count + Math.abs(row.units), 0),
    lines: rows.reduce((count, row) => count + Math.abs(row.units), 0),
  };
}

const pounds = (pence: number) => (pence / 100).toFixed(2);

/** The aggregate as CSV, the same columns as the statement page: no patient data. */
export function statementCsv(header: StatementHeader, rows: readonly AggregateRow[]): string {
  return csvDocument(
    [
      'statement_reference',
      'month',
      'service',
      'currency_code',
      'currency',
      'complexity_band',
      'placement',
      'entry',
      'payment',
      'units',
      'amount_pence',
      'amount_pounds',
    ],
    rows.map((row) => [
      header.reference,
      header.month,
      row.serviceName,
      row.currencyCode,
      row.currencyName,
      row.complexityBand,
      row.placement,
      row.entry,
      row.payment,
      row.units,
      row.amountPence,
      pounds(row.amountPence),
    ]),
  );
}

/** The payment file for the finance system: one row per payable currency and band, then the total; no patient data. */
export function paymentFileCsv(header: StatementHeader, rows: readonly AggregateRow[]): string {
  const payable = rows.filter((row) => row.payment === 'payable');
  const common = [
    header.reference,
    header.providerOds ?? '',
    header.providerName,
    header.commissionerOds ?? '',
    header.commissionerName,
    financialYearOf(header.month),
    financialMonthOf(header.month),
  ];
  const total = totalPence(payable.map((row) => row.amountPence));
  return csvDocument(
    [
      'record_type',
      'statement_reference',
      'provider_ods_code',
      'provider_name',
      'commissioner_ods_code',
      'commissioner_name',
      'financial_year',
      'financial_month',
      'currency_code',
      'complexity_band',
      'placement',
      'units',
      'amount_pence',
      'amount_pounds',
      'payment_due_on',
    ],
    [
      ...payable.map((row) => [
        'line',
        ...common,
        row.currencyCode,
        row.complexityBand,
        row.placement,
        row.units,
        row.amountPence,
        pounds(row.amountPence),
        header.paymentDueOn ?? '',
      ]),
      ['total', ...common, '', '', '', payable.reduce((n, row) => n + row.units, 0), total, pounds(total), header.paymentDueOn ?? ''],
    ],
  );
}

/** The backing lines as CSV (PLCM-like): patient level, for the provider and the commissioner's finance officers only. */
export function backingLinesCsv(header: StatementHeader, lines: readonly BackingLine[]): string {
  return csvDocument(
    [
      'statement_reference',
      'line_id',
      'referral_reference',
      'nhs_number',
      'activity_date',
      'attendance_code',
      'kind',
      'reverses_line_id',
      'currency_code',
      'complexity_band',
      'entry',
      'placement',
      'price_pence',
      'payment',
      'not_paid_reason',
    ],
    lines.map((line) => [
      header.reference,
      line.providerLineId,
      line.referralReference,
      line.nhsNumber ?? '',
      line.activityDate,
      line.attendanceCode,
      line.kind,
      line.reversesLineId ?? '',
      line.currencyCode,
      line.complexityBand,
      line.entry,
      line.placement,
      line.pricePence ?? '',
      line.payment,
      line.notPaidReason ?? '',
    ]),
  );
}
