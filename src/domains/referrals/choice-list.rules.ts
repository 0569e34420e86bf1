/** The choice list's pure rules (PRODUCT.md §3.5): each provider's nearest site and a fair order that is never commercial (the waits themselves: provider-quality/waits.rules.ts). */
import { createHash } from 'node:crypto';
import { distanceKm, kmToMiles } from '../../lib/geo.ts';
import { addDays, isWorkingDay } from '../../lib/working-days.ts';
import type { IndicativeWait } from '../provider-quality/waits.rules.ts';

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
export function nearestSite<S extends CandidateSite>(
  origin: Point,
  sites: readonly S[],
): { site: S; km: number; miles: number } | undefined {
  let best: { site: S; km: number } | undefined;
  for (const site of sites) {
    const km = distanceKm(origin, site);
    if (!best || km < best.km || (km === best.km && site.name < best.site.name)) best = { site, km };
  }
  return best && { ...best, miles: kmToMiles(best.km) };
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

/**
 * A hash of what a list shows, so showing the same list again can be told apart from a change: the SHA-256 (base64url) of the JSON
 * of `{ referralId, orderedBy, origin, entries }` — the form every stored list's hash has — written from the entries' JSON made
 * once for everyone shown them. The head's keys must stay in that order, or every list would be stored again.
 */
export function choiceListContentHash(
  head: { referralId: string; orderedBy: ChoiceOrder; origin: { kind: string; postcode: string } },
  entriesJson: string,
): string {
  const opening = JSON.stringify(head).slice(0, -1);
  return createHash('sha256').update(`${opening},"entries":`).update(entriesJson).update('}').digest('base64url');
}
