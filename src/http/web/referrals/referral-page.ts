/** One referral for the referring practice or the chosen provider: patient, eligibility, status and, once, the patient's access code. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { REFERRAL_STATUS_LABELS } from '../../../domains/referrals/referral-status.rules.ts';
import { viewReferral } from '../../../domains/referrals/referral-access.service.ts';
import { formatNhsNumber } from '../../../lib/nhs-number.ts';
import { takeNewAccessCode } from './referral-session.ts';

const READERS = { config: { roles: ['referrer', 'provider-admin', 'provider-clinician'] as const } };

export function registerReferralPage(app: FastifyInstance, deps: Deps): void {
  app.get('/referrals/:ubrn', READERS, async (request, reply) => {
    const referral = await viewReferral(deps, request.actionContext(), (request.params as { ubrn: string }).ubrn, { page: 'referral' });
    return reply.render('pages/referrals/referral.njk', {
      pageTitle: `Referral ${formatUbrn(referral.ubrn)}`, referral, reference: formatUbrn(referral.ubrn), statusLabel: REFERRAL_STATUS_LABELS[referral.status],
      nhsNumber: referral.patient.nhsNumber ? formatNhsNumber(referral.patient.nhsNumber) : 'Not recorded', accessCode: takeNewAccessCode(request, referral.ubrn),
    });
  });
}
