/** The CSV format for activity lines (issue #14 item 2; decision 0046): its columns in order, their guidance, the limits of a file, and the template. */
import { stringify } from 'csv-stringify/sync';

/** One column of the file: the API's field name (the heading), what to put in it, and an example value. */
export interface ActivityCsvColumn {
  heading: string;
  label: string;
  required: boolean;
  description: string;
  example: string;
}

/** The columns, in the order the file must have them; the headings are the API's line fields (POST /api/v1/activity-lines). */
export const ACTIVITY_CSV_COLUMNS: readonly ActivityCsvColumn[] = [
  {
    heading: 'lineId',
    label: 'Line id',
    required: true,
    description:
      'Your own id for the line, unique among all your lines: 1 to 100 letters, digits, dots, dashes, underscores, colons or slashes. Sending a line id again adds nothing.',
    example: 'HX-2027-000123',
  },
  {
    heading: 'referralReference',
    label: 'Referral reference',
    required: true,
    description: 'The referral’s 12-digit reference. Spaces are allowed, as printed: 1234 5678 9012. Format the column as text.',
    example: '123456789012',
  },
  {
    heading: 'currencyCode',
    label: 'Currency code',
    required: true,
    description: 'The unit of payment from the offer, for example session, assessment-and-fitting, or a National Cost Collection code.',
    example: 'session',
  },
  {
    heading: 'activityDate',
    label: 'Activity date',
    required: true,
    description: 'The day the care took place, as YYYY-MM-DD (2027-02-01) or DD/MM/YYYY (01/02/2027).',
    example: '2027-02-01',
  },
  {
    heading: 'attendance',
    label: 'Attendance code',
    required: true,
    description: 'The NHS attendance code (ATTENDED OR DID NOT ATTEND): one of the codes below.',
    example: '5',
  },
  {
    heading: 'complexityBand',
    label: 'Complexity band',
    required: true,
    description: 'The offer’s complexity band for the care, for example STANDARD or MONAURAL.',
    example: 'STANDARD',
  },
  {
    heading: 'kind',
    label: 'Kind',
    required: false,
    description: 'original, or reversal to take back a line you sent before. Leave it empty for original.',
    example: 'original',
  },
  {
    heading: 'reversesLineId',
    label: 'Reverses line id',
    required: false,
    description: 'For a reversal only: the line id of the line it takes back. Leave it empty otherwise.',
    example: '',
  },
];

/** The most activity lines one file may carry (rows below the headings). */
export const MAX_FILE_LINES = 10_000;

/** The largest file accepted, in bytes: 10,000 lines fit in well under 2 MB. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** The values of a row that may leave the optional columns out: the first six are required. */
export const REQUIRED_VALUES = ACTIVITY_CSV_COLUMNS.filter((column) => column.required).length;

/** The headings line as the template has it. */
export const ACTIVITY_CSV_HEADINGS = ACTIVITY_CSV_COLUMNS.map((column) => column.heading).join(',');

/** The byte order mark that tells spreadsheets the file is UTF-8. */
const BOM = '\uFEFF';

/** The downloadable template: a UTF-8 BOM, the headings and one example row, with CRLF line ends as spreadsheets write them. */
export function activityCsvTemplate(): string {
  const rows = [ACTIVITY_CSV_COLUMNS.map((column) => column.heading), ACTIVITY_CSV_COLUMNS.map((column) => column.example)];
  return BOM + stringify(rows, { record_delimiter: '\r\n' });
}

/** A heading as compared: case, spaces, dashes and underscores do not matter ("Line id", "line_id" and "lineId" are the same). */
export function headingKey(text: string): string {
  return text.toLowerCase().replace(/[\s_-]/g, '');
}
