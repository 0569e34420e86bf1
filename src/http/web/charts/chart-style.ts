/** How chart series look: NHS colours with at least 3:1 contrast on white, each paired with a pattern, dash and marker so colour is never the only cue (WCAG 1.4.1, 1.4.11). */

/** NHS identity colours, darkest contrast first in alternation so neighbours differ: blue, purple, green, dark pink, grey, dark blue, red, black. */
export const SERIES_COLOURS = ['#005eb8', '#330072', '#007f3b', '#7c2855', '#4c6272', '#003087', '#d5281b', '#212b32'] as const;

/** The most series a chart shows; the rest are added up as one "other" series by the figure that builds the chart. */
export const MAX_SERIES = SERIES_COLOURS.length;

export type PatternKind = 'solid' | 'diagonal' | 'dots' | 'horizontal' | 'cross' | 'vertical' | 'back-diagonal' | 'checks';
const PATTERNS: readonly PatternKind[] = ['solid', 'diagonal', 'dots', 'horizontal', 'cross', 'vertical', 'back-diagonal', 'checks'];
const DASHES = ['', '8 4', '2 3', '12 4 2 4', '4 4', '16 4', '1 4', '8 2 2 2'];
export type MarkerKind = 'circle' | 'square' | 'triangle' | 'diamond';
const MARKERS: readonly MarkerKind[] = ['circle', 'square', 'triangle', 'diamond'];

export interface SeriesStyle {
  colour: string;
  pattern: PatternKind;
  dash: string;
  marker: MarkerKind;
  /** Words for the legend and the description, e.g. "solid line, round markers". */
  looks: string;
}

const PATTERN_WORDS: Record<PatternKind, string> = {
  solid: 'solid',
  diagonal: 'diagonal stripes',
  dots: 'dots',
  horizontal: 'horizontal stripes',
  cross: 'cross-hatched',
  vertical: 'vertical stripes',
  'back-diagonal': 'reverse diagonal stripes',
  checks: 'checks',
};
const DASH_WORDS = [
  'solid line',
  'dashed line',
  'dotted line',
  'dash-dot line',
  'short dashes',
  'long dashes',
  'sparse dots',
  'dash-dot-dot line',
];
const MARKER_WORDS: Record<MarkerKind, string> = { circle: 'round', square: 'square', triangle: 'triangle', diamond: 'diamond' };

/** The look of the series at `index`: a colour, and a fill pattern (bars) or a dash and marker (lines) that differ from its neighbours'. */
export function seriesStyle(index: number, kind: 'bar' | 'line'): SeriesStyle {
  const at = index % MAX_SERIES;
  const style = { colour: SERIES_COLOURS[at]!, pattern: PATTERNS[at]!, dash: DASHES[at]!, marker: MARKERS[at % MARKERS.length]! };
  const looks = kind === 'bar' ? PATTERN_WORDS[style.pattern] : `${DASH_WORDS[at]}, ${MARKER_WORDS[style.marker]} markers`;
  return { ...style, looks };
}
