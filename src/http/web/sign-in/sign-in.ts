/** Sign in: email and password, throttled per client address and per account, a fresh session on success. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { signIn } from '../../../domains/identity/sign-in.service.ts';
import type { Role } from '../../../domains/identity/roles.rules.ts';
import { field, safeReturnPath } from '../form.ts';
import { attemptRefusable, type Failure, renderFailure } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';

/** Ten attempts per address per minute: enough for a person, too few for guessing. */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

function regenerate(request: FastifyRequest): Promise<void> {
  return new Promise((resolve, reject) => request.session.regenerate((error) => (error ? reject(error) : resolve())));
}

/** The sign-in form, keeping the email typed and where to go after. */
function viewSignIn(reply: FastifyReply, returnTo: string, email: string, failure?: Failure) {
  const model = { returnTo, values: failure ? { email } : {}, cis2: reply.server.federatedSignIn.cis2 };
  return renderFailure(reply, 'pages/sign-in/sign-in.njk', 'Sign in', model, failure);
}

/** Signs in on a fresh session and goes on, or to choosing a role when the person has several; bad details or too many attempts show the form again. */
async function submitSignIn(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const email = field(request.body, 'email');
  const returnTo = safeReturnPath(field(request.body, 'returnTo'));
  const outcome = await attemptRefusable(['too-many-requests'], undefined, () =>
    signIn(deps, request.actionContext(), { email, password: field(request.body, 'password') }),
  );
  if (!outcome.ok) {
    if (outcome.refusal) reply.header('retry-after', String(outcome.refusal.details.retryAfterSeconds ?? 60));
    return viewSignIn(reply, returnTo, email, outcome);
  }
  const user = outcome.value;
  await regenerate(request);
  if (user.memberships.length === 1) {
    const [membership] = user.memberships;
    request.session.user = { userId: user.userId, organisationId: membership!.organisationId, role: membership!.role as Role };
    return reply.redirect(returnTo, 303);
  }
  request.session.pendingUserId = user.userId;
  return reply.redirect(`/choose-role?returnTo=${encodeURIComponent(returnTo)}`, 303);
}

export function registerSignIn(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/sign-in', async (request, reply) =>
      request.principal
        ? reply.redirect('/', 303)
        : viewSignIn(reply, safeReturnPath((request.query as Record<string, unknown>).returnTo), ''),
    ),
    post('/sign-in', (request, reply) => submitSignIn(deps, request, reply), {
      config: { rateLimit: { max: SIGN_IN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } },
    }),
  ]);
}
