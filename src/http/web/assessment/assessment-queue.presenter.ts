/** The assessor's queue as the page and its CSV both show it (decision 0067). */
import type { QueueItem } from '../../../domains/applications/assessment-queue.service.ts';
import { applicationStatusTag } from '../applications/application.presenter.ts';
import { formatDate } from '../format.ts';
import type { ListColumns } from '../list-table.ts';

/** Provider (linked to the assessment), attempt, offer, its lead commissioner, when submitted, working days waiting and the status. */
export const QUEUE_COLUMNS: ListColumns<QueueItem> = [
  {
    heading: 'Provider',
    cell: (item) => ({
      text: item.providerName + (item.providerOdsCode ? ` (${item.providerOdsCode})` : ''),
      href: `/assessment/${item.id}`,
    }),
  },
  { heading: 'Attempt', cell: (item) => String(item.attempt), numeric: true },
  { heading: 'Offer', cell: (item) => `${item.offer.title} (${item.offer.reference})` },
  { heading: 'Commissioner', cell: (item) => item.offer.leadName },
  { heading: 'Submitted', cell: (item) => formatDate(item.submittedAt) },
  { heading: 'Waiting', cell: (item) => `${item.waitingWorkingDays} working day${item.waitingWorkingDays === 1 ? '' : 's'}` },
  {
    heading: 'Status',
    cell: (item) => {
      const tag = applicationStatusTag(item.status);
      return { text: tag.text, tag: tag.classes };
    },
  },
];
