import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aHearingReferral, nhsNumberFrom } from '../support/referral-rows.ts';
import { demoPracticeReferrer } from '../support/demo-referrer.ts';
import type { TestApp } from '../support/test-app.ts';

describe('referral creation reads what the practice may refer to once, and again as soon as it changes (decision 0074)', () => {
  let t: TestApp;
  let token: string;
  let nhsCounter = 100;

  const aReferral = async () => {
    const body = aHearingReferral({ dateOfBirth: '1950-07-04', nhsNumber: nhsNumberFrom(`401027${++nhsCounter}`) });
    return t.app.inject({ method: 'POST', url: '/api/v1/referrals', headers: { authorization: `Bearer ${token}` }, payload: body });
  };

  beforeAll(async () => {
    ({ t, token } = await demoPracticeReferrer());
  });
  afterAll(() => t.close());

  it('judges the next referral against a protocol version published since the last one was judged', async () => {
    const first = (await aReferral()).json();
    const latest = await t.deps.db
      .selectFrom('offer_protocols')
      .selectAll()
      .where('offer_id', '=', first.offer.id)
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('offer_protocols')
      .values({ ...latest, version: latest.version + 1, content: JSON.stringify(latest.content), created_at: new Date() })
      .execute();

    const next = await aReferral();

    expect(next.statusCode).toBe(201);
    expect(next.json().protocolVersion).toBe(latest.version + 1);
  });

  it('refuses the next referral to a service once its offer is withdrawn, naming the commissioner', async () => {
    const first = await aReferral();
    expect(first.statusCode).toBe(201);
    await t.deps.db.updateTable('offers').set({ status: 'withdrawn' }).where('id', '=', first.json().offer.id).execute();

    const next = await aReferral();

    expect(next.statusCode).toBe(400);
    expect(next.json().detail).toMatch(/^No AQP offer covers .+ for this service$/);
  });
});
