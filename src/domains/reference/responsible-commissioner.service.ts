/** The responsible commissioner (PRODUCT.md §3.5): the sub-ICB of the patient's GP practice, or by residence for an unregistered patient. */
import { sql } from 'kysely';
import { DomainError } from '../../lib/errors.ts';
import { distanceKm } from '../../lib/geo.ts';
import type { Deps } from '../deps.ts';
import type { PostcodeRecord } from './postcode.repo.ts';

export interface CommissionerRef {
  odsCode: string;
  name: string;
}

export interface ResponsibleCommissioner {
  subIcb: CommissionerRef;
  icb: CommissionerRef | null;
  method: 'gp-practice' | 'postcode-directory' | 'nearest-practices';
  /** Plain words for the screen, saying how it was decided (and when it is an estimate). */
  explanation: string;
}

const NEAREST_PRACTICES = 5;

async function withIcb(deps: Deps, subIcbId: string): Promise<{ subIcb: CommissionerRef; icb: CommissionerRef | null } | undefined> {
  const row = await deps.db
    .selectFrom('organisations as s')
    .leftJoin('organisations as i', 'i.id', 's.parent_id')
    .select(['s.ods_code as subCode', 's.name as subName', 'i.ods_code as icbCode', 'i.name as icbName', 'i.ods_type as icbType'])
    .where('s.id', '=', subIcbId)
    .executeTakeFirst();
  if (!row?.subCode) return undefined;
  return { subIcb: { odsCode: row.subCode, name: row.subName }, icb: row.icbCode && row.icbType === 'icb' ? { odsCode: row.icbCode, name: row.icbName! } : null };
}

/** For a registered patient: the sub-ICB location that commissions for their practice. */
export async function responsibleForPractice(deps: Deps, practiceOdsCode: string): Promise<ResponsibleCommissioner> {
  const practice = await deps.db
    .selectFrom('organisations').select(['id', 'name', 'parent_id', 'close_date'])
    .where('ods_code', '=', practiceOdsCode.toUpperCase()).where('kind', '=', 'gp-practice')
    .executeTakeFirst();
  if (!practice) throw new DomainError('organisation-unknown', `There is no GP practice with the ODS code ${practiceOdsCode.toUpperCase()}.`);
  const chain = practice.parent_id ? await withIcb(deps, practice.parent_id) : undefined;
  if (!chain) throw new DomainError('organisation-unknown', `${practice.name} has no commissioner in England recorded (it may be in Wales).`);
  return { ...chain, method: 'gp-practice', explanation: `The patient's GP practice, ${practice.name}, is in ${chain.subIcb.name}.` };
}

/** For an unregistered patient: by residence, from the postcode directory when imported, otherwise estimated from nearby practices. */
export async function responsibleForResidence(deps: Deps, postcode: PostcodeRecord): Promise<ResponsibleCommissioner | null> {
  if (postcode.subIcbCode) {
    const subIcb = await deps.db.selectFrom('organisations').select('id').where('ods_code', '=', postcode.subIcbCode).where('ods_type', '=', 'sub-icb').executeTakeFirst();
    const chain = subIcb && (await withIcb(deps, subIcb.id));
    if (chain) return { ...chain, method: 'postcode-directory', explanation: `${postcode.postcode} is in ${chain.subIcb.name} according to the ONS Postcode Directory.` };
  }
  const nearby = await sql<{ parent_id: string | null; latitude: number; longitude: number }>`
    SELECT parent_id, latitude, longitude FROM organisations
    WHERE kind = 'gp-practice' AND close_date IS NULL AND latitude IS NOT NULL
      AND latitude BETWEEN ${postcode.latitude - 0.3} AND ${postcode.latitude + 0.3}
      AND longitude BETWEEN ${postcode.longitude - 0.5} AND ${postcode.longitude + 0.5}`.execute(deps.db);
  const nearest = nearby.rows
    .map((row) => ({ ...row, km: distanceKm(postcode, row) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, NEAREST_PRACTICES);
  if (nearest.length === 0) return null;
  const votes = new Map<string | null, number>();
  for (const practice of nearest) votes.set(practice.parent_id, (votes.get(practice.parent_id) ?? 0) + 1);
  const [winner, count] = [...votes].sort((a, b) => b[1] - a[1])[0]!;
  const chain = winner ? await withIcb(deps, winner) : undefined;
  if (!chain) return null;
  return {
    ...chain,
    method: 'nearest-practices',
    explanation: `Estimated: ${count} of the ${nearest.length} GP practices nearest to ${postcode.postcode} are in ${chain.subIcb.name}. Import the ONS Postcode Directory for an exact answer.`,
  };
}
