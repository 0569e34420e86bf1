/** Queries over offers and the commissioners each one covers. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PackContent } from '../catalogue/implementation-pack.schema.ts';
import type { Executor } from '../../db/executor.ts';
import type { OfferStatus } from './offer-status.rules.ts';
import type { Amendment } from './specification-amendments.rules.ts';

export interface CoveredCommissioner {
  id: string;
  odsCode: string | null;
  name: string;
}

export interface OfferRecord {
  id: string;
  number: number;
  reference: string;
  title: string;
  summary: string;
  status: OfferStatus;
  service: { id: string; code: string; name: string; publicName: string };
  pack: { id: string; version: number; content: PackContent };
  lead: CoveredCommissioner;
  coverage: CoveredCommissioner[];
  amendments: Amendment[];
  contractStart: string | null;
  contractEnd: string | null;
  windowKind: 'fixed' | 'rolling';
  windowOpens: string | null;
  windowCloses: string | null;
  updatedAt: Date;
}

/** How an offer is named to people: AQP-00012. */
export function offerReference(number: number): string {
  return `AQP-${String(number).padStart(5, '0')}`;
}

function offersQuery(db: Executor) {
  return db
    .selectFrom('offers as o')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .innerJoin('implementation_packs as p', 'p.id', 'o.pack_id')
    .innerJoin('organisations as l', 'l.id', 'o.lead_organisation_id')
    .select([
      'o.id',
      'o.number',
      'o.title',
      'o.summary',
      'o.status',
      'o.amendments',
      'o.contract_start',
      'o.contract_end',
      'o.window_kind',
      'o.window_opens',
      'o.window_closes',
      'o.updated_at',
      's.id as service_id',
      's.code as service_code',
      's.name as service_name',
      's.public_name as service_public_name',
      'p.id as pack_id',
      'p.version as pack_version',
      'p.content as pack_content',
      'l.id as lead_id',
      'l.ods_code as lead_ods_code',
      'l.name as lead_name',
    ]);
}

type OfferRow = Awaited<ReturnType<ReturnType<typeof offersQuery>['executeTakeFirstOrThrow']>>;

function toOffer(row: OfferRow, coverage: CoveredCommissioner[]): OfferRecord {
  return {
    id: row.id,
    number: row.number,
    reference: offerReference(row.number),
    title: row.title,
    summary: row.summary,
    status: row.status as OfferStatus,
    service: {
      id: row.service_id,
      code: row.service_code,
      name: row.service_name,
      publicName: row.service_public_name ?? row.service_name,
    },
    pack: { id: row.pack_id, version: row.pack_version, content: row.pack_content as PackContent },
    lead: { id: row.lead_id, odsCode: row.lead_ods_code, name: row.lead_name },
    coverage,
    amendments: row.amendments as Amendment[],
    contractStart: row.contract_start,
    contractEnd: row.contract_end,
    windowKind: row.window_kind as 'fixed' | 'rolling',
    windowOpens: row.window_opens,
    windowCloses: row.window_closes,
    updatedAt: row.updated_at,
  };
}

async function coverageOf(db: Executor, offerIds: string[]): Promise<Map<string, CoveredCommissioner[]>> {
  const byOffer = new Map<string, CoveredCommissioner[]>(offerIds.map((id) => [id, []]));
  if (offerIds.length === 0) return byOffer;
  const rows = await db
    .selectFrom('offer_commissioners as c')
    .innerJoin('organisations as g', 'g.id', 'c.organisation_id')
    .select(['c.offer_id', 'g.id', 'g.ods_code', 'g.name'])
    .where('c.offer_id', 'in', offerIds)
    .orderBy('g.name')
    .execute();
  for (const row of rows) byOffer.get(row.offer_id)!.push({ id: row.id, odsCode: row.ods_code, name: row.name });
  return byOffer;
}

/** One offer with its service, adopted pack version and coverage; `forUpdate` locks it for a state change. */
export async function findOffer(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<OfferRecord | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  let query = offersQuery(db).where('o.id', '=', id);
  if (options.forUpdate) query = query.forUpdate('o');
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return toOffer(row, (await coverageOf(db, [row.id])).get(row.id)!);
}

