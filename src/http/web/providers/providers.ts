/** Provider pages: registration, profile, sites, invitations, national assurance with uploads, and the national centre's verification. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { registerVerificationPages } from '../assurance/verification.ts';
import { registerAssurancePages } from './assurance.ts';
import { registerInvitationPages } from './invitations.ts';
import { registerProfilePages } from './profile.ts';
import { registerRegistrationPage } from './registration.ts';
import { registerSitePages } from './sites.ts';

export function registerProviderPages(app: FastifyInstance, deps: Deps): void {
  registerRegistrationPage(app, deps);
  registerProfilePages(app, deps);
  registerSitePages(app, deps);
  registerInvitationPages(app, deps);
  registerAssurancePages(app, deps);
  registerVerificationPages(app, deps);
}
