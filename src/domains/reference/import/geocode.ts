/** Places an organisation at its postcode: the unit's coordinates, else the sector's, else the district's centre. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { parsePostcodeQuery, type PostcodeQuery } from '../../../lib/postcode.ts';
import { districtCentresOf, sectorCentresOf, unitCoordinatesOf } from '../postcode.repo.ts';

export interface GeoPoint {
  latitude: number;
  longitude: number;
  precision: 'postcode' | 'sector' | 'district';
}

/** Looks up many postcodes at once (three indexed queries), for importers. */
export async function geocodePostcodes(db: Kysely<Database>, postcodes: (string | null)[]): Promise<Map<string, GeoPoint>> {
  const parsed = [...new Set(postcodes.filter((p): p is string => Boolean(p)))]
    .map(parsePostcodeQuery)
    .filter((q): q is Extract<PostcodeQuery, { kind: 'postcode' }> => q.kind === 'postcode');
  const found = new Map<string, GeoPoint>();
  if (parsed.length === 0) return found;
  const units = await unitCoordinatesOf(
    db,
    parsed.map((q) => q.postcode),
  );
  for (const unit of units) found.set(unit.postcode, { latitude: unit.latitude, longitude: unit.longitude, precision: 'postcode' });
  const missing = parsed.filter((q) => !found.has(q.postcode));
  if (missing.length === 0) return found;
  const sectors = await sectorCentresOf(
    db,
    missing.map((q) => q.sector),
  );
  const districts = await districtCentresOf(
    db,
    missing.map((q) => q.district),
  );
  for (const q of missing) {
    const sector = sectors.find((row) => row.sector === q.sector);
    const district = districts.find((row) => row.district === q.district);
    if (sector) found.set(q.postcode, { latitude: sector.latitude, longitude: sector.longitude, precision: 'sector' });
    else if (district) found.set(q.postcode, { latitude: district.latitude, longitude: district.longitude, precision: 'district' });
  }
  return found;
}
