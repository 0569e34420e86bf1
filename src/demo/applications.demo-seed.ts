/** Demo applications (issue #5 item 9): West Yorkshire's demo providers apply to the offers for the services they deliver and qualify; one waits on a clarification; one was refused for rejecting the price and qualified when it reapplied. */
import type { Deps } from '../domains/deps.ts';
import { findOrganisationByOdsCode } from '../domains/identity/organisation.repo.ts';
import type { ActionContext } from '../domains/identity/principal.ts';
import { listOffers, type OfferRecord } from '../domains/offers/offer.repo.ts';
import { assuranceSummary } from '../domains/providers/assurance-summary.service.ts';
import { type ApplicationAnswers, criteriaFor } from '../domains/applications/application-criteria.rules.ts';
import { applicationsToOffer } from '../domains/applications/application.repo.ts';
import { startApplication, submitApplication } from '../domains/applications/application.service.ts';
import { openSitesOfProvider } from '../domains/applications/application-sites.repo.ts';
import { decideApplication, markCriteria } from '../domains/applications/assessment.service.ts';
import { askClarification } from '../domains/applications/clarification.service.ts';
import { offerQuestionsOf } from '../domains/offers/offer-questions.repo.ts';
import { demoActor } from './demo-actor.ts';
import { DEMO_PROVIDER_SERVICES } from './providers.demo-data.ts';

/** The provider refused once for asking more than the fixed price, then qualified on its second attempt. */
const REFUSED_FIRST = { odsCode: 'DEMO5', serviceCode: 'back-and-neck-pain' };
/** A community trust applying beyond its usual services, whose application waits on a clarification. */
const IN_CLARIFICATION = { odsCode: 'DEMO8', serviceCode: 'back-and-neck-pain' };

function answersFor(offer: OfferRecord, questionIds: string[], capability: string): ApplicationAnswers {
  return {
    acceptsContract: true,
    acceptsPrice: true,
    capability,
    compliesWithProtocol: true,
    protocolCompliance: `We accept only referrals that meet the ${offer.service.name.toLowerCase()} protocol, return the others to the referrer within the deadline with the reason, and refer red flags onward the same day.`,
    agreesToLocalSchedules: true,
    questionAnswers: Object.fromEntries(questionIds.map((id) => [id, 'Answered in full in our submission.'])),
  };
}

/** Applies and submits as the provider's administrator with the sites that deliver the service; undefined when the provider cannot apply yet. */
async function applyAndSubmit(
  deps: Deps,
  offer: OfferRecord,
  odsCode: string,
  siteNames: string[] | 'first',
  capability: string,
): Promise<string | undefined> {
  const provider = await findOrganisationByOdsCode(deps.db, odsCode);
  const admin = provider && (await demoActor(deps, { role: 'provider-admin', organisationId: provider.id }));
  if (!provider || !admin || !(await assuranceSummary(deps.db, provider.id, deps.clock.today())).complete) return undefined;
  const sites = await openSitesOfProvider(deps.db, provider.id, deps.clock.today());
  const siteIds = (siteNames === 'first' ? sites.slice(0, 1) : sites.filter((site) => siteNames.includes(site.name))).map(
    (site) => site.id,
  );
  if (siteIds.length === 0) return undefined;
  const questions = (await offerQuestionsOf(deps.db, offer.id)).map((question) => question.id);
  const { id } = await startApplication(deps, admin, offer.id, { answers: answersFor(offer, questions, capability), siteIds });
  await submitApplication(deps, admin, id);
  return id;
}

async function qualify(deps: Deps, assessor: ActionContext, offer: OfferRecord, applicationId: string): Promise<void> {
  const criteria = criteriaFor(await offerQuestionsOf(deps.db, offer.id));
  await markCriteria(
    deps,
    assessor,
    applicationId,
    criteria.map((criterion) => ({ criterion: criterion.id, passed: true, note: 'Met on the submission.' })),
  );
  await decideApplication(deps, assessor, applicationId, {
    outcome: 'qualified',
    reasons: 'Every criterion is met on the submission and the national assurance is in place.',
  });
}

/** Seeds the demo applications through the same services providers and assessors use; an offer a provider has already applied to is left alone. */
export async function seedDemoApplications(deps: Deps): Promise<{ qualified: number; inClarification: number; refused: number }> {
  const commissioner = await demoActor(deps, { role: 'commissioner', email: 'commissioner@aqp.example' });
  const assessor = commissioner && (await demoActor(deps, { role: 'assessor', organisationId: commissioner.principal!.organisationId }));
  const counts = { qualified: 0, inClarification: 0, refused: 0 };
  if (!commissioner || !assessor) return counts;
  const offers = await listOffers(deps.db, { leadOrganisationId: commissioner.principal!.organisationId, statuses: ['open'] });
  for (const offer of offers) {
    for (const delivery of DEMO_PROVIDER_SERVICES.filter((candidate) => candidate.serviceCode === offer.service.code)) {
      const provider = await findOrganisationByOdsCode(deps.db, delivery.odsCode);
      if (!provider || (await applicationsToOffer(deps.db, offer.id, provider.id)).length) continue;
      const capability = `${delivery.providerName.replace(' (demo)', '')} delivers ${offer.service.name.toLowerCase()} at ${delivery.siteNames.join(', ')}, with registered clinicians, clinical supervision and a complaints procedure.`;
      if (delivery.odsCode === REFUSED_FIRST.odsCode && offer.service.code === REFUSED_FIRST.serviceCode) {
        const refused = await applyAndSubmit(
          deps,
          offer,
          delivery.odsCode,
          delivery.siteNames,
          `${capability} We can deliver this only at £300 per course of treatment.`,
        );
        if (!refused) continue;
        await markCriteria(deps, assessor, refused, [
          { criterion: 'price', passed: false, note: 'Asks for £300 a course instead of the offer’s price.' },
        ]);
        await decideApplication(deps, assessor, refused, {
          outcome: 'not-qualified',
          ground: 'rejects-price',
          reasons: 'The application asks for £300 per course; the offer’s price is fixed for every provider. You may reapply accepting it.',
        });
        counts.refused += 1;
      }
      const id = await applyAndSubmit(deps, offer, delivery.odsCode, delivery.siteNames, capability);
      if (!id) continue;
      await qualify(deps, assessor, offer, id);
      counts.qualified += 1;
    }
    if (offer.service.code === IN_CLARIFICATION.serviceCode) {
      const provider = await findOrganisationByOdsCode(deps.db, IN_CLARIFICATION.odsCode);
      if (!provider || (await applicationsToOffer(deps.db, offer.id, provider.id)).length) continue;
      const id = await applyAndSubmit(
        deps,
        offer,
        IN_CLARIFICATION.odsCode,
        'first',
        'Our community physiotherapists would deliver manual therapy from our Wakefield wellbeing hub.',
      );
      if (!id) continue;
      await askClarification(
        deps,
        assessor,
        id,
        'Your submission names a wellbeing hub. Which of your clinicians would deliver manual therapy there, and what are their registrations?',
      );
      counts.inClarification += 1;
    }
  }
  return counts;
}
