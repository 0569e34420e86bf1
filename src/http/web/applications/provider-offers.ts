/** A provider admin's list of offers open for applications, with its own application to each, and its download (decision 0067). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { openOffersForProvider, type OpenOfferForProvider } from '../../../domains/applications/application-view.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { datedFileName, sendListCsv } from '../csv-reply.ts';
import { formatDate } from '../format.ts';
import { type ListColumns, listTableModel } from '../list-table.ts';
import { get, registerPages } from '../page-routes.ts';
import { applicationStatusTag } from './application.presenter.ts';

export const PROVIDER_ADMIN = { config: { roles: ['provider-admin'] as const } };

/** The offers as the page and its CSV both show them; the page adds its View and Apply links after these. */
export const PROVIDER_OFFER_COLUMNS: ListColumns<OpenOfferForProvider> = [
  { heading: 'Offer', cell: ({ offer }) => ({ text: offer.title, href: `/offers/${offer.id}` }) },
  { heading: 'Reference', cell: ({ offer }) => offer.reference },
  { heading: 'Service', cell: ({ offer }) => offer.service.name },
  { heading: 'Commissioner', cell: ({ offer }) => offer.lead.name },
  {
    heading: 'Qualification window',
    cell: ({ offer }) =>
      offer.windowKind === 'rolling'
        ? `Rolling, from ${formatDate(offer.windowOpens)}`
        : `${formatDate(offer.windowOpens)} to ${formatDate(offer.windowCloses)}`,
  },
  {
    heading: 'Your application',
    cell: ({ latest }) => {
      if (!latest) return 'Not applied';
      const tag = applicationStatusTag(latest.status);
      return { text: tag.text, tag: tag.classes };
    },
  },
];

/** What the provider may do with an offer from the list: open its application, apply (again), or nothing while the window is shut. */
function actionOf({ offer, windowOpen, latest }: OpenOfferForProvider) {
  const active = latest && ['draft', 'submitted', 'clarification', 'qualified'].includes(latest.status);
  return {
    title: offer.title,
    viewHref: latest && `/applications/${latest.id}`,
    apply: !active && windowOpen ? { href: `/applications/new?offer=${offer.id}`, text: latest ? 'Apply again' : 'Apply' } : undefined,
    windowShut: !active && !windowOpen,
  };
}

/** The offers open for applications, with the provider's latest application to each. */
async function viewProviderOffers(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offers = await openOffersForProvider(deps, request.actionContext());
  return reply.render('pages/applications/offers.njk', {
    pageTitle: 'Offers open for applications',
    columnClass: 'nhsuk-grid-column-full',
    offers: listTableModel(PROVIDER_OFFER_COLUMNS, offers, {
      caption: 'Offers open for applications',
      csvHref: '/provider/offers.csv',
      what: 'these offers',
    }),
    actions: offers.map(actionOf),
  });
}

/** The same list as CSV, without the page's links. */
async function downloadProviderOffers(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offers = await openOffersForProvider(deps, request.actionContext());
  return sendListCsv(reply, datedFileName('open-offers', deps.clock.today()), PROVIDER_OFFER_COLUMNS, offers);
}

export function registerProviderOffersPage(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/provider/offers', (request, reply) => viewProviderOffers(deps, request, reply), PROVIDER_ADMIN),
    get('/provider/offers.csv', (request, reply) => downloadProviderOffers(deps, request, reply), PROVIDER_ADMIN),
  ]);
}
