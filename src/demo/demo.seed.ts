/** The demo region for trying AQP on a laptop, seeded through the same services people use; never for production. */
import type { Deps } from '../domains/deps.ts';
import { findOrganisationByOdsCode } from '../domains/identity/organisation.repo.ts';
import { seedDemoApplications } from './applications.demo-seed.ts';
import { seedDemoListings } from './listings.demo-seed.ts';
import { seedDemoOffers } from './offers.demo-seed.ts';
import { seedDemoPrioritisation } from './prioritisation.demo-seed.ts';
import { seedDemoProposals } from './proposals.demo-seed.ts';
import { seedDemoProviders } from './providers.demo-seed.ts';
import { seedDemoReferrals } from './referrals.demo-seed.ts';
import { seedDemoPayments } from './payments.demo-seed.ts';
import { seedDemoQuality } from './quality.demo-seed.ts';
import { seedDemoRegion } from './region.demo-seed.ts';

/**
 * Seeds the demo data; running it again changes nothing (organisations upsert, existing users are kept).
 * `activity: false` stops after the region, its people, offers, proposals and prioritisation, leaving out the
 * providers, applications, listings and referrals (tests that build their own qualification data ask for that);
 * `history: false` leaves out the year of earlier patients behind the KPIs (tens of seconds to tell; decision 0060).
 */
export async function seedDemo(
  deps: Deps,
  options: { activity?: boolean; history?: boolean } = {},
): Promise<{ organisations: number; usersCreated: number }> {
  const seeded = await seedDemoRegion(deps);
  await seedDemoOffers(deps);
  await seedDemoProposals(deps);
  await seedDemoPrioritisation(deps);
  if (options.activity ?? true) {
    await seedDemoProviders(deps);
    await seedDemoApplications(deps);
    await seedDemoListings(deps);
    await seedDemoReferrals(deps, { history: options.history ?? true });
    await seedDemoPayments(deps);
    await seedDemoQuality(deps);
  }
  return seeded;
}

/** True once the demo has been seeded, so embedded start-up seeds only the first time; judged by the invented DEMO1 provider, which no import creates. */
export async function isDemoSeeded(deps: Deps): Promise<boolean> {
  return Boolean(await findOrganisationByOdsCode(deps.db, 'DEMO1'));
}
