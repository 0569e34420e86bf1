/** Staff sign-in through NHS CIS2: off to the provider with PKCE, state and nonce, and back to a session in the role the claims give, or a page saying why not (decision 0065). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { signInWithCis2 } from '../../../domains/identity/cis2-sign-in.service.ts';
import { safeReturnPath } from '../form.ts';
import { get, registerPages } from '../page-routes.ts';
import { regenerateSession, takePendingAuthorization } from './federated-session.ts';
import type { RelyingParty } from './oidc-relying-party.ts';
import { cis2Refusal, type SignInProblem, signInDidNotFinish } from './sign-in-problems.ts';

/** The claims CIS2 gives for these scopes: name, email, the National RBAC roles and the role chosen at sign-in (brief §E1). */
export const CIS2_SCOPES = 'openid profile email nhsperson nationalrbacaccess associatedorgs selectedrole';
/** Smartcard-class or equivalent authentication, as e-RS requires, asked for afresh at each sign-in. */
const CIS2_PARAMETERS = { acr_values: 'AAL2_OR_AAL3_ANY', prompt: 'login' };

const AGAIN = { href: '/sign-in', text: 'Go back to sign in' };
/** Each start writes a session: twenty a minute per address is plenty for people and stops an address filling the session table. */
export const FEDERATED_STARTS_PER_MINUTE = 20;

/** Renders a sign-in problem page with its status. */
export function renderSignInProblem(reply: FastifyReply, status: number, problem: SignInProblem) {
  return reply.code(status).render('pages/sign-in/sign-in-problem.njk', { pageTitle: problem.heading, problem });
}

/** Sends the person to CIS2, remembering the checks its answer must pass; a provider that cannot be reached gets a page, not a 500. */
async function startCis2(rp: RelyingParty, request: FastifyRequest, reply: FastifyReply) {
  if (request.principal) return reply.redirect('/', 303);
  const returnTo = safeReturnPath((request.query as Record<string, unknown>).returnTo);
  try {
    const { url, pending } = await rp.start(CIS2_PARAMETERS);
    request.session.pendingAuthorization = { provider: 'cis2', returnTo, ...pending };
    return reply.redirect(url, 303);
  } catch (error) {
    request.log.warn({ err: error }, 'NHS CIS2 could not be reached');
    return renderSignInProblem(reply, 503, signInDidNotFinish('NHS Care Identity Service 2', AGAIN));
  }
}

/** Takes CIS2's answer: checked, then mapped to a membership here; with no sign-in pending it goes back to the sign-in page. */
async function finishCis2(deps: Deps, rp: RelyingParty, request: FastifyRequest, reply: FastifyReply) {
  const pending = takePendingAuthorization(request, 'cis2');
  if (!pending) return reply.redirect('/sign-in', 303);
  let claims: Record<string, unknown>;
  try {
    claims = await rp.finish(new URL(request.url, 'http://callback.invalid').search, pending);
  } catch (error) {
    request.log.warn({ err: error }, 'an NHS CIS2 answer failed its checks');
    return renderSignInProblem(reply, 400, signInDidNotFinish('NHS Care Identity Service 2', AGAIN));
  }
  const outcome = await signInWithCis2(deps, request.actionContext(), rp.issuer, claims);
  if (!outcome.ok) return renderSignInProblem(reply, 403, cis2Refusal(outcome));
  await regenerateSession(request);
  if (outcome.selected) {
    request.session.user = { userId: outcome.userId, ...outcome.selected };
    return reply.redirect(pending.returnTo, 303);
  }
  request.session.pendingUserId = outcome.userId;
  return reply.redirect(`/choose-role?returnTo=${encodeURIComponent(pending.returnTo)}`, 303);
}

/** The start and callback routes, always registered; while CIS2 is off they lead back to the sign-in page. */
export function registerCis2SignIn(app: FastifyInstance, deps: Deps, rp: RelyingParty | undefined): void {
  registerPages(app, [
    get('/sign-in/cis2', async (request, reply) => (rp ? startCis2(rp, request, reply) : reply.redirect('/sign-in', 303)), {
      config: { rateLimit: { max: FEDERATED_STARTS_PER_MINUTE, timeWindow: '1 minute' } },
    }),
    get('/sign-in/cis2/callback', async (request, reply) => (rp ? finishCis2(deps, rp, request, reply) : reply.redirect('/sign-in', 303))),
  ]);
}
