/** The commissioner's ICB and its sub-ICB locations with their ODS open and close dates, from which an offer's coverage is chosen. */
import type { Executor } from '../../db/executor.ts';
import type { CoveredCommissioner } from './offer.repo.ts';

/** A sub-ICB location an offer might cover, with the dates ODS records it open. */
export interface CoverageCandidate extends CoveredCommissioner {
  openDate: string | null;
  closeDate: string | null;
}

/** The lead commissioner's ICB and the locations beneath it. */
export interface CoverageArea {
  icb: { id: string; name: string } | null;
  locations: CoverageCandidate[];
}

/**
 * The ICB of the lead commissioner (itself when it is an ICB, else its parent) and every commissioner directly beneath it;
 * a lead with no commissioner above or beneath it (made by hand before the ODS import) is the one location it may cover.
 */
export async function coverageAreaOf(db: Executor, leadOrganisationId: string): Promise<CoverageArea> {
  const lead = await db
    .selectFrom('organisations as o')
    .leftJoin('organisations as p', 'p.id', 'o.parent_id')
    .select([
      'o.id',
      'o.ods_code',
      'o.name',
      'o.ods_type',
      'o.open_date',
      'o.close_date',
      'p.id as parent_id',
      'p.name as parent_name',
      'p.kind as parent_kind',
    ])
    .where('o.id', '=', leadOrganisationId)
    .executeTakeFirst();
  if (!lead) return { icb: null, locations: [] };
  const underParent = lead.ods_type !== 'icb' && lead.parent_kind === 'commissioner' && lead.parent_id;
  const icb = underParent ? { id: lead.parent_id!, name: lead.parent_name! } : { id: lead.id, name: lead.name };
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'ods_code', 'name', 'open_date', 'close_date'])
    .where('kind', '=', 'commissioner')
    .where('parent_id', '=', icb.id)
    .orderBy('name')
    .execute();
  const locations = rows.length || underParent ? rows : [lead];
  return {
    icb,
    locations: locations.map((row) => ({
      id: row.id,
      odsCode: row.ods_code,
      name: row.name,
      openDate: row.open_date,
      closeDate: row.close_date,
    })),
  };
}
