/** The national service catalogue: public list and service pages; national administrators add and edit services. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  createService,
  nationalServiceByCode,
  packVersionsOfService,
  PHASES,
  servicesInCatalogue,
  updateService,
} from '../../../domains/catalogue/catalogue.service.ts';
import { findVisibleService } from '../../../domains/offers/service-visibility.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { DomainError } from '../../../lib/errors.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { registerPackPages } from './packs.ts';
import { packView } from './service.presenter.ts';

const NATIONAL = { config: { roles: ['national-admin'] as const } };
const FIELDS = ['code', 'name', 'category', 'phase', 'definition', 'nationalEligibility', 'sourceUrl'] as const;
const phaseItems = Object.entries(PHASES).map(([value, text]) => ({ value, text }));
const codeOf = (request: FastifyRequest) => (request.params as { code: string }).code;

function formValues(body: unknown) {
  return Object.fromEntries(FIELDS.map((name) => [name, field(body, name)])) as Record<(typeof FIELDS)[number], string>;
}

/** The national list, grouped by phase. */
async function viewCatalogue(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const services = await servicesInCatalogue(deps);
  const groups = Object.entries(PHASES).map(([phase, title]) => ({
    phase,
    title,
    services: services.filter((service) => service.phase === phase),
  }));
  const mayEdit = request.principal?.role === 'national-admin';
  return reply.render('pages/catalogue/catalogue.njk', {
    pageTitle: 'National list of AQP services',
    groups,
    mayEdit,
    columnClass: 'nhsuk-grid-column-full',
  });
}

/** The add or edit form of a service on the national list. */
function viewServiceForm(reply: FastifyReply, mode: 'new' | 'edit', values: Record<string, string>, errors?: FormErrors) {
  return renderForm(
    reply,
    'pages/catalogue/service-form.njk',
    mode === 'new' ? 'Add a service' : `Edit ${values.name}`,
    { mode, values, phaseItems },
    errors,
  );
}

/** Adds a service to the national list, or shows the form again with its errors. */
async function submitNewService(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const values = formValues(request.body);
  const outcome = await attempt(() => createService(deps, request.actionContext(), values));
  if (!outcome.ok) return viewServiceForm(reply, 'new', values, outcome.errors);
  request.session.flash = `${values.name.trim()} has been added to the national list.`;
  return reply.redirect(`/catalogue/${outcome.value.code}`, 303);
}

/** One service with its pack versions, national or (for those who may see it) local. */
async function viewService(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const service = await findVisibleService(deps, request.principal, codeOf(request));
  if (!service) throw new DomainError('not-found', 'There is no such service');
  const versions = await packVersionsOfService(deps, service.id);
  const current = versions[0];
  const owns = !service.local || service.local.owner.id === request.principal?.organisationId;
  return reply.render('pages/catalogue/service.njk', {
    pageTitle: service.name,
    service,
    phase: service.local ? `Local service of ${service.local.owner.name}` : PHASES[service.phase],
    versions,
    current,
    pack: current ? packView(current.content) : undefined,
    mayEdit: request.principal?.role === 'national-admin' && !service.local,
    mayOffer: request.principal?.role === 'commissioner' && Boolean(current) && owns,
  });
}

/** The edit form, filled from the service. */
async function viewEditService(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const service = await nationalServiceByCode(deps, codeOf(request));
  const { code, name, category, phase, definition } = service;
  return viewServiceForm(reply, 'edit', {
    code,
    name,
    category,
    phase,
    definition,
    nationalEligibility: service.nationalEligibility ?? '',
    sourceUrl: service.sourceUrl ?? '',
  });
}

/** Saves the service, or shows the form again with its errors. */
async function submitEditService(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const code = codeOf(request);
  const values = { ...formValues(request.body), code };
  const outcome = await attempt(() => updateService(deps, request.actionContext(), code, values));
  if (!outcome.ok) return viewServiceForm(reply, 'edit', values, outcome.errors);
  request.session.flash = 'The service has been updated.';
  return reply.redirect(`/catalogue/${code}`, 303);
}

export function registerCataloguePages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/catalogue', (request, reply) => viewCatalogue(deps, request, reply)),
    get('/catalogue/new', async (_request, reply) => viewServiceForm(reply, 'new', { phase: 'wider-list' }), NATIONAL),
    post('/catalogue/new', (request, reply) => submitNewService(deps, request, reply), NATIONAL),
    get('/catalogue/:code', (request, reply) => viewService(deps, request, reply)),
    get('/catalogue/:code/edit', (request, reply) => viewEditService(deps, request, reply), NATIONAL),
    post('/catalogue/:code/edit', (request, reply) => submitEditService(deps, request, reply), NATIONAL),
  ]);
  registerPackPages(app, deps);
}
