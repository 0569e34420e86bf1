import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium } from '../support/browser.ts';
import {
  CIS2_SCOPE_CLAIMS,
  NHS_LOGIN_SCOPE_CLAIMS,
  startIdentityProvider,
  type TestIdentityProvider,
} from '../support/identity-provider.ts';
import { aHearingReferral, aListingIn, aProviderWithSites, nhsNumberFrom, placePostcodes, tokenFor } from '../support/referral-rows.ts';
import { freeLoopbackPort, startTestServer, type TestServer } from '../support/test-server.ts';

const ADA = { nhsNumber: nhsNumberFrom('607200001'), dateOfBirth: '1950-05-17' };
const nrbacRole = (orgCode: string, jobRole: string, name: string) => ({
  person_roleid: `5550${orgCode}`,
  person_orgid: '1',
  org_code: orgCode,
  role_code: `S8000:G8000:${jobRole}`,
  role_name: `"Clinical":"Clinical Provision":"${name}"`,
});

describe('signing in through NHS CIS2 and NHS login (real local OIDC providers), in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let cis2: TestIdentityProvider;
  let nhsLogin: TestIdentityProvider;

  beforeAll(async () => {
    const port = await freeLoopbackPort();
    const base = `http://127.0.0.1:${port}`;
    cis2 = await startIdentityProvider({
      scopeClaims: CIS2_SCOPE_CLAIMS,
      redirectUris: [`${base}/sign-in/cis2/callback`],
      accounts: {
        'nurse-uuid': { name: 'Nell Nurse', nhsid_nrbac_roles: [nrbacRole('B84001', 'R8001', 'Nurse Access Role')] },
        'stranger-uuid': { name: 'Ursula Unknown', nhsid_nrbac_roles: [nrbacRole('RXX99', 'R8000', 'Clinical Practitioner Access Role')] },
      },
    });
    nhsLogin = await startIdentityProvider({
      scopeClaims: NHS_LOGIN_SCOPE_CLAIMS,
      redirectUris: [`${base}/referral-status/nhs-login/callback`],
      accounts: {
        'ada-p9': { nhs_number: ADA.nhsNumber, birthdate: ADA.dateOfBirth, identity_proofing_level: 'P9', vot: 'P9.Cp.Cd' },
        'ada-p5': { nhs_number: ADA.nhsNumber, birthdate: ADA.dateOfBirth, identity_proofing_level: 'P5', vot: 'P5.Cp.Cd' },
      },
    });
    const env = {
      ...cis2.envFor('AQP_CIS2', `${base}/sign-in/cis2/callback`),
      ...nhsLogin.envFor('AQP_NHS_LOGIN', `${base}/referral-status/nhs-login/callback`),
    };
    [server, browser] = await Promise.all([startTestServer('demo', undefined, { port, env }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await cis2?.close();
    await nhsLogin?.close();
  });

  /** Types the login at the provider's own sign-in form (any password) and follows it back to AQP. */
  async function signInAtProvider(page: Page, provider: TestIdentityProvider, login: string): Promise<void> {
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL((url) => url.href.startsWith(server.baseUrl));
  }

  async function startCis2(login: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.baseUrl}/sign-in`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Sign in with NHS Care Identity Service 2' }).click();
    await signInAtProvider(page, cis2, login);
    return page;
  }

  it('signs a practice nurse in through CIS2 as a referrer at their practice', async () => {
    const page = await startCis2('nurse-uuid');
    expect(page.url()).toBe(`${server.baseUrl}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your tasks');
    const banner = await page.getByRole('banner').textContent();
    expect(banner).toContain('Nell Nurse');
    expect(banner).toContain('Station Road Surgery');
    expect(await page.getByRole('main').textContent()).toContain('Refer a patient');
    await expectAccessible(page);
    await page.context().close();
  });

  it('refuses a CIS2 role at an organisation this service does not know, with a page that says why', async () => {
    const page = await startCis2('stranger-uuid');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your organisation does not use this service');
    expect(await page.getByRole('main').textContent()).toContain('Clinical Practitioner Access Role');
    await expectAccessible(page);
    await page.context().close();
  });

  it('shows a patient proved to P9 their referral through NHS login, without the access code, and refuses P5 clearly', async () => {
    const { deps, baseUrl } = server;
    await placePostcodes(deps);
    const offers = (await (await fetch(`${baseUrl}/api/v1/offers?service=adult-hearing&commissioner=02T`)).json()) as {
      items: { id: string }[];
    };
    await aProviderWithSites(deps, {
      odsCode: 'TST72',
      name: 'Ripponden Hearing (test)',
      sites: [{ name: 'Ripponden clinic', postcode: 'HX6 3AB' }],
    });
    await aListingIn(deps, offers.items[0]!.id, 'TST72', 'live', deps.clock.today());
    const practice = await deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
    const made = await fetch(`${baseUrl}/api/v1/referrals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(deps, practice.id, 'referrer')}`, 'content-type': 'application/json' },
      body: JSON.stringify(aHearingReferral(ADA)),
    });
    const { ubrn } = (await made.json()) as { ubrn: string };
    const reference = `${ubrn.slice(0, 4)} ${ubrn.slice(4, 8)} ${ubrn.slice(8)}`;

    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}/referral-status`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Continue to NHS login' }).click();
    await signInAtProvider(page, nhsLogin, 'ada-p9');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your referrals');
    expect(await page.getByRole('main').textContent()).toContain(reference);
    await expectAccessible(page);
    await page.getByRole('button', { name: /^View this referral/ }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your referral');
    expect(await page.getByRole('main').textContent()).toContain(`Referral ${reference}`);
    await expectAccessible(page);
    await page.context().close();

    const unproven = await (await browser.newContext()).newPage();
    await unproven.goto(`${baseUrl}/referral-status`);
    await unproven.getByRole('button', { name: 'Continue to NHS login' }).click();
    await signInAtProvider(unproven, nhsLogin, 'ada-p5');
    expect(await unproven.getByRole('heading', { level: 1 }).textContent()).toBe('You need to prove who you are to see your referrals');
    await expectAccessible(unproven);
    await unproven.context().close();
  });
});
