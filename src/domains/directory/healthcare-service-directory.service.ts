/** The FHIR directory's services (PRODUCT.md §3.8): public reads of each live listing at each of its sites, as UK Core HealthcareServices. */
import type { HealthcareService } from '@medplum/fhirtypes';
import { DomainError } from '../../lib/errors.ts';
import { eligibilityInWords } from '../catalogue/referral-protocol-words.rules.ts';
import type { Deps } from '../deps.ts';
import { currentProtocolsOf } from '../offers/offer-terms.repo.ts';
import { healthcareServiceResourceOf, listedSiteIdsOf } from './healthcare-service.fhir.ts';
import { commissionersOfOffers, findListedSites, type ListedSiteRecord } from './listed-site.repo.ts';
import { boxAround, type Near, nearestWithin } from './near.rules.ts';
import { isStoredId } from './organization-directory.service.ts';

export interface HealthcareServiceCriteria {
  serviceCode?: string;
  providerId?: string;
  siteId?: string;
  near?: Near;
}

/** The listed sites as FHIR, with their offers' protocols and coverage read once for the page. */
async function resourcesOf(deps: Deps, listed: readonly ListedSiteRecord[]): Promise<HealthcareService[]> {
  const offerIds = [...new Set(listed.map((each) => each.offerId))];
  const [protocols, commissioners] = await Promise.all([currentProtocolsOf(deps.db, offerIds), commissionersOfOffers(deps.db, offerIds)]);
  return listed.map((each) => {
    const protocol = protocols.get(each.offerId)?.content;
    return healthcareServiceResourceOf(each, {
      eligibility: protocol ? eligibilityInWords(protocol) : null,
      selfReferral: protocol?.routes.includes('self') ?? false,
      commissioners: commissioners.get(each.offerId) ?? [],
    });
  });
}

/** One live listing at one site as FHIR; a listing no longer live, or a site closed, is not found. */
export async function readHealthcareService(deps: Deps, id: string): Promise<HealthcareService> {
  const ids = listedSiteIdsOf(id);
  const listed = ids ? await findListedSites(deps.db, ids, deps.clock.today()) : [];
  const [resource] = await resourcesOf(deps, listed);
  if (!resource) throw new DomainError('not-found', `No HealthcareService with id ${id}`);
  return resource;
}

/** A page of live listings at sites matching, by service, provider and site, or nearest first when searched near a point. */
export async function searchHealthcareServices(
  deps: Deps,
  criteria: HealthcareServiceCriteria,
  page: { count: number; offset: number },
): Promise<{ total: number; resources: HealthcareService[] }> {
  if ([criteria.providerId, criteria.siteId].some((id) => id !== undefined && !isStoredId(id))) return { total: 0, resources: [] };
  const { near, ...filters } = criteria;
  const listed = await findListedSites(deps.db, { ...filters, ...(near ? { box: boxAround(near) } : {}) }, deps.clock.today());
  const matching = near ? nearestWithin(near, listed, (each) => each.site) : listed;
  return { total: matching.length, resources: await resourcesOf(deps, matching.slice(page.offset, page.offset + page.count)) };
}
