/** The application form: start one to an open offer, edit it while a draft, and submit it (PRODUCT.md §3.3). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { startApplication, submitApplication } from '../../../domains/applications/application.service.ts';
import { type ApplicationInFull, offerToApplyTo, sitesToChooseFrom } from '../../../domains/applications/application-view.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { DomainError } from '../../../lib/errors.ts';
import { field, type FormErrors, titleOf } from '../form.ts';
import { attemptRefusable, STATE_REFUSALS } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { answersFromForm, formView } from './application.presenter.ts';
import { PROVIDER_ADMIN } from './provider-offers.ts';

type Values = ReturnType<typeof answersFromForm>;

/** Renders the form for a new application (no id) or a draft. */
export async function viewApplicationForm(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  full: Pick<ApplicationInFull, 'offer' | 'questions' | 'priceSchedule'>,
  values: Values,
  options: { applicationId?: string; status?: number; errors?: FormErrors } = {},
) {
  const sites = await sitesToChooseFrom(deps, request.actionContext());
  return reply.status(options.status ?? 200).render('pages/applications/form.njk', {
    pageTitle: titleOf(`Apply to ${full.offer.title}`, options.errors),
    applicationId: options.applicationId,
    ...formView(full, values, sites),
    ...options.errors,
    action: options.applicationId ? `/applications/${options.applicationId}` : `/applications/new?offer=${full.offer.id}`,
  });
}

function offerIdOf(request: FastifyRequest): string {
  const offer = (request.query as { offer?: unknown }).offer;
  if (typeof offer !== 'string' || !offer) throw new DomainError('not-found', 'Choose an offer to apply to');
  return offer;
}

/** A blank form for the offer, or the provider's application already under way. */
async function showNewApplication(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const full = await offerToApplyTo(deps, request.actionContext(), offerIdOf(request));
  if (full.activeApplicationId) return reply.redirect(`/applications/${full.activeApplicationId}`, 303);
  return viewApplicationForm(deps, request, reply, full, { answers: answersFromForm({}, full.questions).answers, siteIds: [] });
}

/** Starts the application and, when asked, submits it; or shows the form again with its errors. */
async function submitNewApplication(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const full = await offerToApplyTo(deps, request.actionContext(), offerIdOf(request));
  const values = answersFromForm(request.body, full.questions);
  const submitting = field(request.body, 'action') === 'submit';
  let id: string | undefined;
  const outcome = await attemptRefusable(STATE_REFUSALS, 'submit', async () => {
    id = (await startApplication(deps, request.actionContext(), full.offer.id, values)).id;
    if (submitting) await submitApplication(deps, request.actionContext(), id);
  });
  if (!outcome.ok)
    return viewApplicationForm(deps, request, reply, full, values, { applicationId: id, status: outcome.status, errors: outcome.errors });
  request.session.flash = submitting
    ? 'Your application has been submitted for assessment.'
    : 'Your application has been saved as a draft.';
  return reply.redirect(`/applications/${id}`, 303);
}

export function registerApplicationForm(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/applications/new', (request, reply) => showNewApplication(deps, request, reply), PROVIDER_ADMIN),
    post('/applications/new', (request, reply) => submitNewApplication(deps, request, reply), PROVIDER_ADMIN),
  ]);
}
