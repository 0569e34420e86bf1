/** The journey from an approved proposal to an offer: the commissioner writes the local service's specification and currency, then opens the offer as for any service. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { packFieldErrors } from '../../../domains/catalogue/implementation-pack.schema.ts';
import { type LocalServiceState, localServiceFor, setUpLocalService } from '../../../domains/proposals/local-service.service.ts';
import { localPackContent } from '../../../domains/proposals/local-service.rules.ts';
import { attempt, type FormErrors, rejected, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import {
  type LocalServiceValues,
  localPackFromForm,
  localServiceValues,
  movedOntoForm,
  onFormFields,
  startingValues,
} from './local-service-form.ts';

const COMMISSIONER = { config: { roles: ['commissioner'] as const } };

/** The specification-and-currency form, for a first local pack or a revision of the current one. */
function viewLocalService(reply: FastifyReply, state: LocalServiceState, values: LocalServiceValues, errors?: FormErrors) {
  return renderForm(
    reply,
    'pages/proposals/local-service.njk',
    `Specification and currency: ${state.proposal.name}`,
    {
      proposal: state.proposal,
      service: state.service,
      current: state.current,
      revising: Boolean(state.current),
      values,
    },
    errors,
  );
}

/** The form filled from the current local pack, or from the proposal on first use. */
async function showLocalService(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const state = await localServiceFor(deps, request.principal, (request.params as { id: string }).id);
  return viewLocalService(reply, state, startingValues(state));
}

/** Saves the local pack and goes on to open the offer, or shows the form again with its errors. */
async function submitLocalService(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { id } = request.params as { id: string };
  const state = await localServiceFor(deps, request.principal, id);
  const values = localServiceValues(request.body);
  const { input, errors } = localPackFromForm(values);
  const outcome = errors.length
    ? rejected(onFormFields(packFieldErrors(localPackContent(input, state.current?.content)), errors))
    : await attempt(() =>
        setUpLocalService(deps, request.actionContext(), id, input).catch((error: unknown) => {
          throw movedOntoForm(error);
        }),
      );
  if (!outcome.ok) return viewLocalService(reply, state, values, outcome.errors);
  const { serviceCode, packVersion } = outcome.value;
  request.session.flash = `${state.proposal.name} now has its local implementation pack, version ${packVersion}. Choose who the offer covers to open it.`;
  return reply.redirect(`/offers/new?service=${encodeURIComponent(serviceCode)}`, 303);
}

/** The commissioner's specification-and-currency form that turns an approved proposal into a local service ready to offer. */
export function registerLocalServicePages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/proposals/:id/local-service', (request, reply) => showLocalService(deps, request, reply), COMMISSIONER),
    post('/proposals/:id/local-service', (request, reply) => submitLocalService(deps, request, reply), COMMISSIONER),
  ]);
}
