/** A commissioner's offers, and opening a new one from a service's implementation pack. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { coverageChoices } from '../../../domains/offers/offer-coverage.ts';
import { offersLedBy } from '../../../domains/offers/offer-view.service.ts';
import { openOffer, servicesToOffer } from '../../../domains/offers/offer.service.ts';
import { field, type FormErrors, validationErrorsOf } from '../form.ts';
import { statusTag } from './offer.presenter.ts';
import { COMMISSIONER } from './offer-page.ts';
import { fieldList } from './protocol-form.ts';

type OfferableService = Awaited<ReturnType<typeof servicesToOffer>>[number];

/** A service as a radio: the pack version it would adopt, and whether it is the commissioner's own local service. */
function serviceItem(service: OfferableService) {
  const version = service.currentPackVersion;
  const hint = service.local ? `Your local service, approved by your region: local implementation pack version ${version}` : `Implementation pack version ${version}`;
  return { value: service.code, text: service.name, hint: { text: hint } };
}

export function registerOfferList(app: FastifyInstance, deps: Deps): void {
  app.get('/offers', COMMISSIONER, async (request, reply) => {
    const offers = await offersLedBy(deps, request.principal!.organisationId);
    return reply.render('pages/offers/offers.njk', {
      pageTitle: 'Your AQP offers', columnClass: 'nhsuk-grid-column-full',
      offers: offers.map((offer) => ({ ...offer, tag: statusTag(offer.status), coverageText: offer.coverage.map((c) => c.odsCode ?? c.name).join(', ') })),
    });
  });

  const renderNew = async (reply: FastifyReply, organisationId: string, values: { serviceCode: string; title: string; coverage: string[] }, status = 200, errors?: FormErrors) => {
    const services = await servicesToOffer(deps, organisationId);
    const commissioners = await coverageChoices(deps, organisationId);
    return reply.status(status).render('pages/offers/new.njk', {
      pageTitle: `${errors ? 'Error: ' : ''}Open an AQP offer`, values, ...errors,
      serviceItems: services.map(serviceItem),
      coverageItems: commissioners.map((c) => ({ value: c.odsCode ?? '', text: `${c.name}${c.odsCode ? ` (${c.odsCode})` : ''}`, checked: values.coverage.includes(c.odsCode ?? '') })),
    });
  };

  app.get('/offers/new', COMMISSIONER, async (request, reply) => {
    const service = typeof (request.query as { service?: unknown }).service === 'string' ? (request.query as { service: string }).service : '';
    return renderNew(reply, request.principal!.organisationId, { serviceCode: service, title: '', coverage: [] });
  });

  app.post('/offers/new', COMMISSIONER, async (request, reply) => {
    const values = { serviceCode: field(request.body, 'serviceCode'), title: field(request.body, 'title'), coverage: fieldList(request.body, 'coverage') };
    try {
      const { id } = await openOffer(deps, request.actionContext(), values);
      request.session.flash = 'Your draft offer has been opened from the service’s implementation pack. Set its details, protocol and prices, then publish it.';
      return reply.redirect(`/offers/${id}`, 303);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      return renderNew(reply, request.principal!.organisationId, values, 400, errors);
    }
  });
}
