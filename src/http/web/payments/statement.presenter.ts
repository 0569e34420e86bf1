/** How a statement reads on its pages: money in pounds, labels for codes, the status as a tag. */
import { financialMonthOf, financialYearOf } from '../../../domains/payments/month.rules.ts';
import type { BackingLine } from '../../../domains/payments/statement-backing.repo.ts';
import type { StatementHeader } from '../../../domains/payments/statement.repo.ts';
import { NOT_PAID_LABELS, PAYMENT_LABELS, STATEMENT_STATUS_LABELS } from '../../../domains/payments/statement.rules.ts';
import type { StatementView } from '../../../domains/payments/statement.service.ts';
import { formatPence } from '../../../lib/money.ts';
import type { ListColumns } from '../list-table.ts';

const TAG_CLASSES: Record<string, string> = {
  draft: 'nhsuk-tag--grey',
  'awaiting-approval': 'nhsuk-tag--yellow',
  approved: 'nhsuk-tag--green',
};

/** The status as an NHS tag. */
export function statementTag(status: string): { text: string; classes: string } {
  return { text: STATEMENT_STATUS_LABELS[status] ?? status, classes: TAG_CLASSES[status] ?? '' };
}

/** The statement page's model: header, aggregate rows and totals ready to show, with no patient data. */
export function aggregateModel(view: StatementView) {
  const { header, totals } = view;
  return {
    statement: header,
    tag: statementTag(header.status),
    financialYear: financialYearOf(header.month),
    financialMonth: financialMonthOf(header.month),
    rows: view.aggregate.map((row) => ({
      ...row,
      placementLabel: row.entry === 'release' ? 'Released after a query' : row.placement === 'in-month' ? 'In month' : 'Adjustment',
      paymentLabel: PAYMENT_LABELS[row.payment] ?? row.payment,
      amount: formatPence(row.amountPence),
    })),
    totals: {
      ...totals,
      payable: formatPence(totals.payablePence),
      held: formatPence(totals.heldPence),
      notPaid: formatPence(totals.notPaidPence),
    },
    openQueries: view.openQueries,
  };
}

/** One backing line ready to show: its price in pounds and why it is not paid. */
export function backingLineModel(line: BackingLine) {
  return {
    ...line,
    price: line.pricePence === null ? 'No price set' : formatPence(line.pricePence),
    paymentLabel: PAYMENT_LABELS[line.payment] ?? line.payment,
    notPaidLabel: line.notPaidReason ? (NOT_PAID_LABELS[line.notPaidReason] ?? line.notPaidReason) : '',
  };
}

/** The statements list as its page and CSV both show it (decision 0067): a provider reads who pays it, a commissioner whom it pays. */
export function statementListColumns(isProvider: boolean): ListColumns<StatementHeader> {
  return [
    { heading: 'Statement', cell: (statement) => ({ text: statement.reference, href: `/payments/statements/${statement.id}` }) },
    { heading: 'Month', cell: (statement) => statement.month },
    isProvider
      ? { heading: 'Commissioner', cell: (statement) => statement.commissionerName }
      : { heading: 'Provider', cell: (statement) => statement.providerName },
    {
      heading: 'Status',
      cell: (statement) => {
        const tag = statementTag(statement.status);
        return { text: tag.text, tag: tag.classes };
      },
    },
  ];
}
