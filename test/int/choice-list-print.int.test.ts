import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { formatUbrn } from '../../src/domains/referrals/referral-reference.rules.ts';
import { buildApp } from '../../src/http/app.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aListingIn, aProviderWithSites, nhsNumberFrom, placePostcodes } from '../support/referral-rows.ts';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../support/test-app.ts';
import { checkAndSend } from '../support/referral-form-flow.ts';
import { WebClient } from '../support/web-client.ts';

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
const PATIENT = {
  nhsNumber: nhsNumberFrom('401023611'),
  givenName: 'Ada',
  familyName: 'Lovelace',
  'dateOfBirth-day': '10',
  'dateOfBirth-month': '12',
  'dateOfBirth-year': '1950',
  sex: 'female',
  postcode: 'HX6 3AB',
};

describe('the printed choice list works on paper', () => {
  let t: TestApp;
  let behindPublicAddress: FastifyInstance;
  let ubrn: string;
  let accessCode: string;
  let printed: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    behindPublicAddress = await buildApp({
      config: {
        ...loadConfig({ NODE_ENV: 'test', AQP_PUBLIC_BASE_URL: 'https://aqp.example.nhs.uk/' }),
        sessionSecret: TEST_SESSION_SECRET,
      },
      deps: t.deps,
    });
    await placePostcodes(t.deps);
    const offerId = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id;
    const providerId = await aProviderWithSites(t.deps, {
      odsCode: 'TST31',
      name: 'Ripponden Hearing (test)',
      sites: [{ name: 'Ripponden clinic', postcode: 'HX6 3AB' }],
    });
    await t.deps.db.updateTable('sites').set({ phone: '01422 555 0101' }).where('organisation_id', '=', providerId).execute();
    await aListingIn(t.deps, offerId, 'TST31', 'live', TODAY);

    const gp = new WebClient(behindPublicAddress);
    await gp.signIn('referrer@aqp.example');
    const created = await checkAndSend(gp, 'adult-hearing', {
      ...PATIENT,
      priority: 'routine',
      route: 'gp',
      clinicalInformation: 'Gradual hearing loss.',
      ...HEARING_ANSWERS,
    });
    expect(created.statusCode, created.body).toBe(303);
    ubrn = created.headers.location!.split('/').pop()!;
    accessCode = /id="access-code">([A-Z0-9-]+)</.exec((await gp.get(`/referrals/${ubrn}`)).body)![1]!;
    await gp.get(`/referrals/${ubrn}/choice-list`);
    printed = (await gp.get(`/referrals/${ubrn}/choice-list/print`)).body;
  });
  afterAll(async () => {
    await behindPublicAddress.close();
    await t.close();
  });

  it('prints the full web address of the status page from the configured public address, with the reference and the access code', () => {
    expect(printed).toContain('href="https://aqp.example.nhs.uk/referral-status">https://aqp.example.nhs.uk/referral-status</a>');
    expect(printed).toContain(`<strong id="print-reference">${formatUbrn(ubrn)}</strong>`);
    expect(printed).toContain(`<strong id="print-access-code">${accessCode}</strong>`);
  });

  it('prints each provider’s telephone and names the practice that referred', async () => {
    const practice = await t.deps.db
      .selectFrom('referrals as r')
      .innerJoin('organisations as o', 'o.id', 'r.referrer_organisation_id')
      .select('o.name')
      .where('r.ubrn', '=', ubrn)
      .executeTakeFirstOrThrow();
    expect(printed).toMatch(/Ripponden Hearing \(test\), Ripponden clinic<\/h2>[\s\S]*?Telephone: 01422 555 0101/);
    expect(printed).toContain(`by ${practice.name}.`);
    expect(printed).toContain(`your GP practice, ${practice.name}`);
  });

  it('prints the address the request came to when none is configured, and a line to write the access code in a later session', async () => {
    const colleague = new WebClient(t.app);
    await colleague.signIn('referrer@aqp.example');
    const later = (await colleague.get(`/referrals/${ubrn}/choice-list/print`)).body;
    expect(later).toContain('href="http://localhost:80/referral-status"');
    expect(later).not.toContain(accessCode);
    expect(later).toContain('The code your GP practice gave you when you were referred');
  });
});
