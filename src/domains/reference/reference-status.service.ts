/** What reference data the platform holds, and what is missing with how to load it, for the admin and About pages. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Deps } from '../deps.ts';
import { type ImportRunView, latestImportRuns } from './import/import-run.repo.ts';
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
  counts: { postcodes: number; practices: number; subIcbLocations: number; icbs: number; trusts: number };
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
  const counts = await sql<{ postcodes: number; practices: number; sub_icbs: number; icbs: number; trusts: number }>`
    SELECT (SELECT count(*) FROM postcodes)::int AS postcodes,
           count(*) FILTER (WHERE ods_type = 'gp-practice')::int AS practices,
           count(*) FILTER (WHERE ods_type = 'sub-icb')::int AS sub_icbs,
           count(*) FILTER (WHERE ods_type = 'icb')::int AS icbs,
           count(*) FILTER (WHERE ods_type = 'trust')::int AS trusts
    FROM organisations`.execute(deps.db);
  const row = counts.rows[0]!;
  return {
    directory,
    counts: { postcodes: row.postcodes, practices: row.practices, subIcbLocations: row.sub_icbs, icbs: row.icbs, trusts: row.trusts },
    datasets: DATASETS.map((dataset) => ({
      name: dataset.name, what: dataset.what, file: dataset.file,
      fileFound: existsSync(path.join(directory, dataset.file)),
      lastRun: runs.find((run) => run.dataset === dataset.name),
    })),
    ready: row.postcodes > 0 && row.practices > 0,
  };
}
