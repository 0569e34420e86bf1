import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { DEFAULT_QUERY_PERIODS } from '../../src/domains/payments/line-query.rules.ts';

describe('the line query periods a deployment configures', () => {
  it('are the Standard Contract defaults unless set, with the reading they come from', () => {
    expect(loadConfig({}).queryPeriods).toEqual(DEFAULT_QUERY_PERIODS);
  });

  it('take each period in working days, and say a deployment set them unless it names the edition', () => {
    const periods = loadConfig({ AQP_QUERY_RAISE_WORKING_DAYS: '30', AQP_QUERY_ANSWER_WORKING_DAYS: '15' }).queryPeriods;
    expect(periods).toEqual({
      edition: 'Set by this deployment (AQP_QUERY_*_WORKING_DAYS)',
      raiseWithinWorkingDays: 30,
      answerWithinWorkingDays: 15,
      resolveWithinWorkingDays: 10,
    });
    const named = loadConfig({ AQP_QUERY_RESOLVE_WORKING_DAYS: '5', AQP_QUERY_PERIODS_EDITION: 'NHS Standard Contract 2027/28 SC36.30' });
    expect(named.queryPeriods).toMatchObject({ edition: 'NHS Standard Contract 2027/28 SC36.30', resolveWithinWorkingDays: 5 });
  });

  it.each(['0', '251', '1.5', 'ten', '-3'])('stops with one line naming the variable for %s', (value) => {
    expect(() => loadConfig({ AQP_QUERY_ANSWER_WORKING_DAYS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ AQP_QUERY_ANSWER_WORKING_DAYS: value })).toThrow('AQP_QUERY_ANSWER_WORKING_DAYS must be a whole number');
  });
});
