/** Sign out ends the session; the header's form carries no token, so the request's origin is checked instead. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { recordSignOut } from '../../../domains/identity/audit.service.ts';
import { DomainError } from '../../../lib/errors.ts';
import { get, post, registerPages } from '../page-routes.ts';

/** True when the browser says the form came from this site (Sec-Fetch-Site or Origin), the OWASP fallback to tokens. */
export function isSameOriginPost(request: FastifyRequest): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string') return fetchSite === 'same-origin' || fetchSite === 'none';
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** Ends the session, recording who signed out. */
async function submitSignOut(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  if (!isSameOriginPost(request)) throw new DomainError('csrf-invalid', 'Sign out from a page of this service.');
  if (request.principal) await recordSignOut(deps, request.actionContext());
  await new Promise<void>((resolve, reject) => request.session.destroy((error) => (error ? reject(error) : resolve())));
  return reply.redirect('/signed-out', 303);
}

export function registerSignOut(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    post('/sign-out', (request, reply) => submitSignOut(deps, request, reply), { config: { csrf: false } }),
    get('/signed-out', async (_request, reply) => reply.render('pages/sign-in/signed-out.njk', { pageTitle: 'You have signed out' })),
  ]);
}
