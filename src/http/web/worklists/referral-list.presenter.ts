/** The full referral list page: the filter form as typed, and each referral as a row of the responsive table. */
import type { ListScope, ReferralListRow } from '../../../domains/referrals/referral-list.service.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { REFERRAL_STATUS_LABELS, REFERRAL_STATUSES } from '../../../domains/referrals/referral-status.rules.ts';
import { formatNhsNumber } from '../../../lib/nhs-number.ts';
import { type DateParts, datePartsFromIso, datePartsOf, isoDateFromParts } from '../date-input.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { field } from '../form.ts';
import { formatDate } from '../format.ts';

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

/** One referral as table cells, the reference linking to the referral's page. */
export function listRowCells(scope: ListScope, row: ReferralListRow) {
  const reference = formatUbrn(row.ubrn);
  return [
    { html: `<a href="/referrals/${row.ubrn}">${reference}</a>` },
    { text: row.patientName },
    { text: row.nhsNumber ? formatNhsNumber(row.nhsNumber) : 'Not given' },
    { text: row.serviceName },
    { text: scope.side === 'provider' ? (row.practiceName ?? 'Self-referral') : (row.providerName ?? 'Not chosen yet') },
    { text: REFERRAL_STATUS_LABELS[row.status] },
    { text: formatDate(scope.side === 'provider' ? row.sentAt : row.referredOn) },
    { text: row.acceptBy ? formatDate(row.acceptBy) : '' },
  ];
}

/** Column headings; the provider's date is when the referral was sent to it, the practice's when it referred. */
export function listHead(scope: ListScope) {
  return [
    'Reference',
    'Patient',
    'NHS number',
    'Service',
    scope.side === 'provider' ? 'Referred by' : 'Provider',
    'Status',
    scope.side === 'provider' ? 'Sent to you' : 'Referred on',
    'Accept by',
  ].map((text) => ({ text }));
}
