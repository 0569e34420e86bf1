/** One referral for the referring practice or the chosen provider: patient, eligibility, status, history and, once, the patient's access code. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { londonDateOf } from '../../../lib/clock.ts';
import { formatDate } from '../format.ts';
import { problemTitle } from '../form-outcome.ts';
import {
  aidsFittedOf,
  episodeRulesOfOffer,
  referralContactsOf,
  referralEventsOf,
} from '../../../domains/referrals/referral-record.service.ts';
import { outcomesFrom } from '../../../domains/referrals/referral-outcomes.service.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import {
  canMoveReferral,
  isClosedEpisode,
  pathwayEndsOn,
  REFERRAL_STATUS_LABELS,
} from '../../../domains/referrals/referral-status.rules.ts';
import { mayReadContactDetails, viewReferral } from '../../../domains/referrals/referral-access.service.ts';
import type { PatientContact } from '../../../domains/referrals/patient-contact.rules.ts';
import type { ReferralRecord } from '../../../domains/referrals/referral.repo.ts';
import { formatNhsNumber } from '../../../lib/nhs-number.ts';
import { contactRows, needsRows } from './patient-contact.presenter.ts';
import { presentContact, presentEvent, presentOutcomeSummary } from './referral-history.presenter.ts';
import { repliesToReferral } from '../../../domains/referrals/referral-reply.service.ts';
import { latestReturn, presentReply } from './referral-reply.presenter.ts';
import { takeNewAccessCode } from './referral-session.ts';

const READERS = { config: { roles: ['referrer', 'provider-admin', 'provider-clinician'] as const } };

type SeenReferral = ReferralRecord & { side: 'referrer' | 'provider'; contactDetails?: PatientContact | null };

/** How to reach the patient and what they need, for a side allowed to read them (decision 0031). */
function patientContactOf(referral: SeenReferral) {
  if (!mayReadContactDetails(referral.side, referral)) return undefined;
  const details = referral.contactDetails ?? null;
  return { contact: contactRows(details, referral.patient.postcode), needs: needsRows(details?.communicationNeeds ?? null) };
}

/** What each side may do next, from the referral's state: the provider accepts or returns what was sent and treats what it accepted; the practice cancels what is not finished. */
function actionsFor(referral: SeenReferral) {
  const provider = referral.side === 'provider';
  return {
    accept: provider && canMoveReferral(referral.status, 'accepted'),
    return: provider && canMoveReferral(referral.status, 'returned'),
    treat: provider && canMoveReferral(referral.status, 'discharged'),
    cancel: referral.side === 'referrer' && canMoveReferral(referral.status, 'cancelled'),
    offerChoice: referral.side === 'referrer' && referral.status === 'awaiting-choice',
    reply: referral.side === 'referrer' && referral.status === 'returned',
    reRefer: referral.side === 'referrer' && isClosedEpisode(referral.status),
  };
}

/** The pack's minimum pathway in words: from acceptance, the patient stays with the provider at least this long. */
function pathwayText(years: number, acceptedAt: Date | null): string {
  const length = `At least ${years} year${years === 1 ? '' : 's'} with the chosen provider`;
  return acceptedAt ? `${length}: until ${formatDate(pathwayEndsOn(londonDateOf(acceptedAt), years))}` : `${length}, from acceptance`;
}

/** Renders the referral page (status 200, or another with a problem to explain, such as a lost race to accept). */
export async function renderReferralPage(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  referral: SeenReferral,
  problem?: { title: string; text: string },
) {
  const [events, contacts, rules, replies, aidsFitted] = await Promise.all([
    referralEventsOf(deps, referral.id),
    referralContactsOf(deps, referral.id),
    episodeRulesOfOffer(deps, referral.offer.id),
    repliesToReferral(deps, referral.id),
    aidsFittedOf(deps, referral.id),
  ]);
  const outcomes = outcomesFrom(referral.offer.serviceCode, contacts, aidsFitted);
  const shown = { reports: outcomes.fields.report, provider: referral.side === 'provider' };
  const sessionCap = rules.sessionCap;
  return reply.render('pages/referrals/referral.njk', {
    pageTitle: problemTitle(`Referral ${formatUbrn(referral.ubrn)}`, problem),
    referral,
    reference: formatUbrn(referral.ubrn),
    statusLabel: REFERRAL_STATUS_LABELS[referral.status],
    nhsNumber: referral.patient.nhsNumber ? formatNhsNumber(referral.patient.nhsNumber) : 'Not recorded',
    accessCode: takeNewAccessCode(request, referral.ubrn),
    actions: actionsFor(referral),
    events: events.map(presentEvent),
    contacts: contacts.map((contact) => presentContact(contact, referral.ubrn, shown)),
    contactOutcomes: outcomes.fields.scores || outcomes.fields.report,
    outcomeSummary: presentOutcomeSummary(outcomes),
    sessions: sessionCap
      ? `${referral.sessionsAttended} of ${sessionCap} (the episode closes at ${sessionCap})`
      : String(referral.sessionsAttended),
    problem,
    pathway: rules.minimumPathwayYears ? pathwayText(rules.minimumPathwayYears, referral.acceptedAt) : undefined,
    patientContact: patientContactOf(referral),
    returned: latestReturn(events),
    replies: replies.map((reply) => presentReply(referral.ubrn, reply)),
  });
}

/** The referral page for the referring practice and the chosen provider. */
export function registerReferralPage(app: FastifyInstance, deps: Deps): void {
  app.get('/referrals/:ubrn', READERS, async (request, reply) => {
    const referral = await viewReferral(deps, request.actionContext(), (request.params as { ubrn: string }).ubrn, { page: 'referral' });
    return renderReferralPage(deps, request, reply, referral);
  });
}
