/** The application form: start one to an open offer, edit it while a draft, and submit it (PRODUCT.md §3.3). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { saveApplication, startApplication, submitApplication } from '../../../domains/applications/application.service.ts';
import { type ApplicationInFull, offerToApplyTo, sitesToChooseFrom } from '../../../domains/applications/application-view.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { DomainError } from '../../../lib/errors.ts';
import { field, type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { answersFromForm, formView } from './application.presenter.ts';

type Values = ReturnType<typeof answersFromForm>;

/** Renders the form for a new application (no id) or a draft. */
export async function renderApplicationForm(deps: Deps, request: FastifyRequest, reply: FastifyReply, full: Pick<ApplicationInFull, 'offer' | 'questions' | 'priceSchedule'>, values: Values, options: { applicationId?: string; status?: number; errors?: FormErrors } = {}) {
  const sites = await sitesToChooseFrom(deps, request.actionContext());
  return reply.status(options.status ?? 200).render('pages/applications/form.njk', {
    pageTitle: `${options.errors ? 'Error: ' : ''}Apply to ${full.offer.title}`, applicationId: options.applicationId, ...formView(full, values, sites), ...options.errors,
    action: options.applicationId ? `/applications/${options.applicationId}` : `/applications/new?offer=${full.offer.id}`,
  });
}

/** The form's errors from a refused save or submit, or undefined for errors that should propagate. */
export function formErrorsOf(error: unknown): { status: number; errors: FormErrors } | undefined {
  const validation = validationErrorsOf(error);
  if (validation) return { status: 400, errors: validation };
  if (error instanceof DomainError && (error.code === 'invalid-transition' || error.code === 'conflict')) return { status: 409, errors: formErrors([{ field: 'submit', message: error.message }]) };
  return undefined;
}

function offerIdOf(request: FastifyRequest): string {
  const offer = (request.query as { offer?: unknown }).offer;
  if (typeof offer !== 'string' || !offer) throw new DomainError('not-found', 'Choose an offer to apply to');
  return offer;
}

export function registerApplicationForm(app: FastifyInstance, deps: Deps): void {
  const roles = { config: { roles: ['provider-admin'] as const } };

  app.get('/applications/new', roles, async (request, reply) => {
    const full = await offerToApplyTo(deps, request.actionContext(), offerIdOf(request));
    if (full.activeApplicationId) return reply.redirect(`/applications/${full.activeApplicationId}`, 303);
    return renderApplicationForm(deps, request, reply, full, { answers: answersFromForm({}, full.questions).answers, siteIds: [] });
  });

  app.post('/applications/new', roles, async (request, reply) => {
    const full = await offerToApplyTo(deps, request.actionContext(), offerIdOf(request));
    const values = answersFromForm(request.body, full.questions);
    let id: string | undefined;
    try {
      id = (await startApplication(deps, request.actionContext(), full.offer.id, values)).id;
      if (field(request.body, 'action') === 'submit') await submitApplication(deps, request.actionContext(), id);
    } catch (error) {
      const found = formErrorsOf(error);
      if (!found) throw error;
      return renderApplicationForm(deps, request, reply, full, values, { applicationId: id, ...found });
    }
    request.session.flash = field(request.body, 'action') === 'submit' ? 'Your application has been submitted for assessment.' : 'Your application has been saved as a draft.';
    return reply.redirect(`/applications/${id}`, 303);
  });
}
