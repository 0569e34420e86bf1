import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvDocument, csvRecordsText, spreadsheetSafe } from '../../src/lib/csv.ts';
import { csvHeader, csvHrefOf, csvRows, type ListColumns, tableHead, tableRows } from '../../src/http/web/list-table.ts';

describe('spreadsheet-safe CSV cells', () => {
  it.each(['=SUM(A1:A9)', '+44 1422', '-2+3', '-12', '@cmd', '\t=1', '\r=1'])(
    'puts an apostrophe before %j, which a spreadsheet would run',
    (cell) => {
      expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
    },
  );

  it.each(['Smith', '0123', '12', "'=already", ''])('leaves %j as it is', (cell) => {
    expect(spreadsheetSafe(cell)).toBe(cell);
  });

  it('writes RFC 4180 with CRLF, quoting commas, quotes and line breaks, and the byte order mark once at the start', () => {
    const text = csvDocument(
      ['Name', 'Count'],
      [
        ['Smith, "Jr"', 3],
        ['two\nlines', -1],
        ['=1+1', 0],
      ],
    );
    expect(text.startsWith('\ufeffName,Count\r\n')).toBe(true);
    expect(text.indexOf('\ufeff', 1)).toBe(-1);
    expect(parse(text.slice(1))).toEqual([
      ['Name', 'Count'],
      ['Smith, "Jr"', '3'],
      ['two\nlines', '-1'],
      ["'=1+1", '0'],
    ]);
    expect(csvRecordsText([['a']])).toBe('a\r\n');
  });
});

describe('a list’s columns', () => {
  const columns: ListColumns<{ id: string; name: string; status: string }> = [
    { heading: 'Name', cell: (row) => ({ text: row.name, href: `/things/${row.id}` }) },
    { heading: 'Status', cell: (row) => ({ text: row.status, tag: 'nhsuk-tag--green' }) },
  ];
  const rows = [{ id: '1', name: '<b>Ann</b>', status: 'Live & well' }];

  it('give the page its headings and cells, with links and escaped tags, and the CSV the same headings and words', () => {
    expect(tableHead(columns)).toEqual([{ text: 'Name' }, { text: 'Status' }]);
    expect(tableRows(columns, rows)).toEqual([
      [{ text: '<b>Ann</b>', href: '/things/1' }, { html: '<strong class="nhsuk-tag nhsuk-tag--green">Live &amp; well</strong>' }],
    ]);
    expect(csvHeader(columns)).toEqual(['Name', 'Status']);
    expect(csvRows(columns, rows)).toEqual([['<b>Ann</b>', 'Live & well']]);
  });

  it('link the download to the page’s own filter, without the page number or empty fields', () => {
    expect(csvHrefOf('/listings', { offer: 'abc', page: '3', status: '' })).toBe('/listings.csv?offer=abc');
    expect(csvHrefOf('/offers', {})).toBe('/offers.csv');
    expect(csvHrefOf('/x', { service: ['a', 'b'] })).toBe('/x.csv?service=a&service=b');
  });
});
