/** The referral list as CSV (RFC 4180: CRLF line ends, quotes where needed), safe to open in a spreadsheet: no cell can start a formula. */
import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../lib/csv.ts';
import { formatNhsNumber } from '../../lib/nhs-number.ts';
import { londonDateOf } from '../../lib/clock.ts';
import type { ListScope, ReferralListRow } from './referral-list.repo.ts';
import { REFERRAL_STATUS_LABELS } from './referral-status.rules.ts';
import { formatUbrn } from './referral-reference.rules.ts';

export { spreadsheetSafe };

/** The CSV a provider or practice downloads: references and NHS numbers spaced (so no spreadsheet turns them into numbers), dates as ISO dates. */
export function referralListCsv(scope: ListScope, rows: readonly ReferralListRow[]): string {
  const header = [
    'Reference',
    'NHS number',
    'Patient',
    'Service',
    scope.side === 'provider' ? 'Referring practice' : 'Provider',
    'Status',
    'Referred on',
    'Sent to provider on',
    'Accept by',
    'Sessions attended',
  ];
  const records = rows.map((row) =>
    [
      formatUbrn(row.ubrn),
      row.nhsNumber ? formatNhsNumber(row.nhsNumber) : '',
      row.patientName,
      row.serviceName,
      (scope.side === 'provider' ? (row.practiceName ?? 'Self-referral') : row.providerName) ?? '',
      REFERRAL_STATUS_LABELS[row.status],
      row.referredOn,
      row.sentAt ? londonDateOf(row.sentAt) : '',
      row.acceptBy ?? '',
      String(row.sessionsAttended),
    ].map(spreadsheetSafe),
  );
  return stringify([header, ...records], { record_delimiter: '\r\n', quoted_match: /[",\r\n]/ });
}
