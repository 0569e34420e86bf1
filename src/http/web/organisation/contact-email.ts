/** The form for the address AQP emails when a message arrives for an organisation without a provider profile (decision 0066). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { changeContactEmail, CONTACT_EMAIL_EDITORS, contactEmailOf } from '../../../domains/email/organisation-contact.service.ts';
import { organisationOf } from '../../../domains/identity/organisation-view.service.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';

const EDITORS = { config: { roles: CONTACT_EMAIL_EDITORS } };

/** The form, filled from the stored address or from what was just sent. */
async function viewContactEmail(deps: Deps, request: FastifyRequest, reply: FastifyReply, body?: unknown, errors?: FormErrors) {
  const organisationId = request.principal!.organisationId;
  const organisation = await organisationOf(deps, organisationId);
  const stored = await contactEmailOf(deps, organisationId);
  const email = body ? field(body, 'email') : (stored.contactEmail ?? '');
  return renderForm(reply, 'pages/organisation/contact-email.njk', 'Email address for messages', { organisation, email }, errors);
}

/** Saves the address (blank removes it) and returns to the organisation page, or shows the form again with its error. */
async function submitContactEmail(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const outcome = await attempt(() => changeContactEmail(deps, request.actionContext(), { email: field(request.body, 'email') }));
  if (!outcome.ok) return viewContactEmail(deps, request, reply, request.body, outcome.errors);
  request.session.flash = 'The email address for messages has been saved.';
  return reply.redirect('/organisation', 303);
}

export function registerContactEmailPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/organisation/contact-email', (request, reply) => viewContactEmail(deps, request, reply), EDITORS),
    post('/organisation/contact-email', (request, reply) => submitContactEmail(deps, request, reply), EDITORS),
  ]);
}
