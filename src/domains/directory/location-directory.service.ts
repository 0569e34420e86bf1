/** The FHIR directory's locations (PRODUCT.md §3.8): public reads of provider sites as UK Core Locations, searchable near a point. */
import type { Location } from '@medplum/fhirtypes';
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { locationResourceOf } from './location.fhir.ts';
import { boxAround, type Near, nearestWithin } from './near.rules.ts';
import { isStoredId } from './organization-directory.service.ts';
import { findDirectorySites } from './site-directory.repo.ts';

export interface LocationCriteria {
  siteCode?: string;
  organisationId?: string;
  near?: Near;
}

/** One provider site as FHIR, or not-found. */
export async function readLocation(deps: Deps, id: string): Promise<Location> {
  const [site] = isStoredId(id) ? await findDirectorySites(deps.db, { ids: [id] }) : [];
  if (!site) throw new DomainError('not-found', `No Location with id ${id}`);
  return locationResourceOf(site, deps.clock.today());
}

/** A page of the sites matching, by name, or nearest first when searched near a point. */
export async function searchLocations(
  deps: Deps,
  criteria: LocationCriteria,
  page: { count: number; offset: number },
): Promise<{ total: number; resources: Location[] }> {
  if (criteria.organisationId !== undefined && !isStoredId(criteria.organisationId)) return { total: 0, resources: [] };
  const { near, ...filters } = criteria;
  const sites = await findDirectorySites(deps.db, { ...filters, ...(near ? { box: boxAround(near) } : {}) });
  const matching = near ? nearestWithin(near, sites, (site) => site) : sites;
  const today = deps.clock.today();
  return {
    total: matching.length,
    resources: matching.slice(page.offset, page.offset + page.count).map((site) => locationResourceOf(site, today)),
  };
}
