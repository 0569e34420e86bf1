/** One organisation as the reference data describes it: address, place, dates and its parents. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { childOrganisationsOf } from '../../../domains/identity/organisation-view.service.ts';
import { sitesOfOrganisation } from '../../../domains/directory/directory.service.ts';
import { organisationByOdsCode } from '../../../domains/reference/organisation-lookup.service.ts';
import { organisationSummaryRows } from './organisation-detail.presenter.ts';

export function registerOrganisationDetail(app: FastifyInstance, deps: Deps): void {
  app.get('/admin/organisations/:odsCode', { config: { roles: ['platform-admin'] } }, async (request, reply) => {
    const organisation = await organisationByOdsCode(deps, (request.params as { odsCode: string }).odsCode);
    const children = await childOrganisationsOf(deps, organisation.id);
    const sites = await sitesOfOrganisation(deps, organisation.id);
    return reply.render('pages/admin/organisation-detail.njk', {
      pageTitle: organisation.name,
      organisation,
      rows: organisationSummaryRows(organisation),
      children: children.slice(0, 200),
      childCount: children.length,
      sites,
    });
  });
}
