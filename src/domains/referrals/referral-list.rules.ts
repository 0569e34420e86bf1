/** The full referral list's filters (issue #12 item 10): status, service, dates sent, and a search by NHS number or reference typed with any spacing. */
import { type FieldError, validationFailed } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';
import { normaliseNhsNumber } from '../../lib/nhs-number.ts';
import { REFERRAL_STATUSES, type ReferralStatus } from './referral-status.rules.ts';
import { normaliseUbrn } from './referral-reference.rules.ts';

/** The most rows one CSV download holds: beyond it the filter must be narrowed, so one request never reads an organisation's whole history. */
export const CSV_ROW_LIMIT = 10_000;

/** A filter as typed or sent: every field optional text. */
export interface ReferralListInput {
  status?: string;
  overdue?: boolean;
  service?: string;
  sentFrom?: string;
  sentTo?: string;
  search?: string;
}

/** A checked filter: the search is split into the key it matched. */
export interface ReferralListFilter {
  status?: ReferralStatus;
  /** Only sent referrals not accepted by their accept-by date (before today). */
  overdue?: boolean;
  service?: string;
  sentFrom?: string;
  sentTo?: string;
  nhsNumber?: string;
  ubrn?: string;
}

function searchKey(search: string): { nhsNumber?: string; ubrn?: string } | undefined {
  const nhsNumber = normaliseNhsNumber(search);
  if (nhsNumber) return { nhsNumber };
  const ubrn = normaliseUbrn(search);
  return ubrn ? { ubrn } : undefined;
}

/** Checks a filter, reporting every bad field at once; an overdue filter means sent referrals only. */
export function checkReferralListFilter(input: ReferralListInput): ReferralListFilter {
  const errors: FieldError[] = [];
  const status = input.status?.trim() || undefined;
  if (status && !(REFERRAL_STATUSES as readonly string[]).includes(status))
    errors.push({ field: 'status', message: 'Select a status from the list' });
  const service = input.service?.trim() || undefined;
  if (service && !/^[a-z0-9-]{1,60}$/.test(service)) errors.push({ field: 'service', message: 'Select a service from the list' });
  const sentFrom = input.sentFrom?.trim() || undefined;
  const sentTo = input.sentTo?.trim() || undefined;
  if (sentFrom && !isIsoDate(sentFrom)) errors.push({ field: 'sentFrom', message: 'The date sent from must be a real date' });
  if (sentTo && !isIsoDate(sentTo)) errors.push({ field: 'sentTo', message: 'The date sent to must be a real date' });
  if (sentFrom && sentTo && isIsoDate(sentFrom) && isIsoDate(sentTo) && sentFrom > sentTo)
    errors.push({ field: 'sentTo', message: 'The date sent to must be the same as or after the date sent from' });
  const search = input.search?.trim() || undefined;
  const key = search ? searchKey(search) : {};
  if (!key)
    errors.push({ field: 'search', message: 'Enter a 10-digit NHS number or a 12-digit referral reference, with or without spaces' });
  if (input.overdue && status && status !== 'sent')
    errors.push({
      field: 'status',
      message: 'Only referrals sent to the provider can be overdue: choose "Sent to the provider" or clear the overdue box',
    });
  if (errors.length) throw validationFailed(errors);
  return {
    ...(input.overdue ? { status: 'sent' as const, overdue: true } : status ? { status: status as ReferralStatus } : {}),
    ...(service ? { service } : {}),
    ...(sentFrom ? { sentFrom } : {}),
    ...(sentTo ? { sentTo } : {}),
    ...key,
  };
}

/** The filter as query parameters, so a count, a page link and the CSV download all name the same rows. */
export function filterQuery(filter: ReferralListFilter): Record<string, string> {
  return Object.fromEntries(
    Object.entries({
      status: filter.overdue ? 'sent' : filter.status,
      overdue: filter.overdue ? 'yes' : undefined,
      service: filter.service,
      sentFrom: filter.sentFrom,
      sentTo: filter.sentTo,
      search: filter.nhsNumber ?? filter.ubrn,
    }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}
