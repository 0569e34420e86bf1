/** Creating organisations that no reference file holds (the platform operator, a national body, a new provider), validated and audited. */
import { type FieldError, validationFailed } from '../../lib/errors.ts';
import { normalisePostcode } from '../../lib/postcode.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from './audit.repo.ts';
import type { ActionContext } from './principal.ts';
import { findOrganisationByOdsCode, type Organisation, upsertOrganisation } from './organisation.repo.ts';
import { isOrganisationKind, ORGANISATION_KINDS } from './roles.rules.ts';

export interface NewOrganisationInput {
  name: string;
  kind: string;
  odsCode?: string;
  parentOdsCode?: string;
  postcode?: string;
}

/** Creates one organisation; refuses a bad kind, ODS code or postcode, a duplicate ODS code or an unknown parent. */
export async function createOrganisation(deps: Deps, context: ActionContext, input: NewOrganisationInput): Promise<Organisation> {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  const odsCode = input.odsCode?.trim().toUpperCase() || undefined;
  const postcode = input.postcode?.trim() ? normalisePostcode(input.postcode) : undefined;
  if (!name) errors.push({ field: 'name', message: 'Enter the organisation’s name' });
  if (!isOrganisationKind(input.kind)) errors.push({ field: 'kind', message: `Choose a kind: ${ORGANISATION_KINDS.join(', ')}` });
  if (odsCode && !/^[A-Z0-9]{3,6}$/.test(odsCode)) errors.push({ field: 'odsCode', message: 'An ODS code is 3 to 6 letters and numbers' });
  if (input.postcode?.trim() && !postcode) errors.push({ field: 'postcode', message: 'Enter a real postcode, like LS1 4AP' });
  if (errors.length) throw validationFailed(errors);
  return deps.db.transaction().execute(async (trx) => {
    if (odsCode && (await findOrganisationByOdsCode(trx, odsCode)))
      throw validationFailed([{ field: 'odsCode', message: `An organisation with the ODS code ${odsCode} already exists` }]);
    const parent = input.parentOdsCode ? await findOrganisationByOdsCode(trx, input.parentOdsCode) : undefined;
    if (input.parentOdsCode && !parent)
      throw validationFailed([
        { field: 'parentOdsCode', message: `There is no organisation with the ODS code ${input.parentOdsCode.toUpperCase()}` },
      ]);
    const organisation = await upsertOrganisation(trx, {
      name,
      kind: input.kind as Organisation['kind'],
      odsCode: odsCode ?? null,
      parentId: parent?.id ?? null,
      postcode: postcode ?? null,
    });
    await recordAudit(trx, context, {
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: organisation.id,
      details: { kind: input.kind, odsCode },
    });
    return organisation;
  });
}
