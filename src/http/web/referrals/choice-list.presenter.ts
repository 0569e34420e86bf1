/** View-models for choice lists on pages: distances, waits and quality in plain words, with what is not measured yet said plainly. */
import type { ChoiceListEntry, StoredChoiceList } from '../../../domains/referrals/choice-list.repo.ts';
import { deliveryInWords, distanceInWords, qualityInWords, waitInWords } from '../provider-quality.presenter.ts';

/** One entry as a page shows it; the radio value names the listing and site chosen. */
export function presentEntry(entry: ChoiceListEntry) {
  return {
    rank: entry.rank, value: `${entry.listingId}:${entry.siteId}`, providerName: entry.providerName, siteName: entry.siteName,
    address: [entry.siteAddress, entry.sitePostcode].filter(Boolean).join(', '), where: deliveryInWords(entry.deliveryMode),
    distance: distanceInWords(entry.distanceKm, entry.distanceMiles),
    wait: waitInWords(entry.wait),
    quality: qualityInWords(entry.quality),
  };
}

export function presentChoiceList(list: StoredChoiceList) {
  return { id: list.id, offeredAt: list.offeredAt, orderedBy: list.orderedBy, originPostcode: list.originPostcode, entries: list.entries.map(presentEntry) };
}

/** The listing and site named by a radio value, as posted. */
export function choiceFromValue(value: string): { listingId: string; siteId: string } {
  const [listingId = '', siteId = ''] = value.split(':');
  return { listingId, siteId };
}
