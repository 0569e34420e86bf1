/** Imports postcode units: a streaming, batched, idempotent upsert; postcodes gone from a sorted file are closed, never deleted. */
import type { Deps } from '../../deps.ts';
import { type Cell, type ColumnSpec, upsertRows } from './batch-upsert.repo.ts';
import { firstRecord, openCsv } from './csv-source.ts';
import { emptySummary, type ImportSummary, reject } from './import-summary.ts';
import { detectPostcodeFormat } from './postcode-formats.ts';
import { closePostcodesMissingFrom } from '../postcode.repo.ts';

const COLUMNS: ColumnSpec[] = [
  { name: 'postcode', type: 'text' },
  { name: 'latitude', type: 'float8' },
  { name: 'longitude', type: 'float8' },
  { name: 'country_code', type: 'text' },
  { name: 'local_authority_code', type: 'text' },
  { name: 'sub_icb_code', type: 'text' },
  { name: 'terminated_on', type: 'date' },
];
const BATCH_SIZE = 5000;

export interface ImportOptions {
  /** Called as the file is read, with bytes read so far and the file's size (compressed bytes for .gz). */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** Imports one postcode file of any supported format and returns what it did. */
export async function importPostcodes(deps: Deps, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const first = await firstRecord(file);
  const format = first ? detectPostcodeFormat(first) : { error: 'The file is empty' };
  if ('error' in format) throw new Error(`${file}: ${format.error}`);
  const summary = emptySummary('postcodes', file, format.name);
  const today = deps.clock.today();
  let batch: Cell[][] = [];
  let keys: string[] = [];
  let lowerBound: { key: string; inclusive: boolean } | undefined;
  let previousKey = '';
  let sorted = true;
  const inBatch = new Set<string>();

  const flush = async () => {
    if (keys.length === 0) return;
    const upper = keys[keys.length - 1]!;
    await deps.db.transaction().execute(async (trx) => {
      const result = await upsertRows(trx, 'postcodes', 'postcode', COLUMNS, batch);
      summary.inserted += result.inserted;
      summary.updated += result.updated;
      summary.unchanged += batch.length - result.inserted - result.updated;
      if (sorted && lowerBound) {
        summary.closed += await closePostcodesMissingFrom(
          trx,
          { from: lowerBound.key, inclusive: lowerBound.inclusive, to: upper },
          keys,
          today,
        );
      }
    });
    lowerBound = { key: upper, inclusive: false };
    batch = [];
    keys = [];
    inBatch.clear();
  };

  let totalBytes = 0;
  const source = await openCsv(file, (bytes) => options.onProgress?.(bytes, totalBytes));
  totalBytes = source.totalBytes;
  for await (const record of source.records) {
    if (format.hasHeader && record.line === 1) continue;
    summary.rowsRead += 1;
    const parsed = format.parse(record.fields);
    const key = 'row' in parsed ? parsed.row.postcode : parsed.postcode;
    if (key && (key === previousKey || inBatch.has(key))) {
      reject(summary, record.line, `duplicate postcode ${key}`);
      continue;
    }
    if (key) {
      inBatch.add(key);
      if (key < previousKey) sorted = false;
      previousKey = key;
      lowerBound ??= { key, inclusive: true };
      keys.push(key);
    }
    if (!('row' in parsed)) {
      reject(summary, record.line, parsed.reason);
      continue;
    }
    const row = parsed.row;
    batch.push([row.postcode, row.latitude, row.longitude, row.countryCode, row.localAuthorityCode, row.subIcbCode, row.terminatedOn]);
    if (batch.length >= BATCH_SIZE) await flush();
  }
  await flush();
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
