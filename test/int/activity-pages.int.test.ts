import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableToday } from '../support/movable-clock.ts';
import { aCsvFile, aSessionRow, eightSessionsEach } from '../support/activity-csv-rows.ts';
import { aPricedBackPainOffer, aReferralFor, type ActivityWorld } from '../support/activity-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { type FilePart, UploadingClient } from '../support/uploads.ts';

const TODAY = '2027-03-01';
const UPLOAD = '/payments/activity/upload';

describe('the provider’s activity pages: uploading a CSV file and seeing a month', () => {
  let t: TestApp;
  let world: ActivityWorld;
  let admin: UploadingClient;
  let addresses = 0;

  const csvPart = (text: string, fileName = 'february.csv'): FilePart => ({
    field: 'file',
    fileName,
    contentType: 'text/csv',
    content: new TextEncoder().encode(text),
  });
  const storedLines = async () => (await t.deps.db.selectFrom('activity_lines').select('id').execute()).length;
  const person = async (email: string) => {
    const client = new UploadingClient(t.app, `10.2.0.${(addresses += 1)}`);
    await client.signIn(email);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock: movableToday(TODAY) });
    world = await aPricedBackPainOffer(t.deps, TODAY, 3500);
    admin = await person('provider.admin@aqp.example');
  });
  afterAll(async () => t.close());

  it('shows the upload form with guidance on every column and attendance code, and a link to the template', async () => {
    const page = await admin.get(UPLOAD);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain('type="file"');
    expect(page.body).toContain('href="/payments/activity/template.csv"');
    for (const heading of [
      'lineId',
      'referralReference',
      'currencyCode',
      'activityDate',
      'attendance',
      'complexityBand',
      'kind',
      'reversesLineId',
    ])
      expect(page.body).toContain(`</span>${heading}\n`);
    expect(page.body).toContain('Did not attend, with no advance warning');
    expect(page.body).toContain('src="/static/activity-upload.js"');
  });

  it('downloads the template: a UTF-8 byte order mark, the headings and one example line', async () => {
    const template = await admin.get('/payments/activity/template.csv');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('text/csv');
    expect(template.headers['content-disposition']).toContain('attachment');
    expect(template.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(template.body.split('\r\n').filter(Boolean)).toEqual([
      '\uFEFFlineId,referralReference,currencyCode,activityDate,attendance,complexityBand,kind,reversesLineId',
      'HX-2027-000123,123456789012,session,2027-02-01,5,STANDARD,original,',
    ]);
  });

  it.each([
    ['no file is chosen', undefined, 'Select a CSV file of activity lines'],
    [
      'the file is not a CSV',
      csvPart(aCsvFile([aSessionRow('P1-1', '999999999999')]), 'activity.xlsx'),
      'The selected file must be a CSV file',
    ],
    [
      'the headings are wrong',
      csvPart('id,reference\r\nP2-1,999999999999\r\n'),
      'The first line must be the column headings from the template',
    ],
    [
      'the file has too many lines',
      csvPart(aCsvFile(Array.from({ length: 10_001 }, (_, index) => aSessionRow(`P3-${index}`, '999999999999')))),
      'The file has 10,001 activity lines: upload at most 10,000 in one file',
    ],
  ])('shows the error next to the file field when %s, storing nothing', async (_case, file, message) => {
    const before = await storedLines();
    const response = await admin.upload(UPLOAD, {}, file);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<title>Error: Upload activity lines');
    expect(response.body).toContain('href="#file"');
    expect(response.body).toMatch(new RegExp(`id="file-error">[\\s\\S]*?${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(await storedLines()).toBe(before);
  });

  it('shows the report of a file by line number, with a CSV of it, and adds nothing when the file is uploaded again', async () => {
    const ubrns = (await Promise.all([1, 2].map(() => aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' })))).map((r) => r.ubrn);
    const csv = aCsvFile([
      ...eightSessionsEach('P4', ubrns),
      aSessionRow('P4-ninth', ubrns[0]!, { date: '2027-02-20' }),
      aSessionRow('', ubrns[1]!),
    ]);

    const result = await admin.upload(UPLOAD, {}, csvPart(csv));

    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('Activity file received');
    expect(result.body).toMatch(/Lines received[\s\S]*?18/);
    expect(result.body).toMatch(/Accepted[\s\S]*?16/);
    expect(result.body).toMatch(/<td[^>]*>[\s\S]*?18[\s\S]*?P4-ninth[\s\S]*?over-session-cap/);
    expect(result.body).toMatch(/<td[^>]*>[\s\S]*?19[\s\S]*?None[\s\S]*?invalid-line[\s\S]*?There is no line id/);
    const href = /href="(data:text\/csv[^"]+)" download="activity-report.csv"/.exec(result.body)?.[1];
    const report = decodeURIComponent(href!.replace('data:text/csv;charset=utf-8,', '').replaceAll('&amp;', '&'));
    expect(report.split('\r\n')[0]).toBe('\uFEFFLine,Line id,Reason code,Reason,Detail,Recorded');
    expect(report).toContain('18,P4-ninth,over-session-cap');
    expect(report).toContain('19,,invalid-line');
    const before = await storedLines();

    const again = await admin.upload(UPLOAD, {}, csvPart(csv));

    expect(again.body).toMatch(/Already received before[\s\S]*?17/);
    expect(await storedLines()).toBe(before);
  });

  it('shows a month of the provider’s lines with status, reason and price, its totals and the financial year to date, audited as seen', async () => {
    const [first, second] = await Promise.all([1, 2].map(() => aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' })));
    const march = [
      aSessionRow('P5-mar', first!.ubrn, { date: TODAY }),
      aSessionRow('P5-dna', second!.ubrn, { date: TODAY, attendance: '3' }),
    ];
    await admin.upload(UPLOAD, {}, csvPart(aCsvFile(march)));
    const audits = (await t.deps.db.selectFrom('audit_events').select('id').where('action', '=', 'activity-lines.view').execute()).length;

    const page = await admin.get('/payments/activity?month=2027-03');

    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Activity in March 2027');
    expect(page.body).toMatch(/P5-mar[\s\S]*?Accepted[\s\S]*?£35\.00/);
    expect(page.body).toMatch(/P5-dna[\s\S]*?Refused[\s\S]*?does not pay for missed appointments/);
    expect(page.body).toMatch(/Totals for March 2027[\s\S]*?Lines accepted[\s\S]*?>\s*1\s*<[\s\S]*?Price of accepted lines[\s\S]*?£35\.00/);
    expect(page.body).toMatch(/Financial year 2026\/27 to date[\s\S]*?Income to date[\s\S]*?£/);
    expect(page.body).not.toMatch(/<(h2|dt)[^>]*>[^<]*(forecast|expected|committed|promised)/i);
    expect(page.body).toContain('href="/payments/activity/upload"');
    expect(page.body).toContain('href="/payments/activity?month=2027-02"');
    expect(page.body).not.toContain('href="/payments/activity?month=2027-04"');
    const seen = await t.deps.db
      .selectFrom('audit_events')
      .select(['details', 'role'])
      .where('action', '=', 'activity-lines.view')
      .execute();
    expect(seen).toHaveLength(audits + 1);
    expect(seen.at(-1)).toMatchObject({ role: 'provider-admin', details: { from: '2027-03-01', to: '2027-04-01', lines: 2 } });
  });

  it('pages through a long month, and lists the activity task on a provider’s home page', async () => {
    const ubrns = (await Promise.all([1, 2, 3, 4].map(() => aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' })))).map((r) => r.ubrn);
    await admin.upload(UPLOAD, {}, csvPart(aCsvFile(eightSessionsEach('P6', ubrns))));
    const first = await admin.get('/payments/activity?month=2027-02');
    const second = await admin.get('/payments/activity?month=2027-02&page=2');
    expect(first.body).toMatch(/Showing 1 to 25 of \d+/);
    expect(first.body).toContain('href="/payments/activity?month=2027-02&amp;page=2"');
    expect(second.body).toMatch(/Showing 26 to/);
    const clinician = await person('clinician@aqp.example');
    expect((await clinician.get('/')).body).toContain('href="/payments/activity"');
    expect((await clinician.get('/payments/activity')).body).toContain('Activity in March 2027');
    expect((await clinician.get('/payments/activity?month=2027-13')).statusCode).toBe(400);
  });
});
