/** The listing lifecycle after qualification (PRODUCT.md §3.3): qualified → contracted → live ⇄ suspended, ending terminated or expired. */
import { statusMachine } from '../../lib/status-machine.ts';

export const LISTING_STATUSES = ['qualified', 'contracted', 'live', 'suspended', 'terminated', 'expired'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** Allowed moves; terminated and expired are final (the provider re-qualifies through a new application). */
const LISTING_LIFECYCLE = statusMachine<ListingStatus>(LISTING_STATUSES, {
  labels: {
    qualified: 'Qualified',
    contracted: 'Contracted',
    live: 'Live',
    suspended: 'Suspended',
    terminated: 'Terminated',
    expired: 'Expired',
  },
  moves: {
    qualified: ['contracted', 'terminated'],
    contracted: ['live', 'suspended', 'terminated', 'expired'],
    live: ['suspended', 'terminated', 'expired'],
    suspended: ['live', 'contracted', 'terminated', 'expired'],
    terminated: [],
    expired: [],
  },
  refusal: ({ from, to }) => `A ${from} listing cannot become ${to}`,
});

export const LISTING_STATUS_LABELS = LISTING_LIFECYCLE.labels;

/** Listings that still hold a place for the provider on the offer. */
export const CURRENT_LISTING_STATUSES: readonly ListingStatus[] = ['qualified', 'contracted', 'live', 'suspended'];

/** True for a value that names a listing status, such as a status filter from a query string. */
export const isListingStatus = LISTING_LIFECYCLE.is;

/** The statuses a listing may move to next, which decide the commissioner's actions on its page. */
export const nextListingStatuses = LISTING_LIFECYCLE.next;

/** Refuses a move the lifecycle does not allow, with a coded error that changes nothing. */
export const assertListingTransition = LISTING_LIFECYCLE.assertMove;

/** A contracted listing goes live on its contract start date, never before. */
export function mayGoLive(status: ListingStatus, contractStart: string | null, today: string): boolean {
  return (status === 'contracted' || status === 'suspended') && contractStart !== null && contractStart <= today;
}
