/** Use cases of a provider applying to an open offer (PRODUCT.md §3.3): start, edit while a draft, submit, withdraw, reapply after a refusal. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingApiKeyId, actingUserId, visibleOffer } from '../offers/offer-access.ts';
import { offerQuestionsOf } from '../offers/offer-questions.repo.ts';
import { assuranceSummary } from '../providers/assurance-summary.service.ts';
import { applicationOfProvider, providerOf } from './application-access.ts';
import { type ApplicationAnswers, draftProblems, EMPTY_ANSWERS, isWindowOpen, submissionProblems } from './application-criteria.rules.ts';
import {
  activeOf,
  applicationsToOffer,
  holdsCurrentListing,
  insertApplication,
  insertApplicationHistory,
  updateAnswers,
  updateStatus,
} from './application.repo.ts';
import { openSitesOfProvider, replaceApplicationSites, sitesOfApplication } from './application-sites.repo.ts';
import { assertApplicationTransition } from './application-status.rules.ts';
import { eventInstant } from './waiting-days.rules.ts';

export interface ApplicationInput {
  answers: ApplicationAnswers;
  siteIds: string[];
}

/** Who acted, for history rows. */
export function actorOf(context: ActionContext) {
  return { userId: actingUserId(context), apiKeyId: actingApiKeyId(context) };
}

async function checkSites(db: Executor, providerOrganisationId: string, siteIds: readonly string[], today: string): Promise<void> {
  const open = new Set((await openSitesOfProvider(db, providerOrganisationId, today)).map((site) => site.id));
  if (siteIds.some((id) => !open.has(id)))
    throw validationFailed([{ field: 'sites', message: 'Select only your organisation’s open sites' }]);
}

/** Starts a draft application to an open offer; a provider refused earlier starts a new attempt, one already applying or listed is refused. */
export async function startApplication(
  deps: Deps,
  context: ActionContext,
  offerId: string,
  input: ApplicationInput = { answers: EMPTY_ANSWERS, siteIds: [] },
): Promise<{ id: string; attempt: number }> {
  const providerId = providerOf(context);
  const offer = await visibleOffer(deps.db, context.principal, offerId);
  if (offer.status !== 'open') throw new DomainError('invalid-transition', 'The offer is not open for applications');
  const questions = await offerQuestionsOf(deps.db, offerId);
  const problems = draftProblems(input.answers, questions);
  if (problems.length) throw validationFailed(problems);
  return deps.db.transaction().execute(async (trx) => {
    const earlier = await applicationsToOffer(trx, offerId, providerId);
    const active = activeOf(earlier);
    if (active) throw new DomainError('conflict', 'Your organisation is already applying to this offer', { applicationId: active.id });
    if (await holdsCurrentListing(trx, offerId, providerId))
      throw new DomainError('conflict', 'Your organisation is already qualified for this offer');
    const siteIds = [...new Set(input.siteIds)];
    await checkSites(trx, providerId, siteIds, deps.clock.today());
    const at = eventInstant(deps.clock);
    const attempt = (earlier[0]?.attempt ?? 0) + 1;
    const id = await insertApplication(trx, {
      offerId,
      providerOrganisationId: providerId,
      attempt,
      answers: input.answers,
      userId: actingUserId(context),
      at,
    });
    await replaceApplicationSites(trx, id, siteIds);
    await insertApplicationHistory(trx, {
      applicationId: id,
      fromStatus: null,
      toStatus: 'draft',
      reason: attempt > 1 ? `Reapplication, attempt ${attempt}` : 'Application started',
      at,
      actor: actorOf(context),
    });
    await recordAudit(trx, context, {
      action: 'application.create',
      entityType: 'application',
      entityId: id,
      details: { offerId, attempt },
    });
    return { id, attempt };
  });
}

/** Saves a draft's answers and sites; a submitted application no longer changes. */
export async function saveApplication(deps: Deps, context: ActionContext, id: string, input: ApplicationInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { application } = await applicationOfProvider(trx, context, id, { forUpdate: true });
    if (application.status !== 'draft')
      throw new DomainError('invalid-transition', 'Only a draft application can change; this one has been submitted or closed', {
        status: application.status,
      });
    const problems = draftProblems(input.answers, await offerQuestionsOf(trx, application.offerId));
    if (problems.length) throw validationFailed(problems);
    const siteIds = [...new Set(input.siteIds)];
    await checkSites(trx, application.providerOrganisationId, siteIds, deps.clock.today());
    await updateAnswers(trx, id, input.answers, eventInstant(deps.clock));
    await replaceApplicationSites(trx, id, siteIds);
    await recordAudit(trx, context, { action: 'application.update', entityType: 'application', entityId: id });
  });
}

/** Submits a complete draft while the offer is open and its window runs, once the provider's national assurance is complete (not necessarily verified). */
export async function submitApplication(deps: Deps, context: ActionContext, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { application, offer } = await applicationOfProvider(trx, context, id, { forUpdate: true });
    assertApplicationTransition(application.status, 'submitted');
    const today = deps.clock.today();
    if (offer.status !== 'open') throw new DomainError('invalid-transition', 'The offer is no longer open for applications');
    if (!isWindowOpen(offer, today))
      throw new DomainError(
        'invalid-transition',
        `The qualification window is not open today (${offer.windowOpens ?? 'not set'}${offer.windowCloses ? ` to ${offer.windowCloses}` : ''})`,
      );
    const sites = await sitesOfApplication(trx, id);
    const problems = submissionProblems(application.answers, await offerQuestionsOf(trx, offer.id), sites.length);
    if (problems.length) throw validationFailed(problems, 'The application is not complete');
    const assurance = await assuranceSummary(trx, application.providerOrganisationId, today);
    if (!assurance.complete) {
      const missing = assurance.items.filter((item) => item.state === 'missing' || item.state === 'rejected').map((item) => item.label);
      throw new DomainError(
        'invalid-transition',
        'Complete your organisation’s national assurance before submitting: it is used for every application',
        { missing },
      );
    }
    const at = eventInstant(deps.clock);
    await updateStatus(trx, id, { status: 'submitted', at, submittedAt: at });
    await insertApplicationHistory(trx, {
      applicationId: id,
      fromStatus: 'draft',
      toStatus: 'submitted',
      reason: 'Submitted for assessment',
      at,
      actor: actorOf(context),
    });
    await recordAudit(trx, context, {
      action: 'application.submit',
      entityType: 'application',
      entityId: id,
      details: { offerId: offer.id },
    });
  });
}

/** Withdraws a draft or an application awaiting a decision, with the provider's reason kept in the history. */
export async function withdrawApplication(deps: Deps, context: ActionContext, id: string, reason: string): Promise<void> {
  if (reason.length > 1000) throw validationFailed([{ field: 'reason', message: 'The reason must be 1,000 characters or fewer' }]);
  await deps.db.transaction().execute(async (trx) => {
    const { application } = await applicationOfProvider(trx, context, id, { forUpdate: true });
    assertApplicationTransition(application.status, 'withdrawn');
    const at = eventInstant(deps.clock);
    await updateStatus(trx, id, { status: 'withdrawn', at });
    await insertApplicationHistory(trx, {
      applicationId: id,
      fromStatus: application.status,
      toStatus: 'withdrawn',
      reason: reason.trim() || 'Withdrawn by the provider',
      at,
      actor: actorOf(context),
    });
    await recordAudit(trx, context, {
      action: 'application.withdraw',
      entityType: 'application',
      entityId: id,
      details: { from: application.status },
    });
  });
}
