/** Budget alerts (issue #14 item 7; decision 0048): which thresholds a forecast has crossed, and how the plan stands. */

/** The thresholds used when a commissioner has set none: warn at 90% of plan, and again when the forecast reaches the plan. */
export const DEFAULT_THRESHOLDS: readonly number[] = [90, 100];

/** The thresholds (percent of plan) a forecast has reached, smallest first; in whole pence, so 90% of £1,000 is reached at exactly £900. */
export function thresholdsCrossed(forecastPence: number, planPence: number, thresholds: readonly number[]): number[] {
  if (planPence <= 0) return [];
  return [...thresholds].sort((a, b) => a - b).filter((percent) => forecastPence * 100 >= planPence * percent);
}

/** The thresholds to alert on now: crossed, and never alerted before for this plan. */
export function newAlerts(crossed: readonly number[], alreadyRaised: readonly number[]): number[] {
  return crossed.filter((percent) => !alreadyRaised.includes(percent));
}

export type PlanStanding = 'on-track' | 'near-plan' | 'over-plan';

/** How the plan stands, in words as well as colour: over plan at 100% or more, near plan past any lower threshold. */
export function standingOf(forecastPence: number, planPence: number, thresholds: readonly number[]): PlanStanding {
  if (forecastPence >= planPence) return 'over-plan';
  return thresholdsCrossed(forecastPence, planPence, thresholds).length ? 'near-plan' : 'on-track';
}

/** The forecast as a percentage of plan, to one decimal place. */
export function percentOfPlan(forecastPence: number, planPence: number): number {
  return planPence > 0 ? Math.round((forecastPence * 1000) / planPence) / 10 : 0;
}
