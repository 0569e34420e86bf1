/** Providers' waits (PRODUCT.md §3.5): the median working days to acceptance or to first appointment over the last 90 days, suppressed on small numbers; shown by choice lists and the directory alike. */
import { addDays, workingDaysBetween } from '../../lib/working-days.ts';

/** A wait is shown only when it rests on at least this many referrals in the window, so one fast case cannot mislead (and no patient can be picked out). */
export const MIN_REFERRALS_FOR_WAIT = 5;
/** Waits are measured over the referrals accepted (or first seen) in the last 90 days. */
export const WAIT_WINDOW_DAYS = 90;

export interface IndicativeWait {
  /** Median working days from sending to acceptance (or, for the wait to first appointment, to the first attended contact); null when too few referrals to say. */
  workingDays: number | null;
  /** How many referrals the figure rests on. */
  basedOn: number;
}

/** One referral's first attended appointment or session, as the provider recorded it. */
export interface FirstSeen {
  sentOn: string;
  seenOn: string;
}

/** The median of a list of numbers (the mean of the middle two for an even count), rounded to a whole day. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value);
}

/** The median working days from each start to its end, over the ends in the last 90 days; none with fewer than five (small numbers are suppressed). */
function medianWorkingDays(spans: readonly { from: string; to: string }[], today: string): IndicativeWait {
  const since = addDays(today, -WAIT_WINDOW_DAYS);
  const inWindow = spans.filter((span) => span.to > since && span.to <= today);
  if (inWindow.length < MIN_REFERRALS_FOR_WAIT) return { workingDays: null, basedOn: inWindow.length };
  return { workingDays: median(inWindow.map((span) => workingDaysBetween(span.from, span.to))), basedOn: inWindow.length };
}

/** A provider's time to accept, for GPs and commissioners: the median working days from sent to accepted over referrals accepted in the last 90 days (English bank holidays excluded). */
export function indicativeWait(accepted: readonly { sentOn: string; acceptedOn: string }[], today: string): IndicativeWait {
  return medianWorkingDays(
    accepted.map((referral) => ({ from: referral.sentOn, to: referral.acceptedOn })),
    today,
  );
}

/** The wait patients mean (issue #12): the median working days from the referral being sent to the first attended appointment or session, over patients first seen in the last 90 days. */
export function waitToFirstAppointment(firstSeen: readonly FirstSeen[], today: string): IndicativeWait {
  return medianWorkingDays(
    firstSeen.map((referral) => ({ from: referral.sentOn, to: referral.seenOn })),
    today,
  );
}
