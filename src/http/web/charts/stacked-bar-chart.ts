/** A stacked column chart's geometry: one column per category (a month), each series a segment with its own pattern, stacked from zero. */
import { type ChartData, type ColumnFrame, columnFrame, round } from './chart-frame.ts';
import { seriesStyle, type SeriesStyle } from './chart-style.ts';

export interface StackedBarChart extends ColumnFrame {
  kind: 'stacked-bar';
  series: { name: string; style: SeriesStyle }[];
  segments: { series: number; x: number; y: number; width: number; height: number }[];
}

/** Columns whose segments add up to each category's total; missing or zero values take no room. */
export function stackedBarChart(data: ChartData): StackedBarChart {
  const totals = data.categories.map((_, at) => data.series.reduce((sum, series) => sum + Math.max(0, series.values[at] ?? 0), 0));
  const frame = columnFrame(data, Math.max(0, ...totals));
  const width = round(Math.min(28, frame.slot * 0.7));
  const segments = data.categories.flatMap((_, at) => {
    let base = 0;
    return data.series.flatMap((series, index) => {
      const value = Math.max(0, series.values[at] ?? 0);
      if (value === 0) return [];
      const top = frame.y(base + value);
      const segment = { series: index, x: round(frame.centres[at]! - width / 2), y: top, width, height: round(frame.y(base) - top) };
      base += value;
      return [segment];
    });
  });
  return {
    kind: 'stacked-bar',
    ...frame,
    series: data.series.map((series, index) => ({ name: series.name, style: seriesStyle(index, 'bar') })),
    segments,
  };
}
