/** The real reference data a national benchmark needs: a sample of English postcodes, the sub-ICB commissioners and their GP practices, and each commissioner's own postcodes. */
import path from 'node:path';
import type { Deps } from '../src/domains/deps.ts';
import { importRegions } from '../src/domains/reference/import/organisation-import.service.ts';
import { DATASETS, runRecordedImport } from '../src/domains/reference/import/reference-import.service.ts';
import { SiteIndex } from '../src/domains/directory/site-index.ts';
import { insertInBatches } from './bulk.ts';
import { REFERENCE_DATA_DIR, samplePostcodes, type SamplePoint } from './reference-sample.ts';

/** A postcode with the local authority it is in, for naming the sites placed there. */
export interface PlacedPostcode extends SamplePoint {
  place: string;
}

/** A real sub-ICB location with the GP practice its referrals come from and the sampled postcodes nearest its practices. */
export interface CommissionerArea {
  id: string;
  odsCode: string;
  name: string;
  practiceId: string;
  postcodes: PlacedPostcode[];
}

const DATASETS_NEEDED = ['postcode-districts', 'postcode-sectors', 'icbs', 'sub-icb-locations', 'gp-practices', 'gp-practice-coordinates'];

async function importDataset(deps: Deps, name: string): Promise<void> {
  const dataset = DATASETS.find((candidate) => candidate.name === name)!;
  await runRecordedImport(deps, dataset, path.join(REFERENCE_DATA_DIR, dataset.file));
}

/** Imports every `step`-th English postcode (all 1.7 million are not needed to place sites and patients) and the ODS organisations. */
export async function importBenchReference(deps: Deps, step: number): Promise<PlacedPostcode[]> {
  await importRegions(deps);
  for (const name of DATASETS_NEEDED.slice(0, 2)) await importDataset(deps, name);
  const sample = await samplePostcodes(step);
  await insertInBatches(
    deps.db,
    'postcodes',
    sample.map((point) => ({ postcode: point.postcode, latitude: point.latitude, longitude: point.longitude, country_code: 'E92000001' })),
  );
  for (const name of DATASETS_NEEDED.slice(2)) await importDataset(deps, name);
  const districts = await deps.db.selectFrom('postcode_districts').select(['district', 'local_authority_name']).execute();
  const placeOf = new Map(districts.map((row) => [row.district, row.local_authority_name ?? row.district]));
  return sample.map((point) => ({ ...point, place: placeOf.get(point.postcode.split(' ')[0]!) ?? point.postcode.split(' ')[0]! }));
}

/** Open sub-ICB locations with open, placed GP practices; each sampled postcode belongs to the commissioner of its nearest practice. */
export async function commissionerAreas(deps: Deps, postcodes: PlacedPostcode[]): Promise<CommissionerArea[]> {
  const practices = await deps.db
    .selectFrom('organisations as p')
    .innerJoin('organisations as c', 'c.id', 'p.parent_id')
    .select(['p.id', 'p.latitude', 'p.longitude', 'c.id as commissioner_id', 'c.ods_code', 'c.name'])
    .where('p.kind', '=', 'gp-practice')
    .where('p.close_date', 'is', null)
    .where('p.latitude', 'is not', null)
    .where('c.ods_type', '=', 'sub-icb')
    .where('c.close_date', 'is', null)
    .orderBy('c.ods_code')
    .orderBy('p.ods_code')
    .execute();
  const areas = new Map<string, CommissionerArea>();
  for (const practice of practices) {
    if (!areas.has(practice.commissioner_id))
      areas.set(practice.commissioner_id, {
        id: practice.commissioner_id,
        odsCode: practice.ods_code!,
        name: practice.name,
        practiceId: practice.id,
        postcodes: [],
      });
  }
  const index = new SiteIndex(
    practices.map((practice) => ({
      siteId: practice.id,
      organisationId: practice.commissioner_id,
      latitude: practice.latitude!,
      longitude: practice.longitude!,
    })),
  );
  for (const postcode of postcodes) {
    const [nearest] = index.nearest(postcode, 1);
    if (nearest) areas.get(nearest.organisationId)!.postcodes.push(postcode);
  }
  return [...areas.values()].filter((area) => area.postcodes.length > 0);
}
