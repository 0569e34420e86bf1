/** A line chart's geometry from series over months: one path per series, broken where a value is missing, with a marker at every point. */
import { type ChartData, type ColumnFrame, columnFrame } from './chart-frame.ts';
import { seriesStyle, type SeriesStyle } from './chart-style.ts';

export interface LineChart extends ColumnFrame {
  kind: 'line';
  lines: { name: string; style: SeriesStyle; path: string; points: { x: number; y: number }[] }[];
}

/** A path through the points present; a missing value lifts the pen, so a gap is never drawn as a straight line. */
function pathOf(points: readonly ({ x: number; y: number } | null)[]): string {
  let pen = false;
  const parts: string[] = [];
  for (const point of points) {
    if (!point) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? 'L' : 'M'}${point.x} ${point.y}`);
    pen = true;
  }
  return parts.join(' ');
}

/** Lines for each series over the categories; a series of one point is a marker alone. */
export function lineChart(data: ChartData): LineChart {
  const largest = Math.max(0, ...data.series.flatMap((series) => series.values.filter((value): value is number => value !== null)));
  const frame = columnFrame(data, largest);
  const lines = data.series.map((series, index) => {
    const placed = series.values.map((value, at) => (value === null ? null : { x: frame.centres[at]!, y: frame.y(value) }));
    return {
      name: series.name,
      style: seriesStyle(index, 'line'),
      path: pathOf(placed),
      points: placed.filter((point): point is { x: number; y: number } => point !== null),
    };
  });
  return { kind: 'line', ...frame, lines };
}
