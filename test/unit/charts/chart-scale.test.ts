import { describe, expect, it } from 'vitest';
import { compactNumber, labelEvery, niceStep, tickLabel, valueScale, wrapLabel } from '../../../src/http/web/charts/chart-scale.ts';

describe('chart scales', () => {
  it('runs a count axis from zero to a round number at or above the largest value', () => {
    expect(valueScale(37, 'count')).toEqual({ max: 40, step: 10, ticks: [0, 10, 20, 30, 40] });
    expect(valueScale(3, 'count')).toEqual({ max: 3, step: 1, ticks: [0, 1, 2, 3] });
  });

  it('draws an axis from 0 to 1 when there is nothing to show, rather than dividing by zero', () => {
    expect(valueScale(0, 'count')).toEqual({ max: 1, step: 1, ticks: [0, 1] });
    expect(valueScale(Number.NaN, 'working-days')).toEqual({ max: 1, step: 1, ticks: [0, 1] });
  });

  it('never steps by a fraction of a whole referral', () => {
    expect(niceStep(2)).toBe(1);
    expect(valueScale(1, 'count').ticks).toEqual([0, 1]);
  });

  it('always shows percentages from 0% to 100%', () => {
    expect(valueScale(12, 'percent').ticks.map((tick) => tickLabel(tick, 'percent'))).toEqual(['0%', '25%', '50%', '75%', '100%']);
  });

  it('keeps a national year of 16 million referrals to short labels', () => {
    const scale = valueScale(16_000_000, 'count');
    expect(scale).toMatchObject({ max: 20_000_000, step: 5_000_000 });
    expect(scale.ticks.map((tick) => tickLabel(tick, 'count'))).toEqual(['0', '5m', '10m', '15m', '20m']);
    expect(compactNumber(12_500)).toBe('12.5k');
    expect(compactNumber(9_999)).toBe('9,999');
  });

  it('labels money axes in pounds from pence', () => {
    expect(tickLabel(2_500_000, 'pence')).toBe('£25k');
    expect(tickLabel(50_000, 'pence')).toBe('£500');
  });

  it('thins crowded labels to every second or third', () => {
    expect(labelEvery(12, 12)).toBe(1);
    expect(labelEvery(24, 12)).toBe(2);
    expect(labelEvery(36, 12)).toBe(3);
  });

  it('wraps long names at spaces into at most two lines, ending a cut name with an ellipsis', () => {
    expect(wrapLabel('Calder Valley Physiotherapy (demo)', 20)).toEqual(['Calder Valley', 'Physiotherapy (demo)']);
    expect(wrapLabel('one two three four five six', 8)).toEqual(['one two', 'three…']);
    expect(wrapLabel('', 10)).toEqual(['']);
  });
});
