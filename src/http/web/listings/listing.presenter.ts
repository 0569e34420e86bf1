/** View-models for listing pages: status tags, sites and the history a provider and commissioner both read. */
import { LISTING_STATUS_LABELS, type ListingStatus } from '../../../domains/listings/listing-lifecycle.rules.ts';
import type { ListingChange, ListingView } from '../../../domains/listings/listing-view.repo.ts';
import { formatDate } from '../format.ts';
import type { ListColumns } from '../list-table.ts';

const TAGS: Record<ListingStatus, string> = {
  qualified: 'nhsuk-tag--blue',
  contracted: 'nhsuk-tag--aqua-green',
  live: 'nhsuk-tag--green',
  suspended: 'nhsuk-tag--red',
  terminated: 'nhsuk-tag--grey',
  expired: 'nhsuk-tag--grey',
};

export function listingTag(status: ListingStatus) {
  return { text: LISTING_STATUS_LABELS[status], classes: TAGS[status] };
}

export function historyRows(history: ListingChange[]) {
  return history.map((change) => ({
    at: change.changedAt,
    status: LISTING_STATUS_LABELS[change.toStatus as ListingStatus] ?? change.toStatus,
    by: change.changedBy,
    reason: change.reason,
  }));
}

const DELIVERY: Record<string, string> = { clinic: 'At the clinic', domiciliary: 'Home visits', both: 'At the clinic and home visits' };

/** The listing's sites as rows of the responsive table; the remove button only where the provider may change them and another site would remain. */
export function siteRows(listing: ListingView, maySiteChange: boolean) {
  return listing.sites.map((site) => ({
    id: site.id,
    name: site.name,
    address: [site.address, site.postcode].filter(Boolean).join(', '),
    delivery: DELIVERY[site.deliveryMode] ?? site.deliveryMode,
    mayRemove: maySiteChange && listing.sites.length > 1,
  }));
}

/** The listings list as the page and its CSV both show it (decision 0067): a provider reads its offers, a commissioner its providers. */
export function listingColumns(isProvider: boolean): ListColumns<ListingView> {
  return [
    isProvider
      ? { heading: 'Offer', cell: (listing) => ({ text: listing.offer.title, href: `/listings/${listing.id}` }) }
      : { heading: 'Provider', cell: (listing) => ({ text: listing.provider.name, href: `/listings/${listing.id}` }) },
    isProvider
      ? { heading: 'Commissioner', cell: (listing) => listing.offer.leadName }
      : { heading: 'Offer', cell: (listing) => listing.offer.title },
    { heading: 'Offer reference', cell: (listing) => listing.offer.reference },
    { heading: 'Contract starts', cell: (listing) => formatDate(listing.contractStart) || 'Not yet' },
    { heading: 'Sites', cell: (listing) => String(listing.sites.length), numeric: true },
    {
      heading: 'Status',
      cell: (listing) => {
        const tag = listingTag(listing.status);
        return { text: tag.text, tag: tag.classes };
      },
    },
  ];
}
