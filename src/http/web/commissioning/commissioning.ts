/** The commissioning workspace: the commissioner's organisation, its sub-ICB locations and its team. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { findOrganisationById } from '../../../domains/identity/organisation.repo.ts';
import { subIcbLocationsOf } from '../../../domains/reference/commissioner-area.service.ts';
import { ROLE_LABELS } from '../../../domains/identity/roles.rules.ts';
import { teamOf } from '../../../domains/identity/user.repo.ts';
import { DomainError } from '../../../lib/errors.ts';

export function registerCommissioning(app: FastifyInstance, deps: Deps): void {
  app.get('/commissioning', { config: { roles: ['commissioner', 'assessor'] } }, async (request, reply) => {
    const organisation = await findOrganisationById(deps.db, request.principal!.organisationId);
    if (!organisation) throw new DomainError('not-found', 'Organisation not found');
    const [locations, team] = [await subIcbLocationsOf(deps, organisation.id), await teamOf(deps.db, organisation.id)];
    return reply.render('pages/commissioning/commissioning.njk', {
      pageTitle: 'Commissioning',
      organisation,
      locations,
      team: team.map((member) => ({ ...member, roleLabel: ROLE_LABELS[member.role] })),
    });
  });
}
