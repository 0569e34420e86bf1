/** The contract-management periods for KPI breaches from the environment (decision 0056): our reading of GC9, UNCONFIRMED, so configuration. */
import { type BreachPeriods, DEFAULT_BREACH_PERIODS } from '../domains/provider-quality/breach.rules.ts';

/** Reads AQP_BREACH_RESPOND_WORKING_DAYS, AQP_BREACH_MEET_WORKING_DAYS (1–250 each) and AQP_BREACH_PERIODS_EDITION; `fail` turns a bad value into the loader's error. */
export function breachPeriodsFrom(env: NodeJS.ProcessEnv, fail: (message: string) => Error): BreachPeriods {
  const days = (name: string, fallback: number) => {
    const text = env[name]?.trim();
    if (!text) return fallback;
    if (!/^\d{1,3}$/.test(text) || Number(text) < 1 || Number(text) > 250)
      throw fail(`${name} must be a whole number of working days from 1 to 250, not "${text}".`);
    return Number(text);
  };
  const periods = {
    respondWithinWorkingDays: days('AQP_BREACH_RESPOND_WORKING_DAYS', DEFAULT_BREACH_PERIODS.respondWithinWorkingDays),
    meetWithinWorkingDays: days('AQP_BREACH_MEET_WORKING_DAYS', DEFAULT_BREACH_PERIODS.meetWithinWorkingDays),
  };
  const changed =
    periods.respondWithinWorkingDays !== DEFAULT_BREACH_PERIODS.respondWithinWorkingDays ||
    periods.meetWithinWorkingDays !== DEFAULT_BREACH_PERIODS.meetWithinWorkingDays;
  const edition = env.AQP_BREACH_PERIODS_EDITION?.trim();
  if (edition && edition.length > 200) throw fail('AQP_BREACH_PERIODS_EDITION must be at most 200 characters.');
  return {
    edition: edition || (changed ? 'Set by this deployment (AQP_BREACH_*_WORKING_DAYS)' : DEFAULT_BREACH_PERIODS.edition),
    ...periods,
  };
}
