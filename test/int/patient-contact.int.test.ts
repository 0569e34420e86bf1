import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableToday } from '../support/movable-clock.ts';
import {
  aHearingReferral,
  aListingIn,
  aPersonIn,
  aProviderWithSites,
  bornAged,
  nhsNumberFrom,
  placePostcodes,
  tokenFor,
} from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';
const TALKING = 'psychological-therapies';
const FORM_URL = `/self-referral/services/${TALKING}?postcode=HX6+3AB&practice=B84001`;
const HEARING_ANSWERS = {
  'answer-ear-pain': 'no',
  'answer-discharge': 'no',
  'answer-sudden-loss': 'no',
  'answer-fluctuating-loss': 'no',
  'answer-tinnitus': 'no',
  'answer-vertigo': 'no',
  'answer-abnormal-canal': 'no',
  'answer-wax-cleared': 'yes',
};

/** The self-referral form as a 30-year-old fills it in, with an email address, needs and the wish to be emailed the reference; override any field. */
function talkingForm(nhs: string, overrides: Record<string, string> = {}): Record<string, string> {
  const [year, month, day] = bornAged(30, TODAY).split('-');
  return {
    postcode: 'HX6 3AB',
    practice: 'B84001',
    nhsNumber: nhsNumberFrom(nhs),
    givenName: 'Robin',
    familyName: 'Hood',
    'dateOfBirth-day': String(Number(day)),
    'dateOfBirth-month': String(Number(month)),
    'dateOfBirth-year': year!,
    sex: 'male',
    phone: '',
    email: 'robin@example.com',
    addressLine1: '1 Mill Lane',
    addressLine2: '',
    addressLine3: 'Sowerby Bridge',
    interpreterLanguage: 'Polish',
    formats: 'large-print',
    otherNeeds: 'Mornings are hard for me.',
    sendReferenceBy: 'email',
    'answer-risk': 'no',
    helpWanted: 'Panic attacks on the bus.',
    ...overrides,
  };
}

