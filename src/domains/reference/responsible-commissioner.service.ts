/** The responsible commissioner (PRODUCT.md §3.5): the sub-ICB of the patient's GP practice, or by residence for an unregistered patient. */
import { DomainError } from '../../lib/errors.ts';
import { distanceKm } from '../../lib/geo.ts';
import type { Deps } from '../deps.ts';
import { commissionerAreaNames } from './commissioner-area.service.ts';
import { odsNameInTitleCase } from './ods-names.rules.ts';
import { type PostcodeRecord, subIcbCountsInDistrict } from './postcode.repo.ts';
import { gpPracticeByOdsCode, openPracticesAround, subIcbIdByOdsCode, subIcbWithParent } from './responsible-commissioner.repo.ts';

export interface CommissionerRef {
  odsCode: string;
  name: string;
  /** The area it serves, in the words patients use ("Calderdale"). */
  areaName: string;
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
  const row = await subIcbWithParent(deps.db, subIcbId);
  if (!row?.subCode) return undefined;
  const areaName = (await commissionerAreaNames(deps, [subIcbId])).get(subIcbId) ?? row.subName;
  const icb =
    row.icbCode && row.icbType === 'icb' ? { odsCode: row.icbCode, name: row.icbName!, areaName: odsNameInTitleCase(row.icbName!) } : null;
  return { subIcb: { odsCode: row.subCode, name: row.subName, areaName }, icb };
}

/** For a registered patient: the sub-ICB location that commissions for their practice. */
export async function responsibleForPractice(deps: Deps, practiceOdsCode: string): Promise<ResponsibleCommissioner> {
  const practice = await gpPracticeByOdsCode(deps.db, practiceOdsCode);
  if (!practice)
    throw new DomainError('organisation-unknown', `There is no GP practice with the ODS code ${practiceOdsCode.toUpperCase()}.`);
  const chain = practice.parent_id ? await withIcb(deps, practice.parent_id) : undefined;
  if (!chain)
    throw new DomainError('organisation-unknown', `${practice.name} has no commissioner in England recorded (it may be in Wales).`);
  return {
    ...chain,
    method: 'gp-practice',
    explanation: `The patient's GP practice, ${odsNameInTitleCase(practice.name)}, is in ${chain.subIcb.areaName}.`,
  };
}

/** For an unregistered patient: by residence, from the postcode directory when imported, otherwise estimated from nearby practices. */
export async function responsibleForResidence(deps: Deps, postcode: PostcodeRecord): Promise<ResponsibleCommissioner | null> {
  if (postcode.subIcbCode) {
    const chain = await chainForSubIcbCode(deps, postcode.subIcbCode);
    if (chain)
      return {
        ...chain,
        method: 'postcode-directory',
        explanation: `${postcode.postcode} is in the NHS area of ${chain.subIcb.areaName}.`,
      };
  }
  const estimate = await estimateFromNearbyPractices(deps, postcode);
  return (
    estimate && {
      ...estimate.chain,
      method: 'nearest-practices',
      explanation: `Estimated: ${estimate.votes} of the ${estimate.of} GP surgeries nearest to ${postcode.postcode} are in ${estimate.chain.subIcb.areaName}. Near the edge of an area this can be wrong: your GP surgery can tell you for certain.`,
    }
  );
}

/** For a public search by postcode district (decision 0018): the commissioner of most of the district's postcodes, otherwise estimated from practices nearest its centre. */
export async function responsibleForDistrict(
  deps: Deps,
  district: { district: string; latitude: number; longitude: number },
): Promise<ResponsibleCommissioner | null> {
  const counts = await subIcbCountsInDistrict(deps.db, district.district);
  const total = counts.reduce((sum, row) => sum + row.postcodes, 0);
  const largest = counts[0] && (await chainForSubIcbCode(deps, counts[0].subIcbCode));
  const crossing = 'A postcode district can cross commissioner boundaries: enter a full postcode to be sure.';
  if (largest) {
    const share =
      counts.length === 1
        ? `Every postcode in ${district.district}`
        : `${counts[0]!.postcodes} of the ${total} postcodes in ${district.district}`;
    return {
      ...largest,
      method: 'postcode-directory',
      explanation: `${share} ${counts.length === 1 ? 'is' : 'are'} in the NHS area of ${largest.subIcb.areaName}.${counts.length === 1 ? '' : ` ${crossing}`}`,
    };
  }
  const estimate = await estimateFromNearbyPractices(deps, district);
  return (
    estimate && {
      ...estimate.chain,
      method: 'nearest-practices',
      explanation: `Estimated: ${estimate.votes} of the ${estimate.of} GP surgeries nearest to the centre of ${district.district} are in ${estimate.chain.subIcb.areaName}. ${crossing}`,
    }
  );
}

async function chainForSubIcbCode(deps: Deps, subIcbCode: string) {
  const subIcbId = await subIcbIdByOdsCode(deps.db, subIcbCode);
  return subIcbId && (await withIcb(deps, subIcbId));
}

async function nearestPractices(deps: Deps, point: { latitude: number; longitude: number }) {
  const nearest = (await openPracticesAround(deps.db, point))
    .map((row) => ({ ...row, km: distanceKm(point, row) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, NEAREST_PRACTICES);
  return nearest;
}

/** The areas of the GP surgeries nearest a point other than the given sub-ICB's: where a neighbour's GP surgery decides a GP referral (issue #12). */
export async function otherAreasOfNearbyPractices(
  deps: Deps,
  point: { latitude: number; longitude: number },
  subIcbOdsCode: string,
): Promise<string[]> {
  const parents = [
    ...new Set((await nearestPractices(deps, point)).map((practice) => practice.parent_id).filter((id): id is string => Boolean(id))),
  ];
  const chains = (await Promise.all(parents.map((id) => withIcb(deps, id)))).filter(
    (chain) => chain && chain.subIcb.odsCode !== subIcbOdsCode,
  );
  return [...new Set(chains.map((chain) => chain!.subIcb.areaName))].sort();
}

/** The sub-ICB most of the open GP practices nearest a point belong to, with the vote, when there are practices nearby. */
async function estimateFromNearbyPractices(deps: Deps, point: { latitude: number; longitude: number }) {
  const nearest = await nearestPractices(deps, point);
  if (nearest.length === 0) return null;
  const votes = new Map<string | null, number>();
  for (const practice of nearest) votes.set(practice.parent_id, (votes.get(practice.parent_id) ?? 0) + 1);
  const [winner, count] = [...votes].sort((a, b) => b[1] - a[1])[0]!;
  const chain = winner ? await withIcb(deps, winner) : undefined;
  return chain ? { chain, votes: count, of: nearest.length } : null;
}
