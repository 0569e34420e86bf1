/** Sign in: email and password, throttled per client address and per account, a fresh session on success. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { signIn } from '../../../domains/identity/sign-in.service.ts';
import type { Role } from '../../../domains/identity/roles.rules.ts';
import { isDomainError } from '../../../lib/errors.ts';
import { field, formErrors, safeReturnPath, validationErrorsOf } from '../form.ts';

/** Ten attempts per address per minute: enough for a person, too few for guessing. */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

function regenerate(request: FastifyRequest): Promise<void> {
  return new Promise((resolve, reject) => request.session.regenerate((error) => (error ? reject(error) : resolve())));
}

export function registerSignIn(app: FastifyInstance, deps: Deps): void {
  app.get('/sign-in', async (request, reply) => {
    if (request.principal) return reply.redirect('/', 303);
    const returnTo = safeReturnPath((request.query as Record<string, unknown>).returnTo);
    return reply.render('pages/sign-in/sign-in.njk', { pageTitle: 'Sign in', returnTo, values: {} });
  });

  app.post('/sign-in', { config: { rateLimit: { max: SIGN_IN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } } }, async (request, reply) => {
    const email = field(request.body, 'email');
    const returnTo = safeReturnPath(field(request.body, 'returnTo'));
    try {
      const user = await signIn(deps, request.actionContext(), { email, password: field(request.body, 'password') });
      await regenerate(request);
      if (user.memberships.length === 1) {
        const [membership] = user.memberships;
        request.session.user = { userId: user.userId, organisationId: membership!.organisationId, role: membership!.role as Role };
        return reply.redirect(returnTo, 303);
      }
      request.session.pendingUserId = user.userId;
      return reply.redirect(`/choose-role?returnTo=${encodeURIComponent(returnTo)}`, 303);
    } catch (error) {
      const page = { pageTitle: 'Error: Sign in', returnTo, values: { email } };
      if (isDomainError(error) && error.code === 'too-many-requests' && error.details.fieldErrors) {
        return reply.status(429).header('retry-after', String(error.details.retryAfterSeconds ?? 60)).render('pages/sign-in/sign-in.njk', { ...page, ...formErrors(error.details.fieldErrors) });
      }
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return reply.status(400).render('pages/sign-in/sign-in.njk', { ...page, ...errors });
    }
  });
}
