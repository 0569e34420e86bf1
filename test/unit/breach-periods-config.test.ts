import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { DEFAULT_BREACH_PERIODS } from '../../src/domains/provider-quality/breach.rules.ts';

describe('the breach periods in the configuration', () => {
  it('defaults to our reading of GC9 and takes a deployment’s own working days with the reading they come from', () => {
    expect(loadConfig({}).breachPeriods).toEqual(DEFAULT_BREACH_PERIODS);
    expect(
      loadConfig({ AQP_BREACH_RESPOND_WORKING_DAYS: '10', AQP_BREACH_PERIODS_EDITION: 'NHS Standard Contract 2027/28 GC9' }).breachPeriods,
    ).toEqual({
      edition: 'NHS Standard Contract 2027/28 GC9',
      respondWithinWorkingDays: 10,
      meetWithinWorkingDays: 10,
    });
    expect(loadConfig({ AQP_BREACH_MEET_WORKING_DAYS: '15' }).breachPeriods.edition).toContain('Set by this deployment');
  });

  it('refuses a period that is not 1 to 250 working days, naming the variable', () => {
    for (const value of ['0', '251', 'five', '-1'])
      expect(() => loadConfig({ AQP_BREACH_RESPOND_WORKING_DAYS: value })).toThrow(
        new ConfigError(`AQP_BREACH_RESPOND_WORKING_DAYS must be a whole number of working days from 1 to 250, not "${value}".`),
      );
  });
});
