/** On the first embedded start, loads the reference data if it is there, logging progress; without it the platform still starts. */
import { existsSync } from 'node:fs';
import type { Deps } from '../../deps.ts';
import { describeSummary } from './import-summary.ts';
import { hasImportedPostcodes, importAll } from './reference-import.service.ts';

/** Imports everything in `dir` until a postcode import has succeeded; returns what it found missing. */
export async function importReferenceDataOnFirstStart(deps: Deps, dir: string, log: (line: string) => void): Promise<void> {
  if (await hasImportedPostcodes(deps)) return;
  if (!existsSync(dir)) {
    log(
      `Reference data not found at ${dir}: postcodes, GP practices and commissioners are not loaded. Set AQP_DATA_DIR and run: npx aqp import all`,
    );
    return;
  }
  log(`First start: importing reference data from ${dir} (about a minute; later starts skip this)`);
  let lastTenth = -1;
  const result = await importAll(deps, dir, {
    onDataset: (dataset) => {
      lastTenth = -1;
      log(`  importing ${dataset.name}: ${dataset.what}`);
    },
    onProgress: (bytes, total) => {
      const tenth = total ? Math.floor((bytes / total) * 10) : 0;
      if (tenth > lastTenth && tenth < 10) log(`    ${tenth * 10}%`);
      lastTenth = Math.max(lastTenth, tenth);
    },
  });
  for (const summary of result.summaries) log(`  ${describeSummary(summary)}`);
  if (result.missing.length)
    log(`Reference data: ${result.missing.join(', ')} missing from ${dir}; import them later with npx aqp import <dataset> --file <file>`);
}
