/** Reads budget plans from CSV (service_code, financial_year, amount, and optionally apr … mar), all or nothing, with problems by line number. */
import { CsvError, parse } from 'csv-parse/sync';
import type { FieldError } from '../../lib/errors.ts';
import { MONTH_KEYS, type PlanInput, planFromText } from './budget-input.rules.ts';

export const BUDGET_CSV_COLUMNS = ['service_code', 'financial_year', 'amount', ...MONTH_KEYS] as const;
const REQUIRED = ['service_code', 'financial_year', 'amount'];
export const MAX_BUDGET_ROWS = 2000;

/** One plan read from the file, with the line it was on (the header is line 1, as in a spreadsheet). */
export interface BudgetRow {
  line: number;
  plan: PlanInput;
}

export type BudgetCsvResult = { ok: true; rows: BudgetRow[] } | { ok: false; errors: FieldError[] };

const failed = (messages: string[]): BudgetCsvResult => ({ ok: false, errors: messages.map((message) => ({ field: 'file', message })) });
const columnName = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function headerProblems(columns: string[]): string[] {
  const unknown = columns.filter((name) => !(BUDGET_CSV_COLUMNS as readonly string[]).includes(name));
  const missing = REQUIRED.filter((name) => !columns.includes(name));
  const months = MONTH_KEYS.filter((key) => columns.includes(key)).length;
  return [
    ...unknown.map((name) => `Line 1: unknown column "${name}"; the columns are ${BUDGET_CSV_COLUMNS.join(', ')}`),
    ...missing.map((name) => `Line 1: the header has no "${name}" column`),
    ...(months && months < 12 ? ['Line 1: give all twelve month columns (apr to mar) or none'] : []),
  ];
}

type Parsed = { record: string[]; info: { lines: number } }[];

function records(text: string): Parsed | string {
  try {
    return parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as Parsed;
  } catch (error) {
    if (error instanceof CsvError) return `The file is not valid CSV: ${error.message}`;
    throw error;
  }
}

/** Every row as a plan, or every problem with its line number; a plan twice in one file is a problem too. */
export function parseBudgetCsv(text: string): BudgetCsvResult {
  const parsed = records(text);
  if (typeof parsed === 'string') return failed([parsed]);
  const [header, ...body] = parsed;
  if (!header) return failed(['The file is empty: the first line must name the columns service_code, financial_year, amount']);
  const columns = header.record.map(columnName);
  const problems = headerProblems(columns);
  if (problems.length) return failed(problems);
  if (!body.length) return failed(['The file has a header line but no plans']);
  if (body.length > MAX_BUDGET_ROWS) return failed([`The file has ${body.length} plans; import at most ${MAX_BUDGET_ROWS} at a time`]);
  const rows: BudgetRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const cell = (name: string) => record[columns.indexOf(name)] ?? '';
    const read = planFromText({
      serviceCode: cell('service_code'),
      financialYear: cell('financial_year'),
      amount: cell('amount'),
      monthly: MONTH_KEYS.map((key) => (columns.includes(key) ? cell(key) : '')),
    });
    if ('errors' in read) problems.push(`Line ${info.lines}: ${read.errors.map((error) => error.message).join('; ')}`);
    else {
      const key = `${read.input.serviceCode.toLowerCase()} ${read.input.financialYear}`;
      if (seen.has(key)) problems.push(`Line ${info.lines}: the same service and year as line ${seen.get(key)}`);
      seen.set(key, info.lines);
      rows.push({ line: info.lines, plan: read.input });
    }
  }
  return problems.length ? failed(problems) : { ok: true, rows };
}
