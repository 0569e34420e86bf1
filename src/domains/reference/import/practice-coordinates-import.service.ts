/** Applies gp_practices_geo.csv: the published coordinates of GP practices already imported from epraccur. */
import { isInGreatBritain } from '../../../lib/geo.ts';
import type { Deps } from '../../deps.ts';
import { openCsv } from './csv-source.ts';
import { emptySummary, type ImportSummary, reject } from './import-summary.ts';
import { countKnownOdsCodes, updatePracticeCoordinates } from './organisation-import.repo.ts';

const HEADER =
  'code,name,postcode,status,prescribing_setting,commissioner,icb,region,open_date,close_date,latitude,longitude,geo_precision';

/** Updates coordinates only where they differ; rows without coordinates or for unknown practices are skipped. */
export async function importPracticeCoordinates(deps: Deps, file: string): Promise<ImportSummary> {
  const started = Date.now();
  const summary = emptySummary('gp-practice-coordinates', file, 'aqp-csv');
  const codes: string[] = [];
  const latitudes: number[] = [];
  const longitudes: number[] = [];
  const precisions: string[] = [];
  for await (const record of (await openCsv(file)).records) {
    if (record.line === 1) {
      if (record.fields.join(',') !== HEADER) throw new Error(`${file}: expected the header ${HEADER}`);
      continue;
    }
    summary.rowsRead += 1;
    if (record.fields.length !== 13) {
      reject(summary, record.line, `expected 13 columns, found ${record.fields.length}`);
      continue;
    }
    const [code, , , , , , , , , , latitude, longitude, precision] = record.fields;
    if (precision === 'none' || !latitude || !longitude) {
      summary.skipped += 1;
      continue;
    }
    const point = { latitude: Number(latitude), longitude: Number(longitude) };
    if (!isInGreatBritain(point)) {
      reject(summary, record.line, `coordinate ${latitude}, ${longitude} is outside Great Britain`);
      continue;
    }
    codes.push(code!.toUpperCase());
    latitudes.push(point.latitude);
    longitudes.push(point.longitude);
    precisions.push(precision!);
  }
  const updated = await updatePracticeCoordinates(deps.db, { codes, latitudes, longitudes, precisions });
  const known = await countKnownOdsCodes(deps.db, codes);
  summary.updated = updated;
  summary.skipped += codes.length - known;
  summary.unchanged = known - summary.updated;
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
