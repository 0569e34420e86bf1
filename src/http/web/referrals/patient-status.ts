/** The patient's pages, without signing in: reference, access code and date of birth lead to the referral's status, and to choosing while a choice is awaited. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { isChoiceOrder } from '../../../domains/referrals/choice-list.rules.ts';
import { offerChoiceList } from '../../../domains/referrals/choice-list.service.ts';
import { chooseProvider } from '../../../domains/referrals/choice.service.ts';
import { verifyPatientAccess } from '../../../domains/referrals/patient-access.service.ts';
import { viewReferralAsPatient } from '../../../domains/referrals/referral-access.service.ts';
import { REFERRAL_STATUS_LABELS, whatHappensNext } from '../../../domains/referrals/referral-status.rules.ts';
import { datePartsOf, isoDateFromParts } from '../date-input.ts';
import { field, type FormErrors, renderForm } from '../form.ts';
import { attemptRefusable, type Failure, namedForForm, renderFailure } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { formatDate } from '../format.ts';
import { choiceFromValue } from './choice-list.presenter.ts';
import { choicePageContext } from './choice-list-page.ts';
import { afterChoosing } from './patient-choice-change.ts';
import { feedbackOnStatusPage } from './patient-feedback.ts';
import { PATIENT_ACCESS_MINUTES, patientUbrnOf } from './referral-session.ts';

/** Per address, on top of the per-reference limit: enough for a person who mistypes, too few for guessing. */
const ATTEMPTS_PER_MINUTE = 10;

/** The form for the reference, access code and date of birth. */
function viewStatusStart(reply: FastifyReply, body: unknown, failure?: Failure) {
  return renderFailure(
    reply,
    'pages/referrals/status-start.njk',
    'Check your referral',
    {
      values: { reference: field(body, 'reference'), accessCode: field(body, 'accessCode') },
      dateOfBirth: datePartsOf(body, 'dateOfBirth'),
      nhsLogin: reply.server.federatedSignIn.nhsLogin,
    },
    failure,
  );
}

/** The referral's status for the patient, with the choice list while a choice is awaited. */
async function viewStatus(deps: Deps, request: FastifyRequest, reply: FastifyReply, ubrn: string, errors?: FormErrors) {
  const referral = await viewReferralAsPatient(deps, request.actionContext(), ubrn, 'patient-status');
  const order = (request.query as { order?: string }).order;
  const list =
    referral.status === 'awaiting-choice'
      ? await offerChoiceList(deps, request.actionContext(), referral, isChoiceOrder(order) ? order : 'distance')
      : undefined;
  return renderForm(
    reply,
    'pages/referrals/status.njk',
    'Your referral',
    {
      columnClass: list ? 'nhsuk-grid-column-full' : undefined,
      statusLabel: REFERRAL_STATUS_LABELS[referral.status],
      next: whatHappensNext(referral.status, {
        providerName: referral.chosen?.providerName,
        acceptBy: referral.acceptBy ? formatDate(referral.acceptBy) : null,
        selfReferred: referral.route === 'self',
      }),
      action: '/referral-status/choice',
      base: '/referral-status/referral',
      ...(list ? await choicePageContext(deps, referral, list, 'patient') : { referral, reference: formatUbrn(referral.ubrn) }),
      ...(await afterChoosing(deps, referral)),
      ...(await feedbackOnStatusPage(deps, referral)),
    },
    errors,
  );
}

/** Opens the referral for a while once the patient proves they hold it; wrong details show the form again, and too many tries are refused (429). */
async function submitStatusStart(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const dateOfBirth = isoDateFromParts(datePartsOf(request.body, 'dateOfBirth'), 'dateOfBirth', 'Date of birth');
  const verify = () =>
    verifyPatientAccess(deps, request.actionContext(), {
      reference: field(request.body, 'reference'),
      accessCode: field(request.body, 'accessCode'),
      dateOfBirth: dateOfBirth.value,
    });
  const withDateBoxes = namedForForm(verify, (errors) =>
    errors.map((error) => (error.field === 'dateOfBirth' && dateOfBirth.error ? dateOfBirth.error : error)),
  );
  const outcome = await attemptRefusable(['too-many-requests'], 'reference', withDateBoxes);
  if (!outcome.ok) return viewStatusStart(reply, request.body, outcome);
  request.session.patientReferral = { ubrn: outcome.value, until: Date.now() + PATIENT_ACCESS_MINUTES * 60_000 };
  return reply.redirect('/referral-status/referral', 303);
}

/** Sends the referral to the provider the patient chose; no choice, or one no longer taking referrals, shows the status page again with the problem. */
async function submitPatientChoice(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const ubrn = patientUbrnOf(request);
  if (!ubrn) return reply.redirect('/referral-status', 303);
  const referral = await viewReferralAsPatient(deps, request.actionContext(), ubrn, 'patient-choice');
  const outcome = await attemptRefusable(['conflict'], 'choice', () =>
    chooseProvider(deps, request.actionContext(), referral, choiceFromValue(field(request.body, 'choice')), 'patient'),
  );
  if (!outcome.ok) return viewStatus(deps, request, reply, ubrn, outcome.errors);
  request.session.flash = `Your referral has been sent to ${outcome.value.providerName}, ${outcome.value.siteName}.`;
  return reply.redirect('/referral-status/referral', 303);
}

export function registerPatientStatusPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/referral-status', async (_request, reply) => viewStatusStart(reply, {})),
    post('/referral-status', (request, reply) => submitStatusStart(deps, request, reply), {
      config: { rateLimit: { max: ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } },
    }),
    get('/referral-status/referral', async (request, reply) => {
      const ubrn = patientUbrnOf(request);
      return ubrn ? viewStatus(deps, request, reply, ubrn) : reply.redirect('/referral-status', 303);
    }),
    post('/referral-status/choice', (request, reply) => submitPatientChoice(deps, request, reply)),
  ]);
}
