/** View-models for choice lists on pages: distances, waits, assured and measured quality in plain words, and the order the list is in. */
import type { ChoiceListEntry, StoredChoiceList } from '../../../domains/referrals/choice-list.repo.ts';
import type { ReferralRecord } from '../../../domains/referrals/referral.repo.ts';
import { pseudoPostcodeOf } from '../../../lib/postcode.ts';
import { acceptanceInWords, deliveryInWords, distanceInWords, qualityInWords, waitInWords } from '../provider-quality.presenter.ts';
import { measuredRows } from '../measured-quality.presenter.ts';

/** The wait to first appointment; a list stored before that was measured keeps the time to accept it showed, named as such. */
function entryWait(entry: ChoiceListEntry): string {
  return entry.firstAppointmentWait ? waitInWords(entry.firstAppointmentWait) : acceptanceInWords(entry.wait);
}

/** One entry as a page shows it; the radio value names the listing and site chosen; staff also see how quickly the provider accepts. */
export function presentEntry(entry: ChoiceListEntry, audience: Audience = 'patient') {
  return {
    rank: entry.rank,
    value: `${entry.listingId}:${entry.siteId}`,
    providerName: entry.providerName,
    siteName: entry.siteName,
    address: [entry.siteAddress, entry.sitePostcode].filter(Boolean).join(', '),
    where: deliveryInWords(entry.deliveryMode),
    distance: distanceInWords(entry.distanceKm, entry.distanceMiles),
    wait: entryWait(entry),
    acceptance: audience === 'staff' && entry.firstAppointmentWait ? acceptanceInWords(entry.wait) : null,
    quality: qualityInWords(entry.quality),
    measured: measuredRows(entry.quality),
  };
}

/** How the list is ordered, and where providers without a measured wait are, in plain words. */
export function orderInWords(list: Pick<StoredChoiceList, 'orderedBy' | 'entries'>): string {
  if (list.orderedBy === 'distance') return 'Ordered by distance, nearest first.';
  const unmeasured = list.entries.filter((entry) => (entry.firstAppointmentWait?.workingDays ?? null) === null).length;
  const last =
    unmeasured === 0
      ? ''
      : unmeasured === 1
        ? ' 1 provider has not seen enough patients yet to give a wait, so it is listed last.'
        : ` ${unmeasured} providers have not seen enough patients yet to give a wait, so they are listed last, in alphabetical order.`;
  return `Ordered by wait to first appointment, shortest first.${last}`;
}

/** Where the list's distances were measured from, in words ("HX1 1PW", or the GP practice), and why when it was not the patient's postcode (decision 0026). */
export function distanceOriginInWords(
  list: Pick<StoredChoiceList, 'origin'>,
  referral: Pick<ReferralRecord, 'patient' | 'referrer'>,
): { from: string; note: string | null } {
  if (list.origin.kind === 'patient-postcode') return { from: list.origin.postcode, note: null };
  const practice = `the GP practice, ${referral.referrer.organisationName ?? 'where the patient is registered'} (${list.origin.postcode})`;
  const pseudo = pseudoPostcodeOf(referral.patient.postcode);
  const why = pseudo ? `, because the patient’s postcode ${pseudo.postcode} means ${pseudo.description}` : '';
  return { from: practice, note: `Distances are measured from ${practice}${why}.` };
}

/** Who reads the list: the patient (public pages) or the GP with them. */
export type Audience = 'patient' | 'staff';

export function presentChoiceList(
  list: StoredChoiceList,
  referral: Pick<ReferralRecord, 'patient' | 'referrer'>,
  audience: Audience = 'patient',
) {
  return {
    id: list.id,
    offeredAt: list.offeredAt,
    orderedBy: list.orderedBy,
    orderText: orderInWords(list),
    originPostcode: list.originPostcode,
    origin: distanceOriginInWords(list, referral),
    entries: presentedEntries(list.entries, audience),
  };
}

type PresentedEntry = ReturnType<typeof presentEntry>;

/** Entries as presented, by the entries array and audience: a list's entries are shared by every referral shown them while nothing listed changes, and so are these. */
const presented = {
  patient: new WeakMap<readonly ChoiceListEntry[], readonly Readonly<PresentedEntry>[]>(),
  staff: new WeakMap<readonly ChoiceListEntry[], readonly Readonly<PresentedEntry>[]>(),
};

/** The entries presented once per entries array and audience (pure: they depend on nothing else). */
function presentedEntries(entries: readonly ChoiceListEntry[], audience: Audience): readonly Readonly<PresentedEntry>[] {
  const held = presented[audience].get(entries);
  if (held) return held;
  const made = Object.freeze(entries.map((entry) => Object.freeze(presentEntry(entry, audience))));
  presented[audience].set(entries, made);
  return made;
}

/** The listing and site named by a radio value, as posted. */
export function choiceFromValue(value: string): { listingId: string; siteId: string } {
  const [listingId = '', siteId = ''] = value.split(':');
  return { listingId, siteId };
}
