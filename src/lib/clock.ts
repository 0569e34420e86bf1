/** The injectable clock: "today" comes from here so tests and demos can run at any date. */

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's date in England as an ISO date (YYYY-MM-DD). */
  today(): string;
}

/** Made once: building a formatter costs about 0.1 ms, and choice lists format hundreds of dates. */
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** The last minute formatted and its date: England's offsets are whole hours, so every instant of one minute has one date. */
let lastMinute = { minute: Number.NaN, date: '' };

/** Formats an instant as the calendar date in Europe/London, the regime's own time zone (formatted once a minute, as every request asks). */
export function londonDateOf(instant: Date): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastMinute.minute) lastMinute = { minute, date: LONDON_DATE.format(instant) };
  return lastMinute.date;
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

const LONDON_OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });

/** Minutes Europe/London is ahead of UTC at an instant: 0 in winter (GMT), 60 in summer (BST). */
function londonOffsetMinutes(instant: Date): number {
  const name = LONDON_OFFSET.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0)) : 0;
}

/** The instant of a wall-clock date and time in England (people type local times; the database keeps instants). */
export function londonInstant(isoDate: string, timeOfDay: string): Date {
  const asIfUtc = new Date(`${isoDate}T${timeOfDay}:00Z`);
  const firstGuess = new Date(asIfUtc.getTime() - londonOffsetMinutes(asIfUtc) * 60_000);
  return new Date(asIfUtc.getTime() - londonOffsetMinutes(firstGuess) * 60_000);
}

/** The instant England's day begins (midnight in London: 23:00 UTC the evening before during BST), for "since that day" queries. */
export function startOfLondonDay(isoDate: string): Date {
  return londonInstant(isoDate, '00:00');
}
