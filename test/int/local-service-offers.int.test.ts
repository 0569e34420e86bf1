import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/domains/identity/api-key.service.ts';
import { findOrganisationByOdsCode, upsertOrganisation } from '../../src/domains/identity/organisation.repo.ts';
import type { Role } from '../../src/domains/identity/roles.rules.ts';
import { ASSESSMENT_CRITERIA } from '../../src/domains/proposals/proposals.rules.ts';
import { aProvider, completeAnswers } from '../support/application-rows.ts';
import { completeAssurance } from '../support/assurance-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { apiKeyFor } from '../support/web-client.ts';

const clock = movableToday('2027-02-01');
const ALL_MET = ASSESSMENT_CRITERIA.map((criterion) => ({
  criterion: criterion.code,
  met: true,
  note: `${criterion.title}: evidence seen.`,
}));
export const LOCAL_PACK = {
  specification: {
    populationNeeds: 'Housebound patients wait two weeks for a district nurse to take blood.',
    scope: 'Adults registered with a Calderdale or Kirklees practice who need a blood test requested by a clinician.',
    outcomes: 'Samples taken within 5 working days of request, 98% reaching the laboratory the same day.',
    serviceDescription:
      'Blood taken in community clinics or at home, labelled and delivered to the laboratory, with results returned to the requester.',
    applicableStandards: 'NHS Standard Contract; CQC registration; WHO guidelines on drawing blood.',
  },
  currency: { unit: 'test', description: 'One venepuncture and its sample delivered to the laboratory.' },
  complexityBands: [
    { code: 'CLINIC', description: 'Taken in a community clinic' },
    { code: 'HOME', description: 'Taken at the patient’s home' },
  ],
};

