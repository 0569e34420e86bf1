/** The shared frame of the column charts (line and stacked bar): a small viewBox so text stays readable at 320 px, a value axis and month labels (decision 0058). */
import { type ChartUnit, labelEvery, tickLabel, valueScale } from './chart-scale.ts';

/** Drawn 320 units wide: on a 320 px screen one unit is about one pixel, so 12-unit text reads as 11 px and never needs sideways scrolling. */
export const CHART_WIDTH = 320;
const HEIGHT = 220;
const LEFT = 44;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 34;
/** The most category labels printed along the bottom before they thin out. */
const LABEL_ROOM = 12;

export interface ChartData {
  unit: ChartUnit;
  /** What each column or point is (a month "2026-04", a provider), in order. */
  categories: string[];
  /** The printed label lines under each category; the category itself when left out. */
  axisLabels?: string[][];
  series: { name: string; values: (number | null)[] }[];
}

export interface ColumnFrame {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  yTicks: { y: number; text: string }[];
  xLabels: { x: number; lines: string[] }[];
  /** Horizontal centre of each category. */
  centres: number[];
  /** Width of the slot each category has. */
  slot: number;
  /** The vertical position of a value. */
  y: (value: number) => number;
}

/** The frame for `data` whose tallest point (or stacked column) is `largest`. */
export function columnFrame(data: ChartData, largest: number): ColumnFrame {
  const scale = valueScale(largest, data.unit);
  const plot = { left: LEFT, right: CHART_WIDTH - RIGHT, top: TOP, bottom: HEIGHT - BOTTOM };
  const count = Math.max(1, data.categories.length);
  const slot = (plot.right - plot.left) / count;
  const centres = data.categories.map((_, index) => round(plot.left + slot * (index + 0.5)));
  const y = (value: number) => round(plot.bottom - ((plot.bottom - plot.top) * Math.min(value, scale.max)) / scale.max);
  const every = labelEvery(data.categories.length, LABEL_ROOM);
  const labels = data.axisLabels ?? data.categories.map((category) => [category]);
  return {
    width: CHART_WIDTH,
    height: HEIGHT,
    plot,
    yTicks: scale.ticks.map((tick) => ({ y: y(tick), text: tickLabel(tick, data.unit) })),
    xLabels: centres.flatMap((x, index) => (index % every === 0 ? [{ x, lines: labels[index] ?? [] }] : [])),
    centres,
    slot: round(slot),
    y,
  };
}

/** Coordinates to a tenth of a unit: short attributes, no visible loss. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Axis labels for months ("2026-04"): the short month, with the year under the first month and each January. */
export function monthAxisLabels(months: readonly string[]): string[][] {
  return months.map((month, index) => {
    const name = SHORT_MONTHS[Number(month.slice(5, 7)) - 1] ?? month;
    return index === 0 || month.endsWith('-01') ? [name, month.slice(0, 4)] : [name];
  });
}
