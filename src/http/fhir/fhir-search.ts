/** Reading a FHIR search's query: the declared parameters once each, and the page (`_count`, `_offset`); anything else is a 400. */
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { FhirPage, FhirSearchParam } from './fhir-resource-type.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Parameters every search accepts besides the type's own. */
const PAGING_AND_FORMAT = new Set(['_count', '_offset', '_format']);

export type FhirQuery = Record<string, string | string[] | undefined>;

/** A whole number from 0 up, or a 400 naming the parameter. */
function wholeNumberOf(name: string, value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw validationFailed([{ field: name, message: `${name} must be a whole number from 0` }], `Bad ${name}`);
  return Number(value);
}

/** The page asked for: `_count` (default 20, at most 100; 0 gives only the total) from `_offset` (default 0). */
export function pageOf(query: FhirQuery): FhirPage {
  const count = typeof query._count === 'string' ? Math.min(wholeNumberOf('_count', query._count), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const offset = typeof query._offset === 'string' ? wholeNumberOf('_offset', query._offset) : 0;
  return { count, offset };
}

/**
 * The declared search parameters, each given once and not empty. An unknown parameter, a modifier (`name:exact`) or a repeat is a
 * 400, not silently ignored: a directory consumer that asked for something we cannot do must not get a wider answer than it asked.
 */
export function searchParamsOf(query: FhirQuery, declared: readonly FhirSearchParam[]): Record<string, string> {
  const known = new Set(declared.map((param) => param.name));
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) throw badParameter(name, `Give ${name} once`);
    if (PAGING_AND_FORMAT.has(name)) continue;
    if (!known.has(name)) throw badParameter(name, `${name} is not a search parameter here. Known: ${[...known].join(', ') || 'none'}`);
    if (value.trim() === '') throw badParameter(name, `${name} is empty`);
    params[name] = value.trim();
  }
  return params;
}

function badParameter(name: string, message: string): DomainError {
  return validationFailed([{ field: name, message }], `Unsupported search: ${message}`);
}

/** A token search value split as FHIR writes it: `system|code`, `|code` (no system), or `code` (any system). */
export function tokenOf(value: string): { system?: string; code: string } {
  const bar = value.indexOf('|');
  if (bar < 0) return { code: value };
  return { system: value.slice(0, bar), code: value.slice(bar + 1) };
}

/** A reference search value's id: `Type/id` or a bare `id`; another type is a 400. */
export function referencedIdOf(name: string, value: string, type: string): string {
  const parts = value.split('/');
  if (parts.length === 1) return value;
  if (parts.length !== 2 || parts[0] !== type) throw badParameter(name, `${name} must refer to a ${type}`);
  return parts[1] ?? '';
}

const KM_PER_UNIT: Record<string, number | undefined> = { km: 1, mi: 1.609344, '[mi_i]': 1.609344 };

/** FHIR `near=latitude|longitude|distance|unit`: a point, and a radius in km (default 10; units km or mi, as e-RS consumers send). */
export function nearOf(value: string, defaultKm = 10): { latitude: number; longitude: number; km: number } {
  const [lat, lon, distance, unit = 'km'] = value.split('|');
  const latitude = Number(lat);
  const longitude = Number(lon);
  const number = distance === undefined || distance === '' ? defaultKm : Number(distance);
  const kmPerUnit = KM_PER_UNIT[unit];
  const valid = lat !== '' && lon !== '' && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 && number > 0 && number <= 1000;
  if (!valid || kmPerUnit === undefined || Number.isNaN(latitude) || Number.isNaN(longitude)) {
    throw badParameter('near', 'near must be latitude|longitude|distance|unit, e.g. 53.80|-1.55|10|km (unit km or mi)');
  }
  return { latitude, longitude, km: number * kmPerUnit };
}
