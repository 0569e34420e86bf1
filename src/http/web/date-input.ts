/** The NHS date input (day, month, year boxes) read into an ISO date, with the error messages the service manual recommends. */
import type { FieldError } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';
import { field } from './form.ts';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** The three boxes of a date input as typed. */
export function datePartsOf(body: unknown, name: string): DateParts {
  return { day: field(body, `${name}-day`).trim(), month: field(body, `${name}-month`).trim(), year: field(body, `${name}-year`).trim() };
}

/** An ISO date as the three boxes show it. */
export function datePartsFromIso(iso: string | null | undefined): DateParts {
  if (!iso) return { day: '', month: '', year: '' };
  return { day: String(Number(iso.slice(8, 10))), month: String(Number(iso.slice(5, 7))), year: iso.slice(0, 4) };
}

/** The ISO date the boxes hold: null when all are empty, a field error when they do not make a real date. */
export function isoDateFromParts(parts: DateParts, name: string, label: string): { value: string | null; error?: FieldError } {
  if (!parts.day && !parts.month && !parts.year) return { value: null };
  const missing = (['day', 'month', 'year'] as const).filter((part) => !parts[part]);
  if (missing.length) return { value: null, error: { field: name, message: `${label} must include a ${missing.join(' and ')}` } };
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year))
    return { value: null, error: { field: name, message: `${label} must be a real date` } };
  const iso = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  return isIsoDate(iso) ? { value: iso } : { value: null, error: { field: name, message: `${label} must be a real date` } };
}
