import { describe, expect, it } from 'vitest';
import { ACTIVITY_CSV_HEADINGS, activityCsvTemplate, MAX_FILE_LINES } from '../../../src/domains/payments/activity-csv-format.rules.ts';
import { type ParsedFile, parseActivityCsv, readActivityFile } from '../../../src/domains/payments/activity-csv.rules.ts';

const HEAD = ACTIVITY_CSV_HEADINGS;
const bytes = (text: string) => new TextEncoder().encode(text);
const parsed = (text: string): ParsedFile => parseActivityCsv(bytes(text));
const rowsOf = (text: string) => {
  const result = parsed(text);
  if (!result.ok) throw new Error(result.problem);
  return result.rows;
};
const aFile = (text: string, fileName = 'activity.csv') => ({ fileName, content: bytes(text), truncated: false });

describe('reading an activity-line CSV file', () => {
  it('reads each row as a line, the headings being line 1', () => {
    const [row] = rowsOf(`${HEAD}\nL1,123456789012,session,2027-02-01,5,STANDARD,,\n`);
    expect(row).toEqual({
      lineNumber: 2,
      storable: true,
      line: {
        lineId: 'L1',
        referralReference: '123456789012',
        currencyCode: 'session',
        activityDate: '2027-02-01',
        attendance: '5',
        complexityBand: 'STANDARD',
        kind: 'original',
      },
    });
  });

  it('reads the template it offers for download, with its byte order mark and CRLF line ends', () => {
    const template = activityCsvTemplate();
    expect(template.startsWith('\uFEFFlineId,')).toBe(true);
    expect(template.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(rowsOf(template)).toEqual([expect.objectContaining({ lineNumber: 2, storable: true })]);
    expect(rowsOf(template)[0]).not.toHaveProperty('problem');
  });

  it('counts line numbers across quoted values holding commas, quotes and line breaks, and across blank lines', () => {
    const text = `\uFEFF${HEAD}\r\n"L1",123456789012,session,2027-02-01,5,"BAND, ""A""\r\nSECOND LINE"\r\n\r\nL2,123456789012,session,2027-02-02,5,STANDARD\r\n`;
    const rows = rowsOf(text);
    expect(rows.map((row) => row.lineNumber)).toEqual([2, 5]);
    expect(rows[0]).toMatchObject({ line: { lineId: 'L1', complexityBand: 'BAND, "A"\r\nSECOND LINE' } });
  });

  it('reads a reference printed with spaces and a date saved as DD/MM/YYYY', () => {
    const [row] = rowsOf(`${HEAD}\nL1,1234 5678 9012,session,1/2/2027,5,STANDARD\n`);
    expect(row).toMatchObject({ line: { referralReference: '123456789012', activityDate: '2027-02-01' } });
  });

  it('reads a reversal naming the line it takes back', () => {
    const [row] = rowsOf(`${HEAD}\nL2,123456789012,session,2027-02-01,5,STANDARD,Reversal,L1\n`);
    expect(row).toMatchObject({ storable: true, line: { kind: 'reversal', reversesLineId: 'L1' } });
  });

  it.each([
    ['a date that does not exist', 'L1,123456789012,session,2027-02-30,5,STANDARD', 'The activity date 2027-02-30 is not a date'],
    ['an unknown attendance code', 'L1,123456789012,session,2027-02-01,9,STANDARD', 'The attendance code 9 is not one of'],
    ['no referral reference', 'L1,,session,2027-02-01,5,STANDARD', 'The referral reference is missing'],
    ['a reference a spreadsheet shortened', 'L1,1.23457E+11,session,2027-02-01,5,STANDARD', 'was shortened by a spreadsheet'],
    ['no complexity band', 'L1,123456789012,session,2027-02-01,5,', 'The complexity band is missing'],
  ])('keeps a row with %s as a line, with the problem to refuse it for', (_case, row, problem) => {
    expect(rowsOf(`${HEAD}\n${row}\n`)).toEqual([
      expect.objectContaining({ lineNumber: 2, storable: true, problem: expect.stringContaining(problem) }),
    ]);
  });

  it.each([
    ['no line id', ',123456789012,session,2027-02-01,5,STANDARD', null, 'There is no line id'],
    ['a line id with a space', 'L 1,123456789012,session,2027-02-01,5,STANDARD', 'L 1', 'must be 1 to 100 letters'],
    ['the platform’s own line id', 'platform:x,123456789012,session,2027-02-01,5,STANDARD', 'platform:x', 'the platform’s own'],
    ['too few values', 'L1,123456789012,session', 'L1', 'This line has 3 values: it needs 6 to 8'],
    ['an unknown kind', 'L1,123456789012,session,2027-02-01,5,STANDARD,correction', 'L1', 'The kind must be original or reversal'],
    ['a reversal naming no line', 'L1,123456789012,session,2027-02-01,5,STANDARD,reversal', 'L1', 'A reversal must give the line id'],
    ['an original naming a line', 'L1,123456789012,session,2027-02-01,5,STANDARD,,L0', 'L1', 'Only a reversal gives a line id'],
    ['a value too long to keep', `L1,123456789012,session,2027-02-01,5,${'B'.repeat(61)}`, 'L1', 'The complexity band is longer than 60'],
  ])('reports a row with %s without keeping it as a line', (_case, row, lineId, problem) => {
    expect(rowsOf(`${HEAD}\n${row}\n`)).toEqual([{ lineNumber: 2, storable: false, lineId, problem: expect.stringContaining(problem) }]);
  });

  it('reports every unreadable row by its own line number, and a line id used twice on its second line', () => {
    const rows = rowsOf(
      [
        HEAD,
        'L1,123456789012,session,2027-02-01,5,STANDARD',
        ',123456789012,session,2027-02-02,5,STANDARD',
        'L3,123456789012,session,not a date,5,STANDARD',
        'L1,123456789012,session,2027-02-04,5,STANDARD',
      ].join('\n'),
    );
    expect(rows.map((row) => [row.lineNumber, row.storable, row.problem ?? null])).toEqual([
      [2, true, null],
      [3, false, expect.stringContaining('There is no line id')],
      [4, true, expect.stringContaining('not a date')],
      [5, false, 'The line id L1 is also on line 2: give each line its own id'],
    ]);
  });

  it('accepts headings in any case and spacing, and the empty cells a spreadsheet leaves after the last column', () => {
    const loose = 'Line ID, referral_reference,Currency-Code,activity date,ATTENDANCE,complexityBand,kind,reverses line id,,';
    expect(rowsOf(`${loose}\nL1,123456789012,session,2027-02-01,5,STANDARD,,,,\n`)).toHaveLength(1);
  });

  it.each([
    [
      'other headings',
      'id,reference,currency,date,attendance,band,kind,reverses\nL1,1,s,2027-02-01,5,S',
      'The first line must be the column headings',
    ],
    [
      'headings without the optional columns',
      'lineId,referralReference,currencyCode,activityDate,attendance,complexityBand',
      'column headings',
    ],
    ['no lines below the headings', `${HEAD}\n\n`, 'The file has no activity lines'],
    [
      'a quoted value never closed',
      `${HEAD}\nL1,123456789012,session,2027-02-01,5,STANDARD\nL2,"123456789012,session`,
      'Line 3 has a quotation mark',
    ],
  ])('refuses a file with %s', (_case, text, problem) => {
    expect(parsed(text)).toEqual({ ok: false, problem: expect.stringContaining(problem) });
  });

  it(`refuses a file of more than ${MAX_FILE_LINES.toLocaleString('en-GB')} lines, and takes one of exactly that many`, () => {
    const lines = (count: number) =>
      [HEAD, ...Array.from({ length: count }, (_, index) => `L${index},123456789012,session,2027-02-01,5,STANDARD`)].join('\n');
    expect(parsed(lines(MAX_FILE_LINES + 1))).toEqual({ ok: false, problem: expect.stringContaining('10,001 activity lines') });
    expect(rowsOf(lines(MAX_FILE_LINES))).toHaveLength(MAX_FILE_LINES);
  });

  it.each([
    ['an empty file', aFile(''), 'The selected file is empty'],
    ['a file not named .csv', aFile(`${HEAD}\n`, 'activity.xlsx'), 'must be a CSV file'],
    [
      'a file that is not text',
      { fileName: 'a.csv', content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]), truncated: false },
      'saved as UTF-8',
    ],
    ['a file cut short at the size limit', { ...aFile(`${HEAD}\n`), truncated: true }, 'must be smaller than 4 MB'],
  ])('refuses %s before reading it', (_case, file, problem) => {
    expect(readActivityFile(file, true)).toEqual({ ok: false, problem: expect.stringContaining(problem) });
  });

  it('takes a file of any name when the name is not asked for (the API declares text/csv instead)', () => {
    expect(readActivityFile(aFile(activityCsvTemplate(), 'upload'), false)).toMatchObject({ ok: true });
  });
});
