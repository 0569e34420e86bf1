/** The provider's sites: list them, add one at a real postcode, change or close it (administrators), read them (clinicians). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { DELIVERY_MODE_LABELS } from '../../../domains/providers/provider-site.rules.ts';
import { addSite, changeSite, closeSite, ownSite, ownSites } from '../../../domains/providers/provider-site.service.ts';
import type { SiteInput } from '../../../domains/providers/provider-site.rules.ts';
import { type FormErrors, validationErrorsOf } from '../form.ts';
import { PROVIDER_ADMIN, PROVIDER_PEOPLE } from './profile.ts';
import { openingSummary, siteFormModel, siteInputFrom, siteInputOf } from './site-form.ts';

type Params = { id: string };

export function registerSitePages(app: FastifyInstance, deps: Deps): void {
  app.get('/provider/sites', PROVIDER_PEOPLE, async (request, reply) => {
    const sites = (await ownSites(deps, request.actionContext())).map((site) => ({ ...site, deliveryModeLabel: DELIVERY_MODE_LABELS[site.deliveryMode], openingSummary: openingSummary(site) }));
    return reply.render('pages/providers/sites.njk', { pageTitle: 'Your sites', sites, mayChange: request.principal?.role === 'provider-admin' });
  });

  const renderForm = (reply: FastifyReply, input: SiteInput, site: { id: string; name: string } | null, status = 200, errors?: FormErrors) => reply.status(status).render('pages/providers/site.njk', {
    pageTitle: `${errors ? 'Error: ' : ''}${site ? `Change ${site.name}` : 'Add a site'}`, site, ...siteFormModel(input), ...errors,
  });

  const submit = async (request: FastifyRequest, reply: FastifyReply, save: (input: SiteInput) => Promise<unknown>, site: { id: string; name: string } | null) => {
    const input = siteInputOf(request.body);
    try {
      await save(input);
      request.session.flash = site ? `${input.name.trim()} has been saved.` : `${input.name.trim()} has been added.`;
      return reply.redirect('/provider/sites', 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderForm(reply, input, site, 400, errors);
    }
  };

  app.get('/provider/sites/new', PROVIDER_ADMIN, async (_request, reply) => renderForm(reply, siteInputOf({}), null));
  app.post('/provider/sites/new', PROVIDER_ADMIN, async (request, reply) => submit(request, reply, (input) => addSite(deps, request.actionContext(), input), null));

  app.get<{ Params: Params }>('/provider/sites/:id', PROVIDER_PEOPLE, async (request, reply) => {
    const site = await ownSite(deps, request.actionContext(), request.params.id);
    if (request.principal?.role !== 'provider-admin' || site.closedOn) {
      return reply.render('pages/providers/site-summary.njk', { pageTitle: site.name, site, deliveryModeLabel: DELIVERY_MODE_LABELS[site.deliveryMode], openingSummary: openingSummary(site) });
    }
    return renderForm(reply, siteInputFrom(site), site);
  });
  app.post<{ Params: Params }>('/provider/sites/:id', PROVIDER_ADMIN, async (request, reply) => {
    const site = await ownSite(deps, request.actionContext(), request.params.id);
    return submit(request, reply, (input) => changeSite(deps, request.actionContext(), site.id, input), site);
  });
  app.post<{ Params: Params }>('/provider/sites/:id/close', PROVIDER_ADMIN, async (request, reply) => {
    const site = await ownSite(deps, request.actionContext(), request.params.id);
    await closeSite(deps, request.actionContext(), site.id);
    request.session.flash = `${site.name} has been closed.`;
    return reply.redirect('/provider/sites', 303);
  });
}
