/** Listing pages: a provider's listings and contract acceptance; a commissioner's listings per offer with suspension, reinstatement and termination. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { liftSuspension } from '../../../domains/compliance/suspension-lift.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { listingsFor } from '../../../domains/listings/listing-read.service.ts';
import { acceptContract, goLive, suspendListing, terminateListing } from '../../../domains/listings/listing.service.ts';
import { datePartsOf, isoDateFromParts } from '../date-input.ts';
import { attempt, field, formErrors, rejected } from '../form.ts';
import { attemptRefusable } from '../form-outcome.ts';
import { get, post, registerPages } from '../page-routes.ts';
import { datedFileName, sendListCsv } from '../csv-reply.ts';
import { csvHrefOf, listTableModel } from '../list-table.ts';
import { listingColumns } from './listing.presenter.ts';
import { viewListing } from './listing-page.ts';

const LISTING_ROLES = { config: { roles: ['provider-admin', 'provider-clinician', 'commissioner', 'assessor'] as const } };
const ACTIONS: Record<
  string,
  { label: string; run: (deps: Deps, request: FastifyRequest, id: string, reason: string) => Promise<unknown> }
> = {
  suspend: { label: 'Suspend', run: (deps, request, id, reason) => suspendListing(deps, request.actionContext(), id, reason) },
  reinstate: {
    label: 'Lift the suspension',
    run: (deps, request, id, reason) => liftSuspension(deps, request.actionContext(), id, reason),
  },
  terminate: { label: 'Terminate', run: (deps, request, id, reason) => terminateListing(deps, request.actionContext(), id, reason) },
  live: { label: 'Put live', run: (deps, request, id) => goLive(deps, request.actionContext(), id) },
};

/** The listings the principal may see: its own as a provider, or those on its offers (one offer when asked). */
async function listingsShown(deps: Deps, request: FastifyRequest) {
  const offer = (request.query as { offer?: unknown }).offer;
  const listings = await listingsFor(deps, request.principal!, {
    offerId: typeof offer === 'string' && /^[0-9a-f-]{36}$/i.test(offer) ? offer : undefined,
  });
  return { listings, isProvider: request.principal!.role.startsWith('provider') };
}

/** A provider's own listings, or the providers on a commissioner's offers (one offer when asked). */
async function viewListings(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { listings, isProvider } = await listingsShown(deps, request);
  const pageTitle = isProvider ? 'Your listings' : 'Providers on your offers';
  return reply.render('pages/listings/listings.njk', {
    pageTitle,
    isProvider,
    listings: listTableModel(listingColumns(isProvider), listings, {
      caption: pageTitle,
      csvHref: csvHrefOf('/listings', request.query),
      what: 'these listings',
    }),
    columnClass: 'nhsuk-grid-column-full',
  });
}

/** The same list as CSV, for the same offer when one was asked. */
async function downloadListings(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { listings, isProvider } = await listingsShown(deps, request);
  return sendListCsv(reply, datedFileName('listings', deps.clock.today()), listingColumns(isProvider), listings);
}

/** The start date and acceptance the provider must give, with what is missing or wrong. */
function readContract(body: unknown) {
  const parts = datePartsOf(body, 'contractStart');
  const values = { parts, accept: field(body, 'accept') };
  const date = isoDateFromParts(parts, 'contractStart', 'The contract start date');
  const errors = [
    ...(date.error ? [date.error] : date.value ? [] : [{ field: 'contractStart', message: 'Enter the date the contract starts' }]),
    ...(values.accept === 'yes' ? [] : [{ field: 'accept', message: 'Confirm that you accept the NHS Standard Contract for this offer' }]),
  ];
  return { values, contractStart: date.value, errors };
}

/** Accepts the contract from its start date, or shows the listing again with the form's errors. */
async function submitContract(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const id = (request.params as { id: string }).id;
  const { values, contractStart, errors } = readContract(request.body);
  const outcome = errors.length
    ? rejected(errors)
    : await attempt(() => acceptContract(deps, request.actionContext(), id, { contractStart: contractStart! }));
  if (!outcome.ok) return viewListing(deps, request, reply, outcome.errors, values);
  request.session.flash =
    outcome.value.status === 'live'
      ? 'Contract accepted. Your sites are live for this offer from today.'
      : `Contract accepted. Your sites go live on ${contractStart}.`;
  return reply.redirect(`/listings/${id}`, 303);
}

/** Runs the commissioner's action on the listing, or shows the listing again with the error beside the choice. */
async function submitListingAction(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const id = (request.params as { id: string }).id;
  const values = { action: field(request.body, 'action'), reason: field(request.body, 'reason') };
  const action = ACTIONS[values.action];
  if (!action)
    return viewListing(
      deps,
      request,
      reply,
      formErrors([{ field: 'action', message: 'Select what should happen to the listing' }]),
      values,
    );
  const outcome = await attemptRefusable(['invalid-transition'], 'action', () => action.run(deps, request, id, values.reason));
  if (!outcome.ok) return viewListing(deps, request, reply, outcome.errors, values, outcome.status);
  request.session.flash = `${action.label}: done.`;
  return reply.redirect(`/listings/${id}`, 303);
}

export function registerListingPages(app: FastifyInstance, deps: Deps): void {
  registerPages(app, [
    get('/listings', (request, reply) => viewListings(deps, request, reply), LISTING_ROLES),
    get('/listings.csv', (request, reply) => downloadListings(deps, request, reply), LISTING_ROLES),
    get('/listings/:id', (request, reply) => viewListing(deps, request, reply), LISTING_ROLES),
    post('/listings/:id/contract', (request, reply) => submitContract(deps, request, reply), {
      config: { roles: ['provider-admin'] as const },
    }),
    post('/listings/:id/action', (request, reply) => submitListingAction(deps, request, reply), {
      config: { roles: ['commissioner'] as const },
    }),
  ]);
}
