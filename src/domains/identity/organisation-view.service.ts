/** Reading organisations and their people: one by id, its children, its team, and searches, for pages and the API. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import {
  findOrganisationById,
  listChildOrganisations,
  type Organisation,
  organisationsWithoutOdsCode,
  searchOrganisations,
} from './organisation.repo.ts';
import type { OrganisationKind } from './roles.rules.ts';
import { type TeamMember, teamOf } from './user.repo.ts';

export type { Organisation } from './organisation.repo.ts';

/** The organisation with that id; a missing one is not found (a stale session or key after it was removed). */
export async function organisationOf(deps: Deps, organisationId: string): Promise<Organisation> {
  const organisation = await findOrganisationById(deps.db, organisationId);
  if (!organisation) throw new DomainError('not-found', 'Organisation not found');
  return organisation;
}

/** The organisations directly below one (a region's ICBs, an ICB's sub-ICB locations), by name. */
export async function childOrganisationsOf(deps: Deps, parentId: string): Promise<Organisation[]> {
  return listChildOrganisations(deps.db, parentId);
}

/** The active people of an organisation with their roles, by name. */
export async function teamMembersOf(deps: Deps, organisationId: string): Promise<TeamMember[]> {
  return teamOf(deps.db, organisationId);
}

/** One page of organisations whose name starts with, or whose ODS code or postcode is, the text typed; with a total for pagination. */
export async function organisationsMatching(
  deps: Deps,
  filter: { query?: string; kind?: OrganisationKind; limit: number; offset: number },
): Promise<{ rows: Organisation[]; total: number }> {
  return searchOrganisations(deps.db, filter);
}

/** The few organisations without an ODS code, offered by name where every other organisation is found by its code. */
export async function organisationsWithoutCode(deps: Deps): Promise<Organisation[]> {
  return organisationsWithoutOdsCode(deps.db);
}
