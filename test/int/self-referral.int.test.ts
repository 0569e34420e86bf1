import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATIENT_FALLBACK_ADVICE } from '../../src/domains/referrals/patient-advice.rules.ts';
import { SELF_REFERRALS_PER_TEN_MINUTES } from '../../src/domains/referrals/self-referral.service.ts';
import { movableToday } from '../support/movable-clock.ts';
import {
  aHearingReferral,
  aListingIn,
  aProviderWithSites,
  bornAged,
  nhsNumberFrom,
  placePostcodes,
  tokenFor,
} from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';
const clock = movableToday(TODAY);
const TALKING = 'psychological-therapies';

/** A self-referral body for the API: a Calderdale patient (Station Road Surgery) with the talking therapies question answered no; override any part. */
function aSelfReferral(overrides: {
  serviceCode?: string;
  age: number;
  nhs: string;
  practiceOdsCode?: string | null;
  postcode?: string;
  answers?: Record<string, boolean>;
}) {
  return {
    serviceCode: overrides.serviceCode ?? TALKING,
    practiceOdsCode: overrides.practiceOdsCode === undefined ? 'B84001' : overrides.practiceOdsCode,
    patient: {
      nhsNumber: nhsNumberFrom(overrides.nhs),
      givenName: 'Sam',
      familyName: 'Self',
      dateOfBirth: bornAged(overrides.age, TODAY),
      sex: 'unknown',
      postcode: overrides.postcode ?? 'HX6 3AB',
      phone: '07700 900982',
      email: 'sam@example.com',
    },
    answers: overrides.answers ?? { risk: false },
    helpWanted: 'Low mood and worry for three months; struggling to sleep.',
  };
}

/** The self-referral form's fields for a talking therapies referral, as a person fills them in. */
function talkingForm(
  age: number,
  nhs: string,
  location: Record<string, string> = { postcode: 'HX6 3AB', practice: 'B84001' },
): Record<string, string> {
  const [year, month, day] = bornAged(age, TODAY).split('-');
  return {
    ...location,
    nhsNumber: nhsNumberFrom(nhs),
    givenName: 'Robin',
    familyName: 'Hood',
    'dateOfBirth-day': String(Number(day)),
    'dateOfBirth-month': String(Number(month)),
    'dateOfBirth-year': year!,
    sex: 'male',
    phone: '07700 900982',
    email: '',
    'answer-risk': 'no',
    helpWanted: 'Panic attacks on the way to college.',
  };
}

