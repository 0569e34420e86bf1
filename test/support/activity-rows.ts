/** Test builders for activity lines on the platform: a priced back and neck pain offer with a live listing, and referrals in any state. */
import type { Deps } from '../../src/domains/deps.ts';
import { anOffer } from './offer-rows.ts';
import { aListingIn } from './referral-rows.ts';
import { nextRowNumber } from './row-numbers.ts';

export interface ActivityWorld {
  offerId: string;
  listingId: string;
  providerId: string;
  commissionerId: string;
}

/** Calderdale's (02T) back and neck pain offer on the pack paying per session up to 8, priced from April 2026, with DEMO1 live on it. */
export async function aPricedBackPainOffer(deps: Deps, today: string, pricePence: number): Promise<ActivityWorld> {
  return aPricedOffer(deps, today, { service: 'back-and-neck-pain', band: 'STANDARD', pricePence });
}

/** Calderdale's (02T) offer of a service on its latest pack, its first currency priced in one band from April 2026, with DEMO1 live on it. */
export async function aPricedOffer(
  deps: Deps,
  today: string,
  price: { service: string; band: string; pricePence: number },
): Promise<ActivityWorld> {
  const offer = await anOffer(deps.db).forService(price.service).coveringOds('02T').withStatus('open').withPackProtocol().insert();
  const pack = await deps.db
    .selectFrom('offers as o')
    .innerJoin('implementation_packs as p', 'p.id', 'o.pack_id')
    .select('p.content')
    .where('o.id', '=', offer.id)
    .executeTakeFirstOrThrow();
  const code = (pack.content as { currencies?: { code: string }[] }).currencies?.[0]?.code ?? 'session';
  await deps.db
    .insertInto('offer_prices')
    .values({
      offer_id: offer.id,
      effective_from: '2026-04-01',
      currency_code: code,
      complexity_band: price.band,
      price_pence: price.pricePence,
    })
    .execute();
  const listing = await aListingIn(deps, offer.id, 'DEMO1', 'live', today);
  const commissioner = await deps.db.selectFrom('organisations').select('id').where('ods_code', '=', '02T').executeTakeFirstOrThrow();
  return { offerId: offer.id, ...listing, commissionerId: commissioner.id };
}

/** A referral on the offer sent to the world's provider: accepted on `acceptedOn`, or returned with a reason before acceptance. */
export async function aReferralFor(
  deps: Deps,
  world: ActivityWorld,
  state: { acceptedOn: string } | { returnedWith: string; sentOn: string },
): Promise<{ id: string; ubrn: string }> {
  const referralCount = nextRowNumber(deps.db, 'activity-referral');
  const ubrn = String(700000000000 + referralCount);
  const patient = await deps.db
    .insertInto('patients')
    .values({
      given_name: 'Bea',
      family_name: `Back ${referralCount}`,
      date_of_birth: '1970-01-01',
      sex: 'female',
      postcode: 'HX1 1PW',
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const site = await deps.db.selectFrom('sites').select('id').where('organisation_id', '=', world.providerId).executeTakeFirstOrThrow();
  const sentOn = 'acceptedOn' in state ? state.acceptedOn : state.sentOn;
  const referral = await deps.db
    .insertInto('referrals')
    .values({
      ubrn,
      access_code_hash: 'not-a-real-hash',
      patient_id: patient.id,
      offer_id: world.offerId,
      protocol_version: 1,
      commissioner_organisation_id: world.commissionerId,
      route: 'gp',
      priority: 'routine',
      eligibility: '{}',
      status: 'acceptedOn' in state ? 'accepted' : 'returned',
      referred_on: sentOn,
      listing_id: world.listingId,
      site_id: site.id,
      provider_organisation_id: world.providerId,
      sent_at: `${sentOn}T10:00:00Z`,
      accepted_at: 'acceptedOn' in state ? `${state.acceptedOn}T11:00:00Z` : null,
      return_reason_code: 'returnedWith' in state ? state.returnedWith : null,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: referral.id, ubrn };
}
