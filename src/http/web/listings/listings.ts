/** Listing pages: a provider's listings and contract acceptance; a commissioner's listings per offer with suspension, reinstatement and termination. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { liftSuspension } from '../../../domains/compliance/suspension-lift.service.ts';
import type { Deps } from '../../../domains/deps.ts';
import { listingsFor } from '../../../domains/listings/listing-read.service.ts';
import { acceptContract, goLive, suspendListing, terminateListing } from '../../../domains/listings/listing.service.ts';
import { DomainError } from '../../../lib/errors.ts';
import { datePartsOf, isoDateFromParts } from '../date-input.ts';
import { field, type FormErrors, formErrors, validationErrorsOf } from '../form.ts';
import { listingRow } from './listing.presenter.ts';
import { renderListingPage } from './listing-page.ts';

const LISTING_ROLES = { config: { roles: ['provider-admin', 'provider-clinician', 'commissioner', 'assessor'] as const } };
const ACTIONS: Record<string, { label: string; run: (deps: Deps, request: FastifyRequest, id: string, reason: string) => Promise<unknown> }> = {
  suspend: { label: 'Suspend', run: (deps, request, id, reason) => suspendListing(deps, request.actionContext(), id, reason) },
  reinstate: { label: 'Lift the suspension', run: (deps, request, id, reason) => liftSuspension(deps, request.actionContext(), id, reason) },
  terminate: { label: 'Terminate', run: (deps, request, id, reason) => terminateListing(deps, request.actionContext(), id, reason) },
  live: { label: 'Put live', run: (deps, request, id) => goLive(deps, request.actionContext(), id) },
};

export function registerListingPages(app: FastifyInstance, deps: Deps): void {
  app.get('/listings', LISTING_ROLES, async (request, reply) => {
    const offer = (request.query as { offer?: unknown }).offer;
    const listings = await listingsFor(deps, request.principal!, { offerId: typeof offer === 'string' && /^[0-9a-f-]{36}$/i.test(offer) ? offer : undefined });
    const isProvider = request.principal!.role.startsWith('provider');
    return reply.render('pages/listings/listings.njk', { pageTitle: isProvider ? 'Your listings' : 'Providers on your offers', isProvider, listings: listings.map(listingRow), columnClass: 'nhsuk-grid-column-full' });
  });

  const render = (request: FastifyRequest, reply: FastifyReply, status = 200, errors?: FormErrors, values: Record<string, unknown> = {}) => renderListingPage(deps, request, reply, status, errors, values);

  app.get('/listings/:id', LISTING_ROLES, async (request, reply) => render(request, reply));

  app.post('/listings/:id/contract', { config: { roles: ['provider-admin'] as const } }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const parts = datePartsOf(request.body, 'contractStart');
    const values = { parts, accept: field(request.body, 'accept') };
    const date = isoDateFromParts(parts, 'contractStart', 'The contract start date');
    const errors = [
      ...(date.error ? [date.error] : date.value ? [] : [{ field: 'contractStart', message: 'Enter the date the contract starts' }]),
      ...(values.accept === 'yes' ? [] : [{ field: 'accept', message: 'Confirm that you accept the NHS Standard Contract for this offer' }]),
    ];
    try {
      if (errors.length) return render(request, reply, 400, formErrors(errors), values);
      const { status } = await acceptContract(deps, request.actionContext(), id, { contractStart: date.value! });
      request.session.flash = status === 'live' ? 'Contract accepted. Your sites are live for this offer from today.' : `Contract accepted. Your sites go live on ${date.value}.`;
      return reply.redirect(`/listings/${id}`, 303);
    } catch (error) {
      const found = validationErrorsOf(error);
      if (!found) throw error;
      return render(request, reply, 400, found, values);
    }
  });

  app.post('/listings/:id/action', { config: { roles: ['commissioner'] as const } }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const values = { action: field(request.body, 'action'), reason: field(request.body, 'reason') };
    const action = ACTIONS[values.action];
    if (!action) return render(request, reply, 400, formErrors([{ field: 'action', message: 'Select what should happen to the listing' }]), values);
    try {
      await action.run(deps, request, id, values.reason);
      request.session.flash = `${action.label}: done.`;
      return reply.redirect(`/listings/${id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid-transition') return render(request, reply, 409, formErrors([{ field: 'action', message: error.message }]), values);
      const found = validationErrorsOf(error);
      if (!found) throw error;
      return render(request, reply, 400, found, values);
    }
  });
}

