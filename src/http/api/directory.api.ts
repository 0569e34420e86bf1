/** The public directory as open data (PRODUCT.md §3.4): no key needed; the same services as the pages. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { directoryProvider } from '../../domains/directory/directory-provider.service.ts';
import { type DirectoryResult, searchDirectory } from '../../domains/directory/directory.service.ts';
import { SerialisedOnce } from './serialised-once.ts';
import { MIN_REFERRALS_FOR_WAIT, WAIT_WINDOW_DAYS } from '../../domains/provider-quality/waits.rules.ts';
import { PageQuery, problemResponses } from './schemas.ts';
import { MeasuredQualityProperties } from './published-quality.schema.ts';

/** Kept for clients of the first version of the directory API: what the directory still does not publish. */
const NOT_PUBLISHED =
  'Complaints, serious incidents and other quality returns go to the commissioner and are not published in the directory.';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Wait = Type.Object({
  workingDays: Nullable(
    Type.Integer({
      description: `Median working days from sent to accepted over the last ${WAIT_WINDOW_DAYS} days; null with fewer than ${MIN_REFERRALS_FOR_WAIT} accepted referrals`,
    }),
  ),
  basedOn: Type.Integer({ description: 'Accepted referrals the figure rests on' }),
});
const Quality = Type.Object({
  cqcStatus: Nullable(Type.String()),
  registeredWith: Nullable(
    Type.String({
      description:
        'Where CQC registration does not apply: the regulator (HCPC, GOC, GPhC, GOsC, GCC, GDC, NMC or GMC) of the verified, in-date registration held instead',
    }),
  ),
  assuranceVerified: Type.Boolean({ description: 'Every current assurance record verified and in date' }),
  contractStart: Nullable(Type.String({ format: 'date', description: 'AQP provider for this service since' })),
  ...MeasuredQualityProperties,
});
const Site = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  address: Nullable(Type.String()),
  postcode: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  deliveryMode: Type.String(),
  accessibility: Type.String(),
  phone: Nullable(Type.String()),
  openingTimes: Type.Array(Type.Object({ day: Type.String(), opens: Type.String(), closes: Type.String() }), {
    description: 'Days not listed are closed',
  }),
});
const Provider = Type.Object({ id: Type.String({ format: 'uuid' }), odsCode: Nullable(Type.String()), name: Type.String() });
const FirstAppointmentWait = Type.Object({
  workingDays: Nullable(
    Type.Integer({
      description: `Median working days from sent to the first attended appointment, over patients first seen in the last ${WAIT_WINDOW_DAYS} days; null with fewer than ${MIN_REFERRALS_FOR_WAIT}`,
    }),
  ),
  basedOn: Type.Integer({ description: 'Patients first seen that the figure rests on' }),
});
const Entry = Type.Object({
  listingId: Type.String({ format: 'uuid' }),
  provider: Provider,
  site: Site,
  distanceKm: Type.Number(),
  distanceMiles: Type.Number(),
  wait: Wait,
  firstAppointmentWait: FirstAppointmentWait,
  quality: Quality,
});
const NotMeasured = Type.String({
  description: 'What the directory does not publish (measured quality is in each quality object)',
  default: NOT_PUBLISHED,
  deprecated: true,
});

const DirectoryResponse = Type.Object({
  service: Type.Object({ code: Type.String(), name: Type.String() }),
  place: Type.Object({
    kind: Type.Union([Type.Literal('postcode'), Type.Literal('district')]),
    label: Type.String(),
    latitude: Type.Number(),
    longitude: Type.Number(),
  }),
  commissioner: Type.Object({
    odsCode: Type.String(),
    name: Type.String(),
    areaName: Type.String({ description: 'The area it serves in the words patients use, e.g. Calderdale' }),
    method: Type.String(),
    explanation: Type.String(),
  }),
  eligibility: Nullable(Type.String({ description: 'Who the offer is for, in plain words' })),
  gpAreasNearby: Type.Array(Type.String(), {
    description: 'Other areas whose GP surgeries are among the nearest: a GP referral goes by the GP surgery’s area',
  }),
  offer: Nullable(
    Type.Object({ id: Type.String({ format: 'uuid' }), reference: Type.String(), title: Type.String(), status: Type.String() }),
  ),
  notice: Nullable(
    Type.Object({ code: Type.Union([Type.Literal('not-commissioned'), Type.Literal('no-live-providers')]), message: Type.String() }),
  ),
  providers: Type.Integer(),
  items: Type.Array(Entry),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
  notMeasured: NotMeasured,
});

const ProviderResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  odsCode: Nullable(Type.String()),
  name: Type.String(),
  providerType: Type.String(),
  website: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  description: Type.String(),
  services: Type.Array(
    Type.Object({
      listingId: Type.String({ format: 'uuid' }),
      service: Type.Object({ code: Type.String(), name: Type.String() }),
      offer: Type.Object({ reference: Type.String(), title: Type.String() }),
      commissioners: Type.Array(Type.Object({ odsCode: Nullable(Type.String()), name: Type.String(), areaName: Type.String() })),
      eligibility: Nullable(Type.String()),
      sites: Type.Array(Site),
      wait: Wait,
      firstAppointmentWait: FirstAppointmentWait,
      quality: Quality,
    }),
  ),
  notMeasured: NotMeasured,
});

/** The open directory API: search by service and postcode, and provider pages, with no key. */
export function registerDirectoryApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const searches = new SerialisedOnce<DirectoryResult>();

  app.get(
    '/api/v1/directory',
    {
      schema: {
        tags: ['directory'],
        summary:
          'Every live site of every live provider for the commissioner responsible for a postcode or district, nearest first (open data, no key needed)',
        querystring: Type.Object({
          service: Type.String({ maxLength: 80, description: 'Service code from the national catalogue, e.g. adult-hearing' }),
          postcode: Type.String({ maxLength: 10, description: 'A full postcode (HX6 3AB) or a district (HX6)' }),
          ...PageQuery.properties,
        }),
        response: { 200: DirectoryResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { service, postcode, page, pageSize } = request.query;
      const answer = await searchDirectory(deps, { service, postcode, page: page ?? 1, pageSize: pageSize ?? 50 });
      return searches.send(reply, answer, (held) => ({ ...held, notMeasured: NOT_PUBLISHED }));
    },
  );

  app.get(
    '/api/v1/directory/providers/:code',
    {
      schema: {
        tags: ['directory'],
        summary:
          'A provider with live AQP services, by ODS code or id: each service with its commissioners, wait, quality and sites (open data, no key needed)',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        response: { 200: ProviderResponse, ...problemResponses },
      },
    },
    async (request) => ({ ...(await directoryProvider(deps, request.params.code)), notMeasured: NOT_PUBLISHED }),
  );
}
