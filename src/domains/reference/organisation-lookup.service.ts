/** One organisation by ODS code with its chain of parents (practice → sub-ICB → ICB → region), for the API and admin pages. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import {
  findParentOrganisation,
  findReferenceOrganisation,
  type OrganisationDetail,
  type OrganisationRef,
} from './organisation-lookup.repo.ts';

export type { OrganisationDetail, OrganisationRef } from './organisation-lookup.repo.ts';

const MAX_DEPTH = 5;

/** The organisation with that ODS code (any case) and up to five parents, nearest first; an unknown code is refused by name. */
export async function organisationByOdsCode(deps: Deps, odsCode: string): Promise<OrganisationDetail> {
  const code = odsCode.trim().toUpperCase();
  const found = await findReferenceOrganisation(deps.db, code);
  if (!found) throw new DomainError('organisation-unknown', `There is no organisation with the ODS code ${code}.`, { odsCode: code });
  const parents: OrganisationRef[] = [];
  let parentId = found.parentId;
  while (parentId && parents.length < MAX_DEPTH) {
    const step = await findParentOrganisation(deps.db, parentId);
    if (!step) break;
    parents.push(step.parent);
    parentId = step.parentId;
  }
  return { ...found.organisation, parents };
}