/** The organisation leading an offer, to tell its commissioners about changes to the offer's listings. */
export async function leadOrganisationIdOf(db: Executor, offerId: string): Promise<string> {
  const row = await db.selectFrom('offers').select('lead_organisation_id').where('id', '=', offerId).executeTakeFirstOrThrow();
  return row.lead_organisation_id;
}

export interface OfferFilter {
  serviceCode?: string;
  /** ODS code of a commissioner the offer leads or covers. */
  commissionerOdsCode?: string;
  statuses?: readonly OfferStatus[];
  leadOrganisationId?: string;
  /** Public statuses plus every offer this organisation leads (its drafts too). */
  visibleTo?: { statuses: readonly OfferStatus[]; organisationId: string | null };
}

/** Offers matching a filter, newest first. */
export async function listOffers(db: Kysely<Database>, filter: OfferFilter = {}, limit = 500): Promise<OfferRecord[]> {
  let query = offersQuery(db);
  if (filter.serviceCode) query = query.where('s.code', '=', filter.serviceCode);
  if (filter.statuses) query = query.where('o.status', 'in', [...filter.statuses]);
  if (filter.leadOrganisationId) query = query.where('o.lead_organisation_id', '=', filter.leadOrganisationId);
  if (filter.visibleTo) {
    const { statuses, organisationId } = filter.visibleTo;
    query = query.where((eb) =>
      eb.or([eb('o.status', 'in', [...statuses]), ...(organisationId ? [eb('o.lead_organisation_id', '=', organisationId)] : [])]),
    );
  }
  if (filter.commissionerOdsCode) {
    const code = filter.commissionerOdsCode.toUpperCase();
    query = query.where((eb) =>
      eb.or([
        eb('l.ods_code', '=', code),
        eb.exists(
          eb
            .selectFrom('offer_commissioners as c')
            .innerJoin('organisations as g', 'g.id', 'c.organisation_id')
            .select(sql`1`.as('one'))
            .whereRef('c.offer_id', '=', 'o.id')
            .where('g.ods_code', '=', code),
        ),
      ]),
    );
  }
  const rows = await query.orderBy('o.number', 'desc').limit(limit).execute();
  const coverage = await coverageOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toOffer(row, coverage.get(row.id)!));
}

export interface NewOfferRow {
  leadOrganisationId: string;
  serviceId: string;
  packId: string;
  title: string;
  summary: string;
  userId: string | null;
}

/** Creates a draft offer from a pack version, with no amendments yet; coverage, protocol and history are written beside it. */
export async function insertOffer(db: Executor, offer: NewOfferRow, at: Date): Promise<string> {
  const row = await db
    .insertInto('offers')
    .values({
      lead_organisation_id: offer.leadOrganisationId,
      service_id: offer.serviceId,
      pack_id: offer.packId,
      title: offer.title,
      summary: offer.summary,
      amendments: '[]',
      created_by_user_id: offer.userId,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces the set of commissioners an offer covers. */
export async function replaceCoverage(db: Executor, offerId: string, organisationIds: string[]): Promise<void> {
  await db.deleteFrom('offer_commissioners').where('offer_id', '=', offerId).execute();
  if (organisationIds.length)
    await db
      .insertInto('offer_commissioners')
      .values(organisationIds.map((organisationId) => ({ offer_id: offerId, organisation_id: organisationId })))
      .execute();
}

export interface OfferDetailsRow {
  title: string;
  summary: string;
  contractStart: string | null;
  contractEnd: string | null;
  windowKind: 'fixed' | 'rolling';
  windowOpens: string | null;
  windowCloses: string | null;
}

/** Sets the offer's title, summary, contract dates and application window together, as validated by the caller. */
export async function updateOfferDetails(db: Executor, id: string, details: OfferDetailsRow, at: Date): Promise<void> {
  await db
    .updateTable('offers')
    .set({
      title: details.title,
      summary: details.summary,
      contract_start: details.contractStart,
      contract_end: details.contractEnd,
      window_kind: details.windowKind,
      window_opens: details.windowOpens,
      window_closes: details.windowCloses,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

/** Replaces the offer's local amendments to the pack's specification; the pack itself is never changed. */
export async function updateAmendments(db: Executor, id: string, amendments: Amendment[], at: Date): Promise<void> {
  await db
    .updateTable('offers')
    .set({ amendments: JSON.stringify(amendments), updated_at: at })
    .where('id', '=', id)
    .execute();
}
