/** `aqp import`: each reference dataset from its file, recorded as an import run; `all` loads a whole data directory in dependency order. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Deps } from '../../deps.ts';
import { importDistricts, importSectors } from './area-import.service.ts';
import { finishImportRun, hasSucceededImport, recordImportFormat, startImportRun } from './import-run.repo.ts';
import { emptySummary, type ImportSummary } from './import-summary.ts';
import { importIcbs, importPractices, importRegions, importSubIcbLocations, importTrusts } from './organisation-import.service.ts';
import { importPracticeCoordinates } from './practice-coordinates-import.service.ts';
import { type ImportOptions, importPostcodes } from './postcode-import.service.ts';

export interface Dataset {
  name: string;
  /** The file name in shared/data (the default for `--dir`). */
  file: string;
  what: string;
  run(deps: Deps, file: string, options: ImportOptions): Promise<ImportSummary>;
}

/** In dependency order: areas before postcodes, postcodes before organisations (placed by postcode), parents before children. */
export const DATASETS: readonly Dataset[] = [
  {
    name: 'postcode-districts',
    file: 'postcode_districts.csv',
    what: 'postcode district centres',
    run: (deps, file) => importDistricts(deps, file),
  },
  {
    name: 'postcode-sectors',
    file: 'postcode_sectors.csv',
    what: 'postcode sector centres',
    run: (deps, file) => importSectors(deps, file),
  },
  { name: 'postcodes', file: 'postcodes_gb.csv.gz', what: 'every GB postcode with coordinates', run: importPostcodes },
  { name: 'icbs', file: 'icb_names_codes_dec_2024.csv', what: 'integrated care boards', run: (deps, file) => importIcbs(deps, file) },
  {
    name: 'sub-icb-locations',
    file: 'eccg.csv',
    what: 'sub-ICB locations (commissioners)',
    run: (deps, file) => importSubIcbLocations(deps, file),
  },
  { name: 'gp-practices', file: 'epraccur.csv', what: 'GP practices', run: (deps, file) => importPractices(deps, file) },
  {
    name: 'gp-practice-coordinates',
    file: 'gp_practices_geo.csv',
    what: 'GP practice coordinates',
    run: (deps, file) => importPracticeCoordinates(deps, file),
  },
  { name: 'nhs-trusts', file: 'etr.csv', what: 'NHS trusts', run: (deps, file) => importTrusts(deps, file) },
];

/** Runs one import and records it, succeeded or failed, in import_runs. */
export async function runRecordedImport(deps: Deps, dataset: Dataset, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const runId = await startImportRun(deps.db, dataset.name, path.basename(file), 'detecting', deps.clock.now());
  try {
    const summary = await dataset.run(deps, file, options);
    await recordImportFormat(deps.db, runId, summary.format);
    await finishImportRun(deps.db, runId, summary, 'succeeded', deps.clock.now());
    return summary;
  } catch (error) {
    await finishImportRun(deps.db, runId, emptySummary(dataset.name, file, 'unknown'), 'failed', deps.clock.now());
    throw error;
  }
}

export interface ImportAllResult {
  summaries: ImportSummary[];
  missing: string[];
}

/** Imports every dataset whose file is in `dir`; names the files that are missing rather than failing. */
export async function importAll(
  deps: Deps,
  dir: string,
  options: ImportOptions & { onDataset?: (dataset: Dataset) => void } = {},
): Promise<ImportAllResult> {
  const summaries = [await importRegions(deps)];
  const missing: string[] = [];
  for (const dataset of DATASETS) {
    const file = path.join(dir, dataset.file);
    if (!existsSync(file)) {
      missing.push(dataset.file);
      continue;
    }
    options.onDataset?.(dataset);
    summaries.push(await runRecordedImport(deps, dataset, file, options));
  }
  return { summaries, missing };
}

/** True once a postcode import has succeeded; the few postcodes the demo seed places for its own patients do not count. */
export async function hasImportedPostcodes(deps: Deps): Promise<boolean> {
  return hasSucceededImport(deps.db, 'postcodes');
}
