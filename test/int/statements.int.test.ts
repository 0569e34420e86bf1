import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPaymentMonth } from '../../src/domains/payments/payment-run.service.ts';
import { aPricedBackPainOffer, aReferralFor, type ActivityWorld } from '../support/activity-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { tokenFor } from '../support/referral-rows.ts';
import { statementLinesOf, statementsOfMonth } from '../support/statement-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';
import { DEMO_PASSWORD } from '../../src/demo/region.demo-seed.ts';

const SYSTEM = { principal: null, clientAddress: null };
const clock = movableToday('2027-01-20');
const NHS_NUMBER = '9990001234';

describe('monthly statements: prepared by one finance officer, approved by another, never changed after', () => {
  let t: TestApp;
  let world: ActivityWorld;
  let provider: string;
  let statementId: string;
  let preparer: WebClient;
  let approver: WebClient;
  let contractManager: WebClient;
  let providerWeb: WebClient;

  const session = (lineId: string, referralReference: string, activityDate: string, overrides: object = {}) => ({
    lineId,
    referralReference,
    currencyCode: 'session',
    activityDate,
    attendance: '5',
    complexityBand: 'STANDARD',
    ...overrides,
  });
  const send = async (lines: object[]) =>
    t.app.inject({ method: 'POST', url: '/api/v1/activity-lines', headers: { authorization: `Bearer ${provider}` }, payload: { lines } });
  const signedIn = async (email: string) => {
    const web = new WebClient(t.app);
    await web.signIn(email, DEMO_PASSWORD);
    return web;
  };
  const postForm = async (web: WebClient, url: string) => {
    const page = await web.get(`/payments/statements/${statementId}`);
    return web.post(url, { _csrf: csrfTokenIn(page.body) });
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock });
    world = await aPricedBackPainOffer(t.deps, '2027-01-01', 3500);
    provider = await tokenFor(t.deps, world.providerId, 'provider-admin');
    const { id, ubrn } = await aReferralFor(t.deps, world, { acceptedOn: '2027-01-04' });
    const patient = await t.deps.db.selectFrom('referrals').select('patient_id').where('id', '=', id).executeTakeFirstOrThrow();
    await t.deps.db.updateTable('patients').set({ nhs_number: NHS_NUMBER }).where('id', '=', patient.patient_id).execute();
    await send([session('S-1', ubrn, '2027-01-05'), session('S-2', ubrn, '2027-01-12'), session('S-3', ubrn, '2027-01-19')]);
    clock.setToday('2027-02-01');
    await runPaymentMonth(t.deps, SYSTEM, { month: '2027-01', triggeredBy: 'test' });
    statementId = (await statementsOfMonth(t.deps, '2027-01'))[0]!.id;
    preparer = await signedIn('finance@aqp.example');
    approver = await signedIn('finance.approver@aqp.example');
    contractManager = await signedIn('commissioner@aqp.example');
    providerWeb = await signedIn('provider.admin@aqp.example');
  });
  afterAll(async () => t.close());

  it('shows the draft to the ICB above the paying place and to the provider, with its total', async () => {
    for (const web of [preparer, contractManager, providerWeb]) {
      const page = await web.get(`/payments/statements/${statementId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Payable: £105.00');
      expect(page.body).toContain(`/payments/statements/${statementId}/statement.csv`);
      expect(page.body).toContain('Pennine Hearing Care');
    }
  });

  it('lets only the provider and finance officers see the backing lines, and records each view', async () => {
    expect((await contractManager.get(`/payments/statements/${statementId}/lines`)).statusCode).toBe(403);
    const page = await preparer.get(`/payments/statements/${statementId}/lines`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(NHS_NUMBER);
    const audits = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'statement.backing-lines.view')
      .where('entity_id', '=', statementId)
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('refuses approval by the person who prepared it, then approves by a colleague and tells the provider', async () => {
    expect((await postForm(preparer, `/payments/statements/${statementId}/prepare`)).statusCode).toBe(303);
    const refused = await postForm(preparer, `/payments/statements/${statementId}/approve`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('You prepared this statement: another finance officer must approve it');
    expect((await postForm(approver, `/payments/statements/${statementId}/approve`)).statusCode).toBe(303);
    const [statement] = await statementsOfMonth(t.deps, '2027-01');
    expect(statement).toMatchObject({ status: 'approved', payable_pence: 10500, payment_due_on: '2027-03-03' });
    const message = await t.deps.db
      .selectFrom('outbox_messages')
      .select('subject')
      .where('organisation_id', '=', world.providerId)
      .where('entity_id', '=', statementId)
      .executeTakeFirstOrThrow();
    expect(message.subject).toBe('Statement AQP-2027-01-DEMO1-02T approved');
  });

  it('keeps an approved statement unchanged when its month is run again, and puts a correction on the next statement', async () => {
    const before = await statementLinesOf(t.deps, statementId);
    const ubrn = (
      await t.deps.db
        .selectFrom('activity_lines')
        .select('referral_reference')
        .where('provider_line_id', '=', 'S-3')
        .executeTakeFirstOrThrow()
    ).referral_reference;
    clock.setToday('2027-02-10');
    await send([
      { ...session('S-3-REV', ubrn, '2027-02-10'), kind: 'reversal', reversesLineId: 'S-3' },
      session('S-4', ubrn, '2027-01-26'),
    ]);
    await runPaymentMonth(t.deps, SYSTEM, { month: '2027-01', triggeredBy: 'test' });
    expect(await statementLinesOf(t.deps, statementId)).toEqual(before);
    expect((await statementsOfMonth(t.deps, '2027-01'))[0]).toMatchObject({ status: 'approved', payable_pence: 10500 });
    clock.setToday('2027-03-01');
    await runPaymentMonth(t.deps, SYSTEM, { month: '2027-02', triggeredBy: 'test' });
    const [february] = await statementsOfMonth(t.deps, '2027-02');
    expect((await statementLinesOf(t.deps, february!.id)).map((line) => [line.provider_line_id, line.placement, line.price_pence])).toEqual(
      [
        ['S-3-REV', 'adjustment', -3500],
        ['S-4', 'adjustment', 3500],
      ],
    );
  });

  it('puts no NHS number, name, date of birth or postcode in the statement page, its CSV, its print or the payment file', async () => {
    const patient = await t.deps.db.selectFrom('patients').selectAll().where('nhs_number', '=', NHS_NUMBER).executeTakeFirstOrThrow();
    const forbidden = [
      NHS_NUMBER,
      '999 000 1234',
      patient.family_name,
      patient.date_of_birth,
      '01/01/1970',
      '1 January 1970',
      patient.postcode,
    ];
    for (const url of ['', '/statement.csv', '/print', '/payment-file.csv']) {
      const response = await approver.get(`/payments/statements/${statementId}${url}`);
      expect(response.statusCode, url).toBe(200);
      for (const text of forbidden) expect(response.body, `${url} contains ${text}`).not.toContain(text);
    }
    const file = await approver.get(`/payments/statements/${statementId}/payment-file.csv`);
    expect(file.body.startsWith('\ufeffrecord_type,statement_reference')).toBe(true);
    expect(file.body).toContain('total,AQP-2027-01-DEMO1-02T,DEMO1');
    expect(file.body).toContain(',3,10500,105.00,2027-03-03');
  });

  it('answers the API with coded problems: an unknown statement, approval by the preparer, a draft’s payment file', async () => {
    const finance = await tokenFor(t.deps, world.commissionerId, 'commissioner-finance');
    expect((await t.app.inject({ url: '/api/v1/statements/not-a-uuid', headers: { authorization: `Bearer ${finance}` } })).statusCode).toBe(
      400,
    );
    const [february] = await statementsOfMonth(t.deps, '2027-02');
    const file = await t.app.inject({
      url: `/api/v1/statements/${february!.id}/payment-file`,
      headers: { authorization: `Bearer ${finance}` },
    });
    expect(file.statusCode).toBe(409);
    const byKey = await t.app.inject({
      method: 'POST',
      url: `/api/v1/statements/${february!.id}/preparation`,
      headers: { authorization: `Bearer ${finance}` },
    });
    expect(byKey.statusCode).toBe(403);
  });
});
