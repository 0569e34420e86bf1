/** The AQP map as open data: which commissioners offer which services, with national uptake figures. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { REFUSAL_GROUNDS } from '../../domains/applications/application-status.rules.ts';
import type { Deps } from '../../domains/deps.ts';
import { applicationsOfService, publishedApplicationsFor } from '../../domains/map/map-applications.rules.ts';
import { COUNTED_OFFER_STATUSES, filterMatrix, servicesOfferedBy } from '../../domains/map/map.rules.ts';
import { buildAqpMap } from '../../domains/map/map.service.ts';
import { DATA_ATTRIBUTION } from '../../domains/reference/attribution.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const applicationFields = {
  received: Type.Integer({ description: 'Applications submitted (drafts are not counted)' }),
  qualified: Type.Integer(),
  inAssessment: Type.Integer({ description: 'Submitted or waiting for a clarification answer' }),
  refused: Type.Object(Object.fromEntries(REFUSAL_GROUNDS.map((ground) => [ground, Type.Integer()])), {
    description: 'Applications not qualified, by the ground of refusal',
  }),
};
const SUPPRESSION =
  'Small-number suppression: when any ground of refusal has 1 to 4 applications for this commissioner and service, all four grounds are null and `suppressed` is true ' +
  '(zeros and larger counts too, so the small one cannot be worked out from the others and the total); zero is never suppressed on its own account';
const commissionerApplicationFields = {
  ...applicationFields,
  refused: Type.Object(Object.fromEntries(REFUSAL_GROUNDS.map((ground) => [ground, Type.Union([Type.Integer(), Type.Null()])])), {
    description: `Applications not qualified, by the ground of refusal. ${SUPPRESSION}`,
  }),
  refusedTotal: Type.Integer({
    description: 'Applications not qualified on any ground (received less qualified less in assessment); never suppressed',
  }),
  suppressed: Type.Boolean({ description: 'True when the refusals by ground are withheld (null) under small-number suppression' }),
};
const MapResponse = Type.Object({
  countedOfferStatuses: Type.Array(Type.String(), { description: 'Offer statuses that put a commissioner on the map' }),
  services: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      commissioners: Type.Integer({ description: 'How many commissioners offer it' }),
      applications: Type.Object(applicationFields, {
        description: 'Applications to qualify for its counted offers nationally, each counted once',
      }),
    }),
  ),
  commissioners: Type.Array(
    Type.Object({
      odsCode: NullableString,
      name: Type.String(),
      icb: Type.Union([Type.Object({ odsCode: NullableString, name: Type.String() }), Type.Null()]),
      latitude: NullableNumber,
      longitude: NullableNumber,
      services: Type.Array(Type.String(), { description: 'Codes of the services it offers' }),
      offers: Type.Array(Type.Object({ service: Type.String(), offerId: Type.String({ format: 'uuid' }) })),
      applications: Type.Array(Type.Object({ service: Type.String(), ...commissionerApplicationFields }), {
        description: `Per service it offers: applications to the offers covering it (an offer covering several commissioners counts for each); counts only, no provider named. ${SUPPRESSION}`,
      }),
    }),
  ),
  uptake: Type.Object({
    totalCommissioners: Type.Integer(),
    commissionersOfferingAny: Type.Integer(),
    commissionersOfferingNone: Type.Integer(),
    servicesOffered: Type.Integer(),
  }),
  attribution: Type.Array(Type.String()),
});

export function registerMapApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/map',
    {
      schema: {
        tags: ['map'],
        summary:
          'Which commissioners offer which services (published, open and closed offers), with national uptake (open data, no key needed)',
        querystring: Type.Object({
          service: Type.Optional(Type.String({ maxLength: 80, description: 'Only commissioners offering this service code' })),
          icb: Type.Optional(Type.String({ maxLength: 12, description: 'Only commissioners under this ICB (ODS code)' })),
        }),
        response: { 200: MapResponse, 400: Type.Ref('Problem') },
      },
    },
    async (request) => {
      const map = await buildAqpMap(deps);
      const { rows } = filterMatrix(map.services, map.commissioners, map.uptake, {
        service: request.query.service,
        icb: request.query.icb?.toUpperCase(),
      });
      const { byService, ...totals } = map.uptake;
      return {
        countedOfferStatuses: [...COUNTED_OFFER_STATUSES],
        services: byService.map(({ code, name, commissioners }) => ({
          code,
          name,
          commissioners,
          applications: applicationsOfService(map.applicationsByService, code),
        })),
        commissioners: rows.map((row) => ({
          odsCode: row.odsCode,
          name: row.name,
          icb: row.icb,
          latitude: row.latitude,
          longitude: row.longitude,
          services: servicesOfferedBy(row),
          offers: row.offers.map((offer) => ({ service: offer.serviceCode, offerId: offer.offerId })),
          applications: servicesOfferedBy(row).map((service) => ({ service, ...publishedApplicationsFor(row, service, map.applications) })),
        })),
        uptake: totals,
        attribution: [...DATA_ATTRIBUTION],
      };
    },
  );
}
