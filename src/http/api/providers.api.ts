/** Providers over the API: register, keep the profile and sites; the assurance routes are in assurance.api.ts. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../domains/deps.ts';
import { WEEKDAYS } from '../../domains/providers/opening-times.rules.ts';
import { PROVIDER_TYPES } from '../../domains/providers/provider-profile.rules.ts';
import { changeProfile, ownProfile } from '../../domains/providers/provider-profile.service.ts';
import { registerProvider } from '../../domains/providers/provider-registration.service.ts';
import type { ProviderSite } from '../../domains/providers/provider-site.repo.ts';
import { DELIVERY_MODES, type SiteInput } from '../../domains/providers/provider-site.rules.ts';
import { addSite, changeSite, closeSite, ownSites } from '../../domains/providers/provider-site.service.ts';
import { REGISTRATIONS_PER_TEN_MINUTES } from '../web/providers/registration.ts';
import { registerAssuranceApi } from './assurance.api.ts';
import { problemResponses } from './schemas.ts';

const PEOPLE = { roles: ['provider-admin', 'provider-clinician'] as const };
const ADMIN = { roles: ['provider-admin'] as const };
const NoContent = { 204: Type.Null(), ...problemResponses };
const Text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

const ProfileBody = Type.Object({
  name: Type.String({ maxLength: 400 }),
  providerType: Type.String({ maxLength: 40, description: PROVIDER_TYPES.join(' | ') }),
  companiesHouseNumber: Text(20),
  charityNumber: Text(20),
  website: Text(400),
  phone: Text(40),
  email: Type.String({ maxLength: 320 }),
  description: Text(8000),
});
const ProfileJson = Type.Object({
  organisationId: Type.String(),
  odsCode: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  providerType: Type.Enum(PROVIDER_TYPES),
  companiesHouseNumber: Type.Union([Type.String(), Type.Null()]),
  charityNumber: Type.Union([Type.String(), Type.Null()]),
  website: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  description: Type.String(),
  nhsTurnoverUnder10m: Type.Union([Type.Boolean(), Type.Null()]),
});
const Hours = Type.Object({
  day: Type.String({ maxLength: 12, description: WEEKDAYS.join(' | ') }),
  opens: Type.String({ maxLength: 5 }),
  closes: Type.String({ maxLength: 5 }),
});
const SiteBody = Type.Object({
  name: Type.String({ maxLength: 400 }),
  siteCode: Text(20),
  address: Type.String({ maxLength: 1000 }),
  postcode: Type.String({ maxLength: 10 }),
  deliveryMode: Type.String({ maxLength: 20, description: DELIVERY_MODES.join(' | ') }),
  accessibility: Text(4000),
  openingTimes: Type.Optional(Type.Array(Hours, { maxItems: 7, description: 'Days not listed are closed' })),
  phone: Text(40),
});
const SiteJson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  siteCode: Type.Union([Type.String(), Type.Null()]),
  address: Type.String(),
  postcode: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  deliveryMode: Type.Enum(DELIVERY_MODES),
  accessibility: Type.String(),
  openingTimes: Type.Array(Hours),
  phone: Type.Union([Type.String(), Type.Null()]),
  closedOn: Type.Union([Type.String(), Type.Null()]),
});

function siteInput(body: {
  name: string;
  siteCode?: string;
  address: string;
  postcode: string;
  deliveryMode: string;
  accessibility?: string;
  openingTimes?: { day: string; opens: string; closes: string }[];
  phone?: string;
}): SiteInput {
  return {
    ...body,
    siteCode: body.siteCode ?? '',
    accessibility: body.accessibility ?? '',
    openingTimes: body.openingTimes ?? [],
    phone: body.phone ?? '',
  };
}

function siteJson(site: ProviderSite) {
  const { organisationId: _organisation, ...rest } = site;
  return rest;
}

export function registerProviderApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/provider-registrations',
    {
      config: { rateLimit: { max: REGISTRATIONS_PER_TEN_MINUTES, timeWindow: '10 minutes' } },
      schema: {
        tags: ['providers'],
        summary: 'Register a provider organisation with its profile and first provider administrator (public, rate-limited)',
        security: [],
        body: Type.Object({
          ...ProfileBody.properties,
          odsCode: Text(10),
          admin: Type.Object({
            displayName: Type.String({ maxLength: 200 }),
            email: Type.String({ maxLength: 320 }),
            password: Type.String({ maxLength: 200 }),
          }),
        }),
        response: { 201: Type.Object({ organisationId: Type.String(), userId: Type.String() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const registered = await registerProvider(deps, request.actionContext(), {
        name: body.name,
        providerType: body.providerType,
        companiesHouseNumber: body.companiesHouseNumber ?? '',
        charityNumber: body.charityNumber ?? '',
        website: body.website ?? '',
        phone: body.phone ?? '',
        email: body.email,
        description: body.description ?? '',
        odsCode: body.odsCode ?? '',
        admin: body.admin,
      });
      return reply.status(201).send(registered);
    },
  );

  app.get(
    '/api/v1/provider/profile',
    {
      config: PEOPLE,
      schema: { tags: ['providers'], summary: 'Your provider’s profile', response: { 200: ProfileJson, ...problemResponses } },
    },
    async (request) => {
      const { updatedAt: _updated, ...profile } = await ownProfile(deps, request.actionContext());
      return profile;
    },
  );

  app.put(
    '/api/v1/provider/profile',
    { config: ADMIN, schema: { tags: ['providers'], summary: 'Replace your provider’s profile', body: ProfileBody, response: NoContent } },
    async (request, reply) => {
      const body = request.body;
      await changeProfile(deps, request.actionContext(), {
        ...body,
        companiesHouseNumber: body.companiesHouseNumber ?? '',
        charityNumber: body.charityNumber ?? '',
        website: body.website ?? '',
        phone: body.phone ?? '',
        description: body.description ?? '',
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/provider/sites',
    {
      config: PEOPLE,
      schema: {
        tags: ['providers'],
        summary: 'Your provider’s sites, open and closed',
        response: { 200: Type.Object({ items: Type.Array(SiteJson) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await ownSites(deps, request.actionContext())).map(siteJson) }),
  );

  app.post(
    '/api/v1/provider/sites',
    {
      config: ADMIN,
      schema: {
        tags: ['providers'],
        summary: 'Add a site at a real, live postcode',
        body: SiteBody,
        response: { 201: Type.Object({ id: Type.String() }), ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addSite(deps, request.actionContext(), siteInput(request.body))),
  );

  app.put(
    '/api/v1/provider/sites/:id',
    {
      config: ADMIN,
      schema: {
        tags: ['providers'],
        summary: 'Change an open site',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        body: SiteBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await changeSite(deps, request.actionContext(), request.params.id, siteInput(request.body));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/provider/sites/:id/close',
    {
      config: ADMIN,
      schema: {
        tags: ['providers'],
        summary: 'Close a site from today',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        response: NoContent,
      },
    },
    async (request, reply) => {
      await closeSite(deps, request.actionContext(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  registerAssuranceApi(scope, deps);
}