describe('contact details, communication needs and safe words for patients', () => {
  let t: TestApp;
  let ip = 0;
  let providerId: string;
  const referralCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('referrals')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const patient = () => new WebClient(t.app, `10.2.0.${++ip}`);

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    await placePostcodes(t.deps);
    const talking = (await t.app.inject(`/api/v1/offers?service=${TALKING}&commissioner=02T`)).json().items[0].id as string;
    const hearing = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id as string;
    providerId = await aProviderWithSites(t.deps, {
      odsCode: 'TST61',
      name: 'Calder Care (test)',
      sites: [{ name: 'Halifax rooms', postcode: 'HX1 1PW' }],
    });
    await aProviderWithSites(t.deps, {
      odsCode: 'TST62',
      name: 'Other Care (test)',
      sites: [{ name: 'Other rooms', postcode: 'HX6 3AB' }],
    });
    await aListingIn(t.deps, talking, 'TST61', 'live', TODAY);
    await aListingIn(t.deps, hearing, 'TST61', 'live', TODAY);
    const other = (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'TST62').executeTakeFirstOrThrow()).id;
    await aPersonIn(t.deps, providerId, { email: 'clinician@calder.test', name: 'Calder Clinician', role: 'provider-clinician' });
    await aPersonIn(t.deps, other, { email: 'clinician@other.test', name: 'Other Clinician', role: 'provider-clinician' });
  });
  afterAll(() => t.close());

  it('tells a patient at immediate risk of harm to call 999, NHS 111 option 2 or the local crisis line, as urgent advice, never the referrer’s wording; nothing is saved', async () => {
    const before = await referralCount();
    const refused = await patient().submit(
      FORM_URL,
      talkingForm('401024001', { 'answer-risk': 'yes' }),
      `/self-referral/services/${TALKING}`,
    );
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toContain('<h1>Get help now</h1>');
    expect(refused.body).toContain('nhsuk-card--care--urgent');
    expect(refused.body).toMatch(
      /call 999 or go to A&amp;E.*call NHS 111 and choose option 2, or call your local NHS mental health crisis line/s,
    );
    expect(refused.body).not.toContain('crisis team');
    expect(refused.body).not.toContain('Do not refer to AQP');
    expect(await referralCount()).toBe(before);
  });

  it('asks for a phone number or an email address, and says so beside the phone box', async () => {
    const refused = await patient().submit(
      FORM_URL,
      talkingForm('401024002', { email: '', sendReferenceBy: '' }),
      `/self-referral/services/${TALKING}`,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter a phone number or an email address, so the provider can contact you');
    expect(refused.body).toContain('href="#phone"');
  });

  it('shows every answer to check before anything is saved, returns to the form with every answer kept, then sends and says honestly that no email was sent', async () => {
    const client = patient();
    const before = await referralCount();
    const checked = await client.submit(FORM_URL, talkingForm('401024003'), `/self-referral/services/${TALKING}`);
    expect(checked.headers.location).toBe('/self-referral/check');
    expect(await referralCount()).toBe(before);
    const answers = await client.get('/self-referral/check');
    expect(answers.statusCode).toBe(200);
    for (const text of [
      'Check your answers before sending your self-referral',
      'Robin Hood',
      'robin@example.com',
      '1 Mill Lane, Sowerby Bridge',
      'Yes: Polish',
      'Large print',
      'Mornings are hard for me.',
      'By email',
      'Panic attacks on the bus.',
      'Station Road Surgery',
    ])
      expect(answers.body).toContain(text);
    expect(answers.body).toContain(`href="${FORM_URL.replaceAll('&', '&amp;')}#email"`);

    const change = await client.get(FORM_URL);
    expect(change.body).toContain('value="robin@example.com"');
    expect(change.body).toContain('value="1 Mill Lane"');
    expect(change.body).toMatch(/value="large-print" checked/);
    expect(change.body).toContain('Panic attacks on the bus.</textarea>');
    await client.post(`/self-referral/services/${TALKING}`, {
      _csrf: csrfTokenIn(change.body),
      ...talkingForm('401024003', { phone: '07700 900123' }),
    });

    const sent = await client.post('/self-referral/check', { _csrf: csrfTokenIn((await client.get('/self-referral/check')).body) });
    expect(sent.headers.location).toBe('/self-referral/confirmation');
    const confirmation = await client.get('/self-referral/confirmation');
    expect(confirmation.body).not.toContain('nhsuk-panel');
    expect(confirmation.body).toContain('it has not gone to a provider yet');
    expect(confirmation.body).toContain(
      'You asked us to send your reference and access code by email to robin@example.com. We cannot send messages yet, so we have not sent them.',
    );
    expect((await client.get('/self-referral/check')).headers.location).toBe('/self-referral');

    const ubrn = /id="reference">([\d ]{14})</.exec(confirmation.body)![1]!.replaceAll(' ', '');
    const stored = await t.deps.db
      .selectFrom('referrals as r')
      .innerJoin('referral_contact_details as c', 'c.referral_id', 'r.id')
      .innerJoin('patients as p', 'p.id', 'r.patient_id')
      .select([
        'c.phone',
        'c.email',
        'c.address_lines',
        'c.communication_needs',
        'c.send_reference_by',
        'p.phone as patient_phone',
        'p.email as patient_email',
      ])
      .where('r.ubrn', '=', ubrn)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      phone: '07700900123',
      email: 'robin@example.com',
      address_lines: ['1 Mill Lane', 'Sowerby Bridge'],
      send_reference_by: 'email',
      patient_phone: '07700900123',
      patient_email: 'robin@example.com',
      communication_needs: { interpreterLanguage: 'Polish', formats: ['large-print'], access: [], other: 'Mornings are hard for me.' },
    });
  });

  it('keeps a known patient’s self-referral contact details with the referral, leaving their record as it was', async () => {
    const referrer = await tokenFor(
      t.deps,
      (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow()).id,
      'referrer',
    );
    const nhsNumber = nhsNumberFrom('401024004');
    const gp = await t.app.inject({
      method: 'POST',
      url: '/api/v1/referrals',
      headers: { authorization: `Bearer ${referrer}` },
      payload: aHearingReferral({ nhsNumber, dateOfBirth: bornAged(70, TODAY) }),
    });
    expect(gp.statusCode).toBe(201);
    const self = await t.app.inject({
      method: 'POST',
      url: '/api/v1/self-referrals',
      remoteAddress: '10.3.0.1',
      payload: {
        serviceCode: TALKING,
        practiceOdsCode: 'B84001',
        patient: {
          nhsNumber,
          givenName: 'Ada',
          familyName: 'Lovelace',
          dateOfBirth: bornAged(70, TODAY),
          sex: 'female',
          postcode: 'HX6 3AB',
          phone: '07700 900456',
        },
        answers: { risk: false },
        helpWanted: 'Worry.',
        sendReferenceBy: 'text',
      },
    });
    expect(self.statusCode).toBe(201);
    const kept = await t.deps.db
      .selectFrom('referrals as r')
      .innerJoin('referral_contact_details as c', 'c.referral_id', 'r.id')
      .innerJoin('patients as p', 'p.id', 'r.patient_id')
      .select(['c.phone', 'c.send_reference_by', 'p.phone as patient_phone'])
      .where('r.ubrn', '=', self.json().ubrn)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ phone: '07700900456', send_reference_by: 'text', patient_phone: null });
    const noWay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/self-referrals',
      remoteAddress: '10.3.0.2',
      payload: {
        serviceCode: TALKING,
        practiceOdsCode: 'B84001',
        patient: {
          nhsNumber: nhsNumberFrom('401024005'),
          givenName: 'A',
          familyName: 'B',
          dateOfBirth: '1990-01-01',
          sex: 'female',
          postcode: 'HX6 3AB',
        },
        answers: { risk: false },
        helpWanted: 'Worry.',
      },
    });
    expect(noWay.statusCode).toBe(400);
    expect(noWay.json().errors).toEqual([expect.objectContaining({ field: 'phone' })]);
  });

  it('takes contact details and needs on the GP form; the practice sees them, the provider only once the referral is sent to it, another provider never; views are audited', async () => {
    const gp = new WebClient(t.app, '10.4.0.1');
    await gp.signIn('referrer@aqp.example');
    const [year, month, day] = bornAged(70, TODAY).split('-');
    const form = await gp.get('/referrals/new/adult-hearing');
    expect(form.body).toContain('Patient’s phone number (optional)');
    const checked = await gp.post('/referrals/new/adult-hearing', [
      ['_csrf', csrfTokenIn(form.body)],
      ['nhsNumber', nhsNumberFrom('401024006')],
      ['givenName', 'Grace'],
      ['familyName', 'Hopper'],
      ['dateOfBirth-day', String(Number(day))],
      ['dateOfBirth-month', String(Number(month))],
      ['dateOfBirth-year', year!],
      ['sex', 'female'],
      ['postcode', 'HX6 3AB'],
      ['priority', 'routine'],
      ['route', 'gp'],
      ['clinicalInformation', 'Gradual loss.'],
      ...Object.entries(HEARING_ANSWERS),
      ['phone', '01632 960 001'],
      ['email', ''],
      ['addressLine1', '2 High Street'],
      ['addressLine3', 'Halifax'],
      ['formats', 'bsl'],
      ['formats', 'easy-read'],
      ['access', 'hearing-loop'],
    ]);
    expect(checked.statusCode, checked.body).toBe(200);
    const created = await gp.post('/referrals/new/adult-hearing/send', { _csrf: csrfTokenIn(checked.body) });
    expect(created.statusCode).toBe(303);
    const ubrn = created.headers.location!.split('/').pop()!;
    const practiceView = await gp.get(`/referrals/${ubrn}`);
    for (const text of [
      'Contacting the patient',
      '01632960001',
      '2 High Street, Halifax, HX6 3AB',
      'Easy read, British Sign Language (BSL)',
      'A hearing loop',
    ])
      expect(practiceView.body).toContain(text);

    const provider = new WebClient(t.app, '10.4.0.2');
    await provider.signIn('clinician@calder.test');
    expect((await provider.get(`/referrals/${ubrn}`)).statusCode).toBe(404);
    const list = await gp.get(`/referrals/${ubrn}/choice-list`);
    const choice = /value="([0-9a-f-]{36}:[0-9a-f-]{36})"/.exec(list.body)![1]!;
    expect((await gp.post(`/referrals/${ubrn}/choice`, { _csrf: csrfTokenIn(list.body), choice })).statusCode).toBe(303);
    const providerView = await provider.get(`/referrals/${ubrn}`);
    expect(providerView.statusCode).toBe(200);
    expect(providerView.body).toContain('01632960001');
    expect(providerView.body).toContain('British Sign Language (BSL)');
    const other = new WebClient(t.app, '10.4.0.3');
    await other.signIn('clinician@other.test');
    expect((await other.get(`/referrals/${ubrn}`)).statusCode).toBe(404);

    const referralId = (await t.deps.db.selectFrom('referrals').select('id').where('ubrn', '=', ubrn).executeTakeFirstOrThrow()).id;
    const views = await t.deps.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('action', '=', 'referral.view')
      .where('entity_id', '=', referralId)
      .execute();
    expect(views.map((view) => view.details)).toContainEqual(expect.objectContaining({ side: 'provider', contactDetails: true }));
  });

  it('takes contact details and needs over the API within limits and returns them on the referral read', async () => {
    const practiceId = (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow())
      .id;
    const headers = { authorization: `Bearer ${await tokenFor(t.deps, practiceId, 'referrer')}` };
    const body = aHearingReferral({ nhsNumber: nhsNumberFrom('401024007'), dateOfBirth: bornAged(70, TODAY) }) as {
      patient: Record<string, unknown>;
    };
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/referrals', headers, payload });
    const tooLong = await post({ ...body, patient: { ...body.patient, addressLines: ['a', 'b', 'c', 'd'] } });
    expect(tooLong.statusCode).toBe(400);
    expect((await post({ ...body, communicationNeeds: { formats: ['smoke-signals'] } })).statusCode).toBe(400);
    const created = await post({
      ...body,
      patient: { ...body.patient, email: 'ada@example.com', addressLines: ['3 Low Road'] },
      communicationNeeds: { interpreterLanguage: 'Urdu', access: ['step-free-access'] },
    });
    expect(created.statusCode).toBe(201);
    const read = await t.app.inject({ url: `/api/v1/referrals/${created.json().ubrn}`, headers });
    expect(read.json().contactDetails).toEqual({
      phone: null,
      email: 'ada@example.com',
      addressLines: ['3 Low Road'],
      communicationNeeds: { interpreterLanguage: 'Urdu', formats: [], access: ['step-free-access'], other: null },
    });
  });
});
