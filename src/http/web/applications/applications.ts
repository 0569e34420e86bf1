/** Qualification pages: providers apply to open offers and follow their applications; assessors work their queue and decide. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { registerAssessmentPages } from '../assessment/assessment.ts';
import { registerApplicationForm } from './application-form.ts';
import { registerApplicationListPage } from './application-list.ts';
import { registerApplicationPage } from './application-page.ts';
import { registerProviderOffersPage } from './provider-offers.ts';

export function registerApplicationPages(app: FastifyInstance, deps: Deps): void {
  registerProviderOffersPage(app, deps);
  registerApplicationListPage(app, deps);
  registerApplicationForm(app, deps);
  registerApplicationPage(app, deps);
  registerAssessmentPages(app, deps);
}
