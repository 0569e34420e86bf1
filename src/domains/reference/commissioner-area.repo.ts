/** The facts behind a commissioner's readable area name: its ODS name, the local authority of its office and its open neighbours in the same ICB. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CommissionerAreaFacts } from './ods-names.rules.ts';

/** The outward code of an organisation's postcode, for joining to the postcode districts. */
const districtOf = (alias: string) => sql<string>`split_part(upper(trim(${sql.ref(`${alias}.postcode`)})), ' ', 1)`;

/** ODS names every sub-ICB location "NHS <ICB> ICB - <code>" (role RO319); commissioning hubs, reporting entities and the CCGs they replaced are named otherwise. */
export const SUB_ICB_LOCATION_NAME = 'NHS % ICB - %';

/** The open sub-ICB locations under an ICB: commissioners named as sub-ICB locations, not closed by today (no hubs, trusts or abolished CCGs). */
export function openSubIcbLocationsQuery(db: Kysely<Database>, parentIds: readonly string[], today: string) {
  return db
    .selectFrom('organisations as s')
    .leftJoin('postcode_districts as d', (join) => join.on(sql`d.district`, '=', districtOf('s')))
    .select(['s.id', 's.name', 's.ods_code', 's.parent_id', 'd.local_authority_name'])
    .where('s.parent_id', 'in', [...parentIds])
    .where('s.kind', '=', 'commissioner')
    .where(sql<boolean>`upper(s.name) LIKE upper(${SUB_ICB_LOCATION_NAME})`)
    .where((eb) => eb.or([eb('s.close_date', 'is', null), eb('s.close_date', '>', today)]));
}

/** Facts for each organisation asked for (by id), in one query. */
export async function commissionerAreaFacts(
  db: Kysely<Database>,
  organisationIds: readonly string[],
  today: string,
): Promise<Map<string, CommissionerAreaFacts>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations as o')
    .leftJoin('postcode_districts as d', (join) => join.on(sql`d.district`, '=', districtOf('o')))
    .select(['o.id', 'o.name', 'o.parent_id', 'd.local_authority_name'])
    .where('o.id', 'in', [...organisationIds])
    .execute();
  const parents = [...new Set(rows.map((row) => row.parent_id).filter((id): id is string => Boolean(id)))];
  const siblings = parents.length === 0 ? [] : await openSubIcbLocationsQuery(db, parents, today).execute();
  return new Map(
    rows.map((row) => {
      const neighbours = siblings.filter((sibling) => sibling.parent_id === row.parent_id && sibling.id !== row.id);
      return [
        row.id,
        {
          name: row.name,
          localAuthority: row.local_authority_name,
          sharesLocalAuthority:
            row.local_authority_name !== null && neighbours.some((sibling) => sibling.local_authority_name === row.local_authority_name),
          onlyLocationOfIcb: neighbours.length === 0,
        },
      ];
    }),
  );
}
