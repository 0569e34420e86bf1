/** The full referral list page: the filter form as typed, and each referral as a row of the responsive table. */
import type { ListScope, ReferralListRow } from '../../../domains/referrals/referral-list.service.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { REFERRAL_STATUS_LABELS, REFERRAL_STATUSES } from '../../../domains/referrals/referral-status.rules.ts';
import { formatNhsNumber } from '../../../lib/nhs-number.ts';
import { type DateParts, datePartsFromIso, datePartsOf, isoDateFromParts } from '../date-input.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { field } from '../form.ts';
import { formatDate } from '../format.ts';
import type { ListColumns } from '../list-table.ts';

/** The filter as the form shows it: the date boxes as typed, or as a link's ISO date (from a count or a page link) fills them. */
export interface ListFormValues {
  status: string;
  overdue: boolean;
  service: string;
  search: string;
  sentFrom: DateParts;
  sentTo: DateParts;
}

const dateOf = (query: unknown, name: string): { parts: DateParts; iso?: string; error?: FieldError } => {
  const typed = datePartsOf(query, name);
  if (typed.day || typed.month || typed.year) {
    const label = name === 'sentFrom' ? 'The date sent from' : 'The date sent to';
    const { value, error } = isoDateFromParts(typed, name, label);
    return { parts: typed, ...(value ? { iso: value } : {}), ...(error ? { error } : {}) };
  }
  const iso = field(query, name).trim();
  return { parts: datePartsFromIso(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : ''), ...(iso ? { iso } : {}) };
};

/** Reads the page's query into the service's filter input, the values to show again, and any date typed wrongly. */
export function readListQuery(query: unknown) {
  const from = dateOf(query, 'sentFrom');
  const to = dateOf(query, 'sentTo');
  const values: ListFormValues = {
    status: field(query, 'status'),
    overdue: field(query, 'overdue') === 'yes',
    service: field(query, 'service'),
    search: field(query, 'search'),
    sentFrom: from.parts,
    sentTo: to.parts,
  };
  const input = {
    status: values.status,
    overdue: values.overdue,
    service: values.service,
    search: values.search,
    sentFrom: from.iso,
    sentTo: to.iso,
  };
  return { values, input, dateErrors: [from.error, to.error].filter((error): error is FieldError => Boolean(error)) };
}

/** Status choices for the filter's select, "Any status" first. */
export function statusItems(selected: string) {
  return [
    { value: '', text: 'Any status' },
    ...REFERRAL_STATUSES.map((status) => ({ value: status, text: REFERRAL_STATUS_LABELS[status], selected: status === selected })),
  ];
}

/** The list as its page and CSV both show it (decision 0067); the provider's date is when the referral was sent to it, the practice's when it referred. */
export function referralListColumns(scope: ListScope): ListColumns<ReferralListRow> {
  const provider = scope.side === 'provider';
  return [
    { heading: 'Reference', cell: (row) => ({ text: formatUbrn(row.ubrn), href: `/referrals/${row.ubrn}` }) },
    { heading: 'Patient', cell: (row) => row.patientName },
    { heading: 'NHS number', cell: (row) => (row.nhsNumber ? formatNhsNumber(row.nhsNumber) : 'Not given') },
    { heading: 'Service', cell: (row) => row.serviceName },
    provider
      ? { heading: 'Referred by', cell: (row) => row.practiceName ?? 'Self-referral' }
      : { heading: 'Provider', cell: (row) => row.providerName ?? 'Not chosen yet' },
    { heading: 'Status', cell: (row) => REFERRAL_STATUS_LABELS[row.status] },
    { heading: provider ? 'Sent to you' : 'Referred on', cell: (row) => formatDate(provider ? row.sentAt : row.referredOn) },
    { heading: 'Accept by', cell: (row) => (row.acceptBy ? formatDate(row.acceptBy) : '') },
  ];
}
