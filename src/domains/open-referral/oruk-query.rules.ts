/** The feed's query parameters (ORUK openapi `components.parameters`): what each list accepts, read strictly so a filter we cannot apply is refused, not ignored. */
import { type FieldError, validationFailed } from '../../lib/errors.ts';
import { isUuid } from '../../lib/uuid-v5.ts';

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 200;
/** Further than this from a postcode is not "near" anywhere in England: 1,000 km. */
export const MAX_PROXIMITY_METRES = 1_000_000;

export type OrukList = 'services' | 'service_at_locations' | 'organizations' | 'taxonomies' | 'taxonomy_terms';

/** Parameters the specification defines that this feed does not apply; asked for, they get a 400 rather than an unfiltered answer. */
const NOT_APPLIED = ['minimum_age', 'maximum_age', 'start_time', 'end_time', 'day', 'modified_after', 'minimal', 'full', 'format'];

const ACCEPTED: Record<OrukList, readonly string[]> = {
  services: ['page', 'per_page', 'search', 'taxonomy_term_id', 'taxonomy_id'],
  service_at_locations: ['page', 'per_page', 'search', 'taxonomy_term_id', 'taxonomy_id', 'postcode', 'proximity'],
  organizations: ['page', 'per_page'],
  taxonomies: ['page', 'per_page'],
  taxonomy_terms: ['page', 'per_page', 'taxonomy_id'],
};

export interface OrukQuery {
  page: number;
  perPage: number;
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  postcode?: string;
  /** Metres from the postcode's centre. */
  proximity?: number;
}

type Raw = Record<string, unknown>;

function text(raw: Raw, name: string, errors: FieldError[]): string | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    errors.push({ field: name, message: `Give ${name} once` });
    return undefined;
  }
  return value.trim() || undefined;
}

function wholeNumber(raw: Raw, name: string, range: [number, number], errors: FieldError[]): number | undefined {
  const value = text(raw, name, errors);
  if (value === undefined) return undefined;
  const number = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(number) && number >= range[0] && number <= range[1]) return number;
  errors.push({ field: name, message: `${name} must be a whole number from ${range[0]} to ${range[1]}` });
  return undefined;
}

function uuid(raw: Raw, name: string, errors: FieldError[]): string | undefined {
  const value = text(raw, name, errors);
  if (value === undefined || isUuid(value)) return value?.toLowerCase();
  errors.push({ field: name, message: `${name} must be a UUID` });
  return undefined;
}

function proximityOf(raw: Raw, errors: FieldError[]): number | undefined {
  const value = text(raw, 'proximity', errors);
  if (value === undefined) return undefined;
  const metres = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (metres > 0 && metres <= MAX_PROXIMITY_METRES) return metres;
  errors.push({ field: 'proximity', message: `proximity must be a distance in metres, more than 0 and at most ${MAX_PROXIMITY_METRES}` });
  return undefined;
}

function unknownParameters(raw: Raw, list: OrukList): FieldError[] {
  return Object.keys(raw)
    .filter((name) => !ACCEPTED[list].includes(name))
    .map((name) => ({
      field: name,
      message: NOT_APPLIED.includes(name)
        ? `This feed does not filter by ${name}`
        : `${name} is not a parameter of /${list}; it takes ${ACCEPTED[list].join(', ')}`,
    }));
}

/** Reads a list's query string, refusing unknown, unapplied and malformed parameters all at once (a 400 naming each). */
export function readOrukQuery(raw: Raw, list: OrukList): OrukQuery {
  const errors = unknownParameters(raw, list);
  const query: OrukQuery = {
    page: wholeNumber(raw, 'page', [1, 1_000_000], errors) ?? 1,
    perPage: wholeNumber(raw, 'per_page', [1, MAX_PER_PAGE], errors) ?? DEFAULT_PER_PAGE,
    search: text(raw, 'search', errors)?.slice(0, 100),
    taxonomyTermId: uuid(raw, 'taxonomy_term_id', errors),
    taxonomyId: uuid(raw, 'taxonomy_id', errors),
    postcode: text(raw, 'postcode', errors),
    proximity: proximityOf(raw, errors),
  };
  if (query.proximity !== undefined && query.postcode === undefined)
    errors.push({ field: 'proximity', message: 'proximity is measured from a postcode: give postcode too' });
  if (errors.length) throw validationFailed(errors, errors.map((error) => error.message).join('. '));
  return query;
}
