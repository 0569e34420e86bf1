/** The provider's "Record the report" page for a scan the patient attended (issue #15 item 3, decision 0053): the day the report was sent, not before the test and not in the future. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { recordReport, type TestForReport, testForReport } from '../../../domains/referrals/referral-report.service.ts';
import { formatDate } from '../format.ts';
import { datePartsFromIso, datePartsOf, type DateParts, isoDateFromParts } from '../date-input.ts';
import { formErrors } from '../form.ts';
import { attemptRefusable, type Failure, renderFailure, STATE_REFUSALS } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { referralForSide } from './referral-for-side.ts';

const PROVIDER = { config: { roles: ['provider-admin', 'provider-clinician'] as const } };
type ProviderReferral = Awaited<ReturnType<typeof referralForSide>>;

const contactIdOf = (request: FastifyRequest) => (request.params as { contactId: string }).contactId;

/** The form, with the day already recorded (or what was typed) in the boxes. */
function viewReport(reply: FastifyReply, referral: ProviderReferral, test: TestForReport, parts: DateParts, failure?: Failure) {
  return renderFailure(
    reply,
    'pages/referrals/report.njk',
    'Record the report',
    { referral, reference: formatUbrn(referral.ubrn), testOn: formatDate(test.testOn), contactId: test.contactId, reportedOn: parts },
    failure,
  );
}

async function showReport(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const referral = await referralForSide(deps, request, 'provider', 'report-form');
  const test = await testForReport(deps, referral, contactIdOf(request));
  return viewReport(reply, referral, test, datePartsFromIso(test.reportedOn));
}

/** Records the day; bad input shows the form again with the error beside the date (400), a test the patient missed is explained there (409). */
async function submitReport(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const referral = await referralForSide(deps, request, 'provider', 'report');
  const test = await testForReport(deps, referral, contactIdOf(request));
  const parts = datePartsOf(request.body, 'reportedOn');
  const typed = isoDateFromParts(parts, 'reportedOn', 'The date the report was sent');
  if (typed.error) return viewReport(reply, referral, test, parts, { errors: formErrors([typed.error]) });
  const outcome = await attemptRefusable(STATE_REFUSALS, 'reportedOn', () =>
    recordReport(deps, request.actionContext(), referral, test.contactId, typed.value ?? undefined),
  );
  if (!outcome.ok) return viewReport(reply, referral, test, parts, outcome);
  request.session.flash = `Report recorded: the test on ${formatDate(test.testOn)} was reported on ${formatDate(outcome.value.reportedOn)}.`;
  return reply.redirect(`/referrals/${referral.ubrn}`, 303);
}

/** The report page of one test, for the chosen provider. */
export function registerReportPage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/referrals/:ubrn/contacts/:contactId/report', (request, reply) => showReport(deps, request, reply), PROVIDER),
    post('/referrals/:ubrn/contacts/:contactId/report', (request, reply) => submitReport(deps, request, reply), PROVIDER),
  ]);
}
