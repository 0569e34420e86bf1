/** Upserts ODS organisations with their parents resolved and their postcodes placed; counts newly closed ones. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { OrganisationKind } from '../../identity/roles.rules.ts';
import { type ColumnSpec, upsertRows } from './batch-upsert.repo.ts';
import { normalisePostcode } from '../../../lib/postcode.ts';
import { geocodePostcodes } from './geocode.ts';
import type { ImportSummary } from './import-summary.ts';
import { organisationIdsByOdsCode, storedPlacesOf } from './organisation-import.repo.ts';

export interface OrganisationRow {
  odsCode: string;
  name: string;
  kind: OrganisationKind;
  odsType: 'region' | 'icb' | 'sub-icb' | 'gp-practice' | 'trust';
  parentOdsCode: string | null;
  address: string | null;
  postcode: string | null;
  openDate: string | null;
  closeDate: string | null;
  regionCode: string | null;
  prescribingSetting: number | null;
  status: string | null;
}

const COLUMNS: ColumnSpec[] = [
  { name: 'ods_code', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'ods_type', type: 'text' },
  { name: 'parent_id', type: 'uuid' },
  { name: 'address', type: 'text' },
  { name: 'postcode', type: 'text' },
  { name: 'latitude', type: 'float8' },
  { name: 'longitude', type: 'float8' },
  { name: 'geo_precision', type: 'text' },
  { name: 'open_date', type: 'date' },
  { name: 'close_date', type: 'date' },
  { name: 'region_code', type: 'text' },
  { name: 'prescribing_setting', type: 'int4' },
  { name: 'status', type: 'text' },
];

/** Upserts one batch inside the caller's transaction and adds its counts to the summary. */
export async function upsertOrganisations(db: Kysely<Database>, rows: OrganisationRow[], summary: ImportSummary): Promise<void> {
  if (rows.length === 0) return;
  const codes = rows.map((row) => row.odsCode);
  const parentCodes = [...new Set(rows.map((row) => row.parentOdsCode).filter((code): code is string => Boolean(code)))];
  const parentIds = await organisationIdsByOdsCode(db, parentCodes);
  const existing = await storedPlacesOf(db, codes);
  const wasOpen = new Set(existing.filter((row) => row.closeDate === null).map((row) => row.odsCode));
  /** Coordinates follow the postcode: kept while it is unchanged (they may come from a more specific source, e.g. gp_practices_geo.csv). */
  const kept = new Map(
    existing
      .filter((row) => row.latitude !== null)
      .map((row) => [
        row.odsCode,
        { postcode: row.postcode, latitude: row.latitude!, longitude: row.longitude!, precision: row.geoPrecision },
      ]),
  );
  const places = await geocodePostcodes(
    db,
    rows.map((row) => row.postcode),
  );
  const cells = rows.map((row) => {
    const previous = kept.get(row.odsCode);
    const located = row.postcode ? places.get(normalisePostcode(row.postcode) ?? '') : undefined;
    const place = previous && (previous.postcode === row.postcode || !located) ? previous : located;
    return [
      row.odsCode,
      row.name,
      row.kind,
      row.odsType,
      row.parentOdsCode ? (parentIds.get(row.parentOdsCode) ?? null) : null,
      row.address,
      row.postcode,
      place?.latitude ?? null,
      place?.longitude ?? null,
      place?.precision ?? null,
      row.openDate,
      row.closeDate,
      row.regionCode,
      row.prescribingSetting,
      row.status,
    ];
  });
  const result = await upsertRows(db, 'organisations', 'ods_code', COLUMNS, cells);
  summary.inserted += result.inserted;
  summary.updated += result.updated;
  summary.unchanged += rows.length - result.inserted - result.updated;
  summary.closed += rows.filter((row) => row.closeDate && wasOpen.has(row.odsCode)).length;
}
