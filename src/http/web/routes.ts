/** Every page route, grouped by area; each area file holds a thin view and submit per page. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../domains/deps.ts';
import { registerAdminAudit } from './admin/audit.ts';
import { registerOrganisationDetail } from './admin/organisation-detail.ts';
import { registerReferenceDataPage } from './admin/reference-data.ts';
import { registerAdminOrganisations } from './admin/organisations.ts';
import { registerAdminUsers } from './admin/users.ts';
import { registerApiKeyPages } from './api-keys/api-keys.ts';
import { registerApplicationPages } from './applications/applications.ts';
import { registerBudgetPages } from './budgets/budgets.ts';
import { registerBreachPages } from './quality/breach-pages.ts';
import { registerCataloguePages } from './catalogue/catalogue.ts';
import { registerCommissioning } from './commissioning/commissioning.ts';
import { registerDashboardPages } from './dashboards/dashboards.ts';
import { registerContentPages } from './content/content.ts';
import { registerDirectoryPages } from './directory/directory.ts';
import { registerHome } from './home/home.ts';
import { registerListingPages } from './listings/listings.ts';
import { registerListingSitePages } from './listings/listing-sites.ts';
import { registerMessagePages } from './listings/messages.ts';
import { registerMapPages } from './map/map.ts';
import { registerOfferPages } from './offers/offers.ts';
import { registerStatementPages } from './payments/statements.ts';
import { registerKpiResultPages } from './quality/kpi-results.ts';
import { registerActivityPages } from './payments/activity-pages.ts';
import { registerOrganisationPage } from './organisation/organisation.ts';
import { registerPaymentPages } from './payments/payments.ts';
import { registerPrioritisationPages } from './prioritisation/prioritisation.ts';
import { registerProposalPages } from './proposals/proposals.ts';
import { registerProviderPages } from './providers/providers.ts';
import { registerFeedbackPages } from './quality/feedback-page.ts';
import { registerQualityReturnPages } from './quality/quality-return-pages.ts';
import { registerReferralPages } from './referrals/referrals.ts';
import { registerChooseRole } from './sign-in/choose-role.ts';
import { registerCis2SignIn } from './sign-in/cis2-sign-in.ts';
import type { FederatedSignIn } from './sign-in/federated-session.ts';
import { registerNhsLoginPages } from './referrals/nhs-login.ts';
import { registerSignIn } from './sign-in/sign-in.ts';
import { registerSignOut } from './sign-in/sign-out.ts';
import { registerReferralListPages } from './worklists/referral-list.ts';
import { registerWorklistPages } from './worklists/worklists.ts';

export function registerWebRoutes(
  app: FastifyInstance,
  deps: Deps,
  options: { referenceDataDir: string; federatedSignIn: FederatedSignIn },
): void {
  registerHome(app, deps);
  registerSignIn(app, deps);
  registerCis2SignIn(app, deps, options.federatedSignIn.cis2);
  registerNhsLoginPages(app, deps, options.federatedSignIn.nhsLogin);
  registerSignOut(app, deps);
  registerChooseRole(app, deps);
  registerContentPages(app, deps, options.referenceDataDir);
  registerOrganisationPage(app, deps);
  registerCommissioning(app, deps);
  registerCataloguePages(app, deps);
  registerOfferPages(app, deps);
  registerApplicationPages(app, deps);
  registerPrioritisationPages(app, deps);
  registerProposalPages(app, deps);
  registerMapPages(app, deps);
  registerDirectoryPages(app, deps);
  registerListingPages(app, deps);
  registerListingSitePages(app, deps);
  registerMessagePages(app, deps);
  registerApiKeyPages(app, deps);
  registerAdminUsers(app, deps);
  registerAdminOrganisations(app, deps);
  registerAdminAudit(app, deps);
  registerReferenceDataPage(app, deps, options.referenceDataDir);
  registerOrganisationDetail(app, deps);
  registerProviderPages(app, deps);
  registerReferralPages(app, deps);
  registerWorklistPages(app, deps);
  registerReferralListPages(app, deps);
  registerStatementPages(app, deps);
  registerKpiResultPages(app, deps);
  registerPaymentPages(app, deps);
  registerActivityPages(app, deps);
  registerBudgetPages(app, deps);
  registerDashboardPages(app, deps);
  registerFeedbackPages(app, deps);
  registerQualityReturnPages(app, deps);
  registerBreachPages(app, deps);
}
