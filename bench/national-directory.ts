/** A synthetic national directory for benchmarks, written with bulk inserts: 40 services, offers from every real commissioner, providers with sites at real postcodes and live listings. */
import { randomUUID } from 'node:crypto';
import { insertPackVersion, insertService } from '../src/domains/catalogue/catalogue.repo.ts';
import { seedNationalCatalogue } from '../src/domains/catalogue/catalogue.seed.ts';
import { NATIONAL_PACKS } from '../src/domains/catalogue/national-packs.seed.ts';
import type { Deps } from '../src/domains/deps.ts';
import { addDays } from '../src/lib/working-days.ts';
import type { CommissionerArea, PlacedPostcode } from './bench-reference.ts';
import { between, insertInBatches, pickOne, pickSome, type Random } from './bulk.ts';

export const SERVICES = 40;
const SITES_PER_COMMISSIONER = 205;
const NATIONAL_CHAINS = 8;
const EVIDENCE_KINDS = [
  'cqc-registration',
  'monitor-exemption',
  'indemnity-insurance',
  'information-governance',
  'safeguarding',
  'clinical-governance',
] as const;

export interface DirectorySite {
  id: string;
  postcode: string;
}
export interface DirectoryProvider {
  id: string;
  sitesByCommissioner: Map<string, DirectorySite[]>;
}
export interface DirectoryListing {
  id: string;
  offerId: string;
  providerId: string;
  status: 'live' | 'suspended';
  sites: DirectorySite[];
}
export interface DirectoryOffer {
  id: string;
  commissioner: CommissionerArea;
  listings: DirectoryListing[];
}

export interface NationalDirectory {
  services: number;
  offers: DirectoryOffer[];
  providers: number;
  sites: number;
}

/** The national catalogue plus synthetic services up to 40, each with a pack to adopt (packs the catalogue lacks are marked synthetic). */
async function fortyServices(deps: Deps): Promise<{ id: string; name: string; packId: string; protocol: unknown }[]> {
  await seedNationalCatalogue(deps);
  const existing = await deps.db.selectFrom('services').select('id').execute();
  for (let n = existing.length + 1; n <= SERVICES; n += 1) {
    await insertService(deps.db, {
      code: `synthetic-service-${n}`,
      name: `Synthetic service ${n} (benchmark)`,
      category: 'Synthetic',
      phase: 'wider-list',
      definition: 'A service made up for the choice-list benchmark.',
      nationalEligibility: null,
      sourceUrl: null,
    });
  }
  const template = NATIONAL_PACKS.continence!.content;
  const withoutPack = await deps.db
    .selectFrom('services as s')
    .leftJoin('implementation_packs as p', 'p.service_id', 's.id')
    .select('s.id')
    .where('p.id', 'is', null)
    .execute();
  for (const service of withoutPack)
    await insertPackVersion(deps.db, {
      serviceId: service.id,
      version: 1,
      content: template,
      changeNote: 'Synthetic pack for the choice-list benchmark (a copy of the continence pack).',
      userId: null,
    });
  const rows = await deps.db
    .selectFrom('services as s')
    .innerJoin('implementation_packs as p', 'p.service_id', 's.id')
    .select(['s.id', 's.name', 'p.id as pack_id', 'p.content'])
    .orderBy('s.code')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    packId: row.pack_id,
    protocol: (row.content as { protocol: unknown }).protocol,
  }));
}

/** Offers from each commissioner for 8 to 16 of the 40 services, open, with protocol version 1 from the pack. */
async function insertOffers(
  deps: Deps,
  random: Random,
  areas: CommissionerArea[],
  services: Awaited<ReturnType<typeof fortyServices>>,
): Promise<DirectoryOffer[]> {
  const offers: DirectoryOffer[] = [];
  const rows: Record<string, unknown>[] = [];
  const protocols: Record<string, unknown>[] = [];
  for (const area of areas) {
    for (const service of pickSome(random, services, between(random, 8, 16))) {
      const id = randomUUID();
      offers.push({ id, commissioner: area, listings: [] });
      rows.push({
        id,
        lead_organisation_id: area.id,
        service_id: service.id,
        pack_id: service.packId,
        title: `${service.name}, ${area.name}`.slice(0, 200),
        status: 'open',
        contract_start: '2026-04-01',
        window_kind: 'rolling',
      });
      protocols.push({ offer_id: id, version: 1, content: JSON.stringify(service.protocol) });
    }
  }
  await insertInBatches(deps.db, 'offers', rows);
  await insertInBatches(
    deps.db,
    'offer_commissioners',
    rows.map((row) => ({ offer_id: row.id, organisation_id: row.lead_organisation_id })),
  );
  await insertInBatches(deps.db, 'offer_protocols', protocols);
  return offers;
}

