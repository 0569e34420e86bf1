import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertOrganisation } from '../../src/domains/identity/organisation.repo.ts';
import { aPerson, aProvider } from '../support/application-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aProposalOfTheDemoIcb } from '../support/proposal-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { WebClient } from '../support/web-client.ts';

const clock = movableToday('2027-02-01');
const SPECIFICATION_AND_CURRENCY = {
  populationNeeds: 'Housebound patients wait two weeks for a district nurse to take blood.',
  scope: 'Adults registered with a Calderdale practice who need a blood test requested by a clinician.',
  outcomes: 'Samples taken within 5 working days of request.',
  serviceDescription: 'Blood taken in community clinics or at home and delivered to the laboratory the same day.',
  applicableStandards: 'NHS Standard Contract; CQC registration.',
  currencyUnit: 'test',
  minimumPathwayYears: '',
  sessionCap: '',
  currencyDescription: 'One venepuncture and its sample delivered to the laboratory.',
  complexityBands: 'CLINIC: Taken in a community clinic\r\nHOME: Taken at the patient’s home',
};

describe('opening an offer for an approved local service through the pages', () => {
  let t: TestApp;
  let commissioner: WebClient;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock });
    commissioner = new WebClient(t.app);
    await commissioner.signIn('commissioner@aqp.example');
  });
  afterAll(() => t.close());

  it('goes from the approved proposal to a priced offer open to providers', async () => {
    const proposalId = await aProposalOfTheDemoIcb(t.deps, 'Community phlebotomy at home', 'approved');
    const proposalPage = await commissioner.get(`/proposals/${proposalId}`);
    expect(proposalPage.body).toContain(`href="/proposals/${proposalId}/local-service"`);
    expect(proposalPage.body).toContain('Open an offer for this service');

    const form = await commissioner.get(`/proposals/${proposalId}/local-service`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Community phlebotomy at home: care closer to home.');
    const refused = await commissioner.submit(`/proposals/${proposalId}/local-service`, {
      ...SPECIFICATION_AND_CURRENCY,
      scope: '',
      currencyUnit: 'episode',
      sessionCap: 'six',
      complexityBands: 'CLINIC',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('<title>Error: ');
    expect(refused.body).toMatch(/id="scope-error"[\s\S]*?Enter the scope of the service/);
    expect(refused.body).toMatch(/id="sessionCap-error"[\s\S]*?Enter the session cap as a whole number, like 6/);
    expect(refused.body).toMatch(/id="complexityBands-error"[\s\S]*?Write each band on its own line as a code, a colon and a description/);
    expect(refused.body).toContain('href="#scope"');
    expect(await t.deps.db.selectFrom('services').select('id').where('phase', '=', 'local').execute()).toEqual([]);

    const saved = await commissioner.submit(`/proposals/${proposalId}/local-service`, SPECIFICATION_AND_CURRENCY);
    expect(saved.statusCode, saved.body.slice(0, 500)).toBe(303);
    const code = 'local-qwo-community-phlebotomy-at-home';
    expect(saved.headers.location).toBe(`/offers/new?service=${code}`);
    const newOffer = await commissioner.get(saved.headers.location as string);
    expect(newOffer.body).toMatch(new RegExp(`value="${code}" checked`));
    expect(newOffer.body).toContain('Your local service, approved by your region: local implementation pack version 1');

    const opened = await commissioner.submit('/offers/new', {
      serviceCode: code,
      title: 'Community phlebotomy, Calderdale',
      coverage: '02T',
    });
    expect(opened.statusCode, opened.body.slice(0, 500)).toBe(303);
    const offerUrl = opened.headers.location as string;
    const protocol = await commissioner.submit(`${offerUrl}/protocol`, {
      ageMin: '18',
      ageMax: '',
      routes: 'gp',
      priorities: 'routine',
      acceptanceDeadlineWorkingDays: '3',
      repeatMaxReferrals: '',
      repeatWithinMonths: '',
      repeatPer: 'service',
    });
    expect(protocol.statusCode, protocol.body.slice(0, 500)).toBe(303);
    const priced = await commissioner.submit(`${offerUrl}/prices`, {
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '4',
      'effectiveFrom-year': '2027',
      'price-CLINIC': '8.50',
      'price-HOME': '24',
    });
    expect(priced.statusCode, priced.body.slice(0, 500)).toBe(303);
    const details = await commissioner.submit(`${offerUrl}/details`, {
      title: 'Community phlebotomy, Calderdale',
      summary: '',
      windowKind: 'rolling',
      'windowOpens-day': '1',
      'windowOpens-month': '2',
      'windowOpens-year': '2027',
      'contractStart-day': '1',
      'contractStart-month': '4',
      'contractStart-year': '2027',
      'contractEnd-day': '31',
      'contractEnd-month': '3',
      'contractEnd-year': '2030',
    });
    expect(details.statusCode).toBe(303);
    for (const status of ['published', 'open'])
      expect((await commissioner.submit(`${offerUrl}/status`, { status, reason: '' })).statusCode).toBe(303);

    const offerPage = await t.app.inject(offerUrl);
    for (const text of ['Open for applications', '£8.50', '£24.00', 'Community phlebotomy at home']) expect(offerPage.body).toContain(text);
    await aProvider(t.deps.db, { odsCode: 'TSTL2', name: 'Calder Phlebotomy (test)', adminEmail: 'admin@calder-phlebotomy.example' });
    const provider = new WebClient(t.app);
    await provider.signIn('admin@calder-phlebotomy.example');
    expect((await provider.get('/provider/offers')).body).toContain('Community phlebotomy, Calderdale');
    expect((await commissioner.get(`/proposals/${proposalId}`)).body).toContain(`href="/offers/new?service=${code}"`);
  });

  it('offers no journey for a rejected or undecided proposal, nor to another commissioner', async () => {
    for (const outcome of ['rejected', 'submitted'] as const) {
      const id = await aProposalOfTheDemoIcb(t.deps, `Community service ${outcome}`, outcome);
      expect((await commissioner.get(`/proposals/${id}`)).body).not.toContain('Open an offer for this service');
      const refused = await commissioner.get(`/proposals/${id}/local-service`);
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('Only a proposal the region approved can be opened as an offer');
    }
    const approved = await aProposalOfTheDemoIcb(t.deps, 'Community anticoagulation', 'approved');
    await commissioner.submit(`/proposals/${approved}/local-service`, SPECIFICATION_AND_CURRENCY);
    const elsewhere = await upsertOrganisation(t.deps.db, {
      odsCode: 'QXL',
      name: 'NHS Test Elsewhere ICB',
      kind: 'commissioner',
      postcode: 'LS1 4HR',
    });
    await aPerson(t.deps.db, elsewhere.id, 'commissioner', 'commissioner@elsewhere.example');
    const other = new WebClient(t.app);
    await other.signIn('commissioner@elsewhere.example');
    expect((await other.get(`/proposals/${approved}/local-service`)).statusCode).toBe(404);
    const choices = await other.get('/offers/new');
    expect(choices.body).toContain('value="adult-hearing"');
    expect(choices.body).not.toContain('local-qwo-community-anticoagulation');
  });
});
