import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPaymentMonth } from '../../src/domains/payments/payment-run.service.ts';
import { aPricedOffer, aReferralFor, type ActivityWorld } from '../support/activity-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { tokenFor } from '../support/referral-rows.ts';
import { statementLinesOf, statementsOfMonth } from '../support/statement-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const SYSTEM = { principal: null, clientAddress: null };
const clock = movableToday('2027-01-20');

describe('the month close places a line without a price as unpriced, whatever else would hold it back', () => {
  let t: TestApp;
  let world: ActivityWorld;
  let provider: string;

  /** A binaural fitting on an offer that prices only monaural ones: accepted, and unpriced. */
  const binauralFitting = async (lineId: string) => {
    const { id, ubrn } = await aReferralFor(t.deps, world, { acceptedOn: '2027-01-11' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/activity-lines',
      headers: { authorization: `Bearer ${provider}` },
      payload: {
        lines: [
          {
            lineId,
            referralReference: ubrn,
            currencyCode: 'assessment-and-fitting',
            activityDate: '2027-01-12',
            attendance: '5',
            complexityBand: 'BINAURAL',
          },
        ],
      },
    });
    expect(response.json().lines[0]).toMatchObject({ lineId, outcome: 'accepted' });
    const line = await t.deps.db
      .selectFrom('activity_lines')
      .select(['id', 'price_pence'])
      .where('provider_line_id', '=', lineId)
      .executeTakeFirstOrThrow();
    expect(line.price_pence).toBeNull();
    return { referralId: id, lineId: line.id };
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock });
    world = await aPricedOffer(t.deps, '2027-01-01', { service: 'adult-hearing', band: 'MONAURAL', pricePence: 36000 });
    provider = await tokenFor(t.deps, world.providerId, 'provider-admin');
  });
  afterAll(async () => t.close());

  it('keeps an unpriced line on a referral since returned as outside the criteria, and an unpriced line under an open query, as unpriced', async () => {
    const returned = await binauralFitting('UNPRICED-RETURNED');
    await t.deps.db
      .updateTable('referrals')
      .set({ status: 'returned', return_reason_code: 'OUTSIDE_CRITERIA' })
      .where('id', '=', returned.referralId)
      .execute();
    const queried = await binauralFitting('UNPRICED-QUERIED');
    await t.deps.db
      .insertInto('line_queries')
      .values({
        line_id: queried.lineId,
        provider_organisation_id: world.providerId,
        commissioner_organisation_id: world.commissionerId,
        reason_code: 'activity-not-evidenced',
        periods: '{}',
        line_accepted_on: '2027-01-20',
        raised_on: '2027-01-29',
        raised_at: new Date('2027-01-29T10:00:00Z'),
      })
      .execute();

    clock.setToday('2027-02-01');
    await runPaymentMonth(t.deps, SYSTEM, { month: '2027-01', triggeredBy: 'test' });

    const [statement] = await statementsOfMonth(t.deps, '2027-01');
    expect(await statementLinesOf(t.deps, statement!.id)).toEqual([
      expect.objectContaining({ provider_line_id: 'UNPRICED-RETURNED', price_pence: null, payment: 'unpriced', not_paid_reason: null }),
      expect.objectContaining({ provider_line_id: 'UNPRICED-QUERIED', price_pence: null, payment: 'unpriced', not_paid_reason: null }),
    ]);
  });
});
