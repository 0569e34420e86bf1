import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CIS2_SCOPE_CLAIMS, signInThrough, startIdentityProvider, type TestIdentityProvider } from '../support/identity-provider.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

const REDIRECT_URI = 'http://127.0.0.1:3000/sign-in/cis2/callback';
const NURSE_AT_PRACTICE = {
  person_roleid: '555000000001',
  org_code: 'B84001',
  role_code: 'S8000:G8000:R8001',
  role_name: '"Clinical":"Clinical Provision":"Nurse Access Role"',
  person_orgid: '1',
};
const CLERK_AT_PROVIDER = {
  person_roleid: '555000000002',
  org_code: 'DEMO1',
  role_code: 'S8001:G8005:R8010',
  role_name: '"Admin":"Admin":"Clerical Access Role"',
  person_orgid: '2',
};
const AT_UNKNOWN_TRUST = {
  person_roleid: '555000000003',
  org_code: 'RXX99',
  role_code: 'S8000:G8000:R8000',
  role_name: '"Clinical":"Clinical Provision":"Clinical Practitioner Access Role"',
  person_orgid: '3',
};
const STUDENT_AT_PRACTICE = {
  person_roleid: '555000000004',
  org_code: 'B84001',
  role_code: 'S8000:G8000:R8004',
  role_name: '"Clinical":"Clinical Provision":"Healthcare Student Access Role"',
  person_orgid: '4',
};

