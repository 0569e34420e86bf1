import { describe, expect, it } from 'vitest';
import type { PublishedKpi } from '../../../src/domains/provider-quality/published-quality.rules.ts';
import { kpiInWords, measuredRows, periodInWords } from '../../../src/http/web/measured-quality.presenter.ts';

const seen: PublishedKpi = {
  code: 'seen-16',
  name: 'Seen within 16 working days',
  measureKind: 'first-seen-within-working-days',
  period: 'rolling-12-months',
  periodFrom: '2026-03-01',
  endMonth: '2027-02',
  thresholdPercent: 90,
  direction: 'at-least',
  figure: { numerator: 221, denominator: 240, percentTenths: 921, met: true },
};

describe('measured quality in words', () => {
  it('says a KPI’s value with its count and period, and whether it meets the standard, in words rather than colour', () => {
    expect(kpiInWords(seen)).toBe('92.1% of 240 patients in the 12 months to February 2027. Meets the standard of 90% or more.');
    const missed = {
      ...seen,
      measureKind: 'did-not-attend-rate',
      direction: 'at-most' as const,
      thresholdPercent: 10,
      period: 'quarter' as const,
    };
    expect(
      kpiInWords({ ...missed, periodFrom: '2026-12-01', figure: { numerator: 150, denominator: 1200, percentTenths: 125, met: false } }),
    ).toBe('12.5% of 1,200 appointments in December 2026 to February 2027. Does not meet the standard of 10% or less.');
  });

  it('names months the way patients read them for a month and a quarter within a year', () => {
    expect(periodInWords({ period: 'month', periodFrom: '2027-02-01', endMonth: '2027-02' })).toBe('in February 2027');
    expect(periodInWords({ period: 'quarter', periodFrom: '2027-01-01', endMonth: '2027-03' })).toBe('in January to March 2027');
  });

  it('says a new provider has not enough data yet, and shows nothing on a list offered before quality was published', () => {
    expect(kpiInWords({ ...seen, figure: null })).toBe('New provider — not enough data yet');
    expect(measuredRows({ kpis: [], feedback: { published: false } }).map((row) => row.value.text)).toEqual([
      'New provider — not enough data yet',
      'Not shown until 5 people have answered the Friends and Family Test',
    ]);
    expect(measuredRows({})).toEqual([]);
  });
});
