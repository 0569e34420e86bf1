/** View-models for the provider's activity pages: a month's lines, totals, the upload report and the file guidance. */
import type { ActivityTotals } from '../../../domains/payments/activity-month.repo.ts';
import type { StoredLine } from '../../../domains/payments/activity-line.repo.ts';
import { ACTIVITY_CSV_COLUMNS } from '../../../domains/payments/activity-csv-format.rules.ts';
import { type FileReport, fileReportCsv, refusedRows } from '../../../domains/payments/activity-file-report.rules.ts';
import { ATTENDANCE_CODES, isDidNotAttend, isNotHeld, REJECTION_REASONS } from '../../../domains/payments/activity-line.rules.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { formatPence } from '../../../lib/money.ts';
import { formatDate } from '../format.ts';
import type { ListColumns } from '../list-table.ts';

type Cell = { text: string };
const cells = (...texts: string[]): Cell[] => texts.map((text) => ({ text }));

/** "February 2027" for 2027-02. */
export function monthLabel(month: string): string {
  return formatDate(`${month}-01`).replace(/^1 /, '');
}

const reasonLabel = (code: string | null) =>
  code && Object.hasOwn(REJECTION_REASONS, code) ? REJECTION_REASONS[code as keyof typeof REJECTION_REASONS].label : (code ?? '');

/** A reference as printed ("1234 5678 9012") when it is 12 digits; as sent otherwise. */
const referenceOf = (text: string) => (/^\d{12}$/.test(text) ? formatUbrn(text) : text);

/** The price column: the price of an accepted line, "Not priced" when no price was in force, nothing for a refused line. */
function priceOf(line: StoredLine): string {
  if (line.status !== 'accepted') return '';
  return line.pricePence === null ? 'Not priced' : formatPence(line.pricePence);
}

/** A month's lines as the page and its CSV both show them (decision 0067): status, the reason a refused line is not paid, and the price of an accepted one. */
export const MONTH_COLUMNS: ListColumns<StoredLine> = [
  { heading: 'Date', cell: (line) => formatDate(line.activityDate) || line.activityDate },
  {
    heading: 'Line id',
    cell: (line) => (line.kind === 'reversal' ? `${line.providerLineId} (reverses ${line.reversesLineId})` : line.providerLineId),
  },
  { heading: 'Referral', cell: (line) => referenceOf(line.referralReference) },
  { heading: 'Currency and band', cell: (line) => `${line.currencyCode}, ${line.complexityBand}` },
  { heading: 'Attendance', cell: (line) => line.attendanceCode },
  { heading: 'Status', cell: (line) => (line.status === 'accepted' ? 'Accepted' : 'Refused') },
  { heading: 'Reason not paid', cell: (line) => reasonLabel(line.rejectionReason) },
  { heading: 'Price', cell: priceOf },
];

/** Totals as summary-list rows: lines accepted and refused, units, and the income from accepted priced lines. */
export function totalsRows(totals: ActivityTotals, incomeLabel: string) {
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  return [
    row('Lines accepted', totals.accepted.toLocaleString('en-GB')),
    row('Lines refused', totals.refused.toLocaleString('en-GB')),
    row('Units of care accepted', `${totals.units.toLocaleString('en-GB')} (originals less reversals)`),
    row(incomeLabel, formatPence(totals.pricedPence)),
    ...(totals.unpriced ? [row('Accepted lines not priced yet', totals.unpriced.toLocaleString('en-GB'))] : []),
  ];
}

/** The upload's counts as summary-list rows. */
export function reportCounts(report: FileReport) {
  const row = (key: string, value: number) => ({ key: { text: key }, value: { text: value.toLocaleString('en-GB') } });
  return [
    row('Lines received', report.received),
    row('Accepted', report.accepted),
    row('Refused or unreadable', report.refused),
    row('Already received before', report.alreadyReceived),
  ];
}

export const REPORT_HEAD = cells('Line', 'Line id', 'Reason', 'What to put right');

/** The upload's refused and unreadable rows by line number, each with its reason code and label and what could not be read. */
export function reportRows(report: FileReport): Cell[][] {
  return refusedRows(report).map((line) =>
    cells(
      String(line.lineNumber),
      line.lineId ?? 'None',
      `${line.reason} (${line.reasonCode})`,
      [line.detail, line.recorded ? '' : 'Not recorded: correct the row and upload it again.'].filter(Boolean).join(' '),
    ),
  );
}

/** The report CSV as a link target the browser downloads without another request (the report is not kept on the server). */
export function reportHref(report: FileReport): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${fileReportCsv(report)}`)}`;
}

/** The file guidance: each column with whether it is needed, and each attendance code with whether it is paid. */
export function guidance() {
  return {
    columnHead: cells('Column heading', 'What to put in it', 'Needed'),
    columnRows: ACTIVITY_CSV_COLUMNS.map((column) => cells(column.heading, column.description, column.required ? 'Yes' : 'No')),
    codeHead: cells('Code', 'Meaning', 'Paid'),
    codeRows: Object.entries(ATTENDANCE_CODES).map(([code, meaning]) =>
      cells(code, meaning, paidWord(code as keyof typeof ATTENDANCE_CODES)),
    ),
  };
}

function paidWord(code: keyof typeof ATTENDANCE_CODES): string {
  if (isNotHeld(code)) return 'No';
  return isDidNotAttend(code) ? 'Only where the offer pays for missed appointments' : 'Yes';
}
