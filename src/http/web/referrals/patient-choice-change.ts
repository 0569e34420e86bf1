/** The patient's pages after choosing (issue #12 item 4): how to reach the provider, changing the choice or cancelling with a confirmation step, and signing out of the referral on a shared computer. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { recordPatientSignOut } from '../../../domains/identity/audit.service.ts';
import { cancelAsPatient, patientMayChange, takeBackChoice } from '../../../domains/referrals/patient-choice-change.service.ts';
import { viewReferralAsPatient } from '../../../domains/referrals/referral-access.service.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { chosenProviderContactOf } from '../../../domains/referrals/referral-record.service.ts';
import type { ReferralRecord } from '../../../domains/referrals/referral.repo.ts';
import { type Failure, refusable, refusalFailure, renderFailure, STATE_REFUSALS } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { patientUbrnOf } from './referral-session.ts';

/** What the status page adds once a provider is chosen: its contact details and directory page, and what the patient may still do. */
export async function afterChoosing(deps: Deps, referral: ReferralRecord) {
  const contact = referral.chosen ? await chosenProviderContactOf(deps, referral.id) : undefined;
  return {
    reference: formatUbrn(referral.ubrn),
    contact,
    directoryHref: contact && `/directory/providers/${contact.providerOrganisationId}`,
    may: patientMayChange(referral),
  };
}

interface Confirmation {
  path: 'change' | 'cancel';
  heading: (referral: ReferralRecord) => string;
  lines: (referral: ReferralRecord) => string[];
  buttonText: string;
  act: (deps: Deps, request: FastifyRequest, referral: ReferralRecord) => Promise<void>;
  done: (referral: ReferralRecord) => string;
}

const CONFIRMATIONS: Confirmation[] = [
  {
    path: 'change',
    buttonText: 'Yes, choose another provider',
    heading: (referral) => `Choose another provider instead of ${referral.chosen?.providerName ?? 'this one'}?`,
    lines: (referral) => [
      `Your referral will be taken back from ${referral.chosen?.providerName ?? 'the provider'}, and we will tell them.`,
      'You then choose a provider from the list. Until you choose, your referral is not with any provider.',
    ],
    act: (deps, request, referral) => takeBackChoice(deps, request.actionContext(), referral),
    done: (referral) =>
      `Your referral has been taken back from ${referral.chosen?.providerName ?? 'the provider'}. Choose a provider from the list below.`,
  },
  {
    path: 'cancel',
    buttonText: 'Yes, cancel my referral',
    heading: () => 'Cancel your referral?',
    lines: (referral) => [
      `${referral.chosen && referral.status === 'sent' ? `${referral.chosen.providerName} and your` : 'Your'} GP practice will be told. You cannot undo this.`,
      'If you need this care later, you will need a new referral.',
    ],
    act: (deps, request, referral) => cancelAsPatient(deps, request.actionContext(), referral),
    done: () => 'Your referral has been cancelled.',
  },
];

/** The confirmation step of a change the patient asked for. */
function viewConfirmation(reply: FastifyReply, page: Confirmation, referral: ReferralRecord, failure?: Failure) {
  return renderFailure(
    reply,
    'pages/referrals/patient-confirm.njk',
    page.heading(referral),
    {
      heading: page.heading(referral),
      lines: page.lines(referral),
      buttonText: page.buttonText,
      action: `/referral-status/${page.path}`,
      reference: formatUbrn(referral.ubrn),
    },
    failure,
  );
}

/** The patient's referral for a confirmation page, or undefined when no referral is open in this session. */
async function patientReferral(deps: Deps, request: FastifyRequest, view: string) {
  const ubrn = patientUbrnOf(request);
  return ubrn ? viewReferralAsPatient(deps, request.actionContext(), ubrn, view) : undefined;
}

async function viewConfirmationPage(deps: Deps, page: Confirmation, request: FastifyRequest, reply: FastifyReply) {
  const referral = await patientReferral(deps, request, `patient-${page.path}-confirm`);
  if (!referral) return reply.redirect('/referral-status', 303);
  if (!patientMayChange(referral)[page.path]) return reply.redirect('/referral-status/referral', 303);
  return viewConfirmation(reply, page, referral);
}

/** Makes the change; one the referral's state no longer allows is explained on the confirmation (409). */
async function submitConfirmation(deps: Deps, page: Confirmation, request: FastifyRequest, reply: FastifyReply) {
  const referral = await patientReferral(deps, request, `patient-${page.path}`);
  if (!referral) return reply.redirect('/referral-status', 303);
  const outcome = await refusable(STATE_REFUSALS, () => page.act(deps, request, referral));
  if (!outcome.ok) return viewConfirmation(reply, page, referral, refusalFailure(outcome.refusal, 'confirm'));
  request.session.flash = page.done(referral);
  return reply.redirect('/referral-status/referral', 303);
}

/** Ends the patient's session on their referral, recording it. */
async function submitPatientSignOut(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const ubrn = patientUbrnOf(request);
  if (ubrn) await recordPatientSignOut(deps, request.actionContext(), ubrn);
  await new Promise<void>((resolve, reject) => request.session.destroy((error) => (error ? reject(error) : resolve())));
  return reply.redirect('/referral-status/signed-out', 303);
}

/** Changing, cancelling and signing out, for the patient who proved they hold the referral. */
export function registerPatientChoiceChangePages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    ...CONFIRMATIONS.flatMap((page) => [
      get(`/referral-status/${page.path}`, (request, reply) => viewConfirmationPage(deps, page, request, reply)),
      post(`/referral-status/${page.path}`, (request, reply) => submitConfirmation(deps, page, request, reply)),
    ]),
    post('/referral-status/sign-out', (request, reply) => submitPatientSignOut(deps, request, reply)),
    get('/referral-status/signed-out', async (_request, reply) =>
      reply.render('pages/referrals/patient-signed-out.njk', { pageTitle: 'You have signed out of your referral' }),
    ),
  ]);
}
