import { describe, expect, it } from 'vitest';
import { publishedFeedback, publishedKpis, type StoredKpiResult } from '../../../src/domains/provider-quality/published-quality.rules.ts';

function aResult(overrides: Partial<StoredKpiResult>): StoredKpiResult {
  return {
    offerId: 'offer-now',
    providerId: 'provider',
    code: 'seen-16',
    name: 'Seen within 16 working days',
    measure: { kind: 'first-seen-within-working-days', workingDays: 16 },
    period: 'rolling-12-months',
    endMonth: '2027-02',
    periodFrom: '2026-03-01',
    thresholdPercent: 90,
    direction: 'at-least',
    minimumCount: 20,
    numerator: 230,
    denominator: 250,
    percentTenths: 920,
    status: 'met',
    ...overrides,
  };
}

describe('publishing a provider’s KPIs where patients choose', () => {
  it('shows the latest result of each KPI, from the listing’s own offer when two offers end in the same month', () => {
    const kpis = publishedKpis(
      [
        aResult({ endMonth: '2027-01', numerator: 1, denominator: 250, percentTenths: 4 }),
        aResult({ offerId: 'offer-before', numerator: 200, percentTenths: 800, status: 'breached' }),
        aResult({}),
      ],
      'offer-now',
    );
    expect(kpis).toHaveLength(1);
    expect(kpis[0]!.figure).toEqual({ numerator: 230, denominator: 250, percentTenths: 920, met: true });
  });

  it('prefers the rolling 12 months where the pack measures the same thing monthly too, and keeps different measures', () => {
    const kpis = publishedKpis(
      [
        aResult({ code: 'seen-16-month', name: 'Seen this month', period: 'month', periodFrom: '2027-02-01' }),
        aResult({}),
        aResult({
          code: 'dna',
          name: 'Missed appointments',
          measure: { kind: 'did-not-attend-rate' },
          period: 'quarter',
          direction: 'at-most',
        }),
      ],
      'offer-now',
    );
    expect(kpis.map((kpi) => [kpi.code, kpi.period])).toEqual([
      ['dna', 'quarter'],
      ['seen-16', 'rolling-12-months'],
    ]);
  });

  it('never gives a figure below the minimum count, whatever the stored status says, nor for not enough data', () => {
    expect(
      publishedKpis([aResult({ denominator: 19, numerator: 19, percentTenths: 1000, status: 'met' })], 'offer-now')[0]!.figure,
    ).toBeNull();
    expect(publishedKpis([aResult({ status: 'not-enough-data' })], 'offer-now')[0]!.figure).toBeNull();
    expect(
      publishedKpis([aResult({ denominator: 0, numerator: 0, percentTenths: null, minimumCount: 0 })], 'offer-now')[0]!.figure,
    ).toBeNull();
  });

  it('publishes feedback from 5 answers as the share good or very good, and nothing at all from 4', () => {
    expect(publishedFeedback(['very-good', 'good', 'good', 'very-good'])).toEqual({ published: false });
    expect(publishedFeedback(['very-good', 'good', 'good', 'very-good', 'very-poor'])).toEqual({
      published: true,
      responses: 5,
      positivePercent: 80,
    });
  });
});
