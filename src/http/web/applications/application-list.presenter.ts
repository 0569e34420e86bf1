/** A provider's applications as the list page and its CSV both show them (decision 0067). */
import type { providerApplications } from '../../../domains/applications/application-view.service.ts';
import { formatDateTime } from '../format.ts';
import type { ListColumns } from '../list-table.ts';
import { applicationStatusTag, refusalGroundLabel } from './application.presenter.ts';

type ApplicationRow = Awaited<ReturnType<typeof providerApplications>>['rows'][number];

/** "Ground: … . Reasons", the reasons alone, or nothing before a decision. */
function decisionText(row: ApplicationRow): string {
  const ground = refusalGroundLabel(row.refusalGround);
  return [ground ? `Ground: ${ground}.` : '', row.decisionReasons ?? ''].filter(Boolean).join(' ');
}

/** Offer (linked to the application), its reference, the attempt, when submitted, the status and the decision. */
export const APPLICATION_LIST_COLUMNS: ListColumns<ApplicationRow> = [
  { heading: 'Offer', cell: (row) => ({ text: row.offerTitle, href: `/applications/${row.id}` }) },
  { heading: 'Reference', cell: (row) => row.offerReference },
  { heading: 'Attempt', cell: (row) => String(row.attempt), numeric: true },
  { heading: 'Submitted', cell: (row) => (row.submittedAt ? formatDateTime(row.submittedAt) : 'Not submitted') },
  {
    heading: 'Status',
    cell: (row) => {
      const tag = applicationStatusTag(row.status);
      return { text: tag.text, tag: tag.classes };
    },
  },
  { heading: 'Decision', cell: decisionText },
];
