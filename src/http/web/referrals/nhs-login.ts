/** Patients sign in with NHS login to see their referrals without the access code: P9 only, matched on NHS number and date of birth, then the usual status pages (decision 0065). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { REFERRAL_STATUS_LABELS } from '../../../domains/referrals/referral-status.rules.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import {
  openReferralOfVerifiedPatient,
  referralsOfVerifiedPatient,
  verifyPatientWithNhsLogin,
} from '../../../domains/referrals/verified-patient.service.ts';
import { field } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { FEDERATED_STARTS_PER_MINUTE, renderSignInProblem } from '../sign-in/cis2-sign-in.ts';
import { regenerateSession, takePendingAuthorization, VERIFIED_PATIENT_MINUTES, verifiedPatientOf } from '../sign-in/federated-session.ts';
import type { RelyingParty } from '../sign-in/oidc-relying-party.ts';
import { nhsLoginRefusal, signInDidNotFinish } from '../sign-in/sign-in-problems.ts';
import { PATIENT_ACCESS_MINUTES } from './referral-session.ts';

/** NHS number, date of birth and proofing level come with `profile` (brief §E2). */
export const NHS_LOGIN_SCOPES = 'openid profile';
/** Vectors of trust that all mean P9: any one will do. */
const NHS_LOGIN_PARAMETERS = { vtr: '["P9.Cp.Cd","P9.Cp.Ck","P9.Cm"]' };
const ANOTHER_WAY = { href: '/referral-status', text: 'Check your referral another way' };

async function startNhsLogin(rp: RelyingParty, request: FastifyRequest, reply: FastifyReply) {
  try {
    const { url, pending } = await rp.start(NHS_LOGIN_PARAMETERS);
    request.session.pendingAuthorization = { provider: 'nhsLogin', returnTo: '/referral-status/your-referrals', ...pending };
    return reply.redirect(url, 303);
  } catch (error) {
    request.log.warn({ err: error }, 'NHS login could not be reached');
    return renderSignInProblem(reply, 503, signInDidNotFinish('NHS login', ANOTHER_WAY));
  }
}

/** Takes NHS login's answer: a patient verified to P9 goes to their referrals; below P9 gets a page saying what to do. */
async function finishNhsLogin(deps: Deps, rp: RelyingParty, request: FastifyRequest, reply: FastifyReply) {
  const pending = takePendingAuthorization(request, 'nhsLogin');
  if (!pending) return reply.redirect('/referral-status', 303);
  let claims: Record<string, unknown>;
  try {
    claims = await rp.finish(new URL(request.url, 'http://callback.invalid').search, pending);
  } catch (error) {
    request.log.warn({ err: error }, 'an NHS login answer failed its checks');
    return renderSignInProblem(reply, 400, signInDidNotFinish('NHS login', ANOTHER_WAY));
  }
  const outcome = await verifyPatientWithNhsLogin(deps, request.actionContext(), claims);
  if (!outcome.ok) return renderSignInProblem(reply, 403, nhsLoginRefusal(outcome.reason));
  await regenerateSession(request);
  request.session.verifiedPatient = { ...outcome.patient, until: Date.now() + VERIFIED_PATIENT_MINUTES * 60_000 };
  return reply.redirect(pending.returnTo, 303);
}

/** The verified patient's referrals, each with a button to open it on the status pages. */
async function viewYourReferrals(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const patient = verifiedPatientOf(request);
  if (!patient) return reply.redirect('/referral-status', 303);
  const referrals = await referralsOfVerifiedPatient(deps, request.actionContext(), patient);
  return reply.render('pages/referrals/your-referrals.njk', {
    pageTitle: 'Your referrals',
    referrals: referrals.map((referral) => ({
      ...referral,
      reference: formatUbrn(referral.ubrn),
      statusLabel: REFERRAL_STATUS_LABELS[referral.status],
    })),
  });
}

/** Opens one of the verified patient's referrals on the status pages, as the access code would. */
async function submitYourReferral(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const patient = verifiedPatientOf(request);
  if (!patient) return reply.redirect('/referral-status', 303);
  const ubrn = await openReferralOfVerifiedPatient(deps, patient, field(request.body, 'reference'));
  request.session.patientReferral = { ubrn, until: Date.now() + PATIENT_ACCESS_MINUTES * 60_000 };
  return reply.redirect('/referral-status/referral', 303);
}

/** The NHS login routes, always registered; while NHS login is off they lead back to checking a referral by its code. */
export function registerNhsLoginPages(app: FastifyInstance, deps: Deps, rp: RelyingParty | undefined): void {
  const back = (reply: FastifyReply) => reply.redirect('/referral-status', 303);
  registerPages(app, [
    get('/referral-status/nhs-login', async (request, reply) => (rp ? startNhsLogin(rp, request, reply) : back(reply)), {
      config: { rateLimit: { max: FEDERATED_STARTS_PER_MINUTE, timeWindow: '1 minute' } },
    }),
    get('/referral-status/nhs-login/callback', async (request, reply) => (rp ? finishNhsLogin(deps, rp, request, reply) : back(reply))),
    get('/referral-status/your-referrals', (request, reply) => viewYourReferrals(deps, request, reply)),
    post('/referral-status/your-referrals', (request, reply) => submitYourReferral(deps, request, reply)),
  ]);
}
