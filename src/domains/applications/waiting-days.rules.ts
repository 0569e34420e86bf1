/** The assessment clock: working days an application has waited since submission, paused while a clarification is with the provider (issue #5). */
import { londonDateOf } from '../../lib/clock.ts';
import { workingDaysBetween } from '../../lib/working-days.ts';

/** A clarification's pause: from the day it was asked until the day it was answered (still running when unanswered). */
export interface ClockPause {
  askedAt: Date;
  answeredAt: Date | null;
}

/** Working days after submission up to today, not counting working days after a question was asked up to and including the day it was answered. */
export function waitingWorkingDays(submittedAt: Date, today: string, pauses: readonly ClockPause[]): number {
  const spans = pauses.map((pause) => ({
    from: londonDateOf(pause.askedAt),
    to: pause.answeredAt ? londonDateOf(pause.answeredAt) : today,
  }));
  const paused = (day: string) => spans.some((span) => day > span.from && day <= span.to);
  return workingDaysBetween(londonDateOf(submittedAt), today, paused);
}

/**
 * The instant to record for an event happening "today" by the injectable clock: the real instant when the clock is not pinned,
 * otherwise the pinned day with the real time of day folded into its daytime, so the assessment clock counts the days demos and tests live in.
 */
export function eventInstant(clock: { now(): Date; today(): string }): Date {
  const now = clock.now();
  const today = clock.today();
  if (londonDateOf(now) === today) return now;
  return new Date(Date.parse(`${today}T12:00:00Z`) + (now.getTime() % 21_600_000));
}
