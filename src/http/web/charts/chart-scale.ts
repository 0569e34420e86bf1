/** Axis scales for the server-rendered charts: round steps, ticks from zero and tick labels people read at a glance (decision 0058). */

export type ChartUnit = 'count' | 'percent' | 'working-days' | 'pence';

export interface Scale {
  /** The top of the axis: a whole number of steps, at least the largest value. */
  max: number;
  step: number;
  /** Tick values from 0 to max, one step apart. */
  ticks: number[];
}

/** A round step (1, 2 or 5 times a power of ten) giving at most about `ticks` intervals; never below 1 for whole-number units. */
export function niceStep(largest: number, ticks = 4, wholeNumbers = true): number {
  const rough = largest / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  return wholeNumbers ? Math.max(1, Math.round(step)) : step;
}

/** The value axis for values from zero up to `largest`; with nothing to show (zero, negative or not a number) the axis runs 0 to 1. */
export function valueScale(largest: number, unit: ChartUnit): Scale {
  if (unit === 'percent') return { max: 100, step: 25, ticks: [0, 25, 50, 75, 100] };
  const top = Number.isFinite(largest) && largest > 0 ? largest : 1;
  const step = niceStep(top, 4, true);
  const max = Math.ceil(top / step) * step;
  return { max, step, ticks: Array.from({ length: Math.round(max / step) + 1 }, (_, index) => index * step) };
}

/** A short number for an axis: "950", "12k", "1.5m". */
export function compactNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1_000_000) return `${Number((value / 1_000_000).toFixed(1))}m`;
  if (magnitude >= 10_000) return `${Number((value / 1_000).toFixed(1))}k`;
  return value.toLocaleString('en-GB');
}

/** A tick's label in its unit: "50%", "£12k", "1,200". */
export function tickLabel(value: number, unit: ChartUnit): string {
  if (unit === 'percent') return `${value}%`;
  if (unit === 'pence') return `£${compactNumber(Math.round(value / 100))}`;
  return compactNumber(value);
}

/** The labels to print on a crowded axis: every one up to `room`, then every second, third ... so they never overlap. */
export function labelEvery(count: number, room: number): number {
  return count <= room ? 1 : Math.ceil(count / room);
}

/** A long category name broken into lines of at most `width` characters at spaces (a word longer than that is cut with an ellipsis). */
export function wrapLabel(text: string, width: number, maxLines = 2): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word.length > width ? `${word.slice(0, width - 1)}…` : word);
  }
  if (lines.length <= maxLines) return lines.length ? lines : [''];
  const kept = lines.slice(0, maxLines);
  const end = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${end.length >= width ? end.slice(0, width - 1) : end}…`;
  return kept;
}
