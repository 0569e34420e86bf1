/** Listings over the API (issue #5): the live providers of an offer (public), and the contract, suspension and compliance actions the pages use (messages are in messages.api.ts). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { runCompliance } from '../../domains/compliance/compliance-run.service.ts';
import { complianceRuleOf, setComplianceRule } from '../../domains/compliance/compliance-rule.service.ts';
import { liftSuspension } from '../../domains/compliance/suspension-lift.service.ts';
import type { Deps } from '../../domains/deps.ts';
import { isListingStatus, LISTING_STATUSES } from '../../domains/listings/listing-lifecycle.rules.ts';
import { liveProvidersOf, listingsFor, listingWithHistory, offerSeenBy } from '../../domains/listings/listing-read.service.ts';
import type { ListingView } from '../../domains/listings/listing-view.repo.ts';
import { acceptContract, goLive, suspendListing, terminateListing } from '../../domains/listings/listing.service.ts';
import { validationFailed } from '../../lib/errors.ts';
import { problemResponses } from './schemas.ts';

const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
const Site = Type.Object({
  name: Type.String(),
  siteCode: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  postcode: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  deliveryMode: Type.String(),
});
const Listing = Type.Object({
  id: Type.String(),
  status: Type.Enum(LISTING_STATUSES),
  contractStart: Type.Union([Type.String(), Type.Null()]),
  contractEnd: Type.Union([Type.String(), Type.Null()]),
  offer: Type.Object({ id: Type.String(), reference: Type.String(), title: Type.String(), serviceCode: Type.String() }),
  provider: Type.Object({ odsCode: Type.Union([Type.String(), Type.Null()]), name: Type.String() }),
  sites: Type.Array(Site),
});
const Reason = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) });
const NoContent = { 204: Type.Null(), ...problemResponses };

const listingJson = (listing: ListingView) => ({
  id: listing.id,
  status: listing.status,
  contractStart: listing.contractStart,
  contractEnd: listing.contractEnd,
  offer: { id: listing.offer.id, reference: listing.offer.reference, title: listing.offer.title, serviceCode: listing.offer.serviceCode },
  provider: { odsCode: listing.provider.odsCode, name: listing.provider.name },
  sites: listing.sites.map(({ id: _id, ...site }) => site),
});

export function registerListingApi(scope: FastifyInstance, deps: Deps): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const ok = (reply: { status(code: number): { send(body: null): unknown } }) => reply.status(204).send(null);

  app.get(
    '/api/v1/offers/:id/providers',
    {
      schema: {
        tags: ['listings'],
        summary: 'The live providers of an offer with their sites and coordinates (suspended providers are never listed)',
        params: Id,
        response: { 200: Type.Object({ items: Type.Array(Listing) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await liveProvidersOf(deps, request.principal ?? null, request.params.id)).map(listingJson) }),
  );

  app.get(
    '/api/v1/listings',
    {
      config: { roles: ['provider-admin', 'provider-clinician', 'commissioner', 'assessor'] as const },
      schema: {
        tags: ['listings'],
        summary: 'Your listings as a provider, or the listings on offers your organisation leads',
        querystring: Type.Object({
          status: Type.Optional(Type.String({ maxLength: 20 })),
          offer: Type.Optional(Type.String({ maxLength: 40 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Listing) }), ...problemResponses },
      },
    },
    async (request) => {
      const { status, offer } = request.query;
      if (status !== undefined && !isListingStatus(status))
        throw validationFailed([{ field: 'status', message: `Status must be one of: ${LISTING_STATUSES.join(', ')}` }]);
      return {
        items: (await listingsFor(deps, request.principal!, { statuses: status ? [status] : undefined, offerId: offer })).map(listingJson),
      };
    },
  );

  app.get(
    '/api/v1/listings/:id',
    {
      config: { roles: ['provider-admin', 'provider-clinician', 'commissioner', 'assessor'] as const },
      schema: {
        tags: ['listings'],
        summary: 'One listing with its append-only history',
        params: Id,
        response: {
          200: Type.Object({
            listing: Listing,
            history: Type.Array(
              Type.Object({
                from: Type.Union([Type.String(), Type.Null()]),
                to: Type.String(),
                reason: Type.String(),
                at: Type.String(),
                by: Type.String(),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { listing, history } = await listingWithHistory(deps, request.principal!, request.params.id);
      return {
        listing: listingJson(listing),
        history: history.map((h) => ({
          from: h.fromStatus,
          to: h.toStatus,
          reason: h.reason,
          at: h.changedAt.toISOString(),
          by: h.changedBy,
        })),
      };
    },
  );

  app.post(
    '/api/v1/listings/:id/contract',
    {
      config: { roles: ['provider-admin'] as const },
      schema: {
        tags: ['listings'],
        summary: 'Accept the NHS Standard Contract from a start date; the sites go live on that date',
        params: Id,
        body: Type.Object({ contractStart: Type.String({ maxLength: 10 }) }),
        response: { 200: Type.Object({ status: Type.String() }), ...problemResponses },
      },
    },
    async (request) => acceptContract(deps, request.actionContext(), request.params.id, request.body),
  );

  app.post(
    '/api/v1/listings/:id/live',
    {
      config: { roles: ['commissioner'] as const },
      schema: {
        tags: ['listings'],
        summary: 'Put a contracted listing live (refused before its contract start date)',
        params: Id,
        response: NoContent,
      },
    },
    async (request, reply) => (await goLive(deps, request.actionContext(), request.params.id), ok(reply)),
  );

  app.post(
    '/api/v1/listings/:id/suspension',
    {
      config: { roles: ['commissioner'] as const },
      schema: {
        tags: ['listings'],
        summary: 'Suspend a listing: the provider leaves choice lists at once',
        params: Id,
        body: Reason,
        response: NoContent,
      },
    },
    async (request, reply) => (
      await suspendListing(deps, request.actionContext(), request.params.id, request.body.reason ?? ''),
      ok(reply)
    ),
  );

  app.post(
    '/api/v1/listings/:id/reinstatement',
    {
      config: { roles: ['commissioner'] as const },
      schema: {
        tags: ['listings'],
        summary: 'Lift a suspension (refused while the cause remains)',
        params: Id,
        body: Reason,
        response: { 200: Type.Object({ status: Type.String() }), ...problemResponses },
      },
    },
    async (request) => liftSuspension(deps, request.actionContext(), request.params.id, request.body.reason ?? ''),
  );

  app.post(
    '/api/v1/listings/:id/termination',
    {
      config: { roles: ['commissioner'] as const },
      schema: {
        tags: ['listings'],
        summary: 'End a listing for good (the provider may re-qualify)',
        params: Id,
        body: Reason,
        response: NoContent,
      },
    },
    async (request, reply) => (
      await terminateListing(deps, request.actionContext(), request.params.id, request.body.reason ?? ''),
      ok(reply)
    ),
  );

  const Rule = Type.Object({ suspendOnExpiredEvidence: Type.Boolean(), graceDays: Type.Integer(), suspendOnCqcLoss: Type.Boolean() });
  app.get(
    '/api/v1/offers/:id/compliance-rule',
    {
      schema: {
        tags: ['listings'],
        summary: 'When the offer’s listings are suspended for assurance problems',
        params: Id,
        response: { 200: Rule, ...problemResponses },
      },
    },
    async (request) => {
      const offer = await offerSeenBy(deps, request.principal ?? null, request.params.id);
      return complianceRuleOf(deps, offer.id);
    },
  );
  app.put(
    '/api/v1/offers/:id/compliance-rule',
    {
      config: { roles: ['commissioner'] as const },
      schema: {
        tags: ['listings'],
        summary: 'Set when the offer’s listings are suspended for assurance problems',
        params: Id,
        body: Rule,
        response: NoContent,
      },
    },
    async (request, reply) => (await setComplianceRule(deps, request.actionContext(), request.params.id, request.body), ok(reply)),
  );

  app.post(
    '/api/v1/compliance/runs',
    {
      config: { roles: ['platform-admin'] as const },
      schema: {
        tags: ['listings'],
        summary: 'Run the daily compliance checks now',
        body: Type.Object({ force: Type.Optional(Type.Boolean()) }),
        response: {
          200: Type.Object({
            ranOn: Type.String(),
            skipped: Type.Boolean(),
            listingsLive: Type.Integer(),
            listingsExpired: Type.Integer(),
            listingsSuspended: Type.Integer(),
            alertsRaised: Type.Integer(),
            alertsResolved: Type.Integer(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => runCompliance(deps, { triggeredBy: `api:${request.principal!.organisationName}`, force: request.body.force }),
  );
}
