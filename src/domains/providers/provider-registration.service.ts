/** A provider organisation registers itself with its first provider administrator, in one audited transaction (PRODUCT.md §3.3). */
import { validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import { findOrganisationByOdsCode } from '../identity/organisation.repo.ts';
import { hashPassword } from '../identity/password.ts';
import type { ActionContext } from '../identity/principal.ts';
import { newUserFieldErrors } from '../identity/user.service.ts';
import { findUserByEmail, insertMembership, insertUser } from '../identity/user.repo.ts';
import { checkProfile, type ProfileInput } from './provider-profile.rules.ts';
import { insertProviderOrganisation, saveProfile } from './provider-profile.repo.ts';

export interface RegistrationInput extends ProfileInput {
  odsCode: string;
  admin: { displayName: string; email: string; password: string };
}

/** Field errors for the whole form at once: organisation, profile and first administrator. */
function registrationErrors(input: RegistrationInput, odsCode: string | null) {
  const { profile, errors } = checkProfile(input);
  if (odsCode && !/^[A-Z0-9]{3,6}$/.test(odsCode)) errors.push({ field: 'odsCode', message: 'An ODS code is 3 to 6 letters and numbers' });
  const userErrors = newUserFieldErrors({ ...input.admin, organisationId: 'new', role: 'provider-admin' });
  errors.push(
    ...userErrors.map((error) => ({ field: `admin${error.field[0]!.toUpperCase()}${error.field.slice(1)}`, message: error.message })),
  );
  return { profile, errors };
}

/** Registers a provider: the organisation (kind provider), its profile and its provider administrator, or nothing at all. */
export async function registerProvider(
  deps: Deps,
  context: ActionContext,
  input: RegistrationInput,
): Promise<{ organisationId: string; userId: string }> {
  const odsCode = input.odsCode.trim().toUpperCase() || null;
  const { profile, errors } = registrationErrors(input, odsCode);
  if (errors.length) throw validationFailed(errors, 'The registration is not complete');
  const passwordHash = await hashPassword(input.admin.password);
  return deps.db.transaction().execute(async (trx) => {
    const clashes = [];
    if (odsCode && (await findOrganisationByOdsCode(trx, odsCode)))
      clashes.push({ field: 'odsCode', message: `An organisation with the ODS code ${odsCode} is already registered` });
    if (await findUserByEmail(trx, input.admin.email))
      clashes.push({ field: 'adminEmail', message: 'An account with this email address already exists. Sign in, or use another address' });
    if (clashes.length) throw validationFailed(clashes, 'The registration is not complete');
    const organisationId = await insertProviderOrganisation(trx, { name: profile.name, odsCode });
    await saveProfile(trx, organisationId, profile, deps.clock.now());
    const userId = await insertUser(trx, { email: input.admin.email, displayName: input.admin.displayName, passwordHash });
    await insertMembership(trx, { userId, organisationId, role: 'provider-admin' });
    await recordAudit(trx, context, {
      action: 'provider.register',
      entityType: 'organisation',
      entityId: organisationId,
      details: { odsCode, providerType: profile.providerType, adminUserId: userId },
    });
    return { organisationId, userId };
  });
}
