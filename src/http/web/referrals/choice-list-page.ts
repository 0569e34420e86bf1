/** The choice list with the patient: offered (and stored) each time it is shown, chosen from, and printed to take away. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { isChoiceOrder } from '../../../domains/referrals/choice-list.rules.ts';
import { offerChoiceList } from '../../../domains/referrals/choice-list.service.ts';
import { chooseProvider } from '../../../domains/referrals/choice.service.ts';
import { formatUbrn } from '../../../domains/referrals/referral-reference.rules.ts';
import { viewReferral } from '../../../domains/referrals/referral-access.service.ts';
import { latestChoiceListOf } from '../../../domains/referrals/referral-record.service.ts';
import type { ReferralRecord } from '../../../domains/referrals/referral.repo.ts';
import { DomainError } from '../../../lib/errors.ts';
import { formatDate } from '../format.ts';
import { field, formErrors, validationErrorsOf } from '../form.ts';
import { NOT_MEASURED_YET } from '../../../domains/directory/provider-standing.ts';
import { commissionerAreaNameOf } from '../../../domains/reference/commissioner-area.service.ts';
import { ABOUT_THE_WAIT } from '../provider-quality.presenter.ts';
import { telephonesForChoiceList } from '../../../domains/referrals/choice-list-print.service.ts';
import { publicAddressOf } from '../public-address.ts';
import { type Audience, choiceFromValue, presentChoiceList } from './choice-list.presenter.ts';
import { presentPrintedEntries } from './choice-list-print.presenter.ts';
import { accessCodeToPrint } from './referral-session.ts';

const REFERRER = { config: { roles: ['referrer'] as const } };
const ubrnOf = (params: unknown) => (params as { ubrn: string }).ubrn;

/** The page context shared by the referrer's and the patient's choice pages; the patient reads the commissioner as its area ("the NHS in Calderdale"). */
export async function choicePageContext(deps: Deps, referral: ReferralRecord, list: Awaited<ReturnType<typeof offerChoiceList>>, audience: Audience) {
  const areaName = await commissionerAreaNameOf(deps, referral.commissioner);
  return {
    referral, reference: formatUbrn(referral.ubrn), list: presentChoiceList(list, referral, audience), notMeasured: `${ABOUT_THE_WAIT} ${NOT_MEASURED_YET}`,
    commissionerName: audience === 'patient' ? `the NHS in ${areaName}` : referral.commissioner.name,
  };
}

export function registerChoiceListPages(app: FastifyInstance, deps: Deps): void {
  const show = async (request: FastifyRequest, errors?: ReturnType<typeof formErrors>) => {
    const order = (request.query as { order?: string }).order;
    const referral = await viewReferral(deps, request.actionContext(), ubrnOf(request.params), { page: 'choice-list', referrerOnly: true });
    const list = await offerChoiceList(deps, request.actionContext(), referral, isChoiceOrder(order) ? order : 'distance');
    return { context: { pageTitle: `${errors ? 'Error: ' : ''}Choose a provider`, columnClass: 'nhsuk-grid-column-full', action: `/referrals/${referral.ubrn}/choice`, base: `/referrals/${referral.ubrn}/choice-list`, ...(await choicePageContext(deps, referral, list, 'staff')), ...errors } };
  };

  app.get('/referrals/:ubrn/choice-list', REFERRER, async (request, reply) => {
    const { context } = await show(request);
    return reply.render('pages/referrals/choice-list.njk', context);
  });

  app.post('/referrals/:ubrn/choice', REFERRER, async (request, reply) => {
    const referral = await viewReferral(deps, request.actionContext(), ubrnOf(request.params), { page: 'choice', referrerOnly: true });
    try {
      const sent = await chooseProvider(deps, request.actionContext(), referral, choiceFromValue(field(request.body, 'choice')), 'referrer');
      request.session.flash = `Referral sent to ${sent.providerName}, ${sent.siteName}. They should accept it by ${formatDate(sent.acceptBy)}.`;
      return reply.redirect(`/referrals/${referral.ubrn}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error) ?? (error instanceof DomainError && error.code === 'conflict' ? formErrors([{ field: 'choice', message: error.message }]) : undefined);
      if (!errors) throw error;
      const { context } = await show(request, errors);
      return reply.status(400).render('pages/referrals/choice-list.njk', context);
    }
  });

  app.get('/referrals/:ubrn/choice-list/print', REFERRER, async (request, reply) => {
    const referral = await viewReferral(deps, request.actionContext(), ubrnOf(request.params), { page: 'choice-list-print', referrerOnly: true });
    const list = await latestChoiceListOf(deps, referral.id);
    if (!list) return reply.redirect(`/referrals/${referral.ubrn}/choice-list`, 303);
    const telephones = await telephonesForChoiceList(deps, list.entries);
    return reply.render('pages/referrals/choice-list-print.njk', {
      pageTitle: `Your choice of provider: referral ${formatUbrn(referral.ubrn)}`, columnClass: 'nhsuk-grid-column-full', ...(await choicePageContext(deps, referral, list, 'patient')),
      statusAddress: publicAddressOf(request, '/referral-status'), accessCode: accessCodeToPrint(request, referral.ubrn),
      printedEntries: presentPrintedEntries(list.entries, telephones),
    });
  });
}
