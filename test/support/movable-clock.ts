/** A clock whose "today" a test can move, for date rules (a price change next financial year); instants stay real so sessions keep working, as with AQP_TODAY. */
import type { Clock } from '../../src/lib/clock.ts';

export interface MovableClock extends Clock {
  setToday(isoDate: string): void;
}

export function movableToday(start: string): MovableClock {
  let today = start;
  return {
    now: () => new Date(),
    today: () => today,
    setToday: (isoDate) => {
      today = isoDate;
    },
  };
}
