import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/config.ts';

describe('the working days to a quality return’s due day, as a deployment configures them', () => {
  it('are 15 unless set, and take a whole number of working days from 1 to 250', () => {
    expect(loadConfig({}).qualityReturnDueWorkingDays).toBe(15);
    expect(loadConfig({ AQP_QUALITY_RETURN_DUE_WORKING_DAYS: '20' }).qualityReturnDueWorkingDays).toBe(20);
    for (const bad of ['0', '251', 'ten', '-5'])
      expect(() => loadConfig({ AQP_QUALITY_RETURN_DUE_WORKING_DAYS: bad })).toThrow(ConfigError);
  });
});
