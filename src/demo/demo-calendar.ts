/** The demo's calendar: every story is told relative to today, and its contracts began long enough ago for six months of paid activity. */
import type { Deps } from '../domains/deps.ts';
import { fixedClock, londonDateOf, londonInstant } from '../lib/clock.ts';
import { addDays } from '../lib/working-days.ts';

/** How many days before today the demo providers' contracts started (issue #14 item 9: months of activity to pay; issue #15 item 10: a year of KPI history, decision 0060). */
export const DEMO_HISTORY_DAYS = 380;

/** The same database with the clock set to a time (in England) on a day some days before today, never later than now. */
export function daysAgo(deps: Deps, days: number, time = '10:00'): Deps {
  const at = londonInstant(addDays(deps.clock.today(), -days), time);
  const now = deps.clock.now();
  return { db: deps.db, clock: fixedClock(days === 0 && at > now && londonDateOf(now) === deps.clock.today() ? now : at) };
}
