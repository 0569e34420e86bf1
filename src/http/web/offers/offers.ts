/** Commissioners' offers: open an AQP service from a pack version, amend, protect, price and publish it; anyone reads a published offer. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { registerOfferCompliancePage } from './offer-compliance.ts';
import { registerOfferDetailsPages } from './offer-details.ts';
import { registerOfferKpisPage } from './offer-kpis.ts';
import { registerOfferReturnItemsPage } from './offer-return-items.ts';
import { registerOfferList } from './offer-list.ts';
import { registerOfferOverview } from './offer-overview.ts';
import { registerOfferPricesPage } from './offer-prices.ts';
import { registerOfferProtocolPage } from './offer-protocol.ts';
import { registerOfferQuestionsPage } from './offer-questions.ts';
import { registerOfferSpecificationPage } from './offer-specification.ts';
import { registerOfferStatusPage } from './offer-status.ts';

export function registerOfferPages(app: FastifyInstance, deps: Deps): void {
  registerOfferList(app, deps);
  registerOfferOverview(app, deps);
  registerOfferDetailsPages(app, deps);
  registerOfferSpecificationPage(app, deps);
  registerOfferProtocolPage(app, deps);
  registerOfferPricesPage(app, deps);
  registerOfferStatusPage(app, deps);
  registerOfferCompliancePage(app, deps);
  registerOfferQuestionsPage(app, deps);
  registerOfferKpisPage(app, deps);
  registerOfferReturnItemsPage(app, deps);
}
