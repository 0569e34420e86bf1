/** Reads stakeholder responses from CSV (service, group, priority, benefits, comment), all or nothing. */
import { CsvError, parse } from 'csv-parse/sync';
import type { FieldError } from '../../lib/errors.ts';
import type { Priority } from './scoring.rules.ts';

export const CSV_COLUMNS = ['service', 'group', 'priority', 'benefits', 'comment'] as const;
const REQUIRED_COLUMNS = ['service', 'group', 'priority'] as const;
export const MAX_CSV_ROWS = 5000;

export interface ResponseRow {
  itemId: string;
  group: string;
  priority: Priority;
  benefits: string;
  comment: string;
}

/** Finds the long-list item a CSV "service" cell means: a national service code or a local candidate's name, ignoring case. */
export type ItemLookup = (service: string) => string | undefined;

export type CsvResult = { ok: true; rows: ResponseRow[] } | { ok: false; errors: FieldError[] };

const failed = (messages: string[]): CsvResult => ({ ok: false, errors: messages.map((message) => ({ field: 'csv', message })) });

function headerProblems(header: string[]): string[] {
  const problems: string[] = [];
  for (const name of header)
    if (!(CSV_COLUMNS as readonly string[]).includes(name))
      problems.push(`Row 1: unknown column "${name}"; the columns are ${CSV_COLUMNS.join(', ')}`);
  for (const name of REQUIRED_COLUMNS)
    if (!header.includes(name))
      problems.push(`Row 1: the header has no "${name}" column; the first row must name the columns ${CSV_COLUMNS.join(', ')}`);
  return problems;
}

function rowProblem(cells: Record<string, string>, lookup: ItemLookup): string | ResponseRow {
  const itemId = cells.service ? lookup(cells.service) : undefined;
  const priority = (cells.priority ?? '').toLowerCase();
  const reasons: string[] = [];
  if (!cells.service) reasons.push('the service is empty');
  else if (!itemId) reasons.push(`"${cells.service}" is not on the long list (use a national service code or a local candidate’s name)`);
  if (!cells.group) reasons.push('the stakeholder group is empty');
  else if (cells.group.length > 200) reasons.push('the stakeholder group is longer than 200 characters');
  if (!['high', 'mid', 'low'].includes(priority)) reasons.push(`the priority "${cells.priority ?? ''}" is not high, mid or low`);
  if ((cells.benefits ?? '').length > 2000 || (cells.comment ?? '').length > 2000)
    reasons.push('the benefits or comment are longer than 2,000 characters');
  if (reasons.length) return reasons.join('; ');
  return {
    itemId: itemId!,
    group: cells.group!,
    priority: priority as Priority,
    benefits: cells.benefits ?? '',
    comment: cells.comment ?? '',
  };
}

function parseRecords(text: string): { records: { record: string[]; info: { lines: number } }[] } | { error: string } {
  try {
    return {
      records: parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as {
        record: string[];
        info: { lines: number };
      }[],
    };
  } catch (error) {
    if (error instanceof CsvError)
      return {
        error: `The file is not valid CSV near row ${String((error as CsvError & { lines?: number }).lines ?? '?')}: ${error.message}`,
      };
    throw error;
  }
}

/** Parses every row, returning the responses or every bad row's number (as in a spreadsheet, the header is row 1) and reason. */
export function parseStakeholderCsv(text: string, lookup: ItemLookup): CsvResult {
  if (!text.trim()) return failed(['Paste or upload the responses as CSV, with a header row']);
  const parsed = parseRecords(text);
  if ('error' in parsed) return failed([parsed.error]);
  const [header, ...body] = parsed.records;
  const columns = header!.record.map((name) => name.toLowerCase());
  const problems = headerProblems(columns);
  if (problems.length) return failed(problems);
  if (!body.length) return failed(['The CSV has a header row but no responses']);
  if (body.length > MAX_CSV_ROWS) return failed([`The CSV has ${body.length} responses; import at most ${MAX_CSV_ROWS} at a time`]);
  const rows: ResponseRow[] = [];
  const errors: string[] = [];
  for (const { record, info } of body) {
    const cells = Object.fromEntries(columns.map((name, index) => [name, record[index] ?? '']));
    const extra = record.length > columns.length ? `has ${record.length} cells but the header names ${columns.length} columns` : undefined;
    const result = extra ?? rowProblem(cells, lookup);
    if (typeof result === 'string') errors.push(`Row ${info.lines}: ${result}`);
    else rows.push(result);
  }
  return errors.length ? failed(errors) : { ok: true, rows };
}
