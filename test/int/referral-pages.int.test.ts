import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aListingIn, aProviderWithSites, bornAged, nhsNumberFrom, placePostcodes } from '../support/referral-rows.ts';
import { checkAndSend } from '../support/referral-form-flow.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';
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

function hearingForm(dateOfBirth: string, overrides: Record<string, string> = {}): Record<string, string> {
  const [year, month, day] = dateOfBirth.split('-');
  return {
    nhsNumber: nhsNumberFrom('401023311'),
    givenName: 'Grace',
    familyName: 'Hopper',
    'dateOfBirth-day': String(Number(day)),
    'dateOfBirth-month': String(Number(month)),
    'dateOfBirth-year': year!,
    sex: 'female',
    postcode: 'hx6 3ab',
    priority: 'routine',
    route: 'gp',
    clinicalInformation: 'Gradual hearing loss.',
    ...HEARING_ANSWERS,
    ...overrides,
  };
}

describe('referral pages', () => {
  let t: TestApp;
  let referrer: WebClient;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    await placePostcodes(t.deps);
    const offerId = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id;
    await aProviderWithSites(t.deps, {
      odsCode: 'TST11',
      name: 'Ripponden Hearing (test)',
      sites: [{ name: 'Ripponden clinic', postcode: 'HX6 3AB' }],
    });
    await aListingIn(t.deps, offerId, 'TST11', 'live', TODAY);
    await aListingIn(t.deps, offerId, 'DEMO1', 'live', TODAY);
    referrer = new WebClient(t.app);
    await referrer.signIn('referrer@aqp.example');
  });
  afterAll(() => t.close());

  it('renders the protocol’s questions from the offer’s protocol and shows why a patient is refused, saving nothing', async () => {
    const services = await referrer.get('/referrals/new');
    expect(services.body).toContain('href="/referrals/new/adult-hearing"');
    const form = await referrer.get('/referrals/new/adult-hearing');
    expect(form.body).toContain('Vertigo?');
    expect(form.body).toContain('name="answer-wax-cleared"');
    expect(form.body).toContain('aged 50 and over');
    const refused = await referrer.post('/referrals/new/adult-hearing', {
      _csrf: csrfTokenIn(form.body),
      ...hearingForm(bornAged(49, TODAY), { 'answer-vertigo': 'yes' }),
    });
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toContain('The patient cannot be referred to this service');
    expect(refused.body).toContain('Do not refer to AQP: refer to ENT.');
    expect(refused.body).toContain('The patient is 49 on the referral date');
    expect(await t.deps.db.selectFrom('referrals').select('id').execute()).toEqual([]);
    const invalid = await referrer.post('/referrals/new/adult-hearing', {
      _csrf: csrfTokenIn(form.body),
      ...hearingForm('1950-01-01', { nhsNumber: '1234567890', 'dateOfBirth-day': '31', 'dateOfBirth-month': '2' }),
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Enter a valid NHS number');
    expect(invalid.body).toContain('Date of birth must be a real date');
  });

  it('creates an eligible referral, shows the access code once, offers, prints and sends the choice; the patient then sees it sent', async () => {
    const created = await checkAndSend(referrer, 'adult-hearing', hearingForm('1951-06-15'));
    expect(created.statusCode).toBe(303);
    const ubrn = created.headers.location!.split('/').pop()!;
    const page = await referrer.get(`/referrals/${ubrn}`);
    const accessCode = /id="access-code">([A-Z0-9-]+)</.exec(page.body)![1]!;
    expect((await referrer.get(`/referrals/${ubrn}`)).body).not.toContain(accessCode);

    const list = await referrer.get(`/referrals/${ubrn}/choice-list`);
    expect(list.body).toContain('1. Ripponden Hearing (test), Ripponden clinic');
    expect(list.body).toContain('0.0 miles (0.0 km)');
    expect(list.body).toContain('Not enough patients seen yet to give a wait');
    expect(list.body).toContain('Measured quality');
    expect(list.body).toContain('New provider — not enough data yet');
    const print = await referrer.get(`/referrals/${ubrn}/choice-list/print`);
    expect(print.body).toContain('Pennine Hearing Care (demo), Halifax hearing clinic');
    const choice = /value="([0-9a-f-]{36}:[0-9a-f-]{36})"/.exec(list.body)![1]!;
    const sent = await referrer.post(`/referrals/${ubrn}/choice`, { _csrf: csrfTokenIn(list.body), choice });
    expect(sent.statusCode).toBe(303);
    expect((await referrer.get(`/referrals/${ubrn}`)).body).toContain(
      'Referral sent to Ripponden Hearing (test), Ripponden clinic. They should accept it by 8 March 2027.',
    );

    const patient = new WebClient(t.app, '198.51.100.7');
    const start = await patient.get('/referral-status');
    const signedIn = await patient.post('/referral-status', {
      _csrf: csrfTokenIn(start.body),
      reference: ubrn,
      accessCode,
      'dateOfBirth-day': '15',
      'dateOfBirth-month': '6',
      'dateOfBirth-year': '1951',
    });
    expect(signedIn.headers.location).toBe('/referral-status/referral');
    const status = await patient.get('/referral-status/referral');
    expect(status.body).toContain('Sent to the provider');
    expect(status.body).toContain('Ripponden Hearing (test) will contact you');
    const referral = await t.deps.db.selectFrom('referrals').select('id').where('ubrn', '=', ubrn).executeTakeFirstOrThrow();
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select('details')
      .where('entity_id', '=', referral.id)
      .where('action', '=', 'referral.view')
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    expect(audit.map((row) => (row.details as { page: string }).page)).toEqual([
      'referral',
      'referral',
      'choice-list',
      'choice-list-print',
      'choice',
      'referral',
      'patient-status',
    ]);
  });

  it('shows a list offered again as before, and a choice not made as an error next to the list', async () => {
    const created = await checkAndSend(referrer, 'adult-hearing', hearingForm('1951-06-16'));
    const ubrn = created.headers.location!.split('/').pop()!;
    const list = await referrer.get(`/referrals/${ubrn}/choice-list`);
    expect(list.body).toContain('1. Ripponden Hearing (test), Ripponden clinic');
    const withoutToken = (html: string) => html.replace(/name="_csrf" value="[^"]*"/, '');
    expect(withoutToken((await referrer.get(`/referrals/${ubrn}/choice-list`)).body), 'the same list shown again').toBe(
      withoutToken(list.body),
    );
    const unchosen = await referrer.submit(`/referrals/${ubrn}/choice-list`, {}, `/referrals/${ubrn}/choice`);
    expect(unchosen.statusCode).toBe(400);
    expect(unchosen.body).toMatch(
      /id="choice-error"[^>]*>\s*<span class="nhsuk-u-visually-hidden">Error: <\/span>Choose a provider from the list/,
    );
  });

  it('gives the same answer for a wrong code and an unknown reference, and refuses a reference after five failures', async () => {
    const patient = new WebClient(t.app, '198.51.100.8');
    const attempt = async (reference: string) => {
      const start = await patient.get('/referral-status');
      return patient.post('/referral-status', {
        _csrf: csrfTokenIn(start.body),
        reference,
        accessCode: 'AAAA-AAAA',
        'dateOfBirth-day': '1',
        'dateOfBirth-month': '1',
        'dateOfBirth-year': '1950',
      });
    };
    const unknown = await attempt('999999999999');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('do not match a referral');
    for (let i = 0; i < 4; i += 1) expect((await attempt('999999999999')).statusCode).toBe(400);
    const refused = await attempt('999999999999');
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('too many attempts for this reference');
    expect((await patient.get('/referral-status/referral')).headers.location).toBe('/referral-status');
  });
});
