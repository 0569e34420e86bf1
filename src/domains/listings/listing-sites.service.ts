/** A provider chooses which of its sites deliver each listing (issue #12 item 11): add an open site, or remove one while at least one stays; the commissioner is told of every change. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingApiKeyId, actingUserId } from '../offers/offer-access.ts';
import { findOffer } from '../offers/offer.repo.ts';
import { insertOutboxMessage } from '../providers/provider-outbox.repo.ts';
import { CURRENT_LISTING_STATUSES, LISTING_STATUS_LABELS } from './listing-lifecycle.rules.ts';
import { findListing, insertListingHistory, type ListingRecord } from './listing.repo.ts';
import {
  isLinked,
  linkSite,
  openSiteIdsOfListing,
  openSitesOf,
  organisationNameOf,
  type SiteChoice,
  siteNamed,
  unlinkSite,
} from './listing-sites.repo.ts';
import { siteChangeNotice } from './listing-site-notice.rules.ts';

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The listing locked for a change of sites: only its own provider's administrator may change them, and only while it still holds a place on the offer. */
async function listingToChange(trx: Executor, context: ActionContext, id: string): Promise<ListingRecord> {
  const listing = await findListing(trx, id, { forUpdate: true });
  const principal = context.principal;
  if (!listing || principal?.role !== 'provider-admin' || principal.organisationId !== listing.providerOrganisationId)
    throw new DomainError('not-found', 'There is no such listing');
  if (!CURRENT_LISTING_STATUSES.includes(listing.status))
    throw new DomainError(
      'invalid-transition',
      `The sites of a ${LISTING_STATUS_LABELS[listing.status].toLowerCase()} listing cannot change`,
    );
  return listing;
}

/** Writes the change into the listing's history (status unchanged), tells the lead commissioner, and audits it, all in the caller's transaction. */
async function recordSiteChange(
  trx: Executor,
  context: ActionContext,
  listing: ListingRecord,
  site: SiteChoice,
  change: 'added' | 'removed',
  at: Date,
): Promise<void> {
  const offer = (await findOffer(trx, listing.offerId))!;
  await insertListingHistory(trx, {
    listingId: listing.id,
    fromStatus: listing.status,
    toStatus: listing.status,
    reason: `Site ${change}: ${site.name}, ${site.postcode}`,
    at,
    actor: { userId: actingUserId(context), apiKeyId: actingApiKeyId(context) },
  });
  const notice = siteChangeNotice(change, {
    providerName: await organisationNameOf(trx, listing.providerOrganisationId),
    siteName: site.name,
    postcode: site.postcode,
    offerReference: offer.reference,
    offerTitle: offer.title,
    listingStatus: listing.status,
  });
  await insertOutboxMessage(trx, { organisationId: offer.lead.id, ...notice, entityType: 'listing', entityId: listing.id }, at);
  await recordAudit(trx, context, {
    action: `listing.site-${change}`,
    entityType: 'listing',
    entityId: listing.id,
    details: { siteId: site.id, siteName: site.name },
  });
}

/** Adds one of the provider's open sites to its listing: from now patients can choose the provider there (once the listing is live). */
export async function addListingSite(deps: Deps, context: ActionContext, listingId: string, siteId: string): Promise<SiteChoice> {
  return deps.db.transaction().execute(async (trx) => {
    const listing = await listingToChange(trx, context, listingId);
    const site = isUuid(siteId)
      ? (await openSitesOf(trx, listing.providerOrganisationId)).find((candidate) => candidate.id === siteId)
      : undefined;
    if (!site) throw validationFailed([{ field: 'siteId', message: 'Select one of your open sites' }]);
    if (await isLinked(trx, listing.id, site.id))
      throw validationFailed([{ field: 'siteId', message: `${site.name} already delivers this offer` }]);
    await linkSite(trx, listing.id, site.id);
    await recordSiteChange(trx, context, listing, site, 'added', deps.clock.now());
    return site;
  });
}

/** Removes a site from the listing while another open site still delivers it; referrals already sent there stay with the provider. */
export async function removeListingSite(deps: Deps, context: ActionContext, listingId: string, siteId: string): Promise<SiteChoice> {
  return deps.db.transaction().execute(async (trx) => {
    const listing = await listingToChange(trx, context, listingId);
    const site = isUuid(siteId) && (await isLinked(trx, listing.id, siteId)) ? await siteNamed(trx, siteId) : undefined;
    if (!site) throw new DomainError('not-found', 'That site does not deliver this listing');
    const remaining = (await openSiteIdsOfListing(trx, listing.id)).filter((id) => id !== site.id);
    if (remaining.length === 0)
      throw validationFailed([
        { field: 'sites', message: `${site.name} is the only site delivering this offer: add another site before removing it` },
      ]);
    await unlinkSite(trx, listing.id, site.id);
    await recordSiteChange(trx, context, listing, site, 'removed', deps.clock.now());
    return site;
  });
}

/** The provider's open sites that do not deliver the listing yet: the choices for adding one. */
export async function sitesToAdd(deps: Deps, listing: { id: string; providerId: string }): Promise<SiteChoice[]> {
  const [open, linked] = [await openSitesOf(deps.db, listing.providerId), new Set(await openSiteIdsOfListing(deps.db, listing.id))];
  return open.filter((site) => !linked.has(site.id));
}
