/** Demo listings (issue #5 item 9): every qualified demo provider accepts its contract from the offer's start (live today); one listing is suspended by the commissioner. */
import type { Deps } from '../deps.ts';
import { demoActor } from '../identity/demo-actor.ts';
import { acceptContract, suspendListing } from './listing.service.ts';

/** The listing the demo shows suspended: a back and neck pain provider under investigation. */
const SUSPENDED = { providerOds: 'DEMO2', serviceCode: 'back-and-neck-pain' };

/** Contracts and puts live the demo's qualified listings through the providers' own administrators; does nothing once any demo listing is contracted. */
export async function seedDemoListings(deps: Deps): Promise<{ live: number; suspended: number }> {
  const commissioner = await demoActor(deps, { role: 'commissioner', email: 'commissioner@aqp.example' });
  if (!commissioner) return { live: 0, suspended: 0 };
  const listings = await deps.db.selectFrom('listings as l').innerJoin('offers as o', 'o.id', 'l.offer_id').innerJoin('services as s', 's.id', 'o.service_id').innerJoin('organisations as p', 'p.id', 'l.provider_organisation_id')
    .select(['l.id', 'l.status', 'l.provider_organisation_id', 'p.ods_code', 's.code as service_code'])
    .where('o.lead_organisation_id', '=', commissioner.principal!.organisationId).orderBy('o.number').orderBy('p.name').execute();
  if (listings.some((listing) => listing.status !== 'qualified')) return { live: 0, suspended: 0 };
  let live = 0;
  let suspended = 0;
  for (const listing of listings) {
    const admin = await demoActor(deps, { role: 'provider-admin', organisationId: listing.provider_organisation_id });
    if (!admin) continue;
    const { status } = await acceptContract(deps, admin, listing.id, { contractStart: deps.clock.today() });
    if (status === 'live') live += 1;
    if (listing.ods_code === SUSPENDED.providerOds && listing.service_code === SUSPENDED.serviceCode && suspended === 0) {
      await suspendListing(deps, commissioner, listing.id, 'Suspended while a serious incident at the Holmfirth clinic is investigated (demo).');
      suspended += 1;
    }
  }
  return { live, suspended };
}
