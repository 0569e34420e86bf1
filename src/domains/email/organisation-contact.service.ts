/** An organisation's email address for AQP's message emails (decision 0066): read by its people, changed by its lead role, audited. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import { EMAIL } from '../providers/provider-profile.rules.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import { type ContactEmail, findContactEmail, updateContactEmail } from './organisation-contact.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import type { Role } from '../identity/roles.rules.ts';

/** The roles that speak for an organisation without a provider profile (a provider's administrators change its profile email instead). */
export const CONTACT_EMAIL_EDITORS: readonly Role[] = ['national-admin', 'regional-reviewer', 'commissioner', 'referrer', 'platform-admin'];

/** The organisation's addresses; the address AQP emails is the profile email if there is one, else the contact email. */
export async function contactEmailOf(deps: Deps, organisationId: string): Promise<ContactEmail & { emailedAt: string | null }> {
  const found = await findContactEmail(deps.db, organisationId);
  if (!found) throw new DomainError('not-found', 'Organisation not found');
  return { ...found, emailedAt: found.profileEmail ?? found.contactEmail };
}

/** Sets the principal's organisation's contact email (blank removes it); refuses an address that is not one, and providers, whose profile holds theirs. */
export async function changeContactEmail(deps: Deps, context: ActionContext, input: { email: string }): Promise<void> {
  const organisationId = context.principal?.organisationId;
  if (!organisationId) throw new DomainError('forbidden', 'Sign in to change your organisation’s email address');
  const email = input.email.trim() || null;
  if (email && (email.length > 254 || !EMAIL.test(email)))
    throw validationFailed([{ field: 'email', message: 'Enter an email address in the correct format, like team@example.nhs.uk' }]);
  await deps.db.transaction().execute(async (trx) => {
    const found = await findContactEmail(trx, organisationId);
    if (!found) throw new DomainError('not-found', 'Organisation not found');
    if (found.kind === 'provider') throw new DomainError('forbidden', 'A provider’s email address is on its profile');
    await updateContactEmail(trx, organisationId, email);
    await recordAudit(trx, context, { action: 'organisation.contact-email', entityType: 'organisation', entityId: organisationId });
  });
}
