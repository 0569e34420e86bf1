/** The organisation rows the responsible-commissioner rules read: a sub-ICB with its parent, a practice by code, open practices near a point. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';

/** A sub-ICB location's code and name with its parent's (an ICB when the parent's ODS type says so). */
export async function subIcbWithParent(db: Executor, subIcbId: string) {
  return db
    .selectFrom('organisations as s')
    .leftJoin('organisations as i', 'i.id', 's.parent_id')
    .select(['s.ods_code as subCode', 's.name as subName', 'i.ods_code as icbCode', 'i.name as icbName', 'i.ods_type as icbType'])
    .where('s.id', '=', subIcbId)
    .executeTakeFirst();
}

/** A GP practice by its ODS code, with the commissioner it belongs to and whether it has closed. */
export async function gpPracticeByOdsCode(db: Executor, odsCode: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'parent_id', 'close_date'])
    .where('ods_code', '=', odsCode.toUpperCase())
    .where('kind', '=', 'gp-practice')
    .executeTakeFirst();
}

/** The id of the sub-ICB location with an ODS code, if there is one. */
export async function subIcbIdByOdsCode(db: Executor, odsCode: string): Promise<string | undefined> {
  return (
    await db.selectFrom('organisations').select('id').where('ods_code', '=', odsCode).where('ods_type', '=', 'sub-icb').executeTakeFirst()
  )?.id;
}

/** Open GP practices within a box about 30 km around a point, with their commissioner and coordinates, for the nearest-practice estimate. */
export async function openPracticesAround(db: Executor, point: { latitude: number; longitude: number }) {
  const nearby = await sql<{ parent_id: string | null; latitude: number; longitude: number }>`
    SELECT parent_id, latitude, longitude FROM organisations
    WHERE kind = 'gp-practice' AND close_date IS NULL AND latitude IS NOT NULL
      AND latitude BETWEEN ${point.latitude - 0.3} AND ${point.latitude + 0.3}
      AND longitude BETWEEN ${point.longitude - 0.5} AND ${point.longitude + 0.5}`.execute(db);
  return nearby.rows;
}
