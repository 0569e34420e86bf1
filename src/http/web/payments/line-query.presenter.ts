/** View-models for the line and query pages: states in plain words with a tag colour, and summary-list rows of a line and its query. */
import type { LineQueryView } from '../../../domains/payments/line-query-view.ts';
import { QUERY_REASONS, type QueryState } from '../../../domains/payments/line-query.rules.ts';
import type { SeenLine } from '../../../domains/payments/line-view.repo.ts';
import { REJECTION_REASONS } from '../../../domains/payments/activity-line.rules.ts';
import { formatNhsNumber } from '../../../lib/nhs-number.ts';
import { formatDate } from '../format.ts';
import type { ListColumns } from '../list-table.ts';

/** Each state in words a finance officer or a provider reads at a glance, with the NHS tag colour for it. */
export const QUERY_STATE_TAGS: Record<QueryState, { text: string; classes: string }> = {
  raised: { text: 'Waiting for the provider’s answer', classes: 'nhsuk-tag--blue' },
  answered: { text: 'Answered: waiting for a decision', classes: 'nhsuk-tag--yellow' },
  'lapsed-unanswered': { text: 'Not answered in time: not paid', classes: 'nhsuk-tag--red' },
  'lapsed-unresolved': { text: 'Not resolved in time: paid', classes: 'nhsuk-tag--orange' },
  'resolved-paid': { text: 'Resolved: paid', classes: 'nhsuk-tag--green' },
  'resolved-not-paid': { text: 'Resolved: not paid', classes: 'nhsuk-tag--grey' },
};

const GBP = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** Integer pence as pounds for reading ("£35.00"); "Not priced" when the offer has no price for it yet. */
export function poundsOf(pence: number | null): string {
  return pence === null ? 'Not priced' : GBP.format(pence / 100);
}

const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });

/** Words for a line's status: accepted, or refused with its reason. */
function lineStatus(line: SeenLine): string {
  if (line.status === 'accepted') return `Accepted on ${formatDate(line.acceptedOn)}`;
  const reason = REJECTION_REASONS[line.rejectionReason as keyof typeof REJECTION_REASONS];
  return `Not paid: ${reason?.label ?? line.rejectionReason ?? 'refused'}`;
}

/** The line's details for a summary list: whose it is, the patient's referral and NHS number, what was done and its price. */
export function lineRows(line: SeenLine) {
  return [
    row('Provider’s line id', line.providerLineId),
    row('Provider', line.providerName),
    row('Paid by', line.commissionerName ?? 'Not known'),
    row('Referral reference', line.referralReference),
    row('NHS number', line.nhsNumber ? formatNhsNumber(line.nhsNumber) : 'Not known'),
    row('Activity date', formatDate(line.activityDate) || line.activityDate),
    row('Currency and band', `${line.currencyCode}, ${line.complexityBand}`),
    row('Attendance code', line.attendanceCode),
    row('Kind', line.kind === 'reversal' ? 'Reversal of an earlier line' : 'Original'),
    row('Status', lineStatus(line)),
    row('Price', line.status === 'accepted' ? poundsOf(line.pricePence) : 'Not paid'),
  ];
}

/** The query's reason, answer and decision with their dates and deadlines, for a summary list. */
export function queryRows(query: LineQueryView) {
  const rows = [
    row('Reason', QUERY_REASONS[query.reasonCode].label),
    ...(query.comment ? [row('Comment', query.comment)] : []),
    row('Raised on', formatDate(query.raisedOn)),
    row(
      'Answer by',
      `${formatDate(query.answerBy)} (${query.periods.answerWithinWorkingDays} working days; unanswered, the line is not paid)`,
    ),
  ];
  if (query.answerText !== null) rows.push(row('Answer', query.answerText), row('Answered on', formatDate(query.answeredOn)));
  if (query.resolveBy)
    rows.push(
      row(
        'Resolve by',
        `${formatDate(query.resolveBy)} (${query.periods.resolveWithinWorkingDays} working days; unresolved, the line is paid)`,
      ),
    );
  if (query.resolution)
    rows.push(row('Decision', `${query.resolution === 'paid' ? 'Paid' : 'Not paid'} on ${formatDate(query.resolvedOn)}`));
  rows.push(row('Periods from', query.periods.edition));
  return rows;
}

/** The next step's date, and whether it has been missed. */
function nextStepBy(query: LineQueryView): string {
  const deadline = query.state === 'raised' ? formatDate(query.answerBy) : query.state === 'answered' ? formatDate(query.resolveBy) : '';
  const overdue = query.overdueStep === 'answer' ? 'Answer overdue' : query.overdueStep === 'resolution' ? 'Decision overdue' : '';
  return [deadline, overdue].filter(Boolean).join(' – ') || 'None';
}

/** The queries list as its page and its CSV both show it (decision 0067): the other side's name heads the third column. */
export function queryListColumns(party: 'provider' | 'commissioner'): ListColumns<LineQueryView> {
  return [
    { heading: 'Line', cell: (query) => ({ text: query.providerLineId, href: `/payments/queries/${query.id}` }) },
    { heading: 'Activity date', cell: (query) => formatDate(query.activityDate) },
    party === 'provider'
      ? { heading: 'Provider', cell: (query) => query.providerName }
      : { heading: 'Commissioner', cell: (query) => query.commissionerName },
    { heading: 'Reason', cell: (query) => QUERY_REASONS[query.reasonCode].label },
    { heading: 'Raised', cell: (query) => formatDate(query.raisedOn) },
    { heading: 'Status', cell: (query) => ({ text: QUERY_STATE_TAGS[query.state].text, tag: QUERY_STATE_TAGS[query.state].classes }) },
    { heading: 'Next step by', cell: nextStepBy },
  ];
}
