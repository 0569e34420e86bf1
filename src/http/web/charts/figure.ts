/** A dashboard figure: a chart with its words for screen readers, the table alternative and the series the API returns, built from one set of numbers. */
import { barChart, type BarChart, type BarRow } from './bar-chart.ts';
import type { ChartData } from './chart-frame.ts';
import type { ChartUnit } from './chart-scale.ts';
import type { ChartTable } from './chart-table.ts';
import { lineChart, type LineChart } from './line-chart.ts';
import { stackedBarChart, type StackedBarChart } from './stacked-bar-chart.ts';

export interface Figure {
  /** Names the figure in its CSV link (`?figure=`) and the API. */
  id: string;
  heading: string;
  /** What the chart shows and where the numbers come from, one or two sentences. */
  intro: string;
  /** Said instead of the chart when there is nothing to show. */
  empty: string | null;
  chart: { title: string; description: string; geometry: LineChart | BarChart | StackedBarChart };
  data: ChartData;
  table: ChartTable;
}

interface FigureWords {
  id: string;
  heading: string;
  intro: string;
  /** The chart's accessible name. */
  title: string;
  /** The chart's long description, ending with where the table is. */
  description: string;
  /** Said when there are no rows; the chart and table are then left out. */
  whenEmpty: string;
}

const TABLE_NOTE = ' The table below the chart gives the same numbers.';

function figure(words: FigureWords, geometry: Figure['chart']['geometry'], data: ChartData, table: ChartTable): Figure {
  return {
    id: words.id,
    heading: words.heading,
    intro: words.intro,
    empty: table.rows.length ? null : words.whenEmpty,
    chart: { title: words.title, description: `${words.description}${TABLE_NOTE}`, geometry },
    data,
    table,
  };
}

/** A line figure over months (or other columns). */
export function lineFigure(words: FigureWords, data: ChartData, table: ChartTable): Figure {
  return figure(words, lineChart(data), data, table);
}

/** A stacked column figure over months (or other columns). */
export function stackedFigure(words: FigureWords, data: ChartData, table: ChartTable): Figure {
  return figure(words, stackedBarChart(data), data, table);
}

/** A horizontal bar figure, one bar per row; the API sees one series named `seriesName`. */
export function barFigure(words: FigureWords, unit: ChartUnit, seriesName: string, rows: readonly BarRow[], table: ChartTable): Figure {
  const data = { unit, categories: rows.map((row) => row.label), series: [{ name: seriesName, values: rows.map((row) => row.value) }] };
  return figure(words, barChart(unit, rows), data, table);
}

/** The figure as the API returns it: the series and the table's words, without the drawing. */
export function figureJson(shown: Figure) {
  return {
    id: shown.id,
    title: shown.heading,
    unit: shown.data.unit,
    categories: shown.data.categories,
    series: shown.data.series,
    table: { columns: shown.table.head.map((column) => column.text), rows: shown.table.rows.map((row) => row.map((cell) => cell.text)) },
  };
}
