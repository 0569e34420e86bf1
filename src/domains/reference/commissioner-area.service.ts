/** Readable names of commissioners' areas for public pages ("Calderdale", not "NHS West Yorkshire ICB - 02T"). */
import type { Deps } from '../deps.ts';
import { commissionerAreaFacts, openSubIcbLocationsQuery } from './commissioner-area.repo.ts';
import { commissionerAreaName } from './ods-names.rules.ts';

/** The area name of each commissioner asked for (by organisation id); an unknown id is left out. */
export async function commissionerAreaNames(deps: Deps, organisationIds: readonly string[]): Promise<Map<string, string>> {
  const facts = await commissionerAreaFacts(deps.db, [...new Set(organisationIds)], deps.clock.today());
  return new Map([...facts].map(([id, fact]) => [id, commissionerAreaName(fact)]));
}

/** One commissioner's area name, falling back to its name in title case when it is not on AQP. */
export async function commissionerAreaNameOf(deps: Deps, commissioner: { id: string | null; name: string }): Promise<string> {
  const named = commissioner.id ? (await commissionerAreaNames(deps, [commissioner.id])).get(commissioner.id) : undefined;
  return (
    named ?? commissionerAreaName({ name: commissioner.name, localAuthority: null, sharesLocalAuthority: false, onlyLocationOfIcb: false })
  );
}

export interface SubIcbLocation {
  id: string;
  areaName: string;
  odsName: string;
  odsCode: string | null;
}

/** The ICB's open sub-ICB locations with their area names, by area name (issue #12: no hubs, trusts or abolished CCGs). */
export async function subIcbLocationsOf(deps: Deps, icbId: string): Promise<SubIcbLocation[]> {
  const rows = await openSubIcbLocationsQuery(deps.db, [icbId], deps.clock.today()).execute();
  const names = await commissionerAreaNames(
    deps,
    rows.map((row) => row.id),
  );
  return rows
    .map((row) => ({ id: row.id, areaName: names.get(row.id) ?? row.name, odsName: row.name, odsCode: row.ods_code }))
    .sort((a, b) => a.areaName.localeCompare(b.areaName, 'en-GB'));
}
