/** Open reference data over the API: postcodes (with the responsible commissioner by residence) and organisations by ODS code. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { organisationByOdsCode } from '../../domains/reference/organisation-lookup.service.ts';
import { lookupPostcode } from '../../domains/reference/postcode.service.ts';
import { responsibleForResidence } from '../../domains/reference/responsible-commissioner.service.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const CommissionerRef = Type.Object({
  odsCode: Type.String(),
  name: Type.String(),
  areaName: Type.String({ description: 'The area it serves in the words patients use, e.g. Calderdale' }),
});
const OrganisationRef = Type.Object({ odsCode: Nullable(Type.String()), name: Type.String(), odsType: Nullable(Type.String()) });
const notFound = { 404: Type.Ref('Problem') };

export function registerReferenceApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/postcodes/:postcode',
    {
      schema: {
        tags: ['reference data'],
        summary: 'A postcode’s coordinates and the commissioner responsible for a resident (open data, no key needed)',
        params: Type.Object({ postcode: Type.String({ maxLength: 16 }) }),
        response: {
          200: Type.Object({
            postcode: Type.String(),
            latitude: Type.Number(),
            longitude: Type.Number(),
            countryCode: Nullable(Type.String()),
            localAuthorityCode: Nullable(Type.String()),
            responsibleCommissioner: Type.Union([
              Type.Object({
                subIcb: CommissionerRef,
                icb: Type.Union([CommissionerRef, Type.Null()]),
                method: Type.String(),
                explanation: Type.String(),
              }),
              Type.Null(),
            ]),
          }),
          400: Type.Ref('Problem'),
          ...notFound,
        },
      },
    },
    async (request) => {
      const postcode = await lookupPostcode(deps, request.params.postcode);
      const responsible = await responsibleForResidence(deps, postcode);
      return {
        postcode: postcode.postcode,
        latitude: postcode.latitude,
        longitude: postcode.longitude,
        countryCode: postcode.countryCode,
        localAuthorityCode: postcode.localAuthorityCode,
        responsibleCommissioner: responsible,
      };
    },
  );

  app.get(
    '/api/v1/organisations/:odsCode',
    {
      schema: {
        tags: ['reference data'],
        summary: 'An organisation by ODS code with its parents (sub-ICB, ICB, region) and open and close dates',
        params: Type.Object({ odsCode: Type.String({ maxLength: 12 }) }),
        response: {
          200: Type.Object({
            odsCode: Nullable(Type.String()),
            name: Type.String(),
            kind: Type.String(),
            odsType: Nullable(Type.String()),
            address: Nullable(Type.String()),
            postcode: Nullable(Type.String()),
            latitude: NullableNumber,
            longitude: NullableNumber,
            openDate: Nullable(Type.String()),
            closeDate: Nullable(Type.String()),
            status: Nullable(Type.String()),
            parents: Type.Array(OrganisationRef),
            subIcb: Type.Union([OrganisationRef, Type.Null()]),
            icb: Type.Union([OrganisationRef, Type.Null()]),
          }),
          ...notFound,
        },
      },
    },
    async (request) => {
      const organisation = await organisationByOdsCode(deps, request.params.odsCode);
      const { id: _id, geoPrecision: _precision, regionCode: _region, ...rest } = organisation;
      return {
        ...rest,
        subIcb: organisation.parents.find((parent) => parent.odsType === 'sub-icb') ?? null,
        icb: organisation.parents.find((parent) => parent.odsType === 'icb') ?? null,
      };
    },
  );
}
