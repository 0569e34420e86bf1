/** The JSON API under /api/v1, described by OpenAPI 3 generated from the route schemas. */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../domains/deps.ts';
import { registerActivityCsvApi } from './activity-csv.api.ts';
import { registerActivityLineApi } from './activity-lines.api.ts';
import { registerApiKeyApi } from './api-keys.api.ts';
import { registerBudgetApi } from './budgets.api.ts';
import { registerBreachApi } from './breaches.api.ts';
import { registerApplicationApi } from './applications.api.ts';
import { registerCatalogueApi } from './catalogue.api.ts';
import { registerDashboardApi } from './dashboards.api.ts';
import { registerDirectoryApi } from './directory.api.ts';
import { registerFeedbackApi } from './feedback.api.ts';
import { registerQualityReturnApi } from './quality-returns.api.ts';
import { registerIdentityApi } from './identity.api.ts';
import { registerLineQueryApi } from './line-queries.api.ts';
import { registerListingApi } from './listings.api.ts';
import { registerMessageApi } from './messages.api.ts';
import { registerListingSiteApi } from './listing-sites.api.ts';
import { registerMapApi } from './map.api.ts';
import { registerOfferApi } from './offers.api.ts';
import { registerPrioritisationApi } from './prioritisation.api.ts';
import { registerProposalApi } from './proposals.api.ts';
import { registerProviderApi } from './providers.api.ts';
import { registerQualityApi } from './quality.api.ts';
import { registerReferenceApi } from './reference.api.ts';
import { registerReferralListApi } from './referral-list.api.ts';
import { registerReferralOutcomeApi } from './referral-outcomes.api.ts';
import { registerReferralApi } from './referrals.api.ts';
import { registerReferralReplyApi } from './referral-replies.api.ts';
import { Problem } from './schemas.ts';
import { registerSelfReferralApi } from './self-referrals.api.ts';
import { registerStatementApi } from './statements.api.ts';
import { registerWorklistApi } from './worklists.api.ts';

export async function registerApi(app: FastifyInstance, deps: Deps): Promise<void> {
  app.addSchema(Problem);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'AQP API',
        version: '1.0.0',
        description: 'The Any Qualified Provider platform: catalogue, offers, qualification, directory, referrals and payments.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An AQP API key: aqp_<prefix>_<secret>' } } },
      security: [{ apiKey: [] }],
    },
    hideUntagged: true,
    // A route without roles (the open data: services, offers, directory, map, postcodes, self-referral) needs no key, so it says so.
    transform: ({ schema, url, route }) => ({ schema: route.config?.roles || !schema ? schema : { ...schema, security: [] }, url }),
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `def-${index}`) },
  });
  await app.register(async (scope) => {
    scope.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => scope.swagger());
    registerIdentityApi(scope, deps);
    registerApiKeyApi(scope, deps);
    registerReferenceApi(scope, deps);
    registerCatalogueApi(scope, deps);
    registerOfferApi(scope, deps);
    registerPrioritisationApi(scope, deps);
    registerProposalApi(scope, deps);
    registerMapApi(scope, deps);
    registerDirectoryApi(scope, deps);
    registerProviderApi(scope, deps);
    registerApplicationApi(scope, deps);
    registerListingApi(scope, deps);
    registerMessageApi(scope, deps);
    registerListingSiteApi(scope, deps);
    registerReferralApi(scope, deps);
    registerReferralReplyApi(scope, deps);
    registerActivityLineApi(scope, deps);
    registerStatementApi(scope, deps);
    registerLineQueryApi(scope, deps);
    registerActivityCsvApi(scope, deps);
    registerBudgetApi(scope, deps);
    registerBreachApi(scope, deps);
    registerSelfReferralApi(scope, deps);
    registerWorklistApi(scope, deps);
    registerReferralOutcomeApi(scope, deps);
    registerReferralListApi(scope, deps);
    registerDashboardApi(scope, deps);
    registerFeedbackApi(scope, deps);
    registerQualityReturnApi(scope, deps);
    registerQualityApi(scope, deps);
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });
}
