/** Application figures on the AQP map (issue #11 item 17): per service nationally, each application once, and per commissioner and service, where an offer covering several commissioners counts for each (docs/decisions/0029-sourced-packs-and-application-figures.md). */
import { type ApplicationCounts, noApplications } from '../applications/application-counts.repo.ts';
import { REFUSAL_GROUNDS, type RefusalGround } from '../applications/application-status.rules.ts';
import type { MapCommissioner } from './map.rules.ts';

/** The sum of several offers' figures. */
export function sumApplications(all: readonly (ApplicationCounts | undefined)[]): ApplicationCounts {
  const total = noApplications();
  for (const counts of all) {
    if (!counts) continue;
    total.received += counts.received;
    total.qualified += counts.qualified;
    total.inAssessment += counts.inAssessment;
    for (const ground of REFUSAL_GROUNDS) total.refused[ground] += counts.refused[ground];
  }
  return total;
}

/** A service's national figures on the map: nothing yet when no counted offer of it has had an application. */
export function applicationsOfService(byService: ReadonlyMap<string, ApplicationCounts>, serviceCode: string): ApplicationCounts {
  return byService.get(serviceCode) ?? noApplications();
}

/** A commissioner's figures for one service: every counted offer of that service covering it. */
export function applicationsFor(
  commissioner: MapCommissioner,
  serviceCode: string,
  byOffer: ReadonlyMap<string, ApplicationCounts>,
): ApplicationCounts {
  return sumApplications(
    commissioner.offers.filter((offer) => offer.serviceCode === serviceCode).map((offer) => byOffer.get(offer.offerId)),
  );
}

/** National figures per service code, each offer (and so each application) counted once however many commissioners it covers. */
export function applicationsByService(
  commissioners: readonly MapCommissioner[],
  byOffer: ReadonlyMap<string, ApplicationCounts>,
): Map<string, ApplicationCounts> {
  const offersOfService = new Map<string, Set<string>>();
  for (const commissioner of commissioners) {
    for (const offer of commissioner.offers)
      offersOfService.set(offer.serviceCode, (offersOfService.get(offer.serviceCode) ?? new Set()).add(offer.offerId));
  }
  return new Map([...offersOfService].map(([code, offerIds]) => [code, sumApplications([...offerIds].map((id) => byOffer.get(id)))]));
}

/** A commissioner's figures as published: refusals by ground are null when withheld, with the total refused (which received − qualified − being assessed already gives). */
export interface PublishedCounts extends Omit<ApplicationCounts, 'refused'> {
  refused: Record<RefusalGround, number | null>;
  refusedTotal: number;
  suppressed: boolean;
}

/** NHS England / NHS Digital practice: a count of 1 to 4 may identify someone; zero reveals nothing. */
export function isSmallNumber(count: number): boolean {
  return count >= 1 && count <= 4;
}

/** Withholds all four grounds when any is 1 to 4, so a small one cannot be worked out from the others and the total (decision 0029). */
export function withSmallNumbersSuppressed(counts: ApplicationCounts): PublishedCounts {
  const refusedTotal = REFUSAL_GROUNDS.reduce((sum, ground) => sum + counts.refused[ground], 0);
  const suppressed = REFUSAL_GROUNDS.some((ground) => isSmallNumber(counts.refused[ground]));
  const refused = Object.fromEntries(REFUSAL_GROUNDS.map((ground) => [ground, suppressed ? null : counts.refused[ground]])) as Record<
    RefusalGround,
    number | null
  >;
  return { received: counts.received, qualified: counts.qualified, inAssessment: counts.inAssessment, refused, refusedTotal, suppressed };
}

/** A commissioner's published figures for one service. */
export function publishedApplicationsFor(
  commissioner: MapCommissioner,
  serviceCode: string,
  byOffer: ReadonlyMap<string, ApplicationCounts>,
): PublishedCounts {
  return withSmallNumbersSuppressed(applicationsFor(commissioner, serviceCode, byOffer));
}

/** The published figures as CSV cells, in the order of `APPLICATION_CSV_HEADER`: a withheld ground is an empty cell, flagged in the last. */
export function applicationCells(counts: PublishedCounts): string[] {
  const grounds = REFUSAL_GROUNDS.map((ground) => counts.refused[ground]).map((count) => (count === null ? '' : String(count)));
  return [
    String(counts.received),
    String(counts.qualified),
    String(counts.inAssessment),
    ...grounds,
    String(counts.refusedTotal),
    String(counts.suppressed),
  ];
}

export const APPLICATION_CSV_HEADER = [
  'applications_received',
  'applications_qualified',
  'applications_in_assessment',
  ...REFUSAL_GROUNDS.map((ground) => `applications_refused_${ground.replaceAll('-', '_')}`),
  'applications_refused_total',
  'applications_refused_by_ground_suppressed',
] as const;
