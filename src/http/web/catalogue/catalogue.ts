/** The national service catalogue: public list and service pages; national administrators add and edit services. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { findServiceByCode, listServices, packVersionsOf } from '../../../domains/catalogue/catalogue.repo.ts';
import { createService, PHASES, updateService } from '../../../domains/catalogue/catalogue.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { findVisibleService } from '../../../domains/offers/service-visibility.service.ts';
import { DomainError } from '../../../lib/errors.ts';
import { field, validationErrorsOf } from '../form.ts';
import { registerPackPages } from './packs.ts';
import { packView } from './service.presenter.ts';

const NATIONAL = { config: { roles: ['national-admin'] as const } };
const FIELDS = ['code', 'name', 'category', 'phase', 'definition', 'nationalEligibility', 'sourceUrl'] as const;
const phaseItems = Object.entries(PHASES).map(([value, text]) => ({ value, text }));

function formValues(body: unknown) {
  return Object.fromEntries(FIELDS.map((name) => [name, field(body, name)])) as Record<(typeof FIELDS)[number], string>;
}

export function registerCataloguePages(app: FastifyInstance, deps: Deps): void {
  app.get('/catalogue', async (request, reply) => {
    const services = await listServices(deps.db);
    const groups = Object.entries(PHASES).map(([phase, title]) => ({ phase, title, services: services.filter((service) => service.phase === phase) }));
    const mayEdit = request.principal?.role === 'national-admin';
    return reply.render('pages/catalogue/catalogue.njk', { pageTitle: 'National list of AQP services', groups, mayEdit, columnClass: 'nhsuk-grid-column-full' });
  });

  const renderForm = (reply: FastifyReply, mode: 'new' | 'edit', values: Record<string, string>, status = 200, errors = {}) =>
    reply.status(status).render('pages/catalogue/service-form.njk', {
      pageTitle: `${Object.keys(errors).length ? 'Error: ' : ''}${mode === 'new' ? 'Add a service' : `Edit ${values.name}`}`, mode, values, phaseItems, ...errors,
    });

  app.get('/catalogue/new', NATIONAL, async (_request, reply) => renderForm(reply, 'new', { phase: 'wider-list' }));
  app.post('/catalogue/new', NATIONAL, async (request, reply) => {
    const values = formValues(request.body);
    try {
      const { code } = await createService(deps, request.actionContext(), values);
      request.session.flash = `${values.name.trim()} has been added to the national list.`;
      return reply.redirect(`/catalogue/${code}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderForm(reply, 'new', values, 400, errors);
    }
  });

  app.get('/catalogue/:code', async (request, reply) => {
    const service = await findVisibleService(deps, request.principal, (request.params as { code: string }).code);
    if (!service) throw new DomainError('not-found', 'There is no such service');
    const versions = await packVersionsOf(deps.db, service.id);
    const current = versions[0];
    const owns = !service.local || service.local.owner.id === request.principal?.organisationId;
    return reply.render('pages/catalogue/service.njk', {
      pageTitle: service.name, service, phase: service.local ? `Local service of ${service.local.owner.name}` : PHASES[service.phase], versions, current, pack: current ? packView(current.content) : undefined,
      mayEdit: request.principal?.role === 'national-admin' && !service.local, mayOffer: request.principal?.role === 'commissioner' && Boolean(current) && owns,
    });
  });

  app.get('/catalogue/:code/edit', NATIONAL, async (request, reply) => {
    const service = await findServiceByCode(deps.db, (request.params as { code: string }).code);
    if (!service || service.local) throw new DomainError('not-found', 'There is no such service on the national list');
    const { code, name, category, phase, definition } = service;
    return renderForm(reply, 'edit', { code, name, category, phase, definition, nationalEligibility: service.nationalEligibility ?? '', sourceUrl: service.sourceUrl ?? '' });
  });
  app.post('/catalogue/:code/edit', NATIONAL, async (request, reply) => {
    const { code } = request.params as { code: string };
    const values = { ...formValues(request.body), code };
    try {
      await updateService(deps, request.actionContext(), code, values);
      request.session.flash = 'The service has been updated.';
      return reply.redirect(`/catalogue/${code}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderForm(reply, 'edit', values, 400, errors);
    }
  });

  registerPackPages(app, deps);
}
