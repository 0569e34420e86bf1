/** Queries over organisations: the units every role, offer and referral belongs to. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import { parsePostcodeQuery } from '../../lib/postcode.ts';
import type { OrganisationKind } from './roles.rules.ts';

export interface Organisation {
  id: string;
  odsCode: string | null;
  name: string;
  kind: OrganisationKind;
  parentId: string | null;
  postcode: string | null;
}

export interface NewOrganisation {
  odsCode?: string | null;
  name: string;
  kind: OrganisationKind;
  parentId?: string | null;
  postcode?: string | null;
}

const COLUMNS = ['id', 'ods_code', 'name', 'kind', 'parent_id', 'postcode'] as const;

function toOrganisation(row: {
  id: string;
  ods_code: string | null;
  name: string;
  kind: string;
  parent_id: string | null;
  postcode: string | null;
}): Organisation {
  return {
    id: row.id,
    odsCode: row.ods_code,
    name: row.name,
    kind: row.kind as OrganisationKind,
    parentId: row.parent_id,
    postcode: row.postcode,
  };
}

/** Inserts an organisation, or updates the one with the same ODS code, and returns it. */
export async function upsertOrganisation(executor: Executor, input: NewOrganisation): Promise<Organisation> {
  const values = {
    ods_code: input.odsCode ?? null,
    name: input.name,
    kind: input.kind,
    parent_id: input.parentId ?? null,
    postcode: input.postcode ?? null,
  };
  const query = executor.insertInto('organisations').values(values);
  const row = await (
    input.odsCode
      ? query.onConflict((oc) =>
          oc
            .column('ods_code')
            .doUpdateSet({ name: values.name, kind: values.kind, parent_id: values.parent_id, postcode: values.postcode }),
        )
      : query
  )
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toOrganisation(row);
}

/** One organisation; an id that is not a UUID finds nothing rather than failing in SQL. */
export async function findOrganisationById(db: Executor, id: string): Promise<Organisation | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('organisations').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toOrganisation(row);
}

/** The organisation with an ODS code, however it was typed (codes are stored upper case and unique). */
export async function findOrganisationByOdsCode(db: Executor, odsCode: string): Promise<Organisation | undefined> {
  const row = await db.selectFrom('organisations').select(COLUMNS).where('ods_code', '=', odsCode.toUpperCase()).executeTakeFirst();
  return row && toOrganisation(row);
}

/** The platform operator organisation of this name: it has no ODS code to find it by. */
export async function findPlatformOrganisation(db: Executor, name: string): Promise<Organisation | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select(COLUMNS)
    .where('kind', '=', 'platform')
    .where('name', '=', name)
    .executeTakeFirst();
  return row && toOrganisation(row);
}

/** The organisations directly below one (a region's ICBs, an ICB's sub-ICB locations), by name. */
export async function listChildOrganisations(db: Kysely<Database>, parentId: string): Promise<Organisation[]> {
  const rows = await db.selectFrom('organisations').select(COLUMNS).where('parent_id', '=', parentId).orderBy('name').execute();
  return rows.map(toOrganisation);
}

/** The organisations that have no ODS code (the platform operator, invented or new bodies): few enough to list. */
export async function organisationsWithoutOdsCode(db: Kysely<Database>): Promise<Organisation[]> {
  const rows = await db.selectFrom('organisations').select(COLUMNS).where('ods_code', 'is', null).orderBy('name').limit(200).execute();
  return rows.map(toOrganisation);
}

/** One page of organisations, optionally filtered by name or ODS code, with the total for pagination. */
export async function searchOrganisations(
  db: Kysely<Database>,
  filter: { query?: string; kind?: OrganisationKind; limit: number; offset: number },
): Promise<{ rows: Organisation[]; total: number }> {
  let query = db.selectFrom('organisations');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const text = filter.query?.trim();
  if (text) {
    const pattern = `${escapeLike(text.toLowerCase())}%`;
    const place = parsePostcodeQuery(text);
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['name']), 'like', pattern),
        eb('ods_code', '=', text.toUpperCase()),
        ...(place.kind === 'postcode' ? [eb('postcode', '=', place.postcode)] : []),
        ...(place.kind === 'district' ? [eb('postcode', 'like', `${place.district} %`)] : []),
      ]),
    );
  }
  const rows = await query.select(COLUMNS).orderBy('name').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return { rows: rows.map(toOrganisation), total: Number(count.total) };
}

/** Escapes LIKE wildcards so a search for "50%" means the text, not a pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID, so a malformed id in a URL is a 404 rather than a database error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
