/** Import runs: every import is recorded with its counts and first rejections, for the reference data page. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { ImportSummary } from './import-summary.ts';

/** Records that an import began, before reading the file, so even a run that fails is listed. */
export async function startImportRun(db: Kysely<Database>, dataset: string, sourceFile: string, format: string, at: Date): Promise<string> {
  const row = await db
    .insertInto('import_runs')
    .values({ dataset, source_file: sourceFile, format, started_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** Records the file format the importer detected, once it has read the file. */
export async function recordImportFormat(db: Kysely<Database>, id: string, format: string): Promise<void> {
  await db.updateTable('import_runs').set({ format }).where('id', '=', id).execute();
}

/** Records how an import ended, with its counts and first rejections, for the reference data page. */
export async function finishImportRun(
  db: Kysely<Database>,
  id: string,
  summary: ImportSummary,
  outcome: 'succeeded' | 'failed',
  at: Date,
): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({
      finished_at: at,
      outcome,
      rows_read: summary.rowsRead,
      inserted: summary.inserted,
      updated: summary.updated,
      closed: summary.closed,
      unchanged: summary.unchanged,
      skipped: summary.skipped,
      rejected: summary.rejected,
      rejections: JSON.stringify(summary.rejections),
    })
    .where('id', '=', id)
    .execute();
}

export interface ImportRunView {
  id: string;
  dataset: string;
  sourceFile: string;
  format: string;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  closed: number;
  skipped: number;
  rejected: number;
  rejections: { line: number; reason: string }[];
}

/** The latest run of each dataset. */
export async function latestImportRuns(db: Kysely<Database>): Promise<ImportRunView[]> {
  const rows = await db
    .selectFrom('import_runs')
    .selectAll()
    .distinctOn('dataset')
    .orderBy('dataset')
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: String(row.id),
    dataset: row.dataset,
    sourceFile: row.source_file,
    format: row.format,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    rowsRead: row.rows_read,
    inserted: row.inserted,
    updated: row.updated,
    closed: row.closed,
    skipped: row.skipped,
    rejected: row.rejected,
    rejections: (row.rejections as { line: number; reason: string }[]) ?? [],
  }));
}

/** True once an import of the data set has finished successfully. */
export async function hasSucceededImport(db: Kysely<Database>, dataset: string): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom('import_runs')
      .select('id')
      .where('dataset', '=', dataset)
      .where('outcome', '=', 'succeeded')
      .limit(1)
      .executeTakeFirst(),
  );
}

export interface ReferenceCounts {
  postcodes: number;
  practices: number;
  subIcbLocations: number;
  icbs: number;
  trusts: number;
}

/** How many postcodes and organisations of each reference kind are loaded, in one query. */
export async function countReferenceRows(db: Kysely<Database>): Promise<ReferenceCounts> {
  const counts = await sql<{ postcodes: number; practices: number; sub_icbs: number; icbs: number; trusts: number }>`
    SELECT (SELECT count(*) FROM postcodes)::int AS postcodes,
           count(*) FILTER (WHERE ods_type = 'gp-practice')::int AS practices,
           count(*) FILTER (WHERE ods_type = 'sub-icb')::int AS sub_icbs,
           count(*) FILTER (WHERE ods_type = 'icb')::int AS icbs,
           count(*) FILTER (WHERE ods_type = 'trust')::int AS trusts
    FROM organisations`.execute(db);
  const row = counts.rows[0]!;
  return { postcodes: row.postcodes, practices: row.practices, subIcbLocations: row.sub_icbs, icbs: row.icbs, trusts: row.trusts };
}
