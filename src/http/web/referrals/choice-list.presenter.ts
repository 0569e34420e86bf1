/** View-models for choice lists on pages: distances, waits and quality in plain words, with what is not measured yet said plainly. */
import type { ChoiceListEntry, StoredChoiceList } from '../../../domains/referrals/choice-list.repo.ts';
import { MIN_REFERRALS_FOR_WAIT } from '../../../domains/referrals/choice-list.rules.ts';
import { formatDate } from '../format.ts';

const CQC_WORDS: Record<string, string> = { registered: 'Registered with the Care Quality Commission', 'registration-cancelled': 'CQC registration cancelled', suspended: 'CQC registration suspended' };
const DELIVERY_WORDS: Record<string, string> = { clinic: 'At the clinic', domiciliary: 'At home (home visits)', both: 'At the clinic or at home' };

export const NOT_MEASURED_YET = 'Patient experience and clinical outcomes are not measured on AQP yet.';

/** One entry as a page shows it; the radio value names the listing and site chosen. */
export function presentEntry(entry: ChoiceListEntry) {
  return {
    rank: entry.rank, value: `${entry.listingId}:${entry.siteId}`, providerName: entry.providerName, siteName: entry.siteName,
    address: [entry.siteAddress, entry.sitePostcode].filter(Boolean).join(', '), where: DELIVERY_WORDS[entry.deliveryMode] ?? entry.deliveryMode,
    distance: `${entry.distanceMiles.toFixed(1)} miles (${entry.distanceKm.toFixed(1)} km)`,
    wait: entry.wait.workingDays === null
      ? `Not enough referrals yet to show a wait (${entry.wait.basedOn} accepted in the last 90 days; ${MIN_REFERRALS_FOR_WAIT} needed)`
      : `About ${entry.wait.workingDays} working day${entry.wait.workingDays === 1 ? '' : 's'} to accept a referral (median of ${entry.wait.basedOn} in the last 90 days)`,
    quality: [
      entry.quality.cqcStatus ? CQC_WORDS[entry.quality.cqcStatus] ?? entry.quality.cqcStatus : 'No CQC registration recorded',
      entry.quality.assuranceVerified ? 'Assurance checked and in date (insurance, governance, safeguarding)' : 'Assurance not fully checked or in date',
      entry.quality.contractStart ? `AQP provider for this service since ${formatDate(entry.quality.contractStart)}` : 'AQP contract start not recorded',
    ],
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