class ProviderRows {
  readonly providers: DirectoryProvider[] = [];
  readonly organisations: Record<string, unknown>[] = [];
  readonly sites: Record<string, unknown>[] = [];

  add(name: string): DirectoryProvider {
    const provider = { id: randomUUID(), sitesByCommissioner: new Map<string, DirectorySite[]>() };
    this.providers.push(provider);
    this.organisations.push({ id: provider.id, ods_code: `SYN${String(this.providers.length).padStart(5, '0')}`, name, kind: 'provider' });
    return provider;
  }

  placeSites(random: Random, provider: DirectoryProvider, area: CommissionerArea, postcodes: PlacedPostcode[]): void {
    const placed = postcodes.map((postcode) => ({ id: randomUUID(), postcode: postcode.postcode }));
    provider.sitesByCommissioner.set(area.id, [...(provider.sitesByCommissioner.get(area.id) ?? []), ...placed]);
    postcodes.forEach((postcode, i) =>
      this.sites.push({
        id: placed[i]!.id,
        organisation_id: provider.id,
        name: `${postcode.place} clinic (${postcode.postcode})`,
        address: `${between(random, 1, 240)} High Street, ${postcode.place}`,
        postcode: postcode.postcode,
        latitude: postcode.latitude,
        longitude: postcode.longitude,
        delivery_mode: random() < 0.85 ? 'clinic' : random() < 0.5 ? 'both' : 'domiciliary',
      }),
    );
  }
}

/** Local providers with 1 to 9 sites in each commissioner's area until it has about 205 sites, and national chains with a few sites in most areas. */
function generateProviders(
  random: Random,
  areas: CommissionerArea[],
): { rows: ProviderRows; local: Map<string, DirectoryProvider[]>; chains: DirectoryProvider[] } {
  const rows = new ProviderRows();
  const local = new Map<string, DirectoryProvider[]>();
  for (const area of areas) {
    const mine: DirectoryProvider[] = [];
    for (let placed = 0; placed < SITES_PER_COMMISSIONER;) {
      const postcodes = pickSome(random, area.postcodes, Math.min(between(random, 1, 9), SITES_PER_COMMISSIONER - placed));
      const provider = rows.add(
        `${postcodes[0]!.place} Community Health ${String(rows.providers.length + 1).padStart(4, '0')} (synthetic)`,
      );
      rows.placeSites(random, provider, area, postcodes);
      mine.push(provider);
      placed += postcodes.length;
    }
    local.set(area.id, mine);
  }
  const chains = Array.from({ length: NATIONAL_CHAINS }, (_, n) => rows.add(`National Care Chain ${n + 1} (synthetic)`));
  for (const chain of chains) {
    for (const area of areas.filter(() => random() < 0.6))
      rows.placeSites(random, chain, area, pickSome(random, area.postcodes, between(random, 1, 3)));
  }
  return { rows, local, chains };
}

/** Verified, in-date evidence of every kind; about one provider in twelve still has one piece pending. */
function evidenceRows(random: Random, providers: DirectoryProvider[], today: string): Record<string, unknown>[] {
  return providers.flatMap((provider) => {
    const pending = random() < 1 / 12 ? pickOne(random, EVIDENCE_KINDS) : undefined;
    return EVIDENCE_KINDS.map((kind) => ({
      organisation_id: provider.id,
      kind,
      reference: kind === 'cqc-registration' ? `1-${between(random, 100000000, 999999999)}` : `${kind}-ref`,
      cqc_status: kind === 'cqc-registration' ? 'registered' : null,
      expires_on: kind === 'monitor-exemption' ? null : addDays(today, between(random, 60, 900)),
      verification_status: kind === pending ? 'pending' : 'verified',
    }));
  });
}

