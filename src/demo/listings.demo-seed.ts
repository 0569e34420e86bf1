/** Demo listings (issue #5 item 9): every qualified demo provider accepted its contract 230 days ago (so six months of activity can be paid); one listing is suspended by the commissioner. */
import type { Deps } from '../domains/deps.ts';
import { acceptContract, suspendListing } from '../domains/listings/listing.service.ts';
import { listListings } from '../domains/listings/listing-view.repo.ts';
import { demoActor } from './demo-actor.ts';
import { DEMO_HISTORY_DAYS, daysAgo } from './demo-calendar.ts';

/** The listing the demo shows suspended: a back and neck pain provider under investigation. */
const SUSPENDED = { providerOds: 'DEMO2', serviceCode: 'back-and-neck-pain' };

/** Contracts and puts live the demo's qualified listings through the providers' own administrators; does nothing once any demo listing is contracted. */
export async function seedDemoListings(deps: Deps): Promise<{ live: number; suspended: number }> {
  const commissioner = await demoActor(deps, { role: 'commissioner', email: 'commissioner@aqp.example' });
  if (!commissioner) return { live: 0, suspended: 0 };
  const listings = await listListings(deps.db, { leadOrganisationId: commissioner.principal!.organisationId });
  if (listings.some((listing) => listing.status !== 'qualified')) return { live: 0, suspended: 0 };
  let live = 0;
  let suspended = 0;
  for (const listing of listings) {
    const admin = await demoActor(deps, { role: 'provider-admin', organisationId: listing.provider.id });
    if (!admin) continue;
    const then = daysAgo(deps, DEMO_HISTORY_DAYS, '09:00');
    const { status } = await acceptContract(then, admin, listing.id, { contractStart: then.clock.today() });
    if (status === 'live') live += 1;
    if (listing.provider.odsCode === SUSPENDED.providerOds && listing.offer.serviceCode === SUSPENDED.serviceCode && suspended === 0) {
      await suspendListing(
        deps,
        commissioner,
        listing.id,
        'Suspended while a serious incident at the Holmfirth clinic is investigated (demo).',
      );
      suspended += 1;
    }
  }
  return { live, suspended };
}
