/** Streams CSV records with their line numbers from a plain or gzip file, reporting bytes read for progress bars. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';

export interface CsvRecord {
  /** 1-based line number in the (uncompressed) file, for reporting bad rows. */
  line: number;
  fields: string[];
}

export interface CsvSource {
  records: AsyncIterable<CsvRecord>;
  totalBytes: number;
}

/** Opens a CSV file as a stream of records; `onBytes` receives the compressed bytes read so far. */
export async function openCsv(file: string, onBytes?: (bytesRead: number) => void): Promise<CsvSource> {
  const { size } = await stat(file);
  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytesRead += chunk.length;
      onBytes?.(bytesRead);
      callback(null, chunk);
    },
  });
  const raw = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(counter);
  const text = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const parser = text.pipe(
    parse({ relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true, info: true, trim: true }),
  );
  async function* records(): AsyncIterable<CsvRecord> {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: info.lines, fields: record };
    }
  }
  return { records: records(), totalBytes: size };
}

/** Reads the first record of a file, to detect its format. */
export async function firstRecord(file: string): Promise<string[] | undefined> {
  const { records } = await openCsv(file);
  for await (const record of records) return record.fields;
  return undefined;
}
