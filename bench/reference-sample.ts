/** Real postcodes for benchmarks, sampled evenly from the reference data (AQP_DATA_DIR or ../shared/data). */
import path from 'node:path';
import { openCsv } from '../src/domains/reference/import/csv-source.ts';

export const REFERENCE_DATA_DIR = path.resolve(process.env.AQP_DATA_DIR ?? path.join(import.meta.dirname, '../../shared/data'));

export interface SamplePoint {
  postcode: string;
  latitude: number;
  longitude: number;
}

/** Every `step`-th English postcode (country E92000001) with its coordinates. */
export async function samplePostcodes(step: number): Promise<SamplePoint[]> {
  const points: SamplePoint[] = [];
  let index = 0;
  const { records } = await openCsv(path.join(REFERENCE_DATA_DIR, 'postcodes_gb.csv.gz'));
  for await (const { line, fields } of records) {
    if (line === 1 || fields[3] !== 'E92000001') continue;
    if (index++ % step === 0) points.push({ postcode: fields[0]!, latitude: Number(fields[1]), longitude: Number(fields[2]) });
  }
  return points;
}
