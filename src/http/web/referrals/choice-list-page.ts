/** The choice list with the patient: offered (and stored) each time it is shown, chosen from, and printed to take away. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { isChoiceOrder } from '../../../domains/referrals/choice-list.rules.ts';
import { offerChoiceListByReference } from '../../../domains/referrals/choice-list.service.ts';
import type { StoredChoiceList } from '../../../domains/referrals/choice-list.repo.ts';
import { chooseProvider } from '../../../domains/referrals/choice.service.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { viewReferral } from '../../../domains/referrals/referral-access.service.ts';
import { latestChoiceListOf } from '../../../domains/referrals/referral-record.service.ts';
import type { ReferralRecord } from '../../../domains/referrals/referral.repo.ts';
import { formatDate } from '../format.ts';
import { field, type FormErrors, renderForm } from '../form.ts';
import { attemptRefusable } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { commissionerAreaNameOf } from '../../../domains/reference/commissioner-area.service.ts';
import { ABOUT_THE_WAIT } from '../provider-quality.presenter.ts';
import { ABOUT_THE_MEASURES } from '../measured-quality.presenter.ts';
import { telephonesForChoiceList } from '../../../domains/referrals/choice-list-print.service.ts';
import { publicAddressOf } from '../public-address.ts';
import { type Audience, choiceFromValue, presentChoiceList } from './choice-list.presenter.ts';
import { presentPrintedEntries } from './choice-list-print.presenter.ts';
import { accessCodeToPrint } from './referral-session.ts';
import { memoisedFragment } from '../fragment-memo.ts';

const REFERRER = { config: { roles: ['referrer'] as const } };
const ubrnOf = (params: unknown) => (params as { ubrn: string }).ubrn;

/** The page context shared by the referrer's and the patient's choice pages; only the patient's names the commissioner by its area ("the NHS in Calderdale"). */
export async function choicePageContext(deps: Deps, referral: ReferralRecord, list: StoredChoiceList, audience: Audience) {
  return {
    referral,
    reference: formatUbrn(referral.ubrn),
    list: presentChoiceList(list, referral, audience),
    aboutFigures: `${ABOUT_THE_WAIT} ${ABOUT_THE_MEASURES}`,
    commissionerName:
      audience === 'patient' ? `the NHS in ${await commissionerAreaNameOf(deps, referral.commissioner)}` : referral.commissioner.name,
  };
}

export function registerChoiceListPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/referrals/:ubrn/choice-list', (request, reply) => viewChoiceList(deps, request, reply), REFERRER),
    post('/referrals/:ubrn/choice', (request, reply) => submitChoice(deps, request, reply), REFERRER),
    get('/referrals/:ubrn/choice-list/print', (request, reply) => viewPrintedChoiceList(deps, request, reply), REFERRER),
  ]);
}

/** The choice list, offered (and stored) afresh each time it is shown, in the order asked for. */
async function viewChoiceList(deps: Deps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const order = (request.query as { order?: string }).order;
  const { referral, list } = await offerChoiceListByReference(deps, request.actionContext(), ubrnOf(request.params), {
    order: isChoiceOrder(order) ? order : 'distance',
    page: 'choice-list',
  });
  const context = await choicePageContext(deps, referral, list, 'staff');
  return renderForm(
    reply,
    'pages/referrals/choice-list.njk',
    'Choose a provider',
    {
      columnClass: 'nhsuk-grid-column-full',
      action: `/referrals/${referral.ubrn}/choice`,
      base: `/referrals/${referral.ubrn}/choice-list`,
      ...context,
      radiosHtml: errors ? undefined : radiosOnce(reply, context.list),
    },
    errors,
  );
}

/** A stored list's radios for staff, rendered the first time it is shown: a stored list never changes, so neither do they; their attributes hold ids only, so they are kept without the macros' indentation (two fifths of their bytes). */
function radiosOnce(reply: FastifyReply, list: ReturnType<typeof presentChoiceList>): string {
  return memoisedFragment(reply, 'pages/referrals/choice-radios.njk', { list }, `staff choice list ${list.id}`, {
    withoutIndentation: true,
  });
}

/** Sends the referral to the provider chosen; no choice, or one no longer taking referrals, shows the list again with the problem. */
async function submitChoice(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const referral = await viewReferral(deps, request.actionContext(), ubrnOf(request.params), { page: 'choice', referrerOnly: true });
  const outcome = await attemptRefusable(['conflict'], 'choice', () =>
    chooseProvider(deps, request.actionContext(), referral, choiceFromValue(field(request.body, 'choice')), 'referrer'),
  );
  if (!outcome.ok) return viewChoiceList(deps, request, reply, outcome.errors);
  request.session.flash = `Referral sent to ${outcome.value.providerName}, ${outcome.value.siteName}. They should accept it by ${formatDate(outcome.value.acceptBy)}.`;
  return reply.redirect(`/referrals/${referral.ubrn}`, 303);
}

/** The choice list last offered, printed for the patient to take away with their access code. */
async function viewPrintedChoiceList(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const referral = await viewReferral(deps, request.actionContext(), ubrnOf(request.params), {
    page: 'choice-list-print',
    referrerOnly: true,
  });
  const list = await latestChoiceListOf(deps, referral.id);
  if (!list) return reply.redirect(`/referrals/${referral.ubrn}/choice-list`, 303);
  const telephones = await telephonesForChoiceList(deps, list.entries);
  return reply.render('pages/referrals/choice-list-print.njk', {
    pageTitle: `Your choice of provider: referral ${formatUbrn(referral.ubrn)}`,
    columnClass: 'nhsuk-grid-column-full',
    ...(await choicePageContext(deps, referral, list, 'patient')),
    statusAddress: publicAddressOf(request, '/referral-status'),
    accessCode: accessCodeToPrint(request, referral.ubrn),
    printedEntries: presentPrintedEntries(list.entries, telephones),
  });
}
