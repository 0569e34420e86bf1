/** Worklist items as table rows for the provider and referrer pages: formatted dates, sessions against the cap, and why the practice should look. */
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { REFERRER_ATTENTION_LABELS, type WorklistItem } from '../../../domains/referrals/worklist.service.ts';
import { formatDate } from '../format.ts';
import type { ListColumns } from '../list-table.ts';

export interface WorklistRowView {
  ubrn: string;
  reference: string;
  patientName: string;
  serviceName: string;
  providerName: string;
  statusLabel: string;
  acceptBy: string;
  sessions: string;
  attention: string;
  mayAccept: boolean;
}

/** One row; the referrer's "why" adds the return reason and comment, or the working days overdue. */
export function presentWorklistItem({ row, ...facts }: WorklistItem): WorklistRowView {
  const why = facts.attention ? REFERRER_ATTENTION_LABELS[facts.attention] : '';
  const detail =
    facts.attention === 'returned'
      ? [facts.returnReasonLabel, row.returnComment].filter(Boolean).join(': ')
      : facts.attention === 'overdue'
        ? `${facts.workingDaysOverdue ?? 0} working days overdue`
        : '';
  return {
    ubrn: row.ubrn,
    reference: formatUbrn(row.ubrn),
    patientName: row.patientName,
    serviceName: row.serviceName,
    providerName: row.providerName ?? 'Not chosen yet',
    statusLabel: facts.statusLabel,
    acceptBy: row.acceptBy
      ? `${formatDate(row.acceptBy)}${facts.workingDaysOverdue ? ` (${facts.workingDaysOverdue} working day${facts.workingDaysOverdue === 1 ? '' : 's'} overdue)` : ''}`
      : '',
    sessions: facts.sessionCap ? `${row.sessionsAttended} of ${facts.sessionCap}` : String(row.sessionsAttended),
    attention: detail ? `${why} (${detail})` : why,
    mayAccept: row.status === 'sent',
  };
}

const reference = (row: WorklistRowView) => ({ text: row.reference, href: `/referrals/${row.ubrn}` });

/** The provider's worklist as its page and CSV both show it (decision 0067); the page adds the accept button after these. */
export const PROVIDER_WORKLIST_COLUMNS: ListColumns<WorklistRowView> = [
  { heading: 'Reference', cell: reference },
  { heading: 'Patient', cell: (row) => row.patientName },
  { heading: 'Service', cell: (row) => row.serviceName },
  { heading: 'Status', cell: (row) => row.statusLabel },
  { heading: 'Accept by', cell: (row) => row.acceptBy },
  { heading: 'Sessions', cell: (row) => row.sessions },
];

/** The practice's worklist as its page and CSV both show it (decision 0067). */
export const REFERRER_WORKLIST_COLUMNS: ListColumns<WorklistRowView> = [
  { heading: 'Reference', cell: reference },
  { heading: 'Patient', cell: (row) => row.patientName },
  { heading: 'Service', cell: (row) => row.serviceName },
  { heading: 'Provider', cell: (row) => row.providerName },
  { heading: 'Why', cell: (row) => row.attention },
  { heading: 'Sessions', cell: (row) => row.sessions },
];
