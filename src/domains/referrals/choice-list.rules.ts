/** The choice list's pure rules (PRODUCT.md §3.5): each provider's nearest site, its indicative wait, and a fair order that is never commercial. */
import { distanceKm, kmToMiles } from '../../lib/geo.ts';
import { addDays, isWorkingDay, workingDaysBetween } from '../../lib/working-days.ts';

/** A wait is shown only when it rests on at least this many referrals in the window, so one fast case cannot mislead (and no patient can be picked out). */
export const MIN_REFERRALS_FOR_WAIT = 5;
/** Waits are measured over the referrals accepted (or first seen) in the last 90 days. */
export const WAIT_WINDOW_DAYS = 90;

export const CHOICE_ORDERS = ['distance', 'wait'] as const;
export type ChoiceOrder = (typeof CHOICE_ORDERS)[number];

export interface Point {
  latitude: number;
  longitude: number;
}

export interface CandidateSite extends Point {
  id: string;
  name: string;
}

export interface IndicativeWait {
  /** Median working days from sending to acceptance (or, for the wait to first appointment, to the first attended contact); null when too few referrals to say. */
  workingDays: number | null;
  /** How many referrals the figure rests on. */
  basedOn: number;
}

/** One referral's first attended appointment or session, as the provider recorded it. */
export interface FirstSeen {
  sentOn: string;
  seenOn: string;
}

/** The fields the order needs from a choice list entry. */
export interface Orderable {
  providerName: string;
  siteName: string;
  distanceKm: number;
  wait: IndicativeWait;
  /** Absent only on lists stored before the wait to first appointment was measured. */
  firstAppointmentWait?: IndicativeWait;
}

export function isChoiceOrder(value: unknown): value is ChoiceOrder {
  return typeof value === 'string' && (CHOICE_ORDERS as readonly string[]).includes(value);
}

/** The site nearest the patient, with its distance in km and miles; undefined when the listing has no open site. */
export function nearestSite<S extends CandidateSite>(origin: Point, sites: readonly S[]): { site: S; km: number; miles: number } | undefined {
  let best: { site: S; km: number } | undefined;
  for (const site of sites) {
    const km = distanceKm(origin, site);
    if (!best || km < best.km || (km === best.km && site.name < best.site.name)) best = { site, km };
  }
  return best && { ...best, miles: kmToMiles(best.km) };
}

/** The median of a list of numbers (the mean of the middle two for an even count), rounded to a whole day. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value);
}

/** The median working days from each start to its end, over the ends in the last 90 days; none with fewer than five (small numbers are suppressed). */
function medianWorkingDays(spans: readonly { from: string; to: string }[], today: string): IndicativeWait {
  const since = addDays(today, -WAIT_WINDOW_DAYS);
  const inWindow = spans.filter((span) => span.to > since && span.to <= today);
  if (inWindow.length < MIN_REFERRALS_FOR_WAIT) return { workingDays: null, basedOn: inWindow.length };
  return { workingDays: median(inWindow.map((span) => workingDaysBetween(span.from, span.to))), basedOn: inWindow.length };
}

/** A provider's time to accept, for GPs and commissioners: the median working days from sent to accepted over referrals accepted in the last 90 days (English bank holidays excluded). */
export function indicativeWait(accepted: readonly { sentOn: string; acceptedOn: string }[], today: string): IndicativeWait {
  return medianWorkingDays(accepted.map((referral) => ({ from: referral.sentOn, to: referral.acceptedOn })), today);
}

/** The wait patients mean (issue #12): the median working days from the referral being sent to the first attended appointment or session, over patients first seen in the last 90 days. */
export function waitToFirstAppointment(firstSeen: readonly FirstSeen[], today: string): IndicativeWait {
  return medianWorkingDays(firstSeen.map((referral) => ({ from: referral.sentOn, to: referral.seenOn })), today);
}

function byName(a: Orderable, b: Orderable): number {
  return a.providerName.localeCompare(b.providerName, 'en-GB') || a.siteName.localeCompare(b.siteName, 'en-GB');
}

/** Fair order: nearest first by default, or shortest wait to first appointment on request (providers with no wait yet last); ties by name, never by anything commercial. */
export function orderChoiceList<E extends Orderable>(entries: readonly E[], order: ChoiceOrder): E[] {
  const byDistance = (a: E, b: E) => a.distanceKm - b.distanceKm;
  const byWait = (a: E, b: E) => {
    const wa = a.firstAppointmentWait?.workingDays ?? null;
    const wb = b.firstAppointmentWait?.workingDays ?? null;
    if (wa === null || wb === null) return wa === wb ? 0 : wa === null ? 1 : -1;
    return wa - wb;
  };
  return [...entries].sort((a, b) => (order === 'distance' ? byDistance(a, b) : byWait(a, b)) || byName(a, b));
}

/** The date a provider must accept or return a referral by: this many working days after it was sent (the sending day does not count). */
export function acceptBy(sentOn: string, workingDays: number): string {
  let day = sentOn;
  for (let counted = 0; counted < workingDays;) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted += 1;
  }
  return day;
}
