/** Outcomes recorded after the contact (issue #15 item 3, decision 0053): the day a scan's report was sent, over the API. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { recordReport } from '../../domains/referrals/referral-report.service.ts';
import { Report, ReportBody } from './referral-outcomes.schemas.ts';
import { problemResponses } from './schemas.ts';
import { providerReferral } from './worklists.api.ts';

const ContactParams = Type.Object({ ubrn: Type.String({ maxLength: 20 }), contactId: Type.String({ maxLength: 40 }) });

export function registerReferralOutcomeApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/v1/referrals/:ubrn/sessions/:contactId/report',
    {
      config: { roles: ['provider-admin', 'provider-clinician'] as const },
      schema: {
        tags: ['referrals'],
        summary:
          'Record (or correct) the day the report of a scan the patient attended was sent: not before the test, not in the future; 409 when the patient did not attend',
        params: ContactParams,
        body: ReportBody,
        response: { 200: Report, ...problemResponses },
      },
    },
    async (request) => {
      const referral = await providerReferral(deps, request.actionContext(), request.params.ubrn, 'api-report');
      const report = await recordReport(deps, request.actionContext(), referral, request.params.contactId, request.body.reportedOn);
      return { ubrn: referral.ubrn, contactId: report.contactId, testOn: report.testOn, reportedOn: report.reportedOn! };
    },
  );
}
