/** View-models for choice lists on pages: distances, waits and quality in plain words, with what is not measured yet said plainly. */
import type { ChoiceListEntry, StoredChoiceList } from '../../../domains/referrals/choice-list.repo.ts';
import type { ReferralRecord } from '../../../domains/referrals/referral.repo.ts';
import { pseudoPostcodeOf } from '../../../lib/postcode.ts';
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

/** Where the list's distances were measured from, in words ("HX1 1PW", or the GP practice), and why when it was not the patient's postcode (decision 0026). */
export function distanceOriginInWords(list: Pick<StoredChoiceList, 'origin'>, referral: Pick<ReferralRecord, 'patient' | 'referrer'>): { from: string; note: string | null } {
  if (list.origin.kind === 'patient-postcode') return { from: list.origin.postcode, note: null };
  const practice = `the GP practice, ${referral.referrer.organisationName ?? 'where the patient is registered'} (${list.origin.postcode})`;
  const pseudo = pseudoPostcodeOf(referral.patient.postcode);
  const why = pseudo ? `, because the patient’s postcode ${pseudo.postcode} means ${pseudo.description}` : '';
  return { from: practice, note: `Distances are measured from ${practice}${why}.` };
}

export function presentChoiceList(list: StoredChoiceList, referral: Pick<ReferralRecord, 'patient' | 'referrer'>) {
  return { id: list.id, offeredAt: list.offeredAt, orderedBy: list.orderedBy, originPostcode: list.originPostcode, origin: distanceOriginInWords(list, referral), entries: list.entries.map(presentEntry) };
}

/** The listing and site named by a radio value, as posted. */
export function choiceFromValue(value: string): { listingId: string; siteId: string } {
  const [listingId = '', siteId = ''] = value.split(':');
  return { listingId, siteId };
}
