/** Application figures on the AQP map (issue #11 item 17): per service nationally, each application once, and per commissioner and service, where an offer covering several commissioners counts for each (docs/decisions/0029-sourced-packs-and-application-figures.md). */
import { type ApplicationCounts, noApplications } from '../applications/application-counts.repo.ts';
import { REFUSAL_GROUNDS } from '../applications/application-status.rules.ts';
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

/** A commissioner's figures for one service: every counted offer of that service covering it. */
export function applicationsFor(commissioner: MapCommissioner, serviceCode: string, byOffer: ReadonlyMap<string, ApplicationCounts>): ApplicationCounts {
  return sumApplications(commissioner.offers.filter((offer) => offer.serviceCode === serviceCode).map((offer) => byOffer.get(offer.offerId)));
}

/** National figures per service code, each offer (and so each application) counted once however many commissioners it covers. */
export function applicationsByService(commissioners: readonly MapCommissioner[], byOffer: ReadonlyMap<string, ApplicationCounts>): Map<string, ApplicationCounts> {
  const offersOfService = new Map<string, Set<string>>();
  for (const commissioner of commissioners) {
    for (const offer of commissioner.offers) offersOfService.set(offer.serviceCode, (offersOfService.get(offer.serviceCode) ?? new Set()).add(offer.offerId));
  }
  return new Map([...offersOfService].map(([code, offerIds]) => [code, sumApplications([...offerIds].map((id) => byOffer.get(id)))]));
}

/** The figures as CSV cells, in the order of `APPLICATION_CSV_HEADER`. */
export function applicationCells(counts: ApplicationCounts): string[] {
  return [counts.received, counts.qualified, counts.inAssessment, ...REFUSAL_GROUNDS.map((ground) => counts.refused[ground])].map(String);
}

export const APPLICATION_CSV_HEADER = ['applications_received', 'applications_qualified', 'applications_in_assessment', ...REFUSAL_GROUNDS.map((ground) => `applications_refused_${ground.replaceAll('-', '_')}`)] as const;
