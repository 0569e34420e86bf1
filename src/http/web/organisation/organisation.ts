/** "Your organisation": the signed-in person's organisation and its team, for every role. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { CONTACT_EMAIL_EDITORS, contactEmailOf } from '../../../domains/email/organisation-contact.service.ts';
import { organisationOf, teamMembersOf } from '../../../domains/identity/organisation-view.service.ts';
import { ORGANISATION_KIND_LABELS, ROLE_LABELS, ROLES } from '../../../domains/identity/roles.rules.ts';
import { registerContactEmailPages } from './contact-email.ts';

export function registerOrganisationPage(app: FastifyInstance, deps: Deps): void {
  app.get('/organisation', { config: { roles: ROLES } }, async (request, reply) => {
    const organisation = await organisationOf(deps, request.principal!.organisationId);
    const contact = await contactEmailOf(deps, organisation.id);
    const role = request.principal!.role;
    const team = (await teamMembersOf(deps, organisation.id)).map((member) => ({ ...member, roleLabel: ROLE_LABELS[member.role] }));
    return reply.render('pages/organisation/organisation.njk', {
      pageTitle: organisation.name,
      organisation,
      kindLabel: ORGANISATION_KIND_LABELS[organisation.kind],
      team,
      messagesEmail: contact.emailedAt,
      changeEmailHref:
        organisation.kind === 'provider'
          ? role === 'provider-admin' && '/provider/profile'
          : CONTACT_EMAIL_EDITORS.includes(role) && '/organisation/contact-email',
    });
  });
  registerContactEmailPages(app, deps);
}
