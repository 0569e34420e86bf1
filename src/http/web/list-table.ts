/** A list's columns written once, so the page's table and its CSV download show the same headings and the same words and cannot drift (decision 0067). */
import nunjucks from 'nunjucks';

/** One cell as the page and the CSV both say it; the link and the tag colour are the page's only extras. */
export interface ListCell {
  text: string;
  href?: string;
  /** Words only a screen reader hears, after the link's text (which row the link is for); the CSV leaves them out. */
  hidden?: string;
  /** An nhsuk tag modifier (`nhsuk-tag--green`): the page shows the text as a tag. */
  tag?: string;
}

/** A column: its heading, and what it says for a row. */
export interface ListColumn<Row> {
  heading: string;
  cell: (row: Row) => ListCell | string;
  numeric?: boolean;
}

export type ListColumns<Row> = readonly ListColumn<Row>[];

/** Nunjucks' own HTML escaping (the same as its autoescape), which its type declarations leave out. */
const escapeHtml = (nunjucks.lib as unknown as { escape: (text: string) => string }).escape;

const cellOf = (value: ListCell | string): ListCell => (typeof value === 'string' ? { text: value } : value);

/** The headings for the nhsuk table macro. */
export function tableHead<Row>(columns: ListColumns<Row>) {
  return columns.map((column) => ({ text: column.heading, ...(column.numeric ? { format: 'numeric' } : {}) }));
}

/** The rows for the nhsuk table macro (responsive): links and tags in the page's style, every other cell as text. */
export function tableRows<Row>(columns: ListColumns<Row>, rows: readonly Row[]) {
  return rows.map((row) =>
    columns.map((column) => {
      const cell = cellOf(column.cell(row));
      const format = column.numeric ? { format: 'numeric' } : {};
      if (cell.tag) return { html: `<strong class="nhsuk-tag ${cell.tag}">${escapeHtml(cell.text)}</strong>`, ...format };
      const hidden = cell.hidden ? { visuallyHiddenText: cell.hidden } : {};
      return { text: cell.text, ...(cell.href ? { href: cell.href } : {}), ...hidden, ...format };
    }),
  );
}

/** The CSV's header row: the page's headings. */
export function csvHeader<Row>(columns: ListColumns<Row>): string[] {
  return columns.map((column) => column.heading);
}

/** The CSV's records: the words each page cell shows. */
export function csvRows<Row>(columns: ListColumns<Row>, rows: readonly Row[]): string[][] {
  return rows.map((row) => columns.map((column) => cellOf(column.cell(row)).text));
}

/** The download link for a list page: the page's own path with `.csv`, carrying the same filter (without the page number). */
export function csvHrefOf(path: string, query: unknown): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries((query ?? {}) as Record<string, unknown>))
    for (const one of Array.isArray(value) ? value : [value])
      if (name !== 'page' && typeof one === 'string' && one !== '') params.append(name, one);
  const search = params.toString();
  return `${path}.csv${search ? `?${search}` : ''}`;
}

/** What a list page hands its template: the table, and the download link that carries the page's filter (the `listTable` macro). */
export function listTableModel<Row>(
  columns: ListColumns<Row>,
  rows: readonly Row[],
  shown: { caption: string; csvHref: string; what: string },
) {
  return {
    caption: shown.caption,
    head: tableHead(columns),
    rows: tableRows(columns, rows),
    csvHref: shown.csvHref,
    csvText: `Download ${shown.what} as CSV`,
  };
}

/** One row as NHS summary-list rows (for a list shown as cards, not a table): each column's heading and words, a cell of several lines kept as lines. */
export function summaryRows<Row>(columns: ListColumns<Row>, row: Row) {
  return columns.map((column) => {
    const { text } = cellOf(column.cell(row));
    const value = text.includes('\n') ? { html: text.split('\n').map(escapeHtml).join('<br>') } : { text };
    return { key: { text: column.heading }, value };
  });
}
