/** Every page route, grouped by area; each area file holds a thin view and submit per page. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../domains/deps.ts';
import { registerAdminAudit } from './admin/audit.ts';
import { registerOrganisationDetail } from './admin/organisation-detail.ts';
import { registerReferenceDataPage } from './admin/reference-data.ts';
import { registerAdminOrganisations } from './admin/organisations.ts';
import { registerAdminUsers } from './admin/users.ts';
import { registerApiKeyPages } from './api-keys/api-keys.ts';
import { registerCataloguePages } from './catalogue/catalogue.ts';
import { registerCommissioning } from './commissioning/commissioning.ts';
import { registerContentPages } from './content/content.ts';
import { registerHome } from './home/home.ts';
import { registerListingPages } from './listings/listings.ts';
import { registerMessagePages } from './listings/messages.ts';
import { registerMapPages } from './map/map.ts';
import { registerOfferPages } from './offers/offers.ts';
import { registerOrganisationPage } from './organisation/organisation.ts';
import { registerPrioritisationPages } from './prioritisation/prioritisation.ts';
import { registerProposalPages } from './proposals/proposals.ts';
import { registerProviderPages } from './providers/providers.ts';
import { registerChooseRole } from './sign-in/choose-role.ts';
import { registerSignIn } from './sign-in/sign-in.ts';
import { registerSignOut } from './sign-in/sign-out.ts';

export function registerWebRoutes(app: FastifyInstance, deps: Deps, options: { referenceDataDir: string }): void {
  registerHome(app);
  registerSignIn(app, deps);
  registerSignOut(app, deps);
  registerChooseRole(app, deps);
  registerContentPages(app, deps, options.referenceDataDir);
  registerOrganisationPage(app, deps);
  registerCommissioning(app, deps);
  registerCataloguePages(app, deps);
  registerOfferPages(app, deps);
  registerPrioritisationPages(app, deps);
  registerProposalPages(app, deps);
  registerMapPages(app, deps);
  registerListingPages(app, deps);
  registerMessagePages(app, deps);
  registerApiKeyPages(app, deps);
  registerAdminUsers(app, deps);
  registerAdminOrganisations(app, deps);
  registerAdminAudit(app, deps);
  registerReferenceDataPage(app, deps, options.referenceDataDir);
  registerOrganisationDetail(app, deps);
  registerProviderPages(app, deps);
}
