/** The AQP map (PRODUCT.md §3.4): which commissioners offer which services, with national uptake, for the page, the JSON and the CSV. */
import { type ApplicationCounts, applicationCounts, applicationCountsByOffer } from '../applications/application-counts.repo.ts';
import type { Deps } from '../deps.ts';
import { commissionerAreaNames } from '../reference/commissioner-area.service.ts';
import { odsNameInTitleCase } from '../reference/ods-names.rules.ts';
import { applicationsByService } from './map-applications.rules.ts';
import { type ApproximateArea, approximateAreas } from './map-areas.rules.ts';
import { countedCoverage, mapCommissioners, mapServices, practiceLocations } from './map.repo.ts';
import { computeUptake, type MapCommissioner, type MapService, type Uptake } from './map.rules.ts';

export interface AqpMap {
  services: MapService[];
  commissioners: MapCommissioner[];
  uptake: Uptake;
  /** Submitted applications to each counted offer, by offer id. */
  applications: Map<string, ApplicationCounts>;
  /** National application figures per service code, each application once. */
  applicationsByService: Map<string, ApplicationCounts>;
}

/** Reads the counted offers and the commissioner rows once and joins them in memory (a few hundred rows nationally). */
export async function buildAqpMap(deps: Deps): Promise<AqpMap> {
  const [services, rows, coverage] = await Promise.all([mapServices(deps.db), mapCommissioners(deps.db), countedCoverage(deps.db)]);
  const offersByOrganisation = new Map<string, MapCommissioner['offers']>();
  for (const cell of coverage) {
    const offers = offersByOrganisation.get(cell.organisationId) ?? [];
    offers.push({ serviceCode: cell.serviceCode, offerId: cell.offerId });
    offersByOrganisation.set(cell.organisationId, offers);
  }
  const commissioners = rows.map((row) => ({ ...row, offers: offersByOrganisation.get(row.id) ?? [] }));
  const applications = await applicationCountsByOffer(deps.db, [...new Set(coverage.map((cell) => cell.offerId))]);
  return {
    services,
    commissioners,
    uptake: computeUptake(services, commissioners),
    applications,
    applicationsByService: applicationsByService(commissioners, applications),
  };
}

/** The map in the words of its public page: each commissioner by the area it serves, without its code, ICBs in title case, services by the names patients use. */
export async function buildPublicAqpMap(deps: Deps): Promise<AqpMap> {
  const map = await buildAqpMap(deps);
  const areas = await commissionerAreaNames(
    deps,
    map.commissioners.map((commissioner) => commissioner.id),
  );
  const commissioners = map.commissioners.map((commissioner) => ({
    ...commissioner,
    name: areas.get(commissioner.id) ?? odsNameInTitleCase(commissioner.name),
    odsCode: null,
    icb: commissioner.icb && { ...commissioner.icb, name: odsNameInTitleCase(commissioner.icb.name) },
  }));
  const services = map.services.map((service) => ({ ...service, name: service.publicName ?? service.name }));
  return { ...map, services, commissioners, uptake: computeUptake(services, commissioners) };
}

/** Applications to one offer by outcome, for the offer page, which publishes them by the map's small-number rule. */
export async function applicationCountsOfOffer(deps: Deps, offerId: string): Promise<ApplicationCounts> {
  return applicationCounts(deps.db, offerId);
}

/** Each commissioner's approximate area by organisation id, drawn around its open GP practices (decision 0059); for the map page only. */
export async function commissionerAreas(deps: Deps): Promise<Map<string, ApproximateArea>> {
  return approximateAreas(await practiceLocations(deps.db));
}
