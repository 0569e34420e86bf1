import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NHS_LOGIN_SCOPE_CLAIMS, signInThrough, startIdentityProvider, type TestIdentityProvider } from '../support/identity-provider.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aHearingReferral, aListingIn, aProviderWithSites, nhsNumberSequence, placePostcodes, tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';
const REDIRECT_URI = 'http://127.0.0.1:3000/referral-status/nhs-login/callback';

describe('patients signing in with NHS login (a real local OIDC provider) to see their referrals', () => {
  let t: TestApp;
  let idp: TestIdentityProvider;
  let web: WebClient;
  const nextNhsNumber = nhsNumberSequence('6071');
  const ada = { nhsNumber: nextNhsNumber(), dateOfBirth: '1950-05-17' };
  const other = { nhsNumber: nextNhsNumber(), dateOfBirth: '1961-02-03' };
  const adasUbrns: string[] = [];
  let othersUbrn: string;
  const nhsLoginAccount = (patient: { nhsNumber: string; dateOfBirth: string }, level = 'P9') => ({
    nhs_number: patient.nhsNumber,
    birthdate: patient.dateOfBirth,
    family_name: 'Lovelace',
    identity_proofing_level: level,
    vot: `${level}.Cp.Cd`,
  });

  async function signInWithNhsLogin(login: string) {
    const start = await web.get('/referral-status/nhs-login');
    expect(start.statusCode).toBe(303);
    const back = await signInThrough(idp, String(start.headers.location), login);
    return web.get(`${back.pathname}${back.search}`);
  }
  const spaced = (ubrn: string) => `${ubrn.slice(0, 4)} ${ubrn.slice(4, 8)} ${ubrn.slice(8)}`;

  beforeAll(async () => {
    idp = await startIdentityProvider({
      scopeClaims: NHS_LOGIN_SCOPE_CLAIMS,
      redirectUris: [REDIRECT_URI],
      accounts: {
        'ada-p9': nhsLoginAccount(ada),
        'ada-p5': nhsLoginAccount(ada, 'P5'),
        'ada-wrong-birthday': nhsLoginAccount({ ...ada, dateOfBirth: '1950-05-18' }),
      },
    });
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY), env: idp.envFor('AQP_NHS_LOGIN', REDIRECT_URI) });
    await placePostcodes(t.deps);
    const offerId = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id;
    await aProviderWithSites(t.deps, {
      odsCode: 'TST71',
      name: 'Ripponden Hearing (test)',
      sites: [{ name: 'Ripponden clinic', postcode: 'HX6 3AB' }],
    });
    await aListingIn(t.deps, offerId, 'TST71', 'live', TODAY);
    const practice = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
    const key = await tokenFor(t.deps, practice.id, 'referrer');
    const refer = async (patient: typeof ada) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/referrals',
          headers: { authorization: `Bearer ${key}` },
          payload: aHearingReferral(patient),
        })
      ).json().ubrn as string;
    adasUbrns.push(await refer(ada));
    othersUbrn = await refer(other);
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });
  beforeEach(() => {
    web = new WebClient(t.app, '198.51.100.7');
  });

  it('offers NHS login on the check-your-referral page', async () => {
    const page = await web.get('/referral-status');
    expect(page.body).toContain('Continue to NHS login');
    expect(page.body).toContain('href="/referral-status/nhs-login"');
  });

  it('asks NHS login for P9 (vectors of trust) with PKCE, state and nonce', async () => {
    const url = new URL(String((await web.get('/referral-status/nhs-login')).headers.location));
    expect(JSON.parse(url.searchParams.get('vtr')!)).toEqual(['P9.Cp.Cd', 'P9.Cp.Ck', 'P9.Cm']);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
  });

  it('shows a P9 patient the referrals made with their NHS number and date of birth, and no one else’s, each read audited', async () => {
    const back = await signInWithNhsLogin('ada-p9');
    expect(back.headers.location).toBe('/referral-status/your-referrals');
    const list = await web.get('/referral-status/your-referrals');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(spaced(adasUbrns[0]!));
    expect(list.body).not.toContain(spaced(othersUbrn));
    const views = await t.deps.db
      .selectFrom('audit_events')
      .select(['entity_id', 'details'])
      .where('action', '=', 'referral.view')
      .where('details', '@>', JSON.stringify({ page: 'patient-referrals' }))
      .execute();
    expect(views.map((view) => (view.details as { ubrn: string }).ubrn)).toEqual([adasUbrns[0]]);
    const access = await t.deps.db
      .selectFrom('audit_events')
      .select(['outcome', 'details'])
      .where('action', '=', 'referral.patient-access')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(access).toMatchObject({ outcome: 'success', details: { method: 'nhs-login', subject: 'ada-p9' } });
  });

  it('opens one of their referrals on the usual status pages without the access code', async () => {
    await signInWithNhsLogin('ada-p9');
    const list = await web.get('/referral-status/your-referrals');
    const opened = await web.post('/referral-status/your-referrals', { _csrf: csrfTokenIn(list.body), reference: adasUbrns[0]! });
    expect(opened.headers.location).toBe('/referral-status/referral');
    const status = await web.get('/referral-status/referral');
    expect(status.body).toContain('Your referral');
    expect(status.body).toContain(`Referral ${spaced(adasUbrns[0]!)}`);
  });

  it('will not open someone else’s referral, however its reference is typed', async () => {
    await signInWithNhsLogin('ada-p9');
    const list = await web.get('/referral-status/your-referrals');
    const refused = await web.post('/referral-status/your-referrals', { _csrf: csrfTokenIn(list.body), reference: othersUbrn });
    expect(refused.statusCode).toBe(404);
    expect((await web.get('/referral-status/referral')).headers.location).toBe('/referral-status');
  });

  it('finds nothing when the date of birth does not match, though the NHS number does', async () => {
    await signInWithNhsLogin('ada-wrong-birthday');
    const list = await web.get('/referral-status/your-referrals');
    expect(list.body).toContain('We could not find a referral made for you');
    expect(list.body).not.toContain(spaced(adasUbrns[0]!));
  });

  it('refuses identity proved below P9 with a page saying what to do, and audits the refusal', async () => {
    const back = await signInWithNhsLogin('ada-p5');
    expect(back.statusCode).toBe(403);
    expect(back.body).toContain('You need to prove who you are to see your referrals');
    expect((await web.get('/referral-status/your-referrals')).headers.location).toBe('/referral-status');
    const access = await t.deps.db
      .selectFrom('audit_events')
      .select(['outcome', 'details'])
      .where('action', '=', 'referral.patient-access')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(access).toMatchObject({ outcome: 'denied', details: { method: 'nhs-login', reason: 'below-p9', proofingLevel: 'P5' } });
  });
});
