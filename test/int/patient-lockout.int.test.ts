import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPatientAccess } from '../../src/domains/referrals/patient-access.service.ts';
import { forgetStaleAttempts } from '../../src/domains/referrals/stale-attempts.service.ts';
import { aHearingReferral, nhsNumberFrom } from '../support/referral-rows.ts';
import { demoPracticeReferrer } from '../support/demo-referrer.ts';
import type { TestApp } from '../support/test-app.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

const BORN = { iso: '1950-07-04', form: { 'dateOfBirth-day': '4', 'dateOfBirth-month': '7', 'dateOfBirth-year': '1950' } };
const WRONG_CODE = 'AAAA-AAAA';

describe('patient access to a referral: guesses limited per reference and address, with a ceiling per reference', () => {
  let t: TestApp;
  let token: string;
  let nhsCounter = 0;

  /** A new referral for a patient born on 4 July 1950; its reference and access code as shown once to the referrer. */
  const aReferral = async (): Promise<{ ubrn: string; accessCode: string }> => {
    const body = aHearingReferral({ dateOfBirth: BORN.iso, nhsNumber: nhsNumberFrom(`40102390${++nhsCounter}`) });
    return (
      await t.app.inject({ method: 'POST', url: '/api/v1/referrals', headers: { authorization: `Bearer ${token}` }, payload: body })
    ).json();
  };
  /** One attempt on the "Check your referral" form from an address, as a browser makes it: load the form, then post it. */
  const attempt = async (address: string, reference: string, accessCode: string) => {
    const browser = new WebClient(t.app, address);
    const form = await browser.get('/referral-status');
    return browser.post('/referral-status', { _csrf: csrfTokenIn(form.body), reference, accessCode, ...BORN.form });
  };
  const failuresRecorded = async (ubrn: string) =>
    Number(
      (
        await t.deps.db
          .selectFrom('patient_access_failures')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('ubrn', '=', ubrn)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    ({ t, token } = await demoPracticeReferrer());
  });
  afterAll(() => t.close());

  it('checks only five of 40 simultaneous wrong guesses for one reference from one address, and refuses the rest as too many attempts', async () => {
    const { ubrn } = await aReferral();
    const responses = await Promise.all(Array.from({ length: 40 }, () => attempt('203.0.113.40', ubrn, WRONG_CODE)));

    expect(await failuresRecorded(ubrn)).toBe(5);
    expect(responses.filter((response) => response.statusCode === 400)).toHaveLength(5);
    expect(responses.filter((response) => response.statusCode === 429)).toHaveLength(35);
  });

  it('checks only five of 40 simultaneous wrong guesses from one address even when they all get past the address rate limit of the form', async () => {
    const { ubrn } = await aReferral();
    const context = { principal: null, clientAddress: '203.0.113.41' };
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () =>
        verifyPatientAccess(t.deps, context, { reference: ubrn, accessCode: WRONG_CODE, dateOfBirth: BORN.iso }).then(
          () => 'let in',
          (error: { code: string }) => error.code,
        ),
      ),
    );

    expect(await failuresRecorded(ubrn)).toBe(5);
    expect(outcomes.filter((outcome) => outcome === 'validation-failed')).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome === 'too-many-requests')).toHaveLength(35);
  });

  it('lets the patient in from their own address while someone else’s address is locked out of their reference', async () => {
    const { ubrn, accessCode } = await aReferral();
    for (let i = 0; i < 5; i += 1) expect((await attempt('198.51.100.66', ubrn, WRONG_CODE)).statusCode).toBe(400);
    const lockedOut = await attempt('198.51.100.66', ubrn, accessCode);
    expect(lockedOut.statusCode).toBe(429);
    expect(lockedOut.body).toContain('There have been too many attempts for this reference. Wait 15 minutes, then try again.');

    const patient = await attempt('192.0.2.77', ubrn, accessCode);
    expect(patient.statusCode).toBe(303);
    expect(patient.headers.location).toBe('/referral-status/referral');
  });

  it('does not count a right answer as a guess, so a patient can come back as often as they need', async () => {
    const { ubrn, accessCode } = await aReferral();
    for (let i = 0; i < 7; i += 1) expect((await attempt('192.0.2.80', ubrn, accessCode)).statusCode).toBe(303);
    expect(await failuresRecorded(ubrn)).toBe(0);
  });

  it('refuses every address once a reference has had 1,000 wrong guesses in 24 hours, in the same words whether or not the reference exists', async () => {
    const { ubrn, accessCode } = await aReferral();
    const unknown = '987654321098';
    const anHourAgo = new Date(Date.now() - 60 * 60_000);
    const guesses = (reference: string) =>
      Array.from({ length: 1000 }, (_, i) => ({
        ubrn: reference,
        failed_at: anHourAgo,
        client_address: `10.${(i >> 8) & 255}.${i & 255}.9`,
      }));
    await t.deps.db
      .insertInto('patient_access_failures')
      .values([...guesses(ubrn), ...guesses(unknown)])
      .execute();

    const patient = await attempt('192.0.2.78', ubrn, accessCode);
    const stranger = await attempt('192.0.2.79', unknown, accessCode);
    expect([patient.statusCode, stranger.statusCode]).toEqual([429, 429]);
    const ceiling = 'There have been too many attempts for this reference in the last 24 hours. Try again tomorrow.';
    expect(patient.body).toContain(ceiling);
    expect(stranger.body).toContain(ceiling);

    await t.deps.db
      .updateTable('patient_access_failures')
      .set({ failed_at: new Date(Date.now() - 25 * 60 * 60_000) })
      .where('ubrn', '=', ubrn)
      .execute();
    expect((await attempt('192.0.2.78', ubrn, accessCode)).statusCode).toBe(303);
  });

  it('limits one IPv6 /48 to ten guesses at a reference in 15 minutes, however many of its /64 networks guess', async () => {
    const { ubrn, accessCode } = await aReferral();
    const statuses: number[] = [];
    for (let network = 0; network < 12; network += 1)
      statuses.push((await attempt(`2001:db8:48:${network.toString(16)}00::1`, ubrn, WRONG_CODE)).statusCode);
    expect(statuses).toEqual([...Array<number>(10).fill(400), 429, 429]);
    expect(await failuresRecorded(ubrn)).toBe(10);
    expect((await attempt('2001:db8:49:1::1', ubrn, accessCode)).statusCode).toBe(303);
  });

  it('forgets guesses older than 24 hours: those for a reference when it is next guessed, and all of them in the periodic sweep', async () => {
    const { ubrn } = await aReferral();
    const dayAndAHourAgo = new Date(Date.now() - 25 * 60 * 60_000);
    const madeUp = '123412341234';
    await t.deps.db
      .insertInto('patient_access_failures')
      .values([
        { ubrn, failed_at: dayAndAHourAgo, client_address: '10.9.9.9' },
        { ubrn: madeUp, failed_at: dayAndAHourAgo, client_address: '10.9.9.9' },
      ])
      .execute();
    expect((await attempt('192.0.2.90', ubrn, WRONG_CODE)).statusCode).toBe(400);
    expect(await failuresRecorded(ubrn)).toBe(1);
    expect(await failuresRecorded(madeUp)).toBe(1);
    await forgetStaleAttempts(t.deps);
    expect(await failuresRecorded(madeUp)).toBe(0);
    expect(await failuresRecorded(ubrn)).toBe(1);
  });
});
