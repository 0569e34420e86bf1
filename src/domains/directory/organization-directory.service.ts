/** The FHIR directory's organisations (PRODUCT.md §3.8): public reads of providers, commissioners and GP practices as UK Core Organizations. */
import type { Organization } from '@medplum/fhirtypes';
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { organizationResourceOf } from './organization.fhir.ts';
import { findDirectoryOrganisation, type OrganisationCriteria, searchDirectoryOrganisations } from './organisation-directory.repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for an id our tables could hold, so a malformed one is "not found" rather than a database error. */
export function isStoredId(id: string): boolean {
  return UUID.test(id);
}

/** One published organisation as FHIR, or not-found. */
export async function readOrganization(deps: Deps, id: string): Promise<Organization> {
  const organisation = isStoredId(id) ? await findDirectoryOrganisation(deps.db, id) : undefined;
  if (!organisation) throw new DomainError('not-found', `No Organization with id ${id}`);
  return organizationResourceOf(organisation, deps.clock.today());
}

/** A page of published organisations matching, by name; `kinds: []` matches nothing (a type no kind has). */
export async function searchOrganizations(
  deps: Deps,
  criteria: OrganisationCriteria,
  page: { count: number; offset: number },
): Promise<{ total: number; resources: Organization[] }> {
  if (criteria.kinds?.length === 0) return { total: 0, resources: [] };
  const found = await searchDirectoryOrganisations(deps.db, criteria, page);
  const today = deps.clock.today();
  return { total: found.total, resources: found.organisations.map((organisation) => organizationResourceOf(organisation, today)) };
}
