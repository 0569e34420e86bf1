/** A provider reads and changes its own profile; only its provider administrators change it. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { administeredProviderOf, ownProviderOf } from './provider-access.ts';
import { checkProfile, type ProfileInput } from './provider-profile.rules.ts';
import { findProvider, type ProviderRecord, saveProfile } from './provider-profile.repo.ts';

/** The acting person's provider with its profile. */
export async function ownProfile(deps: Deps, context: ActionContext): Promise<ProviderRecord> {
  const provider = await findProvider(deps.db, ownProviderOf(context));
  if (!provider) throw new DomainError('not-found', 'Your organisation is not a provider');
  return provider;
}

/** Replaces the provider's profile after checking every field. */
export async function changeProfile(deps: Deps, context: ActionContext, input: ProfileInput): Promise<void> {
  const organisationId = administeredProviderOf(context);
  const { profile, errors } = checkProfile(input);
  if (errors.length) throw validationFailed(errors, 'The profile is not valid');
  await deps.db.transaction().execute(async (trx) => {
    await saveProfile(trx, organisationId, profile, deps.clock.now());
    await recordAudit(trx, context, {
      action: 'provider.profile',
      entityType: 'organisation',
      entityId: organisationId,
      details: { providerType: profile.providerType },
    });
  });
}