describe('signing staff in through NHS CIS2 (a real local OIDC provider)', () => {
  let t: TestApp;
  let idp: TestIdentityProvider;
  let web: WebClient;
  const person = (name: string, roles: object[], selected?: string) => ({
    name,
    given_name: name.split(' ')[0],
    family_name: name.split(' ')[1],
    email: `${name.split(' ')[0]!.toLowerCase()}@nhs.example`,
    nhsid_nrbac_roles: roles,
    ...(selected ? { selected_roleid: selected } : {}),
  });

  /** Starts at our sign-in button, signs in at the provider and brings the answer back to our callback. */
  async function signInWithCis2(login: string, returnTo?: string) {
    const start = await web.get(`/sign-in/cis2${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`);
    expect(start.statusCode).toBe(303);
    const back = await signInThrough(idp, String(start.headers.location), login);
    return web.get(`${back.pathname}${back.search}`);
  }
  const accountOf = (subject: string) =>
    t.deps.db
      .selectFrom('federated_identities as f')
      .innerJoin('users as u', 'u.id', 'f.user_id')
      .select(['u.id', 'u.display_name', 'u.password_hash', 'u.email'])
      .where('f.subject', '=', subject)
      .executeTakeFirst();
  const membershipsOf = (userId: string) =>
    t.deps.db
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['o.ods_code', 'm.role', 'm.granted_by'])
      .where('m.user_id', '=', userId)
      .orderBy('o.ods_code')
      .execute();
  const lastSignInAudit = () =>
    t.deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'sign-in').orderBy('id', 'desc').executeTakeFirstOrThrow();

  beforeAll(async () => {
    idp = await startIdentityProvider({
      scopeClaims: CIS2_SCOPE_CLAIMS,
      redirectUris: [REDIRECT_URI],
      accounts: {
        'nurse-uuid': person('Nell Nurse', [NURSE_AT_PRACTICE]),
        'two-roles-uuid': person('Tom Twohats', [NURSE_AT_PRACTICE, CLERK_AT_PROVIDER]),
        'chose-provider-uuid': person('Cara Chooser', [NURSE_AT_PRACTICE, CLERK_AT_PROVIDER], CLERK_AT_PROVIDER.person_roleid),
        'chose-unknown-uuid': person('Una Chooser', [NURSE_AT_PRACTICE, AT_UNKNOWN_TRUST], AT_UNKNOWN_TRUST.person_roleid),
        'unknown-org-uuid': person('Ursula Unknown', [AT_UNKNOWN_TRUST]),
        'student-uuid': person('Sam Student', [STUDENT_AT_PRACTICE]),
      },
    });
    t = await createTestApp({ seed: 'region', env: idp.envFor('AQP_CIS2', REDIRECT_URI) });
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });
  beforeEach(() => {
    web = new WebClient(t.app);
  });

  it('offers "Sign in with NHS Care Identity Service 2" on the sign-in page, carrying where to go after', async () => {
    const page = await web.get('/sign-in?returnTo=%2Freferrals');
    expect(page.body).toContain('Sign in with NHS Care Identity Service 2');
    expect(page.body).toContain('href="/sign-in/cis2?returnTo=%2Freferrals"');
  });

  it('sends the person to the provider with PKCE (S256), state, nonce and the CIS2 role scopes', async () => {
    const start = await web.get('/sign-in/cis2');
    const url = new URL(String(start.headers.location));
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('scope')!.split(' ')).toEqual(
      expect.arrayContaining(['openid', 'nationalrbacaccess', 'nhsperson', 'selectedrole']),
    );
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
  });

  it('signs a practice nurse in as a referrer at that practice, on an account made for their CIS2 subject with no password, and audits it', async () => {
    const back = await signInWithCis2('nurse-uuid', '/referrals');
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe('/referrals');
    const home = await web.get('/');
    expect(home.body).toContain('Nell Nurse');
    expect(home.body).toContain('Station Road Surgery');
    const account = (await accountOf('nurse-uuid'))!;
    expect(account).toMatchObject({ display_name: 'Nell Nurse', password_hash: null, email: 'nell@nhs.example' });
    expect(await membershipsOf(account.id)).toEqual([{ ods_code: 'B84001', role: 'referrer', granted_by: 'cis2' }]);
    const audit = await lastSignInAudit();
    expect(audit).toMatchObject({ outcome: 'success', entity_id: account.id });
    expect(audit.details).toMatchObject({ method: 'cis2', firstSignIn: true });
  });

  it('links a second sign-in to the same account and replaces the memberships CIS2 no longer gives', async () => {
    idp.accounts.set('mover-uuid', person('Mo Mover', [NURSE_AT_PRACTICE]));
    await signInWithCis2('mover-uuid');
    const account = (await accountOf('mover-uuid'))!;
    idp.accounts.set('mover-uuid', person('Mo Mover', [CLERK_AT_PROVIDER]));
    web = new WebClient(t.app);
    expect((await signInWithCis2('mover-uuid')).statusCode).toBe(303);
    expect((await accountOf('mover-uuid'))!.id).toBe(account.id);
    expect(await membershipsOf(account.id)).toEqual([{ ods_code: 'DEMO1', role: 'provider-clinician', granted_by: 'cis2' }]);
  });

  it('honours the role chosen in CIS2: a clerk who chose their provider role works as the provider, not the practice', async () => {
    expect((await signInWithCis2('chose-provider-uuid')).headers.location).toBe('/');
    const home = await web.get('/');
    expect(home.body).toContain('Pennine Hearing Care (demo)');
    expect(home.body).not.toContain('Station Road Surgery');
  });

  it('asks which membership to work in when several roles map and none was chosen in CIS2', async () => {
    const back = await signInWithCis2('two-roles-uuid');
    expect(back.headers.location).toBe('/choose-role?returnTo=%2F');
    const choose = await web.get('/choose-role');
    expect(choose.body).toContain('Referrer at Station Road Surgery');
    expect(choose.body).toContain('Provider clinician or administrator at Pennine Hearing Care (demo)');
  });

  it('refuses an organisation this service does not know with a page saying why, makes no account and audits the refusal', async () => {
    const back = await signInWithCis2('unknown-org-uuid');
    expect(back.statusCode).toBe(403);
    expect(back.body).toContain('Your organisation does not use this service');
    expect(back.body).toContain('Clinical Practitioner Access Role');
    expect(await accountOf('unknown-org-uuid')).toBeUndefined();
    const audit = await lastSignInAudit();
    expect(audit.outcome).toBe('denied');
    expect(audit.details).toMatchObject({ method: 'cis2', reason: 'unknown-organisation', subject: 'unknown-org-uuid' });
    expect((await web.get('/organisation')).headers.location).toMatch(/^\/sign-in/);
  });

  it('refuses the role chosen in CIS2 at an unknown organisation, even when another of the person’s roles would map', async () => {
    const back = await signInWithCis2('chose-unknown-uuid');
    expect(back.statusCode).toBe(403);
    expect(back.body).toContain('Your organisation does not use this service');
    expect(await accountOf('chose-unknown-uuid')).toBeUndefined();
  });

  it('refuses a role the mapping gives nothing for at a known organisation (a healthcare student at a practice)', async () => {
    const back = await signInWithCis2('student-uuid');
    expect(back.statusCode).toBe(403);
    expect(back.body).toContain('Your role does not give access to this service');
    expect(back.body).toContain('Healthcare Student Access Role');
  });

  it('refuses an account a platform administrator switched off', async () => {
    idp.accounts.set('leaver-uuid', person('Lee Leaver', [NURSE_AT_PRACTICE]));
    await signInWithCis2('leaver-uuid');
    await t.deps.db
      .updateTable('users')
      .set({ is_active: false })
      .where('id', '=', (await accountOf('leaver-uuid'))!.id)
      .execute();
    web = new WebClient(t.app);
    const back = await signInWithCis2('leaver-uuid');
    expect(back.statusCode).toBe(403);
    expect(back.body).toContain('Your account has been switched off');
  });

  it('refuses an answer whose state is not the one sent, with a page, not a session', async () => {
    const start = await web.get('/sign-in/cis2');
    const back = await signInThrough(idp, String(start.headers.location), 'nurse-uuid');
    back.searchParams.set('state', 'not-the-state-we-sent');
    const answer = await web.get(`${back.pathname}${back.search}`);
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('Sign-in did not finish');
    expect((await web.get('/organisation')).headers.location).toMatch(/^\/sign-in/);
  });

  it('sends an answer with no sign-in pending (a replay, or a second tab) back to the sign-in page', async () => {
    const start = await web.get('/sign-in/cis2');
    const back = await signInThrough(idp, String(start.headers.location), 'nurse-uuid');
    expect((await web.get(`${back.pathname}${back.search}`)).statusCode).toBe(303);
    const replay = await new WebClient(t.app).get(`${back.pathname}${back.search}`);
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toBe('/sign-in');
  });
});
