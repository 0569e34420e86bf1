/** A site's opening times: for each weekday, open and close times or closed (PRODUCT.md §3.3). */
import type { FieldError } from '../../lib/errors.ts';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

/** One day's hours as stored; a day that is not listed is closed. */
export interface OpeningHours {
  day: Weekday;
  opens: string;
  closes: string;
}

/** One day as typed: both times empty means closed. */
export interface OpeningTimesInput {
  day: string;
  opens: string;
  closes: string;
}

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** "9:00" or "09.00" as "09:00"; undefined when it is not a 24-hour time. */
export function normaliseTime(text: string): string | undefined {
  const match = TIME.exec(text.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : undefined;
}

/** The field a day's time is reported against, e.g. openingTimes-monday-opens. */
export function openingTimeField(day: string, which: 'opens' | 'closes'): string {
  return `openingTimes-${day}-${which}`;
}

/** Validates a week of opening times: real 24-hour times, both or neither given, closing after opening; at most one entry per day. */
export function checkOpeningTimes(input: readonly OpeningTimesInput[]): { hours: OpeningHours[]; errors: FieldError[] } {
  const hours: OpeningHours[] = [];
  const errors: FieldError[] = [];
  for (const day of WEEKDAYS) {
    const entries = input.filter((entry) => entry.day === day);
    if (entries.length > 1) errors.push({ field: openingTimeField(day, 'opens'), message: `Give ${WEEKDAY_LABELS[day]} once` });
    const entry = entries[0];
    if (!entry || (!entry.opens.trim() && !entry.closes.trim())) continue;
    const opens = normaliseTime(entry.opens);
    const closes = normaliseTime(entry.closes);
    const label = WEEKDAY_LABELS[day];
    if (!opens)
      errors.push({
        field: openingTimeField(day, 'opens'),
        message: `Enter the time ${label} opens as a 24-hour time, like 09:00, or leave both times empty if closed`,
      });
    if (!closes)
      errors.push({
        field: openingTimeField(day, 'closes'),
        message: `Enter the time ${label} closes as a 24-hour time, like 17:30, or leave both times empty if closed`,
      });
    if (opens && closes && closes <= opens)
      errors.push({ field: openingTimeField(day, 'closes'), message: `${label} must close after it opens` });
    if (opens && closes && closes > opens) hours.push({ day, opens, closes });
  }
  const unknown = input.find((entry) => !(WEEKDAYS as readonly string[]).includes(entry.day));
  if (unknown) errors.push({ field: 'openingTimes', message: `${unknown.day} is not a day of the week` });
  return { hours, errors };
}

/** Stored opening times read back safely (anything malformed is dropped). */
export function openingHoursFrom(stored: unknown): OpeningHours[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (entry): entry is OpeningHours =>
      typeof entry === 'object' &&
      entry !== null &&
      (WEEKDAYS as readonly string[]).includes((entry as OpeningHours).day) &&
      typeof (entry as OpeningHours).opens === 'string' &&
      typeof (entry as OpeningHours).closes === 'string',
  );
}
