/** What reference data the platform holds, and what is missing with how to load it, for the admin and About pages. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Deps } from '../deps.ts';
import { countReferenceRows, type ImportRunView, latestImportRuns, type ReferenceCounts } from './import/import-run.repo.ts';
import { DATASETS } from './import/reference-import.service.ts';

export interface DatasetStatus {
  name: string;
  what: string;
  file: string;
  fileFound: boolean;
  lastRun: ImportRunView | undefined;
}

export interface ReferenceStatus {
  directory: string;
  counts: ReferenceCounts;
  datasets: DatasetStatus[];
  /** True when postcodes and practices are loaded, so searches and referrals can work. */
  ready: boolean;
}

const CACHE_MS = 60_000;
const cache = new WeakMap<object, { at: number; directory: string; status: ReferenceStatus }>();

/** The status, cached for a minute per database: the public About page must not count 1.7 million rows on every view. */
export async function referenceStatus(deps: Deps, directory: string, options: { fresh?: boolean } = {}): Promise<ReferenceStatus> {
  const cached = cache.get(deps.db);
  const now = deps.clock.now().getTime();
  if (!options.fresh && cached && cached.directory === directory && now - cached.at < CACHE_MS) return cached.status;
  const status = await loadStatus(deps, directory);
  cache.set(deps.db, { at: now, directory, status });
  return status;
}

async function loadStatus(deps: Deps, directory: string): Promise<ReferenceStatus> {
  const runs = await latestImportRuns(deps.db);
  const counts = await countReferenceRows(deps.db);
  return {
    directory,
    counts,
    datasets: DATASETS.map((dataset) => ({
      name: dataset.name,
      what: dataset.what,
      file: dataset.file,
      fileFound: existsSync(path.join(directory, dataset.file)),
      lastRun: runs.find((run) => run.dataset === dataset.name),
    })),
    ready: counts.postcodes > 0 && counts.practices > 0,
  };
}
