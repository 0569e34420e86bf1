/** Quality returns in words for the pages: each standing as a tag, late ones said plainly, and the form's fields from the return's items. */
import type { ReturnStanding } from '../../../domains/provider-quality/quality-quarter.rules.ts';
import type { QualityReturnDetail, ReturnSummary } from '../../../domains/provider-quality/quality-return.service.ts';
import { formatDate } from '../format.ts';
import type { ListColumns } from '../list-table.ts';

const STANDING_TAGS: Record<ReturnStanding, { text: string; classes: string }> = {
  due: { text: 'Due', classes: 'nhsuk-tag--blue' },
  overdue: { text: 'Late: not submitted', classes: 'nhsuk-tag--red' },
  submitted: { text: 'Submitted', classes: 'nhsuk-tag--green' },
  'submitted-late': { text: 'Submitted late', classes: 'nhsuk-tag--red' },
};

/** The link to one quarter's return. */
export const returnHref = (summary: { listingId: string; quarter: string }) =>
  `/quality/returns/${summary.listingId}/quarters/${summary.quarter}`;

/** One row of the returns list. */
export function returnRow(summary: ReturnSummary) {
  return {
    href: returnHref(summary),
    offerTitle: summary.offerTitle,
    providerName: summary.providerName,
    quarter: summary.quarterLabel,
    dueOn: formatDate(summary.dueOn),
    submittedOn: summary.submittedOn ? formatDate(summary.submittedOn) : 'Not submitted',
    tag: STANDING_TAGS[summary.standing],
    late: summary.late,
  };
}

/** The returns list as its page and its CSV both show it (decision 0067); a provider's own list has no provider column. */
export function returnListColumns(isProvider: boolean): ListColumns<ReturnSummary> {
  const provider = isProvider ? [] : [{ heading: 'Provider', cell: (summary: ReturnSummary) => summary.providerName }];
  return [
    { heading: 'Offer', cell: (summary) => summary.offerTitle },
    ...provider,
    {
      heading: 'Quarter',
      cell: (summary) => ({
        text: summary.quarterLabel,
        href: returnHref(summary),
        hidden: isProvider ? `, ${summary.offerTitle}` : `, ${summary.offerTitle}, ${summary.providerName}`,
      }),
    },
    { heading: 'Due', cell: (summary) => formatDate(summary.dueOn) },
    { heading: 'Submitted', cell: (summary) => (summary.submittedOn ? formatDate(summary.submittedOn) : 'Not submitted') },
    {
      heading: 'Status',
      cell: (summary) => ({ text: STANDING_TAGS[summary.standing].text, tag: STANDING_TAGS[summary.standing].classes }),
    },
  ];
}

/** The return's page: its facts, and each item as a field with the answer given or typed. */
export function returnPage(detail: QualityReturnDetail, typed?: Record<string, string>) {
  return {
    row: returnRow(detail),
    mayEdit: detail.mayEdit,
    submitted: detail.answers !== null,
    action: returnHref(detail),
    fields: detail.items.map((item) => ({
      ...item,
      value: typed ? (typed[item.code] ?? '') : detail.answers?.[item.code] === undefined ? '' : String(detail.answers[item.code]),
    })),
  };
}
