import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
import { aCsvFile, aSessionRow, eightSessionsEach } from '../support/activity-csv-rows.ts';
import { aPricedBackPainOffer, aReferralFor, type ActivityWorld } from '../support/activity-rows.ts';
import { tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2027-03-01';
const SESSION_PENCE = 3500;

describe('activity lines sent as a CSV file by API', () => {
  let t: TestApp;
  let world: ActivityWorld;
  let provider: string;
  let clinician: string;

  const upload = (token: string, csv: string, fileName = 'february.csv') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/activity-lines/csv?fileName=${fileName}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv; charset=utf-8' },
      payload: csv,
    });
  const stored = async () => ({
    lines: (await t.deps.db.selectFrom('activity_lines').select('id').execute()).length,
    submissions: (await t.deps.db.selectFrom('activity_submissions').select('id').execute()).length,
  });
  const referrals = (count: number) =>
    Promise.all(Array.from({ length: count }, () => aReferralFor(t.deps, world, { acceptedOn: '2027-02-01' })));

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock: fixedClock(`${TODAY}T12:00:00Z`) });
    world = await aPricedBackPainOffer(t.deps, TODAY, SESSION_PENCE);
    provider = await tokenFor(t.deps, world.providerId, 'provider-admin');
    clinician = await tokenFor(t.deps, world.providerId, 'provider-clinician');
  });
  afterAll(async () => t.close());

  it('keeps 997 lines of a 1,000-line file with 3 bad lines, and reports the 3 by line number with their reasons', async () => {
    const ubrns = (await referrals(125)).map((referral) => referral.ubrn);
    const rows = eightSessionsEach('C1', ubrns);
    rows[99] = aSessionRow('C1-bad-date', ubrns[12]!, { date: '2027-02-30' });
    rows[499] = aSessionRow('', ubrns[62]!);
    rows[899] = aSessionRow('C1-unknown', '999999999999');
    const before = await stored();

    const response = await upload(provider, aCsvFile(rows));

    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({
      received: 1000,
      accepted: 997,
      refused: 3,
      alreadyReceived: 0,
      notRecorded: 1,
      fileName: 'february.csv',
    });
    expect(report.lines.filter((line: { outcome: string }) => line.outcome === 'refused')).toEqual([
      expect.objectContaining({
        lineNumber: 101,
        lineId: 'C1-bad-date',
        reasonCode: 'invalid-line',
        recorded: true,
        detail: expect.stringContaining('2027-02-30'),
      }),
      expect.objectContaining({
        lineNumber: 501,
        lineId: null,
        reasonCode: 'invalid-line',
        recorded: false,
        detail: expect.stringContaining('no line id'),
      }),
      expect.objectContaining({
        lineNumber: 901,
        lineId: 'C1-unknown',
        reasonCode: 'unknown-referral',
        reason: 'No referral has this reference',
      }),
    ]);
    const kept = await t.deps.db
      .selectFrom('activity_lines')
      .select(['status', 'source', 'price_pence as pricePence'])
      .where('submission_id', '=', report.submissionId)
      .execute();
    expect(kept.filter((line) => line.status === 'accepted')).toHaveLength(997);
    expect(kept.every((line) => line.source === 'csv')).toBe(true);
    expect(kept.filter((line) => line.pricePence === SESSION_PENCE)).toHaveLength(997);
    expect(await stored()).toEqual({ lines: before.lines + 999, submissions: before.submissions + 1 });
  }, 120_000);

  it('adds nothing when the same file is uploaded again: every line is already received', async () => {
    const ubrns = (await referrals(3)).map((referral) => referral.ubrn);
    const csv = aCsvFile([...eightSessionsEach('C2', ubrns), aSessionRow('C2-dna', ubrns[0]!, { attendance: '3', date: '2027-02-10' })]);
    const first = await upload(clinician, csv);
    expect(first.json()).toMatchObject({ received: 25, accepted: 24, refused: 1, alreadyReceived: 0 });
    const before = await stored();

    const again = await upload(clinician, csv);

    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ received: 25, accepted: 0, refused: 0, alreadyReceived: 25 });
    expect((await stored()).lines).toBe(before.lines);
  });

  it('writes nothing of a file when the database fails part way through it, and takes the whole file once the failure is gone', async () => {
    const rows = Array.from({ length: 1500 }, (_, index) => aSessionRow(`C3-${index + 1}`, '999999999999'));
    await sql`
      CREATE FUNCTION fail_on_line_1400() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.provider_line_id = 'C3-1400' THEN RAISE EXCEPTION 'the disk is full'; END IF;
        RETURN NEW;
      END $$`.execute(t.deps.db);
    await sql`CREATE TRIGGER fail_on_line_1400 BEFORE INSERT ON activity_lines FOR EACH ROW EXECUTE FUNCTION fail_on_line_1400()`.execute(
      t.deps.db,
    );
    const before = await stored();
    const audits = (await t.deps.db.selectFrom('audit_events').select('id').where('action', '=', 'activity.submit').execute()).length;

    const failed = await upload(provider, aCsvFile(rows));

    expect(failed.statusCode).toBe(500);
    expect(await stored()).toEqual(before);
    expect(await t.deps.db.selectFrom('audit_events').select('id').where('action', '=', 'activity.submit').execute()).toHaveLength(audits);
    await sql`DROP TRIGGER fail_on_line_1400 ON activity_lines`.execute(t.deps.db);
    const retried = await upload(provider, aCsvFile(rows));
    expect(retried.json()).toMatchObject({ received: 1500, refused: 1500 });
    expect((await stored()).lines).toBe(before.lines + 1500);
  }, 120_000);

  it('refuses a file with the wrong headings, or with no body, with a coded problem on the file, storing nothing', async () => {
    const before = await stored();
    const wrong = await upload(provider, 'id,reference,currency,date,attendance,band\r\nX1,999999999999,session,2027-02-01,5,STANDARD\r\n');
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/activity-lines/csv',
      headers: { authorization: `Bearer ${provider}` },
    });
    expect([wrong.statusCode, empty.statusCode]).toEqual([400, 400]);
    expect(wrong.json()).toMatchObject({
      code: 'validation-failed',
      errors: [{ field: 'file', message: expect.stringContaining('column headings') }],
    });
    expect(empty.json()).toMatchObject({ code: 'validation-failed', errors: [{ field: 'file' }] });
    expect(await stored()).toEqual(before);
  });

  it('lets only a provider send a file', async () => {
    const commissioner = await tokenFor(t.deps, world.commissionerId, 'commissioner');
    expect((await upload(commissioner, aCsvFile([aSessionRow('C5-1', '999999999999')]))).statusCode).toBe(403);
  });

  it('describes the route in the OpenAPI document as taking text/csv', async () => {
    const path = (await t.app.inject('/api/v1/openapi.json')).json().paths['/api/v1/activity-lines/csv'];
    expect(path.post.summary).toContain('Content-Type: text/csv');
    expect(Object.keys(path.post.responses[200].content['application/json'].schema.properties.lines.items.properties)).toContain(
      'lineNumber',
    );
  });
});
