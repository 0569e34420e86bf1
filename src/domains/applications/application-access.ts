/** Who may see and act on an application: the applicant's provider admins, and assessors of the offer's lead commissioner or of a national body. */
import { DomainError } from '../../lib/errors.ts';
import type { Executor } from '../../db/executor.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';
import { findOffer, type OfferRecord } from '../offers/offer.repo.ts';
import { type ApplicationRecord, findApplication } from './application.repo.ts';
import { isMemberOf, organisationKindOf } from './assessment.repo.ts';

/** The provider organisation a provider admin acts for; anyone else is refused. */
export function providerOf(context: ActionContext): string {
  const principal = context.principal;
  if (!principal) throw new DomainError('unauthenticated', 'Sign in to apply');
  if (principal.role !== 'provider-admin') throw new DomainError('forbidden', 'Only a provider’s administrators can apply for it');
  return principal.organisationId;
}

/** The application and its offer, when the principal is an admin of the applicant; another provider's application does not exist for them. */
export async function applicationOfProvider(
  db: Executor,
  context: ActionContext,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ application: ApplicationRecord; offer: OfferRecord }> {
  const organisationId = providerOf(context);
  const application = await findApplication(db, id, options);
  if (!application || application.providerOrganisationId !== organisationId)
    throw new DomainError('not-found', 'There is no such application');
  return { application, offer: (await findOffer(db, application.offerId))! };
}

/** True when an assessor's organisation may assess this offer's applications: its lead commissioner, or a national body. */
export async function mayAssess(db: Executor, principal: Principal | null, offer: Pick<OfferRecord, 'lead'>): Promise<boolean> {
  if (principal?.role !== 'assessor') return false;
  if (principal.organisationId === offer.lead.id) return true;
  return (await organisationKindOf(db, principal.organisationId)) === 'national';
}

/** The application and its offer for an assessor who may assess it (a draft too, so acting on it is refused as a transition); to any other assessor it does not exist. */
export async function applicationForAssessor(
  db: Executor,
  context: ActionContext,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ application: ApplicationRecord; offer: OfferRecord }> {
  if (!context.principal) throw new DomainError('unauthenticated', 'Sign in to assess applications');
  if (context.principal.role !== 'assessor') throw new DomainError('forbidden', 'Only assessors can assess applications');
  const application = await findApplication(db, id, options);
  const offer = application && (await findOffer(db, application.offerId));
  if (!application || !offer || !(await mayAssess(db, context.principal, offer)))
    throw new DomainError('not-found', 'There is no such application');
  return { application, offer };
}

/** True when the acting person belongs to the applicant in any role: they must not judge it. */
export async function hasConflictOfInterest(
  db: Executor,
  context: ActionContext,
  application: Pick<ApplicationRecord, 'providerOrganisationId'>,
): Promise<boolean> {
  const principal = context.principal;
  if (!principal) return false;
  if (principal.organisationId === application.providerOrganisationId) return true;
  return principal.kind === 'user' && (await isMemberOf(db, principal.userId, application.providerOrganisationId));
}

/** Refuses an assessment action by someone who belongs to the applicant organisation. */
export async function assertNoConflictOfInterest(db: Executor, context: ActionContext, application: ApplicationRecord): Promise<void> {
  if (await hasConflictOfInterest(db, context, application)) {
    throw new DomainError(
      'forbidden',
      `Conflict of interest: you belong to ${application.providerName}, so you cannot assess its application`,
      { reason: 'conflict-of-interest' },
    );
  }
}
