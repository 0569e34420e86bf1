import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inCommissionerArea } from '../support/directory-rows.ts';
import { registeredInsteadOfCqc } from '../support/listing-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aListingIn, aProviderWithSites, nhsNumberFrom, placePostcodes } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
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
const OTHER_REGISTRATION = 'CQC registration does not apply; registered with the Health and Care Professions Council (HCPC)';

describe('what patients are told of a provider registered with another regulator instead of CQC', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    await placePostcodes(t.deps);
    await inCommissionerArea(t.deps, '02T', ['HX6 3AB']);
    const offerId = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id;
    await aProviderWithSites(t.deps, {
      odsCode: 'TST41',
      name: 'Ripponden Hearing (test)',
      sites: [{ name: 'Ripponden clinic', postcode: 'HX6 3AB' }],
    });
    const { providerId } = await aListingIn(t.deps, offerId, 'TST41', 'live', TODAY);
    await registeredInsteadOfCqc(t.deps, providerId, 'HCPC', '2028-01-31');
  });
  afterAll(() => t.close());

  it('says on the directory that CQC registration does not apply and names the regulator', async () => {
    const search = await t.app.inject('/directory?service=adult-hearing&postcode=HX6+3AB');
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain(OTHER_REGISTRATION);
    expect(search.body).not.toContain('No CQC registration recorded');
    const page = await t.app.inject('/directory/providers/TST41');
    expect(page.body).toContain(OTHER_REGISTRATION);
    expect(page.body).not.toContain('No CQC registration recorded');
    const entry = (await t.app.inject('/api/v1/directory?service=adult-hearing&postcode=HX6+3AB')).json().items[0];
    expect(entry.quality).toMatchObject({ cqcStatus: null, registeredWith: 'HCPC', assuranceVerified: true });
  });

  it('says the same on the choice list offered to the patient', async () => {
    const referrer = new WebClient(t.app);
    await referrer.signIn('referrer@aqp.example');
    const created = await checkAndSend(referrer, 'adult-hearing', {
      nhsNumber: nhsNumberFrom('401023311'),
      givenName: 'Grace',
      familyName: 'Hopper',
      'dateOfBirth-day': '15',
      'dateOfBirth-month': '6',
      'dateOfBirth-year': '1951',
      sex: 'female',
      postcode: 'hx6 3ab',
      priority: 'routine',
      route: 'gp',
      clinicalInformation: 'Gradual hearing loss.',
      ...HEARING_ANSWERS,
    });
    expect(created.statusCode, created.body).toBe(303);
    const list = await referrer.get(`/referrals/${created.headers.location!.split('/').pop()}/choice-list`);
    expect(list.body).toContain('Ripponden Hearing (test), Ripponden clinic');
    expect(list.body).toContain(OTHER_REGISTRATION);
    expect(list.body).not.toContain('No CQC registration recorded');
  });
});
