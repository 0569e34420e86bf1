import { describe, expect, it } from 'vitest';
import { barChart } from '../../../src/http/web/charts/bar-chart.ts';
import { CHART_WIDTH, monthAxisLabels } from '../../../src/http/web/charts/chart-frame.ts';
import { SERIES_COLOURS, seriesStyle } from '../../../src/http/web/charts/chart-style.ts';
import { tableCsv } from '../../../src/http/web/charts/chart-table.ts';
import { lineChart } from '../../../src/http/web/charts/line-chart.ts';
import { stackedBarChart } from '../../../src/http/web/charts/stacked-bar-chart.ts';

const MONTHS = ['2026-01', '2026-02', '2026-03'];

/** Relative luminance and contrast as WCAG 2.2 defines them. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (luminance + 0.05);
}

describe('line charts', () => {
  it('draws a single point as a marker with nothing to join', () => {
    const chart = lineChart({ unit: 'count', categories: ['2026-01'], series: [{ name: 'Referrals', values: [5] }] });
    expect(chart.lines[0]!.points).toHaveLength(1);
    expect(chart.lines[0]!.path).toMatch(/^M[\d.]+ [\d.]+$/);
  });

  it('lifts the pen over a missing month instead of drawing through it', () => {
    const chart = lineChart({ unit: 'percent', categories: MONTHS, series: [{ name: 'Seen in time', values: [80, null, 90] }] });
    expect(chart.lines[0]!.path.match(/M/g)).toHaveLength(2);
    expect(chart.lines[0]!.path).not.toContain('L');
  });

  it('puts a larger value higher and zero on the axis', () => {
    const chart = lineChart({ unit: 'count', categories: MONTHS, series: [{ name: 'Referrals', values: [0, 10, 20] }] });
    const [zero, ten, twenty] = chart.lines[0]!.points;
    expect(zero!.y).toBe(chart.plot.bottom);
    expect(twenty!.y).toBeLessThan(ten!.y);
  });

  it('draws empty axes for a period with no data', () => {
    const chart = lineChart({ unit: 'count', categories: MONTHS, series: [{ name: 'Referrals', values: [0, 0, 0] }] });
    expect(chart.yTicks.map((tick) => tick.text)).toEqual(['0', '1']);
  });
});

describe('stacked bar charts', () => {
  it('stacks each month’s segments so the column is as tall as the month’s total', () => {
    const chart = stackedBarChart({
      unit: 'count',
      categories: MONTHS,
      series: [
        { name: 'A', values: [2, 0, 1] },
        { name: 'B', values: [2, 3, null] },
      ],
    });
    expect(chart.segments.map((segment) => segment.series)).toEqual([0, 1, 1, 0]);
    const january = chart.segments.filter((segment) => segment.x === chart.segments[0]!.x);
    expect(january[1]!.y + january[1]!.height).toBeCloseTo(january[0]!.y, 5);
    expect(chart.y(0) - january[1]!.y).toBeCloseTo(chart.y(0) - chart.y(4), 5);
  });

  it('gives every series a different pattern besides its colour', () => {
    const patterns = Array.from({ length: 8 }, (_, index) => seriesStyle(index, 'bar').pattern);
    expect(new Set(patterns).size).toBe(8);
  });
});

describe('bar charts', () => {
  it('draws no bar for a value too small to say, but still prints its words', () => {
    const chart = barChart('working-days', [
      { label: 'Pennine Hearing Care', value: 12, text: '12 working days (8 patients)' },
      { label: 'Calder Valley Physiotherapy', value: null, text: 'Fewer than 5 patients' },
    ]);
    expect(chart.rows[1]!.bar).toBeNull();
    expect(chart.rows[1]!.valueText.text).toBe('Fewer than 5 patients');
  });

  it('widens the scale to fit a threshold above every value', () => {
    const chart = barChart('count', [{ label: 'Spend', value: 40, text: '40', target: 90 }]);
    expect(chart.rows[0]!.target!.x).toBeLessThanOrEqual(chart.plot.right);
    expect(chart.rows[0]!.bar!.width).toBeLessThan(chart.rows[0]!.target!.x - chart.plot.left);
  });

  it('grows taller with each row and stays 320 units wide', () => {
    const one = barChart('count', [{ label: 'A', value: 1, text: '1' }]);
    const two = barChart('count', [
      { label: 'A', value: 1, text: '1' },
      { label: 'B', value: 2, text: '2' },
    ]);
    expect(two.height).toBeGreaterThan(one.height);
    expect(two.width).toBe(CHART_WIDTH);
  });
});

describe('chart colours, labels and CSV', () => {
  it('uses only colours with at least 3:1 contrast against white (WCAG 1.4.11)', () => {
    for (const colour of SERIES_COLOURS) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(3);
  });

  it('names the year under the first month and under each January', () => {
    expect(monthAxisLabels(['2025-11', '2025-12', '2026-01'])).toEqual([['Nov', '2025'], ['Dec'], ['Jan', '2026']]);
  });

  it('writes the table as CSV with a byte order mark, the same header and the same words', () => {
    const csv = tableCsv({
      caption: 'Referrals',
      head: [{ text: 'Month' }, { text: 'Referrals', numeric: true }],
      rows: [[{ text: 'January 2026' }, { text: '1,234', numeric: true, href: '/somewhere' }]],
    });
    expect(csv).toBe('\uFEFFMonth,Referrals\r\nJanuary 2026,"1,234"\r\n');
  });
});
