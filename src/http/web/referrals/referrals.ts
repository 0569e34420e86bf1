/** Referral pages (issue #6): referrers create referrals and offer the choice list; patients check status, choose and refer themselves without signing in. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { registerChoiceListPages } from './choice-list-page.ts';
import { registerNewReferralPages } from './new-referral.ts';
import { registerPatientChoiceChangePages } from './patient-choice-change.ts';
import { registerPatientFeedbackPages } from './patient-feedback.ts';
import { registerPatientStatusPages } from './patient-status.ts';
import { registerReferralActions } from './referral-actions.ts';
import { registerReferralPage } from './referral-page.ts';
import { registerReferralReplyPages } from './referral-reply-pages.ts';
import { registerReportPage } from './report-page.ts';
import { registerSelfReferralPages } from './self-referral.ts';
import { registerSelfReferralCheck } from './self-referral-check.ts';

/** Every referral page, for referrers, providers and patients. */
export function registerReferralPages(app: FastifyInstance, deps: Deps): void {
  registerNewReferralPages(app, deps);
  registerReferralPage(app, deps);
  registerChoiceListPages(app, deps);
  registerPatientStatusPages(app, deps);
  registerPatientChoiceChangePages(app, deps);
  registerPatientFeedbackPages(app, deps);
  registerReferralActions(app, deps);
  registerReportPage(app, deps);
  registerReferralReplyPages(app, deps);
  registerSelfReferralPages(app, deps);
  registerSelfReferralCheck(app, deps);
}
