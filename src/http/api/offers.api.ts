/** Offers over the API (issue #4 item 8): public reads of published offers with protocol and prices; commissioners open, shape, price and publish them. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { offerInFull, visibleOffers } from '../../domains/offers/offer-view.service.ts';
import { amendSpecification, changeCoverage, changeOfferDetails, openOffer } from '../../domains/offers/offer.service.ts';
import { changeOfferStatus, saveOfferProtocol, setPriceSchedule } from '../../domains/offers/offer-terms.service.ts';
import { isOfferStatus, OFFER_STATUSES } from '../../domains/offers/offer-status.rules.ts';
import { scheduleOn } from '../../domains/offers/price-schedule.rules.ts';
import { isSpecificationSection } from '../../domains/offers/specification-amendments.rules.ts';
import { DomainError, validationFailed } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';
import { DetailsBody, OfferJson, offerJson, Schedule, ScheduleBody } from './offer.schemas.ts';
import { problemResponses } from './schemas.ts';

const COMMISSIONER = { roles: ['commissioner'] as const };
const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
const NoContent = { 204: Type.Null(), ...problemResponses };

export function registerOfferApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/offers',
    {
      schema: {
        tags: ['offers'],
        summary:
          'Offers with their referral protocol and price schedules (public ones for everyone; a commissioner also sees its own drafts)',
        querystring: Type.Object({
          service: Type.Optional(Type.String({ maxLength: 80 })),
          commissioner: Type.Optional(Type.String({ maxLength: 10 })),
          status: Type.Optional(Type.String({ maxLength: 20 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(OfferJson) }), ...problemResponses },
      },
    },
    async (request) => {
      const { service, commissioner, status } = request.query;
      if (status !== undefined && !isOfferStatus(status))
        throw validationFailed([{ field: 'status', message: `Status must be one of: ${OFFER_STATUSES.join(', ')}` }]);
      const offers = await visibleOffers(deps, request.principal ?? null, {
        serviceCode: service,
        commissionerOdsCode: commissioner,
        statuses: status ? [status] : undefined,
      });
      return { items: offers.map((offer) => offerJson(offer, { withHistory: false })) };
    },
  );

  app.get(
    '/api/v1/offers/:id',
    {
      schema: {
        tags: ['offers'],
        summary: 'One offer with its status history',
        params: Id,
        response: { 200: OfferJson, ...problemResponses },
      },
    },
    async (request) => offerJson(await offerInFull(deps, request.principal ?? null, request.params.id), { withHistory: true }),
  );

  app.get(
    '/api/v1/offers/:id/prices',
    {
      schema: {
        tags: ['offers'],
        summary: 'The price schedule in force on a date (today when no date is given)',
        params: Id,
        querystring: Type.Object({ on: Type.Optional(Type.String({ maxLength: 10 })) }),
        response: {
          200: Type.Object({ on: Type.String(), ...Schedule.properties }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const on = request.query.on ?? deps.clock.today();
      if (!isIsoDate(on)) throw validationFailed([{ field: 'on', message: 'Give the date as YYYY-MM-DD' }]);
      const { schedules } = await offerInFull(deps, request.principal ?? null, request.params.id);
      const schedule = scheduleOn(schedules, on);
      if (!schedule) throw new DomainError('not-found', `The offer has no prices in force on ${on}`);
      return { on, ...schedule };
    },
  );

  app.post(
    '/api/v1/offers',
    {
      config: COMMISSIONER,
      schema: {
        tags: ['offers'],
        summary: 'Open a draft offer from a service’s implementation pack',
        body: Type.Object({
          serviceCode: Type.String({ maxLength: 80 }),
          packVersion: Type.Optional(Type.Integer()),
          title: Type.Optional(Type.String({ maxLength: 400 })),
          summary: Type.Optional(Type.String({ maxLength: 4000 })),
          coverage: Type.Array(Type.String({ maxLength: 10 }), { maxItems: 50 }),
        }),
        response: { 201: Type.Object({ id: Type.String() }), ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openOffer(deps, request.actionContext(), { ...request.body, title: request.body.title ?? '' })),
  );

  app.put(
    '/api/v1/offers/:id',
    {
      config: COMMISSIONER,
      schema: {
        tags: ['offers'],
        summary: 'Set a draft offer’s title, contract term and qualification window',
        params: Id,
        body: DetailsBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await changeOfferDetails(deps, request.actionContext(), request.params.id, {
        ...request.body,
        summary: request.body.summary ?? '',
        windowCloses: request.body.windowCloses ?? null,
      });
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/offers/:id/coverage',
    {
      config: COMMISSIONER,
      schema: {
        tags: ['offers'],
        summary: 'Set the commissioners a draft offer covers (ODS codes)',
        params: Id,
        body: Type.Object({ coverage: Type.Array(Type.String({ maxLength: 10 }), { maxItems: 50 }) }),
        response: NoContent,
      },
    },
    async (request, reply) => {
      await changeCoverage(deps, request.actionContext(), request.params.id, request.body.coverage);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/offers/:id/amendments',
    {
      config: COMMISSIONER,
      schema: {
        tags: ['offers'],
        summary: 'Set local amendments to the pack’s specification, each with its reason',
        params: Id,
        body: Type.Object({
          amendments: Type.Array(
            Type.Object({
              section: Type.String({ maxLength: 40 }),
              text: Type.String({ maxLength: 9000 }),
              reason: Type.String({ maxLength: 2000 }),
            }),
            { maxItems: 5 },
          ),
        }),
        response: { 200: Type.Object({ amended: Type.Integer() }), ...problemResponses },
      },
    },
    async (request) => {
      const unknown = request.body.amendments.find((amendment) => !isSpecificationSection(amendment.section));
      if (unknown) throw validationFailed([{ field: 'section', message: `${unknown.section} is not a specification section` }]);
      return amendSpecification(deps, request.actionContext(), request.params.id, request.body.amendments as never);
    },
  );

  app.put(
    '/api/v1/offers/:id/protocol',
    {
      config: COMMISSIONER,
      schema: {
        tags: ['offers'],
        summary: 'Save a new version of the offer’s referral protocol (validated; nothing is saved when invalid)',
        params: Id,
        body: Type.Unknown(),
        response: { 200: Type.Object({ version: Type.Integer() }), ...problemResponses },
      },
    },
    async (request) => saveOfferProtocol(deps, request.actionContext(), request.params.id, request.body),
  );

  app.post(
    '/api/v1/offers/:id/prices',
    {
      config: COMMISSIONER,
      schema: {
        tags: ['offers'],
        summary:
          'Add a price schedule per currency and complexity band, with DNA payment per currency; published offers change price at most once a financial year',
        params: Id,
        body: ScheduleBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await setPriceSchedule(deps, request.actionContext(), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/offers/:id/status',
    {
      config: COMMISSIONER,
      schema: {
        tags: ['offers'],
        summary: 'Move the offer along its lifecycle: published, open, closed or withdrawn',
        params: Id,
        body: Type.Object({ status: Type.Enum(OFFER_STATUSES), reason: Type.Optional(Type.String({ maxLength: 2000 })) }),
        response: NoContent,
      },
    },
    async (request, reply) => {
      await changeOfferStatus(deps, request.actionContext(), request.params.id, request.body.status, request.body.reason ?? '');
      return reply.status(204).send(null);
    },
  );
}
