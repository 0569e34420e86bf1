/**
 * England's region from country-coder (ISC licence; decision 0061): its land borders with Wales and Scotland, closed by coarse lines
 * out at sea. Natural Earth's admin-0 outlines draw the United Kingdom as one country, so England is its land inside this region.
 */
import { feature } from '@rapideditor/country-coder';
import type { LonLat } from './topojson.rules.ts';

/** country-coder's identifier for England (ISO 3166-2). */
export const ENGLAND_REGION_CODE = 'GB-ENG';

/** The two shapes country-coder's regions come in (its types leave GeoJSON's geometry untyped here). */
type RegionGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** The outer rings of England's region in degrees (country-coder's regions have no holes). */
export function englandRegion(): LonLat[][] {
  const geometry = feature(ENGLAND_REGION_CODE)?.geometry as RegionGeometry | undefined;
  if (!geometry) throw new Error(`country-coder has no region ${ENGLAND_REGION_CODE}`);
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((polygon) => polygon[0]!.map(([longitude, latitude]) => [longitude!, latitude!] as LonLat));
}
