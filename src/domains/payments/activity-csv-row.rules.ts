/**
 * One row of an activity-line CSV file (decision 0046): a line (with a problem when a value is unreadable, so it is stored refused as
 * `invalid-line`, as the API does), or, when it cannot be stored as sent (no usable line id, a value too long, kind and reversed line at
 * odds), a problem that is only reported.
 */
import { isIsoDate } from '../../lib/iso-date.ts';
import { ACTIVITY_CSV_COLUMNS, REQUIRED_VALUES } from './activity-csv-format.rules.ts';
import { ATTENDANCE_CODES, type ActivityLine, type AttendanceCode } from './activity-line.rules.ts';

/** A row as read: storable as a line (refused `invalid-line` when `problem` is set), or only reported. */
export type ParsedRow =
  | { lineNumber: number; storable: true; line: ActivityLine; problem?: string }
  | { lineNumber: number; storable: false; lineId: string | null; problem: string };

/** The API's line id rule (activity-lines.api.ts); ids starting `platform:` are the platform's own. */
const LINE_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;
const PLATFORM_PREFIX = 'platform:';

/** The longest value each column of activity_lines keeps as sent (migration 0021). */
const STORED_LENGTH: Record<string, number> = {
  referralReference: 40,
  currencyCode: 40,
  activityDate: 40,
  attendance: 10,
  complexityBand: 60,
  reversesLineId: 100,
};

/** A spreadsheet's shortening of a long number, such as 1.23457E+11 for a 12-digit reference. */
const SCIENTIFIC = /^\d+(\.\d+)?E\+\d+$/i;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** Reads one row's values (in the template's column order); `firstSeen` remembers each line id's first line, to report one used twice. */
export function readRow(values: readonly string[], lineNumber: number, firstSeen: Map<string, number>): ParsedRow {
  const [lineId = '', ...rest] = values.map((value) => value.trim());
  const reportOnly = (problem: string): ParsedRow => ({ lineNumber, storable: false, lineId: lineId || null, problem });
  if (values.length < REQUIRED_VALUES || values.length > ACTIVITY_CSV_COLUMNS.length)
    return reportOnly(
      `This line has ${values.length} values: it needs ${REQUIRED_VALUES} to ${ACTIVITY_CSV_COLUMNS.length}, in the template’s column order`,
    );
  const idProblem = lineIdProblem(lineId, firstSeen);
  if (idProblem) return reportOnly(idProblem);
  firstSeen.set(lineId, lineNumber);
  const [reference = '', currencyCode = '', date = '', attendance = '', complexityBand = '', kindText = '', reversesLineId = ''] = rest;
  const sent: Record<string, string> = {
    referralReference: reference,
    currencyCode,
    activityDate: date,
    attendance,
    complexityBand,
    reversesLineId,
  };
  const tooLong = ACTIVITY_CSV_COLUMNS.find((column) => (sent[column.heading]?.length ?? 0) > (STORED_LENGTH[column.heading] ?? Infinity));
  if (tooLong) return reportOnly(`The ${tooLong.label.toLowerCase()} is longer than ${STORED_LENGTH[tooLong.heading]} characters`);
  const kind = kindText === '' ? 'original' : kindText.toLowerCase();
  if (kind !== 'original' && kind !== 'reversal') return reportOnly('The kind must be original or reversal, or left empty for original');
  if (kind === 'reversal' && !reversesLineId) return reportOnly('A reversal must give the line id of the line it takes back');
  if (kind === 'original' && reversesLineId)
    return reportOnly('Only a reversal gives a line id to take back: leave it empty, or set the kind to reversal');
  const line: ActivityLine = {
    lineId,
    referralReference: referenceOf(reference),
    currencyCode,
    activityDate: isoDateOf(date),
    attendance: attendance as AttendanceCode,
    complexityBand,
    kind,
    ...(kind === 'reversal' ? { reversesLineId } : {}),
  };
  const problem = valueProblem(line, reference);
  return { lineNumber, storable: true, line, ...(problem ? { problem } : {}) };
}

/** Why a line id cannot be stored: missing, not in the API's form, the platform's own, or already used earlier in the file. */
function lineIdProblem(lineId: string, firstSeen: ReadonlyMap<string, number>): string | undefined {
  if (!lineId) return 'There is no line id, so the line cannot be recorded: give every line its own id';
  if (!LINE_ID.test(lineId))
    return `The line id ${shown(lineId)} must be 1 to 100 letters, digits, dots, dashes, underscores, colons or slashes, starting with a letter or digit`;
  if (lineId.startsWith(PLATFORM_PREFIX)) return `Line ids starting ${PLATFORM_PREFIX} are the platform’s own: use another id`;
  const earlier = firstSeen.get(lineId);
  return earlier ? `The line id ${lineId} is also on line ${earlier}: give each line its own id` : undefined;
}

/** Why a storable line cannot be read (it is refused as `invalid-line`), in the order of the columns. */
function valueProblem(line: ActivityLine, referenceAsSent: string): string | undefined {
  if (!referenceAsSent) return 'The referral reference is missing';
  if (SCIENTIFIC.test(referenceAsSent))
    return `The referral reference ${referenceAsSent} was shortened by a spreadsheet: format the column as text, type the reference again and save`;
  if (!line.currencyCode) return 'The currency code is missing';
  if (!isIsoDate(line.activityDate))
    return line.activityDate
      ? `The activity date ${shown(line.activityDate)} is not a date: write it as YYYY-MM-DD, like 2027-02-01`
      : 'The activity date is missing';
  if (!Object.hasOwn(ATTENDANCE_CODES, line.attendance))
    return line.attendance
      ? `The attendance code ${line.attendance} is not one of ${Object.keys(ATTENDANCE_CODES).join(', ')}`
      : 'The attendance code is missing';
  if (!line.complexityBand) return 'The complexity band is missing';
  return undefined;
}

/** A reference printed with spaces or dashes ("1234 5678 9012") as its 12 digits; anything else as sent. */
function referenceOf(text: string): string {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{12}$/.test(digits) ? digits : text;
}

/** A date written DD/MM/YYYY (as UK spreadsheets save dates) as YYYY-MM-DD; anything else as sent. */
function isoDateOf(text: string): string {
  const match = UK_DATE.exec(text);
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : text;
}
