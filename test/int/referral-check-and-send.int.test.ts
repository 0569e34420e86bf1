import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableToday } from '../support/movable-clock.ts';
import { aListingIn, nhsNumberSequence, placePostcodes } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';
const nextNhsNumber = nhsNumberSequence('4013');
const [FIRST, REFUSED, LATER] = [nextNhsNumber(), nextNhsNumber(), nextNhsNumber()];
const ANSWERS = {
  'answer-ear-pain': 'no',
  'answer-discharge': 'no',
  'answer-sudden-loss': 'no',
  'answer-fluctuating-loss': 'no',
  'answer-tinnitus': 'no',
  'answer-vertigo': 'no',
  'answer-abnormal-canal': 'no',
  'answer-wax-cleared': 'yes',
};
const FORM = {
  nhsNumber: FIRST,
  givenName: 'Katherine',
  familyName: 'Johnson',
  'dateOfBirth-day': '26',
  'dateOfBirth-month': '8',
  'dateOfBirth-year': '1948',
  sex: 'female',
  postcode: 'HX6 3AB',
  priority: 'routine',
  route: 'gp',
  clinicalInformation: 'Hearing worse in the left ear for a year.',
  ...ANSWERS,
};

describe('checking eligibility, then sending, on the referral form', () => {
  let t: TestApp;
  let gp: WebClient;
  const referralCount = async () =>
    (
      await t.deps.db
        .selectFrom('referrals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const check = async (form: Record<string, string>) => {
    const page = await gp.get('/referrals/new/adult-hearing');
    return gp.post('/referrals/new/adult-hearing', { _csrf: csrfTokenIn(page.body), ...form });
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    await placePostcodes(t.deps);
    await aListingIn(
      t.deps,
      (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id,
      'DEMO1',
      'live',
      TODAY,
    );
    gp = new WebClient(t.app);
    await gp.signIn('referrer@aqp.example');
  });
  afterAll(() => t.close());

  it('shows an eligible result with “Send referral” and “Change answers”, and saves nothing until sent', async () => {
    const result = await check(FORM);
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('The patient can be referred: check and send');
    expect(result.body).toContain('Nothing has been sent yet.');
    expect(result.body).toContain('Katherine Johnson');
    expect(result.body).toContain('26 August 1948');
    expect(result.body).toContain('href="/referrals/new/adult-hearing/change"');
    expect(await referralCount()).toBe(0);

    const sent = await gp.post('/referrals/new/adult-hearing/send', { _csrf: csrfTokenIn(result.body) });
    expect(sent.statusCode).toBe(303);
    expect((await gp.get(sent.headers.location!)).body).toContain('The patient is eligible: referral created');
    expect(await referralCount()).toBe(1);
    const again = await gp.post('/referrals/new/adult-hearing/send', { _csrf: csrfTokenIn(result.body) });
    expect(again.headers.location).toBe('/referrals/new/adult-hearing');
    expect(await referralCount()).toBe(1);
  });

  it('keeps every answer when the referrer goes back from an ineligible result, and saves nothing', async () => {
    const before = await referralCount();
    const refused = await check({ ...FORM, nhsNumber: REFUSED, 'answer-vertigo': 'yes' });
    expect(refused.body).toContain('The patient cannot be referred to this service');
    expect(refused.body).toContain('href="/referrals/new/adult-hearing/change"');
    const back = await gp.get('/referrals/new/adult-hearing/change');
    expect(back.statusCode).toBe(200);
    expect(back.body).toContain(`value="${REFUSED}"`);
    expect(back.body).toContain('value="Johnson"');
    expect(back.body).toMatch(/id="dateOfBirth-year"[^>]*value="1948"/);
    expect(back.body).toMatch(/value="routine" checked/);
    expect(back.body).toMatch(/name="answer-vertigo"[^>]*value="yes" checked/);
    expect(back.body).toMatch(/name="answer-wax-cleared"[^>]*value="yes" checked/);
    expect(back.body).toContain('Hearing worse in the left ear for a year.');
    expect(await referralCount()).toBe(before);
  });

  it('starts a new form empty, so one patient’s answers never appear in the next referral by accident', async () => {
    await check({ ...FORM, nhsNumber: LATER });
    expect((await gp.get('/referrals/new/adult-hearing')).body).not.toContain(LATER);
  });

  it('sends nothing when no checked answers are held, and sends the referrer back to the form', async () => {
    const stranger = new WebClient(t.app);
    await stranger.signIn('referrer@aqp.example');
    const page = await stranger.get('/referrals/new/adult-hearing');
    const before = await referralCount();
    const sent = await stranger.post('/referrals/new/adult-hearing/send', { _csrf: csrfTokenIn(page.body) });
    expect(sent.headers.location).toBe('/referrals/new/adult-hearing');
    expect((await stranger.get('/referrals/new/adult-hearing')).body).toContain('Nothing was sent');
    expect(await referralCount()).toBe(before);
  });
});