describe('self-referral', () => {
  let t: TestApp;
  let practiceId: string;
  let ipCounter = 0;
  const referralCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('referrals')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const selfRefer = (body: object, remoteAddress = `10.0.0.${++ipCounter}`) =>
    t.app.inject({ method: 'POST', url: '/api/v1/self-referrals', payload: body, remoteAddress });
  const newClient = () => new WebClient(t.app, `10.1.0.${++ipCounter}`);

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock });
    await placePostcodes(t.deps);
    practiceId = (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow()).id;
    const talking = (await t.app.inject(`/api/v1/offers?service=${TALKING}&commissioner=02T`)).json().items[0].id as string;
    await aProviderWithSites(t.deps, {
      odsCode: 'TST41',
      name: 'Calder Talking (test)',
      sites: [{ name: 'Halifax rooms', postcode: 'HX1 1PW' }],
    });
    await aListingIn(t.deps, talking, 'TST41', 'live', TODAY);
  });
  afterAll(() => t.close());

  it('refuses a self-referral to hearing (GP only) with the route reason and saves nothing', async () => {
    const before = await referralCount();
    const response = await selfRefer(
      aSelfReferral({
        serviceCode: 'adult-hearing',
        age: 70,
        nhs: '401023611',
        answers: {
          'ear-pain': false,
          discharge: false,
          'sudden-loss': false,
          'fluctuating-loss': false,
          tinnitus: false,
          vertigo: false,
          'abnormal-canal': false,
          'wax-cleared': true,
        },
      }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ eligible: false, commissioner: { odsCode: '02T' } });
    expect(response.json().eligibility.reasons).toEqual([
      {
        code: 'route',
        message: 'This service does not accept referrals from the patient (self-referral); it accepts referrals from a GP',
        patientAdvice: PATIENT_FALLBACK_ADVICE,
        urgent: false,
      },
    ]);
    expect(response.json().ubrn).toBeUndefined();
    expect(await referralCount()).toBe(before);
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['outcome', 'details'])
      .where('action', '=', 'referral.self-referral')
      .execute();
    expect(audit).toEqual([{ outcome: 'denied', details: { serviceCode: 'adult-hearing', reasons: ['route'] } }]);
  });

  it('accepts a 17-year-old for talking therapies (self allowed, 16+) with the practice as referrer, no referring user and the patient as actor; refuses a 15-year-old as too young', async () => {
    const accepted = await selfRefer(aSelfReferral({ age: 17, nhs: '401023612' }));
    expect(accepted.statusCode).toBe(201);
    const { ubrn, accessCode } = accepted.json();
    expect(accepted.json()).toMatchObject({
      eligible: true,
      commissioner: { odsCode: '02T' },
      eligibility: { ageOnReferralDate: 17, reasons: [] },
    });
    expect(ubrn).toMatch(/^\d{12}$/);
    expect(accessCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const stored = await t.deps.db
      .selectFrom('referrals as r')
      .innerJoin('patients as p', 'p.id', 'r.patient_id')
      .select([
        'r.id',
        'r.route',
        'r.priority',
        'r.status',
        'r.referrer_organisation_id',
        'r.referrer_user_id',
        'r.clinical_information',
        'p.phone',
        'p.email',
        'p.practice_organisation_id',
      ])
      .where('r.ubrn', '=', ubrn)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      route: 'self',
      priority: 'routine',
      status: 'awaiting-choice',
      referrer_organisation_id: practiceId,
      referrer_user_id: null,
      practice_organisation_id: practiceId,
      phone: '07700900982',
      email: 'sam@example.com',
      clinical_information: 'Low mood and worry for three months; struggling to sleep.',
    });
    const events = await t.deps.db
      .selectFrom('referral_events')
      .select(['to_status', 'actor', 'comment'])
      .where('referral_id', '=', stored.id)
      .execute();
    expect(events).toEqual([{ to_status: 'awaiting-choice', actor: 'patient', comment: 'Self-referral created; eligible' }]);
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id', 'details'])
      .where('entity_id', '=', stored.id)
      .execute();
    expect(audit).toEqual([{ action: 'referral.create', actor_user_id: null, details: expect.objectContaining({ ubrn, route: 'self' }) }]);

    const tooYoung = await selfRefer(aSelfReferral({ age: 15, nhs: '401023613' }));
    expect(tooYoung.statusCode).toBe(200);
    expect(tooYoung.json()).toMatchObject({
      eligible: false,
      eligibility: { ageOnReferralDate: 15, reasons: [{ code: 'too-young', message: expect.stringContaining('aged 16 and over') }] },
    });
  });

  it('finds the commissioner by residence for a patient not registered with a GP, and keeps no referring organisation', async () => {
    await t.deps.db.updateTable('organisations').set({ ods_type: 'sub-icb' }).where('ods_code', '=', 'X2C4Y').execute();
    await t.deps.db.updateTable('postcodes').set({ sub_icb_code: 'X2C4Y' }).where('postcode', '=', 'HD1 1JF').execute();
    const response = await selfRefer(aSelfReferral({ age: 40, nhs: '401023614', practiceOdsCode: null, postcode: 'HD1 1JF' }));
    expect(response.statusCode).toBe(201);
    expect(response.json().commissioner).toEqual({ odsCode: 'X2C4Y', name: 'NHS West Yorkshire ICB - X2C4Y' });
    const stored = await t.deps.db
      .selectFrom('referrals as r')
      .innerJoin('patients as p', 'p.id', 'r.patient_id')
      .innerJoin('organisations as c', 'c.id', 'r.commissioner_organisation_id')
      .select(['c.ods_code', 'r.referrer_organisation_id', 'p.practice_organisation_id'])
      .where('r.ubrn', '=', response.json().ubrn)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ ods_code: 'X2C4Y', referrer_organisation_id: null, practice_organisation_id: null });
  });

  it('refuses input it cannot judge: an NHS number with a wrong check digit, an unknown practice and unanswered questions, all at once', async () => {
    const body = aSelfReferral({ age: 30, nhs: '401023615', practiceOdsCode: 'Z99999' });
    const wrong = await selfRefer({ ...body, patient: { ...body.patient, nhsNumber: '9434765918' } });
    expect(wrong.statusCode).toBe(400);
    expect(
      wrong
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['nhsNumber', 'practice']);
    const unanswered = await selfRefer({ ...aSelfReferral({ age: 30, nhs: '401023615' }), answers: {}, helpWanted: ' ' });
    expect(
      unanswered
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['answer-risk', 'helpWanted']);
  });

  it('never changes or reveals a known patient’s record for someone whose last name or date of birth does not match it', async () => {
    const referrer = await tokenFor(t.deps, practiceId, 'referrer');
    const nhsNumber = nhsNumberFrom('401023631');
    const gp = await t.app.inject({
      method: 'POST',
      url: '/api/v1/referrals',
      headers: { authorization: `Bearer ${referrer}` },
      payload: aHearingReferral({ nhsNumber, dateOfBirth: bornAged(70, TODAY) }),
    });
    expect(gp.statusCode).toBe(201);
    const before = await t.deps.db.selectFrom('patients').selectAll().where('nhs_number', '=', nhsNumber).executeTakeFirstOrThrow();
    const count = await referralCount();

    const stranger = await selfRefer(aSelfReferral({ age: 30, nhs: '401023631' }));
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors).toEqual([
      expect.objectContaining({ field: 'nhsNumber', message: expect.stringContaining('do not match the NHS record') }),
    ]);
    expect(JSON.stringify(stranger.json())).not.toMatch(/referral(s)? for|in the last/);
    expect(await referralCount()).toBe(count);

    const body = aSelfReferral({ age: 70, nhs: '401023631' });
    const patient = await selfRefer({ ...body, patient: { ...body.patient, familyName: 'lovelace', phone: '07700 900111' } });
    expect(patient.statusCode).toBe(201);
    expect(await t.deps.db.selectFrom('patients').selectAll().where('nhs_number', '=', nhsNumber).executeTakeFirstOrThrow()).toEqual(
      before,
    );
  });

  it('refuses an unregistered patient living outside England rather than placing them with a nearby English commissioner', async () => {
    await t.deps.db
      .insertInto('postcodes')
      .values({ postcode: 'TD1 1AA', latitude: 55.61604, longitude: -2.80943, country_code: 'S92000003' })
      .onConflict((oc) => oc.column('postcode').doNothing())
      .execute();
    const scottish = await selfRefer(aSelfReferral({ age: 30, nhs: '401023641', practiceOdsCode: null, postcode: 'TD1 1AA' }));
    expect(scottish.statusCode).toBe(400);
    expect(scottish.json().errors).toEqual([
      expect.objectContaining({ field: 'postcode', message: expect.stringContaining('is not in England') }),
    ]);
  });

  it('documents the API as public: no key is asked for', async () => {
    const openapi = (await t.app.inject('/api/v1/openapi.json')).json();
    expect(openapi.paths['/api/v1/self-referrals'].post).toMatchObject({ security: [], tags: ['referrals'] });
    expect(openapi.paths['/api/v1/self-referrals'].post.responses).toHaveProperty('201');
  });

  it('limits the API per address with 429', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= SELF_REFERRALS_PER_TEN_MINUTES; attempt += 1)
      statuses.push((await selfRefer({ ...aSelfReferral({ age: 30, nhs: '401023616' }), helpWanted: '' }, '10.9.9.9')).statusCode);
    expect(statuses).toEqual([...Array(SELF_REFERRALS_PER_TEN_MINUTES).fill(400), 429]);
  });

  it('lists only services that allow self-referral after finding the GP surgery by name, and says plainly that hearing needs a GP', async () => {
    const client = newClient();
    const practices = await client.get('/self-referral/services?postcode=HX6+3AB&practice=Station+Road');
    expect(practices.statusCode).toBe(200);
    expect(practices.body).toContain('href="/self-referral/services?postcode=HX6+3AB&amp;practice=B84001"');
    const services = await client.get('/self-referral/services?postcode=HX6+3AB&practice=B84001');
    expect(services.body).toContain('Your GP surgery, Station Road Surgery, is in West Yorkshire.');
    expect(services.body).toContain(`/self-referral/services/${TALKING}?postcode=HX6+3AB&amp;practice=B84001`);
    expect(services.body).not.toContain('/self-referral/services/adult-hearing');
    const hearing = await client.get('/self-referral/services/adult-hearing?postcode=HX6+3AB&practice=B84001');
    expect(hearing.body).toContain('You cannot refer yourself to this service');
    expect(hearing.body).toContain('it accepts referrals from a GP');
    const missing = await client.get('/self-referral/services?postcode=&practice=');
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Error: Refer yourself');
    expect(missing.body).toContain('Enter the name, postcode or code of your GP surgery');
  });

  it('refuses a form without its CSRF token, and silently drops a form whose hidden trap field is filled; nothing is saved', async () => {
    const before = await referralCount();
    const client = newClient();
    const formUrl = `/self-referral/services/${TALKING}?postcode=HX6+3AB&practice=B84001`;
    await client.get(formUrl);
    const noToken = await client.post(`/self-referral/services/${TALKING}`, talkingForm(17, '401023617'));
    expect(noToken.statusCode).toBe(403);
    const bot = await client.submit(
      formUrl,
      { ...talkingForm(17, '401023617'), 'leave-this-blank': 'http://spam.example' },
      `/self-referral/services/${TALKING}`,
    );
    expect(bot.statusCode).toBe(303);
    expect(bot.headers.location).toBe('/self-referral');
    expect(await referralCount()).toBe(before);
    const trap = await t.deps.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'referral.self-referral')
      .where('entity_id', '=', TALKING)
      .execute();
    expect(trap).toEqual([{ details: { reason: 'honeypot' } }]);
  });

  it('limits the form per address with 429', async () => {
    const client = newClient();
    const formUrl = `/self-referral/services/${TALKING}?postcode=HX6+3AB&practice=B84001`;
    const token = csrfTokenIn((await client.get(formUrl)).body);
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= SELF_REFERRALS_PER_TEN_MINUTES; attempt += 1)
      statuses.push(
        (await client.post(`/self-referral/services/${TALKING}`, { _csrf: token, ...talkingForm(17, '401023618'), helpWanted: '' }))
          .statusCode,
      );
    expect(statuses).toEqual([...Array(SELF_REFERRALS_PER_TEN_MINUTES).fill(400), 429]);
  });

  it('shows the reference and access code once, then the patient chooses through /referral-status and the referral is sent, with every step audited', async () => {
    const client = newClient();
    const formUrl = `/self-referral/services/${TALKING}?postcode=HX6+3AB&practice=B84001`;
    const invalid = await client.submit(
      formUrl,
      { ...talkingForm(17, '401023619'), nhsNumber: '123' },
      `/self-referral/services/${TALKING}`,
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('NHS number must be 10 digits');
    const checked = await client.submit(formUrl, talkingForm(17, '401023619'), `/self-referral/services/${TALKING}`);
    expect(checked.headers.location).toBe('/self-referral/check');
    const made = await client.submit('/self-referral/check', {}, '/self-referral/check');
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toBe('/self-referral/confirmation');
    const confirmation = await client.get('/self-referral/confirmation');
    const reference = /id="reference">([\d ]{14})</.exec(confirmation.body)![1]!;
    expect(/id="access-code">([A-Z0-9]{4}-[A-Z0-9]{4})</.test(confirmation.body)).toBe(true);
    expect((await client.get('/self-referral/confirmation')).headers.location).toBe('/referral-status/referral');

    const status = await client.get('/referral-status/referral');
    expect(status.statusCode).toBe(200);
    const choice = /name="choice"[^>]*value="([^"]+)"/.exec(status.body)![1]!;
    expect(status.body).toContain('Calder Talking (test), Halifax rooms');
    const sent = await client.post('/referral-status/choice', { _csrf: csrfTokenIn(status.body), choice });
    expect(sent.statusCode).toBe(303);
    const ubrn = reference.replaceAll(' ', '');
    const stored = await t.deps.db
      .selectFrom('referrals')
      .select(['id', 'status', 'chosen_by'])
      .where('ubrn', '=', ubrn)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'sent', chosen_by: 'patient' });
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', stored.id)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'referral.create',
      'referral.view',
      'referral.choice-list',
      'referral.view',
      'referral.send',
    ]);
  });
});
