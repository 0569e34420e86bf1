import { describe, expect, it } from 'vitest';
import { waitsByProvider } from '../../src/domains/dashboards/commissioner-dashboard.service.ts';
import { addDays } from '../../src/lib/working-days.ts';

describe('the commissioner dashboard’s waits by provider', () => {
  it('works out a national year of first appointments (20,000 patients at two providers) in well under a second', () => {
    const seen = Array.from({ length: 20_000 }, (_, i) => ({
      providerId: `p${i % 2}`,
      providerName: `Provider ${i % 2}`,
      sentOn: addDays('2026-04-01', i % 300),
      seenOn: addDays('2026-04-01', (i % 300) + 14 + (i % 2) * 7),
    }));
    const started = performance.now();
    const waits = waitsByProvider(seen);
    expect(performance.now() - started).toBeLessThan(500);
    expect(waits.map((wait) => wait.patients)).toEqual([10_000, 10_000]);
    expect(waits.every((wait) => wait.medianWorkingDays !== null && wait.medianWorkingDays >= 9)).toBe(true);
  });
});
