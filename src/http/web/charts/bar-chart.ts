/** A horizontal bar chart's geometry: one bar per row (a provider, a service) with its name above and its value printed at the end, so long names wrap and nothing depends on colour. */
import { CHART_WIDTH, round } from './chart-frame.ts';
import { type ChartUnit, tickLabel, valueScale, wrapLabel } from './chart-scale.ts';
import { seriesStyle, type SeriesStyle } from './chart-style.ts';

const LEFT = 8;
const VALUE_ROOM = 96;
const TOP = 6;
const LINE = 14;
const BAR = 16;
const GAP = 12;
const AXIS = 26;
/** Characters of a row's name per line at 12 units a character's height. */
const NAME_WIDTH = 48;

export interface BarRow {
  label: string;
  /** The bar's length; null draws no bar (e.g. too few to say) and prints `text` alone. */
  value: number | null;
  /** The value as printed at the bar's end, e.g. "42% (84 of 200)". */
  text: string;
  /** A range drawn as a whisker through the bar (lowest to highest). */
  range?: { low: number; high: number };
  /** A target (a threshold, the plan) drawn as a dashed tick across the bar. */
  target?: number;
}

export interface BarChart {
  kind: 'bar';
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: { x: number; text: string }[];
  style: SeriesStyle;
  rows: {
    nameLines: { y: number; text: string }[];
    bar: { x: number; y: number; width: number; height: number } | null;
    valueText: { x: number; y: number; text: string };
    whisker: { x1: number; x2: number; y: number } | null;
    target: { x: number; y1: number; y2: number } | null;
  }[];
  hasRange: boolean;
  hasTarget: boolean;
}

/** Bars for the rows on one scale from zero; a range or target beyond the largest value widens the scale to fit it. */
export function barChart(unit: ChartUnit, rows: readonly BarRow[]): BarChart {
  const reach = rows.flatMap((row) => [row.value ?? 0, row.range?.high ?? 0, row.target ?? 0]);
  const scale = valueScale(Math.max(0, ...reach), unit);
  const plot = { left: LEFT, right: CHART_WIDTH - VALUE_ROOM, top: TOP, bottom: 0 };
  const x = (value: number) => round(plot.left + ((plot.right - plot.left) * Math.min(Math.max(value, 0), scale.max)) / scale.max);
  let top = TOP;
  const placed = rows.map((row) => {
    const names = wrapLabel(row.label, NAME_WIDTH);
    const nameLines = names.map((text, index) => ({ y: top + LINE * (index + 1) - 3, text }));
    const barTop = top + LINE * names.length + 2;
    const middle = barTop + BAR / 2;
    top = barTop + BAR + GAP;
    const end = row.value === null ? plot.left : x(row.value);
    return {
      nameLines,
      bar: row.value === null ? null : { x: plot.left, y: barTop, width: round(Math.max(end - plot.left, 1)), height: BAR },
      valueText: { x: round(Math.max(end, row.range ? x(row.range.high) : end) + 6), y: middle + 4, text: row.text },
      whisker: row.range ? { x1: x(row.range.low), x2: x(row.range.high), y: middle } : null,
      target: row.target === undefined ? null : { x: x(row.target), y1: barTop - 4, y2: barTop + BAR + 4 },
    };
  });
  plot.bottom = Math.max(top - GAP + 4, TOP + 10);
  return {
    kind: 'bar',
    width: CHART_WIDTH,
    height: plot.bottom + AXIS,
    plot,
    xTicks: scale.ticks.map((tick) => ({ x: x(tick), text: tickLabel(tick, unit) })),
    style: seriesStyle(0, 'bar'),
    rows: placed,
    hasRange: rows.some((row) => row.range),
    hasTarget: rows.some((row) => row.target !== undefined),
  };
}
