import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPaymentMonth } from '../../src/domains/payments/payment-run.service.ts';
import { aPricedBackPainOffer, aReferralFor, type ActivityWorld } from '../support/activity-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { tokenFor } from '../support/referral-rows.ts';
import { statementLinesOf, statementsOfMonth } from '../support/statement-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const SYSTEM = { principal: null, clientAddress: null };
const SESSION_PENCE = 3500;
const clock = movableToday('2027-01-31');

describe('the month close places each month’s lines on draft statements, priced and re-checked', () => {
  let t: TestApp;
  let world: ActivityWorld;
  let provider: string;

  const session = (lineId: string, referralReference: string, activityDate: string, overrides: object = {}) => ({
    lineId,
    referralReference,
    currencyCode: 'session',
    activityDate,
    attendance: '5',
    complexityBand: 'STANDARD',
    ...overrides,
  });
  const send = async (lines: object[]) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/activity-lines',
      headers: { authorization: `Bearer ${provider}` },
      payload: { lines },
    });
    expect(response.statusCode).toBe(200);
    return response.json().lines as { lineId: string; outcome: string; reasonCode?: string }[];
  };
  const run = (month: string) => runPaymentMonth(t.deps, SYSTEM, { month, triggeredBy: 'test' });

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock });
    world = await aPricedBackPainOffer(t.deps, '2027-01-01', SESSION_PENCE);
    await t.deps.db
      .insertInto('offer_prices')
      .values({
        offer_id: world.offerId,
        effective_from: '2027-04-01',
        currency_code: 'session',
        complexity_band: 'STANDARD',
        price_pence: 3700,
      })
      .execute();
    provider = await tokenFor(t.deps, world.providerId, 'provider-admin');
  });
  afterAll(async () => t.close());

  it('pays sessions 1 to 8 at the session price on the month’s draft, having refused the 9th as over the cap', async () => {
    const { ubrn } = await aReferralFor(t.deps, world, { acceptedOn: '2027-01-04' });
    const days = ['05', '06', '07', '08', '11', '12', '13', '14', '15'];
    const outcomes = await send(days.map((day, index) => session(`JAN-${index + 1}`, ubrn, `2027-01-${day}`)));
    expect(outcomes.at(-1)).toMatchObject({ lineId: 'JAN-9', outcome: 'refused', reasonCode: 'over-session-cap' });

    clock.setToday('2027-02-01');
    const result = await run('2027-01');
    expect(result).toMatchObject({ drafts: 1, linesPlaced: 8, releases: 0 });
    const [statement] = await statementsOfMonth(t.deps, '2027-01');
    expect(statement).toMatchObject({ status: 'draft', reference: 'AQP-2027-01-DEMO1-02T' });
    const lines = await statementLinesOf(t.deps, statement!.id);
    expect(lines).toHaveLength(8);
    expect(lines.every((line) => line.payment === 'payable' && line.price_pence === SESSION_PENCE && line.placement === 'in-month')).toBe(
      true,
    );
  });

  it('gives the same statements when the month is run again', async () => {
    const before = await snapshot('2027-01');
    await run('2027-01');
    expect(await snapshot('2027-01')).toEqual(before);
  });

  it('refuses to close a month that has not ended', async () => {
    await expect(run('2027-02')).rejects.toMatchObject({ code: 'invalid-transition' });
  });

  it('prices lines dated 31 March and 1 April at each year’s price', async () => {
    clock.setToday('2027-04-02');
    const { ubrn } = await aReferralFor(t.deps, world, { acceptedOn: '2027-03-30' });
    await send([session('YE-1', ubrn, '2027-03-31'), session('YE-2', ubrn, '2027-04-01')]);
    clock.setToday('2027-05-03');
    await run('2027-03');
    await run('2027-04');
    const [march] = await statementsOfMonth(t.deps, '2027-03');
    const [april] = await statementsOfMonth(t.deps, '2027-04');
    expect((await statementLinesOf(t.deps, march!.id)).map((line) => line.price_pence)).toEqual([SESSION_PENCE]);
    expect((await statementLinesOf(t.deps, april!.id)).map((line) => line.price_pence)).toEqual([3700]);
  });

  it('puts a late line and a reversal of a line already on a statement on the next month’s draft as adjustments', async () => {
    clock.setToday('2027-05-04');
    const { ubrn } = await aReferralFor(t.deps, world, { acceptedOn: '2027-03-29' });
    const outcomes = await send([session('LATE-1', ubrn, '2027-04-20')]);
    expect(outcomes[0]).toMatchObject({ outcome: 'accepted' });
    const reversal = await send([
      { ...session('REV-YE-2', (await ubrnOfLine('YE-2'))!, '2027-05-04'), kind: 'reversal', reversesLineId: 'YE-2' },
    ]);
    expect(reversal[0]).toMatchObject({ outcome: 'accepted' });
    clock.setToday('2027-06-01');
    await run('2027-05');
    const [may] = await statementsOfMonth(t.deps, '2027-05');
    const lines = await statementLinesOf(t.deps, may!.id);
    expect(lines.map((line) => [line.provider_line_id, line.placement, line.price_pence, line.payment])).toEqual([
      ['LATE-1', 'adjustment', 3700, 'payable'],
      ['REV-YE-2', 'adjustment', -3700, 'payable'],
    ]);
  });

  it('does not pay a line whose referral was since returned as outside the criteria', async () => {
    clock.setToday('2027-06-02');
    const { id, ubrn } = await aReferralFor(t.deps, world, { acceptedOn: '2027-06-01' });
    await send([session('OC-1', ubrn, '2027-06-01')]);
    await t.deps.db
      .updateTable('referrals')
      .set({ status: 'returned', return_reason_code: 'OUTSIDE_CRITERIA' })
      .where('id', '=', id)
      .execute();
    clock.setToday('2027-07-01');
    await run('2027-06');
    const [june] = await statementsOfMonth(t.deps, '2027-06');
    expect(await statementLinesOf(t.deps, june!.id)).toEqual([
      expect.objectContaining({ provider_line_id: 'OC-1', payment: 'not-paid', not_paid_reason: 'outside-criteria' }),
    ]);
  });

  it('pays a did-not-attend on back and neck pain once the offer says missed sessions are paid, and refuses one before', async () => {
    clock.setToday('2027-07-02');
    const { ubrn } = await aReferralFor(t.deps, world, { acceptedOn: '2027-07-01' });
    const refused = await send([session('DNA-1', ubrn, '2027-07-01', { attendance: '3' })]);
    expect(refused[0]).toMatchObject({ outcome: 'refused', reasonCode: 'dna-not-payable' });
    await t.deps.db
      .insertInto('offer_dna_terms')
      .values({ offer_id: world.offerId, effective_from: '2027-04-01', currency_code: 'session', payable: true })
      .execute();
    const paid = await send([session('DNA-2', ubrn, '2027-07-02', { attendance: '3' })]);
    expect(paid[0]).toMatchObject({ outcome: 'accepted' });
    clock.setToday('2027-08-02');
    await run('2027-07');
    const [july] = await statementsOfMonth(t.deps, '2027-07');
    expect(await statementLinesOf(t.deps, july!.id)).toEqual([
      expect.objectContaining({ provider_line_id: 'DNA-2', payment: 'payable', price_pence: 3700 }),
    ]);
  });

  async function ubrnOfLine(lineId: string) {
    const row = await t.deps.db
      .selectFrom('activity_lines')
      .select('referral_reference')
      .where('provider_line_id', '=', lineId)
      .executeTakeFirst();
    return row?.referral_reference;
  }

  async function snapshot(month: string) {
    const statements = await statementsOfMonth(t.deps, month);
    return Promise.all(
      statements.map(async ({ id, built_at: _at, built_by_run_id: _run, ...rest }) => ({
        ...rest,
        lines: await statementLinesOf(t.deps, id),
      })),
    );
  }
});
