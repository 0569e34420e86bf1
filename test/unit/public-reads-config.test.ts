import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PUBLIC_READS_PER_MINUTE, loadConfig } from '../../src/config/config.ts';

describe('the limit on anonymous public reads', () => {
  it('allows 120 a minute per address unless configured, and is off under test unless asked for', () => {
    expect(DEFAULT_PUBLIC_READS_PER_MINUTE).toBe(120);
    expect(loadConfig({}).publicReadsPerMinute).toBe(120);
    expect(loadConfig({ NODE_ENV: 'production' }).publicReadsPerMinute).toBe(120);
    expect(loadConfig({ NODE_ENV: 'test' }).publicReadsPerMinute).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test', AQP_PUBLIC_READS_PER_MINUTE: '3' }).publicReadsPerMinute).toBe(3);
    expect(loadConfig({ AQP_PUBLIC_READS_PER_MINUTE: '0' }).publicReadsPerMinute).toBe(0);
  });

  it.each(['-1', '1.5', 'lots'])('stops with one line naming the variable for %s', (value) => {
    expect(() => loadConfig({ AQP_PUBLIC_READS_PER_MINUTE: value })).toThrow(ConfigError);
    expect(() => loadConfig({ AQP_PUBLIC_READS_PER_MINUTE: value })).toThrow('AQP_PUBLIC_READS_PER_MINUTE must be a whole number');
  });
});