/** 5 to 40 local providers on each offer, plus the chains present there half the time; every local provider is live somewhere. */
function chooseListings(
  random: Random,
  offers: DirectoryOffer[],
  local: Map<string, DirectoryProvider[]>,
  chains: DirectoryProvider[],
): void {
  const list = (offer: DirectoryOffer, provider: DirectoryProvider, status: 'live' | 'suspended') => {
    const sites = provider.sitesByCommissioner.get(offer.commissioner.id)!;
    offer.listings.push({ id: randomUUID(), offerId: offer.id, providerId: provider.id, status, sites });
  };
  for (const offer of offers) {
    for (const provider of pickSome(random, local.get(offer.commissioner.id)!, between(random, 5, 40)))
      list(offer, provider, random() < 0.05 ? 'suspended' : 'live');
    for (const chain of chains.filter((candidate) => candidate.sitesByCommissioner.has(offer.commissioner.id) && random() < 0.5))
      list(offer, chain, 'live');
  }
  const live = new Set(
    offers.flatMap((offer) => offer.listings.filter((listing) => listing.status === 'live').map((listing) => listing.providerId)),
  );
  for (const [commissionerId, providers] of local) {
    const theirs = offers.filter((offer) => offer.commissioner.id === commissionerId);
    for (const provider of providers.filter((candidate) => !live.has(candidate.id))) {
      const offer = theirs
        .filter((candidate) => !candidate.listings.some((listing) => listing.providerId === provider.id))
        .reduce((fewest, candidate) => (candidate.listings.length < fewest.listings.length ? candidate : fewest));
      list(offer, provider, 'live');
    }
  }
}

async function insertListings(deps: Deps, random: Random, offers: DirectoryOffer[], today: string): Promise<void> {
  const listings = offers.flatMap((offer) => offer.listings);
  const applicationIds = listings.map(() => randomUUID());
  const decidedAt = new Date(`${addDays(today, -400)}T12:00:00Z`);
  await insertInBatches(
    deps.db,
    'applications',
    listings.map((listing, i) => ({
      id: applicationIds[i],
      offer_id: listing.offerId,
      provider_organisation_id: listing.providerId,
      status: 'qualified',
      answers: '{}',
      accepts_price: true,
      accepts_contract: true,
      submitted_at: decidedAt,
      decided_at: decidedAt,
      updated_at: decidedAt,
    })),
  );
  await insertInBatches(
    deps.db,
    'listings',
    listings.map((listing, i) => ({
      id: listing.id,
      offer_id: listing.offerId,
      provider_organisation_id: listing.providerId,
      application_id: applicationIds[i],
      status: listing.status,
      contract_start: addDays(today, -between(random, 30, 700)),
      contract_accepted_at: decidedAt,
      updated_at: decidedAt,
    })),
  );
  await insertInBatches(
    deps.db,
    'listing_sites',
    listings.flatMap((listing) => listing.sites.map((site) => ({ listing_id: listing.id, site_id: site.id }))),
  );
}

/** Builds the whole directory for the commissioners given; the same seed gives the same shape. */
export async function buildNationalDirectory(deps: Deps, random: Random, areas: CommissionerArea[]): Promise<NationalDirectory> {
  const today = deps.clock.today();
  const services = await fortyServices(deps);
  const offers = await insertOffers(deps, random, areas, services);
  const { rows, local, chains } = generateProviders(random, areas);
  await insertInBatches(deps.db, 'organisations', rows.organisations);
  await insertInBatches(deps.db, 'sites', rows.sites);
  await insertInBatches(deps.db, 'assurance_evidence', evidenceRows(random, rows.providers, today));
  chooseListings(random, offers, local, chains);
  await insertListings(deps, random, offers, today);
  return { services: services.length, offers, providers: rows.providers.length, sites: rows.sites.length };
}
