/** The journey from an approved proposal to an offer: the commissioner writes the local service's specification and currency, then opens the offer as for any service. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { packFieldErrors } from '../../../domains/catalogue/implementation-pack.schema.ts';
import { type LocalServiceState, localServiceFor, setUpLocalService } from '../../../domains/proposals/local-service.service.ts';
import { localPackContent } from '../../../domains/proposals/local-service.rules.ts';
import { isDomainError } from '../../../lib/errors.ts';
import { type FormErrors, formErrors } from '../form.ts';
import { type LocalServiceValues, localPackFromForm, localServiceValues, onFormFields, startingValues } from './local-service-form.ts';

const COMMISSIONER = { config: { roles: ['commissioner'] as const } };
function render(reply: FastifyReply, state: LocalServiceState, values: LocalServiceValues, errors?: FormErrors) {
  const revising = Boolean(state.current);
  return reply.status(errors ? 400 : 200).render('pages/proposals/local-service.njk', {
    pageTitle: `${errors ? 'Error: ' : ''}Specification and currency: ${state.proposal.name}`, proposal: state.proposal, service: state.service, current: state.current,
    revising, values, ...errors,
  });
}

/** The commissioner's specification-and-currency form that turns an approved proposal into a local service ready to offer. */
export function registerLocalServicePages(app: FastifyInstance, deps: Deps): void {
  app.get('/proposals/:id/local-service', COMMISSIONER, async (request, reply) => {
    const state = await localServiceFor(deps, request.principal, (request.params as { id: string }).id);
    return render(reply, state, startingValues(state));
  });

  app.post('/proposals/:id/local-service', COMMISSIONER, async (request, reply) => {
    const { id } = request.params as { id: string };
    const state = await localServiceFor(deps, request.principal, id);
    const values = localServiceValues(request.body);
    const { input, errors } = localPackFromForm(values);
    if (errors.length) return render(reply, state, values, formErrors(onFormFields(packFieldErrors(localPackContent(input, state.current?.content)), errors)));
    try {
      const { serviceCode, packVersion } = await setUpLocalService(deps, request.actionContext(), id, input);
      request.session.flash = `${state.proposal.name} now has its local implementation pack, version ${packVersion}. Choose who the offer covers to open it.`;
      return reply.redirect(`/offers/new?service=${encodeURIComponent(serviceCode)}`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'validation-failed' || !error.details.fieldErrors) throw error;
      return render(reply, state, values, formErrors(onFormFields(error.details.fieldErrors)));
    }
  });
}
