/** "Your organisation": the signed-in person's organisation and its team, for every role. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { findOrganisationById } from '../../../domains/identity/organisation.repo.ts';
import { ORGANISATION_KIND_LABELS, ROLE_LABELS, ROLES } from '../../../domains/identity/roles.rules.ts';
import { teamOf } from '../../../domains/identity/user.repo.ts';
import { DomainError } from '../../../lib/errors.ts';

export function registerOrganisationPage(app: FastifyInstance, deps: Deps): void {
  app.get('/organisation', { config: { roles: ROLES } }, async (request, reply) => {
    const organisation = await findOrganisationById(deps.db, request.principal!.organisationId);
    if (!organisation) throw new DomainError('not-found', 'Organisation not found');
    const team = (await teamOf(deps.db, organisation.id)).map((member) => ({ ...member, roleLabel: ROLE_LABELS[member.role] }));
    return reply.render('pages/organisation/organisation.njk', {
      pageTitle: organisation.name,
      organisation,
      kindLabel: ORGANISATION_KIND_LABELS[organisation.kind],
      team,
    });
  });
}
