/** A commissioner's offers, and opening a new one from a service's implementation pack. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { coverageChoices } from '../../../domains/offers/offer-coverage.ts';
import { offersLedBy } from '../../../domains/offers/offer-view.service.ts';
import { openOffer, servicesToOffer } from '../../../domains/offers/offer.service.ts';
import { attempt, field, type FormErrors, renderForm } from '../form.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { datedFileName, sendListCsv } from '../csv-reply.ts';
import { listTableModel } from '../list-table.ts';
import { OFFER_LIST_COLUMNS } from './offer-list.presenter.ts';
import { COMMISSIONER } from './offer-page.ts';
import { fieldList } from './protocol-form.ts';

type OfferableService = Awaited<ReturnType<typeof servicesToOffer>>[number];

/** A service as a radio: the pack version it would adopt, and whether it is the commissioner's own local service. */
function serviceItem(service: OfferableService) {
  const version = service.currentPackVersion;
  const hint = service.local
    ? `Your local service, approved by your region: local implementation pack version ${version}`
    : `Implementation pack version ${version}`;
  return { value: service.code, text: service.name, hint: { text: hint } };
}

interface NewOfferValues {
  serviceCode: string;
  title: string;
  coverage: string[];
}

/** The commissioner's offers, newest first. */
async function viewOfferList(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offers = await offersLedBy(deps, request.principal!.organisationId);
  return reply.render('pages/offers/offers.njk', {
    pageTitle: 'Your AQP offers',
    columnClass: 'nhsuk-grid-column-full',
    offers: listTableModel(OFFER_LIST_COLUMNS, offers, {
      caption: 'Offers led by your organisation',
      csvHref: '/offers.csv',
      what: 'these offers',
    }),
  });
}

/** The same list as CSV. */
async function downloadOfferList(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const offers = await offersLedBy(deps, request.principal!.organisationId);
  return sendListCsv(reply, datedFileName('offers', deps.clock.today()), OFFER_LIST_COLUMNS, offers);
}

/** The new-offer form: the services the commissioner may offer and the commissioners it may cover. */
async function viewNewOffer(deps: Deps, reply: FastifyReply, organisationId: string, values: NewOfferValues, errors?: FormErrors) {
  const services = await servicesToOffer(deps, organisationId);
  const commissioners = await coverageChoices(deps, organisationId);
  return renderForm(
    reply,
    'pages/offers/new.njk',
    'Open an AQP offer',
    {
      values,
      serviceItems: services.map(serviceItem),
      coverageItems: commissioners.map((c) => ({
        value: c.odsCode ?? '',
        text: `${c.name}${c.odsCode ? ` (${c.odsCode})` : ''}`,
        checked: values.coverage.includes(c.odsCode ?? ''),
      })),
    },
    errors,
  );
}

/** The new-offer form, with the service chosen when the link named one. */
async function showNewOffer(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const service =
    typeof (request.query as { service?: unknown }).service === 'string' ? (request.query as { service: string }).service : '';
  return viewNewOffer(deps, reply, request.principal!.organisationId, { serviceCode: service, title: '', coverage: [] });
}

/** Opens a draft offer from the service's pack, or shows the form again with its errors. */
async function submitNewOffer(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const values = {
    serviceCode: field(request.body, 'serviceCode'),
    title: field(request.body, 'title'),
    coverage: fieldList(request.body, 'coverage'),
  };
  const outcome = await attempt(() => openOffer(deps, request.actionContext(), values));
  if (!outcome.ok) return viewNewOffer(deps, reply, request.principal!.organisationId, values, outcome.errors);
  request.session.flash =
    'Your draft offer has been opened from the service’s implementation pack. Set its details, protocol and prices, then publish it.';
  return reply.redirect(`/offers/${outcome.value.id}`, 303);
}

export function registerOfferList(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/offers', (request, reply) => viewOfferList(deps, request, reply), COMMISSIONER),
    get('/offers.csv', (request, reply) => downloadOfferList(deps, request, reply), COMMISSIONER),
    get('/offers/new', (request, reply) => showNewOffer(deps, request, reply), COMMISSIONER),
    post('/offers/new', (request, reply) => submitNewOffer(deps, request, reply), COMMISSIONER),
  ]);
}
