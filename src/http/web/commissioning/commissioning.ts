/** The commissioning workspace: the commissioner's organisation, its sub-ICB locations and its team. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { organisationOf, teamMembersOf } from '../../../domains/identity/organisation-view.service.ts';
import { ROLE_LABELS } from '../../../domains/identity/roles.rules.ts';
import { subIcbLocationsOf } from '../../../domains/reference/commissioner-area.service.ts';
import { get, registerPages } from '../page-routes.ts';

/** The commissioner's organisation with its sub-ICB locations and team. */
async function viewCommissioning(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const organisation = await organisationOf(deps, request.principal!.organisationId);
  const [locations, team] = [await subIcbLocationsOf(deps, organisation.id), await teamMembersOf(deps, organisation.id)];
  return reply.render('pages/commissioning/commissioning.njk', {
    pageTitle: 'Commissioning',
    organisation,
    locations,
    team: team.map((member) => ({ ...member, roleLabel: ROLE_LABELS[member.role] })),
  });
}

export function registerCommissioning(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/commissioning', (request, reply) => viewCommissioning(deps, request, reply), { config: { roles: ['commissioner', 'assessor'] } }),
  ]);
}
