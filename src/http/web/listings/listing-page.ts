/** The listing page, shared by its forms: status, contract, the sites delivering it (which the provider's administrator may change), the commissioner's actions and the history. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../domains/deps.ts';
import { CURRENT_LISTING_STATUSES, nextListingStatuses } from '../../../domains/listings/listing-lifecycle.rules.ts';
import { listingWithHistory } from '../../../domains/listings/listing-read.service.ts';
import { sitesToAdd } from '../../../domains/listings/listing-sites.service.ts';
import { type FormErrors, titleOf } from '../form.ts';
import { historyRows, listingTag, siteRows } from './listing.presenter.ts';

/** One listing for the provider listed or a commissioner of the leading organisation; errors and values re-show a form that failed (400, or 409 when the listing's state refused it). */
export async function viewListing(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  errors?: FormErrors,
  values: Record<string, unknown> = {},
  status = errors ? 400 : 200,
) {
  const { listing, history } = await listingWithHistory(deps, request.principal!, (request.params as { id: string }).id);
  const principal = request.principal!;
  const isProviderAdmin = principal.role === 'provider-admin' && principal.organisationId === listing.provider.id;
  const isLeadCommissioner = principal.role === 'commissioner' && principal.organisationId === listing.offer.leadOrganisationId;
  const next = nextListingStatuses(listing.status);
  const actions = isLeadCommissioner
    ? [
        ...(next.includes('live') && listing.status === 'contracted'
          ? [{ value: 'live', text: 'Put live (only from the contract start date)' }]
          : []),
        ...(listing.status === 'suspended' ? [{ value: 'reinstate', text: 'Lift the suspension' }] : []),
        ...(next.includes('suspended') ? [{ value: 'suspend', text: 'Suspend: the provider leaves choice lists at once' }] : []),
        ...(next.includes('terminated') ? [{ value: 'terminate', text: 'Terminate the listing for good' }] : []),
      ]
    : [];
  const maySiteChange = isProviderAdmin && CURRENT_LISTING_STATUSES.includes(listing.status);
  const addable = maySiteChange ? await sitesToAdd(deps, { id: listing.id, providerId: listing.provider.id }) : [];
  return reply.status(status).render('pages/listings/listing.njk', {
    pageTitle: titleOf(`${listing.provider.name}: ${listing.offer.title}`, errors),
    listing,
    tag: listingTag(listing.status),
    history: historyRows(history),
    mayAcceptContract: isProviderAdmin && listing.status === 'qualified',
    actions,
    values,
    ...errors,
    sites: siteRows(listing, maySiteChange),
    maySiteChange,
    siteChoices: [
      { value: '', text: 'Choose a site' },
      ...addable.map((site) => ({ value: site.id, text: `${site.name}, ${site.postcode}`, selected: site.id === values.siteId })),
    ],
    hasSitesToAdd: addable.length > 0,
  });
}
