/** The budget chart as server-rendered SVG geometry: cumulative plan, actual and forecast by month, April to March (decision 0048). */
import type { ForecastMonth } from '../../../domains/budgets/budget-forecast.rules.ts';

const WIDTH = 640;
const HEIGHT = 320;
const LEFT = 72;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 40;
const SHORT_MONTHS = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'];

export interface ChartPoint {
  x: number;
  y: number;
}

export interface BudgetChart {
  width: number;
  height: number;
  plotBottom: number;
  plotLeft: number;
  plotRight: number;
  xLabels: { x: number; text: string }[];
  yTicks: { y: number; text: string }[];
  plan: string;
  actual: string;
  forecast: string;
  actualPoints: ChartPoint[];
  forecastPoints: ChartPoint[];
}

/** A round step for the money axis: 1, 2 or 5 times a power of ten, giving about five gridlines. */
function niceStep(max: number): number {
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= rough) ?? rough;
}

/** Pounds for an axis label: "£12k", "£1.5m". */
function axisPounds(pence: number): string {
  const pounds = pence / 100;
  if (pounds >= 1_000_000) return `£${Number((pounds / 1_000_000).toFixed(1))}m`;
  if (pounds >= 1_000) return `£${Number((pounds / 1_000).toFixed(1))}k`;
  return `£${Math.round(pounds)}`;
}

const path = (points: readonly ChartPoint[]) => points.map((point, index) => `${index ? 'L' : 'M'}${point.x} ${point.y}`).join(' ');

/** The chart's lines and axes from the forecast months: the forecast line starts at the last actual point so the two join. */
export function budgetChart(months: readonly ForecastMonth[]): BudgetChart {
  const top = Math.max(1, ...months.map((month) => Math.max(month.cumulativePlanPence, month.cumulativeForecastPence)));
  const step = niceStep(top);
  const ceiling = Math.ceil(top / step) * step;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (index: number) => Math.round(LEFT + (plotWidth * (index + 0.5)) / 12);
  const y = (pence: number) => Math.round(TOP + plotHeight - (plotHeight * pence) / ceiling);
  const actualPoints = months.flatMap((month, index) =>
    month.cumulativeActualPence === null ? [] : [{ x: x(index), y: y(month.cumulativeActualPence) }],
  );
  const toCome = months.flatMap((month, index) =>
    month.cumulativeActualPence === null ? [{ x: x(index), y: y(month.cumulativeForecastPence) }] : [],
  );
  const joined = actualPoints.length && toCome.length ? [actualPoints[actualPoints.length - 1]!, ...toCome] : toCome;
  return {
    width: WIDTH,
    height: HEIGHT,
    plotBottom: TOP + plotHeight,
    plotLeft: LEFT,
    plotRight: WIDTH - RIGHT,
    xLabels: months.map((_, index) => ({ x: x(index), text: SHORT_MONTHS[index]! })),
    yTicks: Array.from({ length: Math.round(ceiling / step) + 1 }, (_, index) => ({ y: y(index * step), text: axisPounds(index * step) })),
    plan: path(months.map((month, index) => ({ x: x(index), y: y(month.cumulativePlanPence) }))),
    actual: path(actualPoints),
    forecast: path(joined),
    actualPoints,
    forecastPoints: toCome,
  };
}
