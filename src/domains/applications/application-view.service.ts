/** Reads for the application pages and API: a provider's own applications and open offers, and one application with everything a reader needs. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import type { OfferRecord } from '../offers/offer.repo.ts';
import { listOffers, offerReference } from '../offers/offer.repo.ts';
import { visibleOffer } from '../offers/offer-access.ts';
import { type OfferQuestion, offerQuestionsOf } from '../offers/offer-questions.repo.ts';
import { priceSchedulesOf } from '../offers/offer-terms.repo.ts';
import { type PriceSchedule, scheduleOn } from '../offers/price-schedule.rules.ts';
import { type AssuranceSummary, assuranceSummary } from '../providers/assurance-summary.service.ts';
import { applicationForAssessor, applicationOfProvider, hasConflictOfInterest, providerOf } from './application-access.ts';
import { criteriaFor, isWindowOpen } from './application-criteria.rules.ts';
import {
  activeOf,
  type ApplicationRecord,
  applicationHistory,
  applicationsOfProvider,
  applicationsToOffer,
  type HistoryEntry,
} from './application.repo.ts';
import { type ApplicationSite, openSitesOfProvider, sitesOfApplication } from './application-sites.repo.ts';
import { type Clarification, clarificationsOf, type Mark, marksOf } from './assessment.repo.ts';
import { waitingWorkingDays } from './waiting-days.rules.ts';

export interface ApplicationInFull {
  application: ApplicationRecord;
  offer: OfferRecord;
  questions: OfferQuestion[];
  criteria: { id: string; title: string }[];
  sites: ApplicationSite[];
  clarifications: Clarification[];
  history: HistoryEntry[];
  /** The price schedule in force today, or the first one when none has started yet. */
  priceSchedule: PriceSchedule | undefined;
}

export interface AssessmentView extends ApplicationInFull {
  marks: Mark[];
  assurance: AssuranceSummary;
  conflictOfInterest: boolean;
  waitingWorkingDays: number | null;
}

async function inFull(deps: Deps, found: { application: ApplicationRecord; offer: OfferRecord }): Promise<ApplicationInFull> {
  const { application, offer } = found;
  const [questions, sites, clarifications, history, schedules] = await Promise.all([
    offerQuestionsOf(deps.db, offer.id),
    sitesOfApplication(deps.db, application.id),
    clarificationsOf(deps.db, application.id),
    applicationHistory(deps.db, application.id),
    priceSchedulesOf(deps.db, offer.id),
  ]);
  return {
    application,
    offer,
    questions,
    criteria: criteriaFor(questions),
    sites,
    clarifications,
    history,
    priceSchedule: scheduleOn(schedules, deps.clock.today()) ?? schedules[0],
  };
}

/** The applicant's view of its own application. */
export async function providerApplication(deps: Deps, context: ActionContext, id: string): Promise<ApplicationInFull> {
  return inFull(deps, await applicationOfProvider(deps.db, context, id));
}

/** The assessor's view (never of a draft, which is the provider's until submitted): the submission, the provider's national assurance as it stands today, the marks and the clock. */
export async function assessorApplication(deps: Deps, context: ActionContext, id: string): Promise<AssessmentView> {
  const found = await applicationForAssessor(deps.db, context, id);
  if (found.application.status === 'draft') throw new DomainError('not-found', 'There is no such application');
  const [full, marks, assurance, conflictOfInterest] = await Promise.all([
    inFull(deps, found),
    marksOf(deps.db, id),
    assuranceSummary(deps.db, found.application.providerOrganisationId, deps.clock.today()),
    hasConflictOfInterest(deps.db, context, found.application),
  ]);
  const submittedAt = found.application.submittedAt;
  return {
    ...full,
    marks,
    assurance,
    conflictOfInterest,
    waitingWorkingDays: submittedAt ? waitingWorkingDays(submittedAt, deps.clock.today(), full.clarifications) : null,
  };
}

/** The provider's applications, newest first, each with its offer's reference; only those waiting for its answer to a clarification when `clarification` is asked. */
export async function providerApplications(
  deps: Deps,
  context: ActionContext,
  page: { limit: number; offset: number },
  status?: 'clarification',
) {
  const { rows, total } = await applicationsOfProvider(deps.db, providerOf(context), page, status);
  return { rows: rows.map((row) => ({ ...row, offerReference: offerReference(row.offerNumber) })), total };
}

export interface OpenOfferForProvider {
  offer: OfferRecord;
  windowOpen: boolean;
  /** The provider's latest application to the offer, if any. */
  latest: { id: string; status: ApplicationRecord['status'] } | undefined;
}

/** The offers open for applications, with whether the window runs today and the provider's latest application to each. */
export async function openOffersForProvider(deps: Deps, context: ActionContext): Promise<OpenOfferForProvider[]> {
  const providerId = providerOf(context);
  const offers = await listOffers(deps.db, { statuses: ['open'] }, 200);
  const { rows } = await applicationsOfProvider(deps.db, providerId, { limit: 500, offset: 0 });
  const today = deps.clock.today();
  return offers.map((offer) => {
    const latest = rows.filter((row) => row.offerId === offer.id).sort((a, b) => b.attempt - a.attempt)[0];
    return { offer, windowOpen: isWindowOpen(offer, today), latest: latest && { id: latest.id, status: latest.status } };
  });
}

/** The provider's open sites, to choose which deliver the service. */
export async function sitesToChooseFrom(deps: Deps, context: ActionContext): Promise<ApplicationSite[]> {
  return openSitesOfProvider(deps.db, providerOf(context), deps.clock.today());
}

/** What a provider reads before applying: the offer, its questions and price, and its own application already under way, if any. */
export async function offerToApplyTo(
  deps: Deps,
  context: ActionContext,
  offerId: string,
): Promise<Pick<ApplicationInFull, 'offer' | 'questions' | 'priceSchedule'> & { activeApplicationId: string | undefined }> {
  const providerId = providerOf(context);
  const offer = await visibleOffer(deps.db, context.principal, offerId);
  const [questions, schedules, earlier] = await Promise.all([
    offerQuestionsOf(deps.db, offer.id),
    priceSchedulesOf(deps.db, offer.id),
    applicationsToOffer(deps.db, offer.id, providerId),
  ]);
  return {
    offer,
    questions,
    priceSchedule: scheduleOn(schedules, deps.clock.today()) ?? schedules[0],
    activeApplicationId: activeOf(earlier)?.id,
  };
}
