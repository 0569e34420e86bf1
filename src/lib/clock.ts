/** The injectable clock: "today" comes from here so tests and demos can run at any date. */

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's date in England as an ISO date (YYYY-MM-DD). */
  today(): string;
}

/** Made once: building a formatter costs about 0.1 ms, and choice lists format hundreds of dates. */
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** Formats an instant as the calendar date in Europe/London, the regime's own time zone. */
export function londonDateOf(instant: Date): string {
  return LONDON_DATE.format(instant);
}

/** The real clock, optionally pinned to a fixed date (AQP_TODAY) while keeping the time of day moving. */
export function systemClock(fixedToday?: string): Clock {
  return {
    now: () => new Date(),
    today: () => fixedToday ?? londonDateOf(new Date()),
  };
}

/** A clock frozen at one instant, for tests. */
export function fixedClock(instant: Date | string): Clock {
  const at = new Date(instant);
  return { now: () => new Date(at), today: () => londonDateOf(at) };
}
