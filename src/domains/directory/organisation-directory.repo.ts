/** Reads of the organisations the FHIR directory publishes (providers, commissioners, GP practices), by id or by search, a page at a time. */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The kinds of organisation the directory publishes; national bodies, regions and the platform operator are not care organisations. */
export const PUBLISHED_KINDS = ['provider', 'commissioner', 'gp-practice'] as const;
export type PublishedKind = (typeof PUBLISHED_KINDS)[number];

export interface DirectoryOrganisation {
  id: string;
  odsCode: string | null;
  name: string;
  kind: PublishedKind;
  address: string | null;
  postcode: string | null;
  closeDate: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** The published organisation this one is part of (a sub-ICB location's ICB), if any. */
  partOf: { id: string; name: string } | null;
}

export interface OrganisationCriteria {
  odsCode?: string;
  /** Matches the start of the name or of any word in it, ignoring case. */
  name?: string;
  kinds?: readonly PublishedKind[];
}

/** LIKE text with its wildcards taken literally. */
function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function published(db: Kysely<Database>, criteria: OrganisationCriteria) {
  let query = db.selectFrom('organisations as o').where('o.kind', 'in', [...(criteria.kinds ?? PUBLISHED_KINDS)]);
  if (criteria.odsCode !== undefined) query = query.where('o.ods_code', '=', criteria.odsCode.toUpperCase());
  if (criteria.name !== undefined) {
    const start = `${likeText(criteria.name)}%`;
    query = query.where((eb) => eb.or([eb('o.name', 'ilike', start), eb('o.name', 'ilike', `% ${start}`)]));
  }
  return query;
}

function withDetails<O>(query: SelectQueryBuilder<Database & { o: Database['organisations'] }, 'o', O>) {
  return query
    .leftJoin('provider_profiles as pp', 'pp.organisation_id', 'o.id')
    .leftJoin('organisations as parent', (join) =>
      join.onRef('parent.id', '=', 'o.parent_id').on('parent.kind', 'in', [...PUBLISHED_KINDS]),
    )
    .select(['o.id', 'o.ods_code', 'o.name', 'o.kind', 'o.address', 'o.postcode', 'o.close_date'])
    .select(['pp.phone', 'pp.email', 'pp.website', 'parent.id as parent_id', 'parent.name as parent_name']);
}

type Row = Awaited<ReturnType<ReturnType<typeof withDetails>['executeTakeFirstOrThrow']>>;

function organisationOf(row: Row): DirectoryOrganisation {
  return {
    id: row.id,
    odsCode: row.ods_code,
    name: row.name,
    kind: row.kind as PublishedKind,
    address: row.address,
    postcode: row.postcode,
    closeDate: row.close_date,
    phone: row.phone || null,
    email: row.email || null,
    website: row.website || null,
    partOf: row.parent_id && row.parent_name ? { id: row.parent_id, name: row.parent_name } : null,
  };
}

/** One published organisation by id, or undefined when there is none (or it is not a kind the directory publishes). */
export async function findDirectoryOrganisation(db: Kysely<Database>, id: string): Promise<DirectoryOrganisation | undefined> {
  const row = await withDetails(published(db, {}).where('o.id', '=', id)).executeTakeFirst();
  return row ? organisationOf(row) : undefined;
}

/** One page of the published organisations matching, by name, and how many match in all. */
export async function searchDirectoryOrganisations(
  db: Kysely<Database>,
  criteria: OrganisationCriteria,
  page: { count: number; offset: number },
): Promise<{ total: number; organisations: DirectoryOrganisation[] }> {
  const counted = await published(db, criteria).select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const total = Number(counted.total);
  if (page.count === 0 || page.offset >= total) return { total, organisations: [] };
  const rows = await withDetails(published(db, criteria)).orderBy('o.name').orderBy('o.id').limit(page.count).offset(page.offset).execute();
  return { total, organisations: rows.map(organisationOf) };
}
