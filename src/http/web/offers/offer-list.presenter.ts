/** The commissioner's offers as the list page and its CSV both show them (decision 0067). */
import type { OfferRecord } from '../../../domains/offers/offer.repo.ts';
import type { ListColumns } from '../list-table.ts';
import { statusTag } from './offer.presenter.ts';

/** Offer (linked), reference, service, the commissioners covered and the status. */
export const OFFER_LIST_COLUMNS: ListColumns<OfferRecord> = [
  { heading: 'Offer', cell: (offer) => ({ text: offer.title, href: `/offers/${offer.id}` }) },
  { heading: 'Reference', cell: (offer) => offer.reference },
  { heading: 'Service', cell: (offer) => offer.service.name },
  { heading: 'Covers', cell: (offer) => offer.coverage.map((covered) => covered.odsCode ?? covered.name).join(', ') },
  {
    heading: 'Status',
    cell: (offer) => {
      const tag = statusTag(offer.status);
      return { text: tag.text, tag: tag.classes };
    },
  },
];