describe('offers for local services the region approved, through the API', () => {
  let t: TestApp;
  const keys: Record<string, string> = {};

  async function keyFor(odsCode: string, role: Role): Promise<string> {
    const organisation = (await findOrganisationByOdsCode(t.deps.db, odsCode))!;
    const { token } = await createApiKey(
      t.deps,
      { principal: null, clientAddress: null },
      { organisationId: organisation.id, name: `${role} tests`, role },
      { trusted: true },
    );
    return token;
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock });
    await upsertOrganisation(t.deps.db, { odsCode: 'QXL', name: 'NHS Test Elsewhere ICB', kind: 'commissioner', postcode: 'LS1 4HR' });
    const provider = await aProvider(t.deps.db, {
      odsCode: 'TSTL1',
      name: 'Calder Phlebotomy (test)',
      adminEmail: 'admin@calder-phlebotomy.example',
    });
    await completeAssurance(t.deps.db, provider.id).insert();
    keys.siteId = provider.siteId;
    keys.commissioner = await keyFor('QWO', 'commissioner');
    keys.reviewer = await keyFor('Y63', 'regional-reviewer');
    keys.other = await keyFor('QXL', 'commissioner');
    keys.provider = await keyFor('TSTL1', 'provider-admin');
    keys.national = await apiKeyFor(t.app, 'national.admin@aqp.example', 'national-admin', 'Catalogue');
  });
  afterAll(() => t.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${keys[who]}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  /** A proposal from the demo commissioner taken as far as asked: submitted, approved or rejected by the region. */
  async function aProposal(name: string, outcome: 'submitted' | 'approved' | 'rejected'): Promise<string> {
    const { id } = (
      await call('commissioner', 'POST', '/api/v1/local-proposals', {
        name,
        description: `${name}: care closer to home.`,
        rationale: 'Long waits at the trust.',
      })
    ).json();
    await call('commissioner', 'POST', `/api/v1/local-proposals/${id}/submission`);
    if (outcome === 'submitted') return id;
    await call('reviewer', 'PUT', `/api/v1/local-proposals/${id}/assessments`, { assessments: ALL_MET });
    const decided = await call('reviewer', 'POST', `/api/v1/local-proposals/${id}/decision`, {
      outcome,
      reasons: 'Decided on the evidence.',
    });
    expect(decided.json().status).toBe(outcome);
    return id;
  }

  it('sets up the approved service with its own specification and currency, opens an offer for it, protects and prices it, and a provider applies', async () => {
    const proposalId = await aProposal('Community phlebotomy at home', 'approved');
    const setUp = await call('commissioner', 'POST', `/api/v1/local-proposals/${proposalId}/local-service`, LOCAL_PACK);
    expect(setUp.statusCode, setUp.body).toBe(201);
    const { serviceCode, packVersion } = setUp.json();
    expect(serviceCode).toMatch(/^local-qwo-community-phlebotomy-at-home$/);
    expect(packVersion).toBe(1);
    expect((await call('commissioner', 'GET', `/api/v1/local-proposals/${proposalId}`)).json().localService).toEqual({
      code: serviceCode,
      packVersion: 1,
    });

    const opened = await call('commissioner', 'POST', '/api/v1/offers', { serviceCode, coverage: ['02T'] });
    expect(opened.statusCode, opened.body).toBe(201);
    const offerId = opened.json().id;
    const draft = (await call('commissioner', 'GET', `/api/v1/offers/${offerId}`)).json();
    expect(draft).toMatchObject({
      title: 'Community phlebotomy at home',
      service: { code: serviceCode, name: 'Community phlebotomy at home' },
      packVersion: 1,
      protocol: { version: 1, content: { routes: ['gp'] } },
    });

    expect(
      (
        await call('commissioner', 'PUT', `/api/v1/offers/${offerId}/protocol`, {
          ...draft.protocol.content,
          ageMin: 18,
          routes: ['gp', 'other-clinician'],
        })
      ).json(),
    ).toEqual({ version: 2 });
    const details = await call('commissioner', 'PUT', `/api/v1/offers/${offerId}`, {
      title: 'Community phlebotomy, Calderdale',
      contractStart: '2027-04-01',
      contractEnd: '2030-03-31',
      windowKind: 'rolling',
      windowOpens: '2027-02-01',
      windowCloses: null,
    });
    expect(details.statusCode, details.body).toBe(204);
    const priced = await call('commissioner', 'POST', `/api/v1/offers/${offerId}/prices`, {
      effectiveFrom: '2027-04-01',
      prices: [
        { complexityBand: 'CLINIC', pricePence: 850 },
        { complexityBand: 'HOME', pricePence: 2_400 },
      ],
    });
    expect(priced.statusCode, priced.body).toBe(204);
    for (const status of ['published', 'open'])
      expect((await call('commissioner', 'POST', `/api/v1/offers/${offerId}/status`, { status })).statusCode).toBe(204);

    const listed = (await t.app.inject(`/api/v1/offers?service=${serviceCode}&status=open`)).json().items;
    expect(listed).toEqual([
      expect.objectContaining({
        id: offerId,
        protocol: { version: 2, content: expect.objectContaining({ ageMin: 18 }) },
        priceSchedules: [
          {
            effectiveFrom: '2027-04-01',
            prices: expect.arrayContaining([expect.objectContaining({ complexityBand: 'HOME', pricePence: 2_400 })]),
          },
        ],
      }),
    ]);
    const applied = await call('provider', 'POST', '/api/v1/applications', { offerId, answers: completeAnswers(), siteIds: [keys.siteId] });
    expect(applied.statusCode, applied.body).toBe(201);
    expect((await call('provider', 'POST', `/api/v1/applications/${applied.json().id}/submission`)).statusCode).toBe(204);

    const national = (await t.app.inject('/api/v1/services')).json().items.map((service: { code: string }) => service.code);
    expect(national).toContain('phlebotomy');
    expect(national).not.toContain(serviceCode);
    expect((await t.app.inject(`/api/v1/services/${serviceCode}`)).json().service).toMatchObject({
      phase: 'local',
      name: 'Community phlebotomy at home',
    });
    expect((await t.app.inject(`/catalogue/${serviceCode}`)).body).toContain('Local service of NHS West Yorkshire Integrated Care Board');
    const map = (await t.app.inject('/api/v1/map')).json();
    expect(map.services).toContainEqual(
      expect.objectContaining({ code: serviceCode, name: 'Community phlebotomy at home (local)', commissioners: 1 }),
    );
    expect((await t.app.inject('/directory')).body).toContain(
      `<option value="${serviceCode}">Community phlebotomy at home (local)</option>`,
    );
  });

  it('keeps a local service out of public sight until an offer for it is published, except to its commissioner and national administrators', async () => {
    const proposalId = await aProposal('Community stoma care', 'approved');
    const { serviceCode } = (await call('commissioner', 'POST', `/api/v1/local-proposals/${proposalId}/local-service`, LOCAL_PACK)).json();
    const unseen = async () => {
      for (const url of [`/api/v1/services/${serviceCode}`, `/catalogue/${serviceCode}`]) {
        const anonymous = await t.app.inject(url);
        expect(anonymous.statusCode, url).toBe(404);
        expect(anonymous.body).not.toContain('Community stoma care');
        expect(anonymous.headers['cache-control'] ?? '').not.toContain('public');
      }
      expect((await call('other', 'GET', `/api/v1/services/${serviceCode}`)).statusCode).toBe(404);
      expect((await call('provider', 'GET', `/api/v1/services/${serviceCode}`)).statusCode).toBe(404);
    };
    await unseen();
    const { id: offerId } = (await call('commissioner', 'POST', '/api/v1/offers', { serviceCode, coverage: ['02T'] })).json();
    await unseen();
    for (const who of ['commissioner', 'national']) {
      const seen = await call(who, 'GET', `/api/v1/services/${serviceCode}`);
      expect(seen.statusCode, who).toBe(200);
      expect(seen.json().service.name).toBe('Community stoma care');
      expect(seen.headers['cache-control']).toBe('private, no-store');
    }
    expect(
      (
        await call('commissioner', 'POST', `/api/v1/offers/${offerId}/status`, {
          status: 'withdrawn',
          reason: 'Provided by the trust instead.',
        })
      ).statusCode,
    ).toBe(204);
    await unseen();
  });

  it('gives two local services of the same name, saved at once by one commissioner, their own codes', async () => {
    const [first, second] = [
      await aProposal('Community ear syringing', 'approved'),
      await aProposal('Community ear syringing', 'approved'),
    ];
    const saved = await Promise.all(
      [first, second].map((id) => call('commissioner', 'POST', `/api/v1/local-proposals/${id}/local-service`, LOCAL_PACK)),
    );
    expect(
      saved.map((answer) => answer.statusCode),
      saved.map((answer) => answer.body).join('\n'),
    ).toEqual([201, 201]);
    expect(saved.map((answer) => answer.json().serviceCode).sort()).toEqual([
      'local-qwo-community-ear-syringing',
      'local-qwo-community-ear-syringing-2',
    ]);
  });

  it('publishes a revised local pack as a new version; offers already open keep theirs', async () => {
    const proposalId = await aProposal('Community wound care', 'approved');
    const first = (await call('commissioner', 'POST', `/api/v1/local-proposals/${proposalId}/local-service`, LOCAL_PACK)).json();
    const { id: offerId } = (
      await call('commissioner', 'POST', '/api/v1/offers', { serviceCode: first.serviceCode, coverage: ['02T'] })
    ).json();
    const revised = await call('commissioner', 'POST', `/api/v1/local-proposals/${proposalId}/local-service`, {
      ...LOCAL_PACK,
      currency: { unit: 'episode', sessionCap: 6, description: 'Up to 6 dressings per referral.' },
      changeNote: 'Paid by episode after pilot.',
    });
    expect(revised.json()).toEqual({ serviceCode: first.serviceCode, packVersion: 2 });
    expect((await call('commissioner', 'GET', `/api/v1/offers/${offerId}`)).json().packVersion).toBe(1);
  });

  it('refuses a proposal the region has not approved, another commissioner, and a pack that breaks the currency rules, writing nothing', async () => {
    const submitted = await aProposal('Community ear care', 'submitted');
    const rejected = await aProposal('Community foot massage', 'rejected');
    for (const id of [submitted, rejected]) {
      const refused = await call('commissioner', 'POST', `/api/v1/local-proposals/${id}/local-service`, LOCAL_PACK);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        code: 'invalid-transition',
        detail: expect.stringContaining('Only a proposal the region approved'),
      });
    }
    const approved = await aProposal('Community anticoagulation', 'approved');
    expect((await call('other', 'POST', `/api/v1/local-proposals/${approved}/local-service`, LOCAL_PACK)).statusCode).toBe(404);
    expect((await call('reviewer', 'POST', `/api/v1/local-proposals/${approved}/local-service`, LOCAL_PACK)).statusCode).toBe(403);
    const noCap = await call('commissioner', 'POST', `/api/v1/local-proposals/${approved}/local-service`, {
      ...LOCAL_PACK,
      currency: { unit: 'episode', description: 'Per referral' },
    });
    expect(noCap.statusCode).toBe(400);
    expect(noCap.json().errors).toContainEqual({ field: 'currency.sessionCap', message: 'An episode currency needs a session cap' });
    expect(await t.deps.db.selectFrom('services').select('id').where('name', '=', 'Community anticoagulation').execute()).toEqual([]);

    const { serviceCode } = (await call('commissioner', 'POST', `/api/v1/local-proposals/${approved}/local-service`, LOCAL_PACK)).json();
    const elsewhere = await call('other', 'POST', '/api/v1/offers', { serviceCode, coverage: ['QXL'] });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors).toContainEqual({
      field: 'serviceCode',
      message: expect.stringContaining('is a local service of NHS West Yorkshire Integrated Care Board'),
    });
  });
});
