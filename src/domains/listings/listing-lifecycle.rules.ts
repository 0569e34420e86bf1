/** The listing lifecycle after qualification (PRODUCT.md §3.3): qualified → contracted → live ⇄ suspended, ending terminated or expired. */
import { DomainError } from '../../lib/errors.ts';

export const LISTING_STATUSES = ['qualified', 'contracted', 'live', 'suspended', 'terminated', 'expired'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const LISTING_STATUS_LABELS: Record<ListingStatus, string> = {
  qualified: 'Qualified',
  contracted: 'Contracted',
  live: 'Live',
  suspended: 'Suspended',
  terminated: 'Terminated',
  expired: 'Expired',
};

/** Allowed moves; terminated and expired are final (the provider re-qualifies through a new application). */
const NEXT: Record<ListingStatus, readonly ListingStatus[]> = {
  qualified: ['contracted', 'terminated'],
  contracted: ['live', 'suspended', 'terminated', 'expired'],
  live: ['suspended', 'terminated', 'expired'],
  suspended: ['live', 'contracted', 'terminated', 'expired'],
  terminated: [],
  expired: [],
};

/** Listings that still hold a place for the provider on the offer. */
export const CURRENT_LISTING_STATUSES: readonly ListingStatus[] = ['qualified', 'contracted', 'live', 'suspended'];

export function isListingStatus(value: unknown): value is ListingStatus {
  return typeof value === 'string' && (LISTING_STATUSES as readonly string[]).includes(value);
}

export function nextListingStatuses(status: ListingStatus): readonly ListingStatus[] {
  return NEXT[status];
}

/** Refuses a move the lifecycle does not allow, with a coded error that changes nothing. */
export function assertListingTransition(from: ListingStatus, to: ListingStatus): void {
  if (NEXT[from].includes(to)) return;
  throw new DomainError('invalid-transition', `A ${LISTING_STATUS_LABELS[from].toLowerCase()} listing cannot become ${LISTING_STATUS_LABELS[to].toLowerCase()}`, { from, to });
}

/** A contracted listing goes live on its contract start date, never before. */
export function mayGoLive(status: ListingStatus, contractStart: string | null, today: string): boolean {
  return (status === 'contracted' || status === 'suspended') && contractStart !== null && contractStart <= today;
}
