import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from '../support/haversine.ts';
import { movableToday } from '../support/movable-clock.ts';
import {
  aHearingReferral,
  aListingIn,
  aProviderWithSites,
  bornAged,
  nhsNumberSequence,
  placePostcodes,
  REAL_POSTCODES,
  tokenFor,
} from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';
const PRACTICE_POSTCODE = 'HX6 3AB';

interface Entry {
  providerName: string;
  sitePostcode: string;
  distanceKm: number;
}

describe('patients with an NHS pseudo-postcode (no fixed abode, address not known, overseas)', () => {
  let t: TestApp;
  let gpToken: string;
  const nextNhsNumber = nhsNumberSequence('4020');
  const asGp = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${gpToken}` }, ...(payload ? { payload } : {}) });
  const refer = (postcode: string) =>
    asGp('POST', '/api/v1/referrals', aHearingReferral({ dateOfBirth: bornAged(70, TODAY), nhsNumber: nextNhsNumber(), postcode }));
  const selfRefer = (postcode: string, practiceOdsCode: string | null) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/self-referrals',
      remoteAddress: `10.2.0.${practiceOdsCode ? 1 : 2}`,
      payload: {
        serviceCode: 'psychological-therapies',
        practiceOdsCode,
        answers: { risk: false },
        helpWanted: 'Low mood since losing my flat.',
        patient: {
          nhsNumber: nextNhsNumber(),
          givenName: 'Alex',
          familyName: 'Moore',
          dateOfBirth: bornAged(40, TODAY),
          sex: 'unknown',
          postcode,
          phone: '07700 900982',
        },
      },
    });

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    await placePostcodes(t.deps);
    const practice = await t.deps.db
      .selectFrom('organisations')
      .select(['id', 'postcode'])
      .where('ods_code', '=', 'B84001')
      .executeTakeFirstOrThrow();
    expect(practice.postcode).toBe(PRACTICE_POSTCODE);
    gpToken = await tokenFor(t.deps, practice.id, 'referrer');
    const hearing = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id as string;
    await aProviderWithSites(t.deps, {
      odsCode: 'TST51',
      name: 'Halifax Hearing (test)',
      sites: [{ name: 'Halifax clinic', postcode: 'HX1 1PW' }],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST52',
      name: 'Todmorden Hearing (test)',
      sites: [{ name: 'Todmorden clinic', postcode: 'OL14 5RN' }],
    });
    await aListingIn(t.deps, hearing, 'TST51', 'live', TODAY);
    await aListingIn(t.deps, hearing, 'TST52', 'live', TODAY);
  });
  afterAll(() => t.close());

  it('refers a Calderdale GP’s patient with no fixed abode (ZZ99 3VZ) and measures the choice list from the practice, saying so and storing it', async () => {
    const created = await refer('zz99 3vz');
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ eligible: true, commissioner: { odsCode: '02T' } });
    const { ubrn } = created.json();
    const stored = await t.deps.db
      .selectFrom('referrals as r')
      .innerJoin('patients as p', 'p.id', 'r.patient_id')
      .select(['p.postcode', 'r.id'])
      .where('r.ubrn', '=', ubrn)
      .executeTakeFirstOrThrow();
    expect(stored.postcode).toBe('ZZ99 3VZ');

    const list = await asGp('GET', `/api/v1/referrals/${ubrn}/choice-list`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ originPostcode: PRACTICE_POSTCODE, origin: { kind: 'gp-practice', postcode: PRACTICE_POSTCODE } });
    const entries: Entry[] = list.json().entries;
    expect(entries.map((entry) => entry.providerName)).toEqual(['Halifax Hearing (test)', 'Todmorden Hearing (test)']);
    for (const entry of entries)
      expect(entry.distanceKm).toBeCloseTo(haversineKm(REAL_POSTCODES[PRACTICE_POSTCODE]!, REAL_POSTCODES[entry.sitePostcode]!), 3);
    const row = await t.deps.db
      .selectFrom('choice_lists')
      .select(['origin_postcode', 'origin_kind'])
      .where('referral_id', '=', stored.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ origin_postcode: PRACTICE_POSTCODE, origin_kind: 'gp-practice' });
  });

  it('says on the choice list page and its print view that distances are measured from the GP practice', async () => {
    const { ubrn } = (await refer('ZZ99 3VZ')).json();
    const referrer = new WebClient(t.app);
    await referrer.signIn('referrer@aqp.example');
    const page = await referrer.get(`/referrals/${ubrn}/choice-list`);
    expect(page.statusCode).toBe(200);
    const said =
      'Distances are measured from the GP practice, Station Road Surgery (HX6 3AB), because the patient’s postcode ZZ99 3VZ means no fixed abode';
    expect(page.body).toContain(said);
    const print = await referrer.get(`/referrals/${ubrn}/choice-list/print`);
    expect(print.body).toContain('distance from the GP practice, Station Road Surgery (HX6 3AB)');
    expect(print.body).toContain(said);
  });

  it('measures an ordinary patient’s list from their own postcode, as before', async () => {
    const { ubrn } = (await refer('HX3 6BP')).json();
    const list = (await asGp('GET', `/api/v1/referrals/${ubrn}/choice-list`)).json();
    expect(list).toMatchObject({ originPostcode: 'HX3 6BP', origin: { kind: 'patient-postcode', postcode: 'HX3 6BP' } });
  });

  it.each(['ZZ99 3WZ', 'ZZ99 3CZ', 'ZZ99 6CZ'])(
    'refers a registered patient whose postcode is %s under the practice’s commissioner',
    async (postcode) => {
      const created = await refer(postcode);
      expect(created.statusCode).toBe(201);
      const list = (await asGp('GET', `/api/v1/referrals/${created.json().ubrn}/choice-list`)).json();
      expect(list.origin).toEqual({ kind: 'gp-practice', postcode: PRACTICE_POSTCODE });
    },
  );

  it('lets a patient registered with a GP refer themselves with ZZ99 3VZ, and tells an unregistered one to contact a GP surgery or NHS 111', async () => {
    const registered = await selfRefer('ZZ99 3VZ', 'B84001');
    expect(registered.statusCode).toBe(201);
    expect(registered.json().commissioner.odsCode).toBe('02T');

    const unregistered = await selfRefer('ZZ99 3VZ', null);
    expect(unregistered.statusCode).toBe(400);
    expect(unregistered.json().errors).toMatchObject([{ field: 'postcode', message: expect.stringContaining('NHS 111') }]);
    expect(unregistered.json().errors[0].message).toContain('You do not need a fixed address to register with a GP');
  });
});
