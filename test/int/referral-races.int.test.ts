import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralProtocol } from '../../src/domains/catalogue/referral-protocol.schema.ts';
import { currentProtocolsOf, insertProtocolVersion } from '../../src/domains/offers/offer-terms.repo.ts';
import { lockPatientReferrals, PATIENT_LOCK_WAIT_SECONDS } from '../../src/domains/referrals/patient.repo.ts';
import { movableToday } from '../support/movable-clock.ts';
import { bornAged, nhsNumberFrom, placePostcodes, tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2027-03-01';
const PARALLEL = 5;

describe('repeat limits hold when the same patient is referred by several requests at once', () => {
  let t: TestApp;
  let token: string;

  const referralsOf = async (nhsNumber: string) =>
    Number(
      (
        await t.deps.db
          .selectFrom('referrals as r')
          .innerJoin('patients as p', 'p.id', 'r.patient_id')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('p.nhs_number', '=', nhsNumber)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const inParallel = <T>(make: (index: number) => Promise<T>) => Promise.all(Array.from({ length: PARALLEL }, (_, index) => make(index)));

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    await placePostcodes(t.deps);
    const practice = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
    token = await tokenFor(t.deps, practice.id, 'referrer');
  });
  afterAll(() => t.close());

  it('creates exactly one of five simultaneous back pain referrals for one patient and body area (one per body area in 12 months) and refuses the rest with the repeat limit', async () => {
    const nhsNumber = nhsNumberFrom('401023811');
    const body = {
      serviceCode: 'back-and-neck-pain',
      priority: 'routine',
      route: 'other-clinician',
      bodyArea: 'Lower back',
      clinicalInformation: 'Mechanical low back pain for six weeks.',
      answers: { 'red-flags': false, 'pregnant-over-35-weeks': false },
      patient: { nhsNumber, givenName: 'Rae', familyName: 'Race', dateOfBirth: '1980-05-05', sex: 'female', postcode: 'HX1 1PW' },
    };
    const responses = await inParallel(() =>
      t.app.inject({ method: 'POST', url: '/api/v1/referrals', headers: { authorization: `Bearer ${token}` }, payload: body }),
    );

    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    for (const refused of responses.filter((response) => response.statusCode === 200)) {
      expect(refused.json()).toMatchObject({
        eligible: false,
        eligibility: {
          reasons: [{ code: 'repeat-limit', message: expect.stringContaining('1 referral for the lower back in the last 12 months') }],
        },
      });
      expect(refused.json().ubrn).toBeUndefined();
    }
    expect(await referralsOf(nhsNumber)).toBe(1);
  });

  it('creates exactly one of five simultaneous self-referrals for one patient where the protocol allows one referral a year, whatever address each comes from', async () => {
    const talking = (await t.app.inject('/api/v1/offers?service=psychological-therapies&commissioner=02T')).json().items[0].id as string;
    const current = (await currentProtocolsOf(t.deps.db, [talking])).get(talking)!;
    const limited: ReferralProtocol = { ...current.content, repeatLimit: { maxReferrals: 1, withinMonths: 12, per: 'service' } };
    await insertProtocolVersion(t.deps.db, talking, current.version + 1, limited, null);
    const nhsNumber = nhsNumberFrom('401023812');
    const body = {
      serviceCode: 'psychological-therapies',
      practiceOdsCode: 'B84001',
      answers: { risk: false },
      helpWanted: 'Low mood for three months.',
      patient: {
        nhsNumber,
        givenName: 'Sam',
        familyName: 'Self',
        dateOfBirth: bornAged(30, TODAY),
        sex: 'unknown',
        postcode: 'HX6 3AB',
        phone: '07700 900982',
      },
    };
    const responses = await inParallel((index) =>
      t.app.inject({ method: 'POST', url: '/api/v1/self-referrals', payload: body, remoteAddress: `10.8.0.${index + 1}` }),
    );

    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    for (const refused of responses.filter((response) => response.statusCode === 200)) {
      expect(refused.json()).toMatchObject({
        eligible: false,
        eligibility: { reasons: [{ code: 'repeat-limit', message: expect.stringContaining('1 referral in the last 12 months') }] },
      });
    }
    expect(await referralsOf(nhsNumber)).toBe(1);
  });

  it('saves one of two simultaneous self-referrals giving one new NHS number with different last names, and refuses the other beside the NHS number', async () => {
    const nhsNumber = nhsNumberFrom('401023813');
    const asFamily = (familyName: string) => ({
      serviceCode: 'psychological-therapies',
      practiceOdsCode: 'B84001',
      answers: { risk: false },
      helpWanted: 'Worry.',
      patient: {
        nhsNumber,
        givenName: 'Alex',
        familyName,
        dateOfBirth: bornAged(40, TODAY),
        sex: 'unknown',
        postcode: 'HX6 3AB',
        phone: '07700 900982',
      },
    });
    const responses = await Promise.all(
      ['Owner', 'Impostor'].map((familyName, index) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/self-referrals',
          payload: asFamily(familyName),
          remoteAddress: `10.9.0.${index + 1}`,
        }),
      ),
    );

    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 400]);
    expect(responses.find((response) => response.statusCode === 400)!.json().errors).toEqual([
      { field: 'nhsNumber', message: expect.stringContaining('do not match the NHS record we hold') },
    ]);
    expect(await referralsOf(nhsNumber)).toBe(1);
  });

  // PGlite has one connection, so no request ever waits on another there: this case exists only on PostgreSQL.
  if (process.env.TEST_DATABASE_URL)
    it(`answers 503 with Retry-After, not a 500, when another request holds the patient’s lock for longer than ${PATIENT_LOCK_WAIT_SECONDS} seconds`, async () => {
      const nhsNumber = nhsNumberFrom('401023815');
      const body = {
        serviceCode: 'psychological-therapies',
        practiceOdsCode: 'B84001',
        answers: { risk: false },
        helpWanted: 'Low mood.',
        patient: {
          nhsNumber,
          givenName: 'Wai',
          familyName: 'Waiting',
          dateOfBirth: bornAged(40, TODAY),
          sex: 'unknown',
          postcode: 'HX6 3AB',
          phone: '07700 900982',
        },
      };
      const response = await t.deps.db.transaction().execute(async (trx) => {
        await lockPatientReferrals(trx, nhsNumber);
        return t.app.inject({ method: 'POST', url: '/api/v1/self-referrals', payload: body, remoteAddress: '10.8.1.1' });
      });

      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json()).toMatchObject({
        code: 'unavailable',
        detail: 'Another referral for this patient is being saved. Wait a few seconds, then try again.',
      });
      expect(await referralsOf(nhsNumber)).toBe(0);
    }, 20_000);
});
