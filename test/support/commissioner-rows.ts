/** Test builders for commissioners as the ODS sub-ICB file (../shared/data/eccg.csv) records them: open and closed locations, each under its ICB. */
import type { Deps } from '../../src/domains/deps.ts';

export interface SubIcbRow {
  code: string;
  name: string;
  icbCode: string;
  openDate: string;
  closeDate: string | null;
}

/** Real rows of eccg.csv: a CCG closed in 2020, the location that replaced it, and a location in another ICB. */
export const REAL_SUB_ICBS: Record<string, SubIcbRow> = {
  '02R': { code: '02R', name: 'NHS BRADFORD DISTRICTS CCG', icbCode: 'QWO', openDate: '2013-04-01', closeDate: '2020-03-31' },
  '36J': { code: '36J', name: 'NHS WEST YORKSHIRE ICB - 36J', icbCode: 'QWO', openDate: '2020-04-01', closeDate: null },
  '00L': { code: '00L', name: 'NHS NORTH EAST AND NORTH CUMBRIA ICB - 00L', icbCode: 'QHM', openDate: '2013-04-01', closeDate: null },
};

/** The demo's own sub-ICB locations with the dates eccg.csv gives them (X2C4Y opened in 2021). */
const DEMO_DATES: Record<string, string> = { '02T': '2013-04-01', '03R': '2013-04-01', X2C4Y: '2021-04-01' };

/** Imports the named sub-ICB locations (and their ICB when missing) and dates the demo's, as the ODS import does. */
export async function importSubIcbLocations(deps: Deps, codes: string[]): Promise<void> {
  for (const [code, openDate] of Object.entries(DEMO_DATES)) {
    await deps.db.updateTable('organisations').set({ ods_type: 'sub-icb', open_date: openDate }).where('ods_code', '=', code).execute();
  }
  await deps.db.updateTable('organisations').set({ ods_type: 'icb' }).where('ods_code', '=', 'QWO').execute();
  for (const row of codes.map((code) => REAL_SUB_ICBS[code]!)) {
    const icb = await deps.db
      .insertInto('organisations')
      .values({ ods_code: row.icbCode, name: `ICB ${row.icbCode}`, kind: 'commissioner', ods_type: 'icb' })
      .onConflict((oc) => oc.column('ods_code').doUpdateSet({ ods_type: 'icb' }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await deps.db
      .insertInto('organisations')
      .values({
        ods_code: row.code,
        name: row.name,
        kind: 'commissioner',
        ods_type: 'sub-icb',
        parent_id: icb.id,
        open_date: row.openDate,
        close_date: row.closeDate,
      })
      .onConflict((oc) => oc.column('ods_code').doNothing())
      .execute();
  }
}
