/** Imports postcode district and sector centres, used for partial-postcode searches and as a geocoding fallback. */
import { isInGreatBritain } from '../../../lib/geo.ts';
import { isOutwardCode } from '../../../lib/postcode.ts';
import type { Deps } from '../../deps.ts';
import { type Cell, type ColumnSpec, upsertRows } from './batch-upsert.repo.ts';
import { openCsv } from './csv-source.ts';
import { emptySummary, type ImportSummary, reject } from './import-summary.ts';

interface AreaFormat {
  dataset: string;
  table: 'postcode_districts' | 'postcode_sectors';
  key: string;
  header: string;
  columns: ColumnSpec[];
  /** The row's cells, or the reason it is rejected. */
  toCells(fields: string[]): Cell[] | string;
}

function coordinate(latitude: string | undefined, longitude: string | undefined): [number, number] | string {
  if (!latitude || !longitude) return 'missing coordinate';
  const point = { latitude: Number(latitude), longitude: Number(longitude) };
  if (!Number.isFinite(point.latitude) || !Number.isFinite(point.longitude)) return 'non-numeric coordinate';
  return isInGreatBritain(point) ? [point.latitude, point.longitude] : `coordinate ${latitude}, ${longitude} is outside Great Britain`;
}

const DISTRICTS: AreaFormat = {
  dataset: 'postcode-districts',
  table: 'postcode_districts',
  key: 'district',
  header: 'district,latitude,longitude,easting,northing,postcodes,country,local_authority_code,local_authority_name',
  columns: [
    { name: 'district', type: 'text' },
    { name: 'latitude', type: 'float8' },
    { name: 'longitude', type: 'float8' },
    { name: 'postcode_count', type: 'int4' },
    { name: 'country', type: 'text' },
    { name: 'local_authority_code', type: 'text' },
    { name: 'local_authority_name', type: 'text' },
  ],
  toCells(fields) {
    if (fields.length !== 9) return `expected 9 columns, found ${fields.length}`;
    const [district, latitude, longitude, , , count, country, laCode, laName] = fields;
    if (!district || !isOutwardCode(district)) return `malformed postcode district "${district}"`;
    const point = coordinate(latitude, longitude);
    if (typeof point === 'string') return point;
    return [district.toUpperCase(), point[0], point[1], Number(count) || 0, country || null, laCode || null, laName || null];
  },
};

const SECTORS: AreaFormat = {
  dataset: 'postcode-sectors',
  table: 'postcode_sectors',
  key: 'sector',
  header: 'sector,district,latitude,longitude,easting,northing,postcodes',
  columns: [
    { name: 'sector', type: 'text' },
    { name: 'district', type: 'text' },
    { name: 'latitude', type: 'float8' },
    { name: 'longitude', type: 'float8' },
    { name: 'postcode_count', type: 'int4' },
  ],
  toCells(fields) {
    if (fields.length !== 7) return `expected 7 columns, found ${fields.length}`;
    const [sector, district, latitude, longitude, , , count] = fields;
    if (!sector || !district || !isOutwardCode(district) || !/^[A-Z0-9]{2,4} [0-9]$/.test(sector))
      return `malformed postcode sector "${sector}"`;
    const point = coordinate(latitude, longitude);
    if (typeof point === 'string') return point;
    return [sector, district, point[0], point[1], Number(count) || 0];
  },
};

async function importAreas(deps: Deps, file: string, format: AreaFormat): Promise<ImportSummary> {
  const started = Date.now();
  const summary = emptySummary(format.dataset, file, 'aqp-csv');
  const cells: Cell[][] = [];
  const seen = new Set<string>();
  for await (const record of (await openCsv(file)).records) {
    if (record.line === 1) {
      if (record.fields.join(',').toLowerCase() !== format.header) throw new Error(`${file}: expected the header ${format.header}`);
      continue;
    }
    summary.rowsRead += 1;
    const result = format.toCells(record.fields);
    if (typeof result === 'string') reject(summary, record.line, result);
    else if (seen.has(String(result[0]))) reject(summary, record.line, `duplicate ${format.key} ${result[0]}`);
    else {
      seen.add(String(result[0]));
      cells.push(result);
    }
  }
  await deps.db.transaction().execute(async (trx) => {
    for (let start = 0; start < cells.length; start += 5000) {
      const batch = cells.slice(start, start + 5000);
      const result = await upsertRows(trx, format.table, format.key, format.columns, batch);
      summary.inserted += result.inserted;
      summary.updated += result.updated;
      summary.unchanged += batch.length - result.inserted - result.updated;
    }
  });
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

export const importDistricts = (deps: Deps, file: string) => importAreas(deps, file, DISTRICTS);
export const importSectors = (deps: Deps, file: string) => importAreas(deps, file, SECTORS);
