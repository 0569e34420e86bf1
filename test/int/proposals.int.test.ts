import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/domains/identity/api-key.service.ts';
import { DEMO_PASSWORD } from '../../src/demo/region.demo-seed.ts';
import { findOrganisationByOdsCode, upsertOrganisation } from '../../src/domains/identity/organisation.repo.ts';
import { hashPassword } from '../../src/domains/identity/password.ts';
import type { Role } from '../../src/domains/identity/roles.rules.ts';
import { insertMembership, insertUser } from '../../src/domains/identity/user.repo.ts';
import { seedDemoProposals } from '../../src/demo/proposals.demo-seed.ts';
import { ASSESSMENT_CRITERIA } from '../../src/domains/proposals/proposals.rules.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

const PROPOSAL = {
  name: 'Community phlebotomy for housebound patients',
  description: 'Blood tests taken at home for patients who cannot travel to a clinic.',
  rationale: 'District nurses spend 1,200 visits a month on blood tests; patients asked for a choice of provider.',
};
const ALL_MET = ASSESSMENT_CRITERIA.map((criterion) => ({
  criterion: criterion.code,
  met: true,
  note: `${criterion.title}: evidence seen.`,
}));

describe('regional assessment of locally proposed services', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

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
    t = await createTestApp({ seed: 'region' });
    const national = (await findOrganisationByOdsCode(t.deps.db, 'X24'))!;
    const london = await upsertOrganisation(t.deps.db, {
      odsCode: 'Y56',
      name: 'NHS England London',
      kind: 'region',
      parentId: national.id,
    });
    const userId = await insertUser(t.deps.db, {
      email: 'london.reviewer@aqp.example',
      displayName: 'Lola London',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    await insertMembership(t.deps.db, { userId, organisationId: london.id, role: 'regional-reviewer' });
    tokens.commissioner = await keyFor('QWO', 'commissioner');
    tokens.reviewer = await keyFor('Y63', 'regional-reviewer');
    tokens.otherReviewer = await keyFor('Y56', 'regional-reviewer');
    tokens.otherCommissioner = await keyFor('02T', 'commissioner');
    tokens.provider = await keyFor('DEMO1', 'provider-admin');
  });
  afterAll(() => t.close());

  const api = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[who]}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const statusOf = async (id: string) =>
    (await t.deps.db.selectFrom('local_service_proposals').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const auditActions = async (id: string) =>
    (await t.deps.db.selectFrom('audit_events').select('action').where('entity_id', '=', id).orderBy('id').execute()).map(
      (row) => row.action,
    );

  it('takes a proposal from draft through submission, assessment and approval over the API, audited at each step', async () => {
    const created = await api('commissioner', 'POST', '/api/v1/local-proposals', PROPOSAL);
    expect(created.statusCode).toBe(201);
    const proposal = created.json();
    expect(proposal).toMatchObject({
      status: 'draft',
      proposer: { odsCode: 'QWO' },
      region: { odsCode: 'Y63' },
      unassessedCriteria: ASSESSMENT_CRITERIA.map((c) => c.code),
    });
    expect(created.headers.location).toBe(`/api/v1/local-proposals/${proposal.id}`);

    const edited = await api('commissioner', 'PUT', `/api/v1/local-proposals/${proposal.id}`, {
      ...PROPOSAL,
      rationale: 'Updated evidence: 1,400 visits a month.',
    });
    expect(edited.json().rationale).toBe('Updated evidence: 1,400 visits a month.');
    expect((await api('reviewer', 'GET', `/api/v1/local-proposals/${proposal.id}`)).statusCode).toBe(404);

    const submitted = await api('commissioner', 'POST', `/api/v1/local-proposals/${proposal.id}/submission`);
    expect(submitted.json()).toMatchObject({ status: 'submitted' });
    expect(submitted.json().submittedAt).not.toBeNull();
    const queue = await api('reviewer', 'GET', '/api/v1/local-proposals?status=submitted');
    expect(queue.json().items.map((item: { id: string }) => item.id)).toContain(proposal.id);

    const partly = await api('reviewer', 'PUT', `/api/v1/local-proposals/${proposal.id}/assessments`, { assessments: ALL_MET.slice(0, 2) });
    expect(partly.json().unassessedCriteria).toHaveLength(ASSESSMENT_CRITERIA.length - 2);
    const early = await api('reviewer', 'POST', `/api/v1/local-proposals/${proposal.id}/decision`, {
      outcome: 'approved',
      reasons: 'Meets the criteria.',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('invalid-transition');
    expect(early.json().detail).toContain('Assess every criterion before deciding');

    const assessed = await api('reviewer', 'PUT', `/api/v1/local-proposals/${proposal.id}/assessments`, {
      assessments: [...ALL_MET.slice(2, -1), { criterion: 'affordability', met: false, note: 'Budget is tight.' }],
    });
    expect(assessed.statusCode).toBe(200);
    expect(assessed.json().assessments.find((a: { criterion: string }) => a.criterion === 'affordability')).toMatchObject({
      met: false,
      note: 'Budget is tight.',
      title: 'It is affordable',
    });
    expect(assessed.json().unassessedCriteria).toEqual([]);

    const noReasons = await api('reviewer', 'POST', `/api/v1/local-proposals/${proposal.id}/decision`, {
      outcome: 'approved',
      reasons: '  ',
    });
    expect(noReasons.statusCode).toBe(400);
    expect(noReasons.json().errors).toEqual([{ field: 'reasons', message: 'Give the reasons for the decision' }]);
    expect(await statusOf(proposal.id)).toBe('submitted');

    const decided = await api('reviewer', 'POST', `/api/v1/local-proposals/${proposal.id}/decision`, {
      outcome: 'approved',
      reasons: 'Clear local need and a capable market.',
    });
    expect(decided.json()).toMatchObject({ status: 'approved', decisionReasons: 'Clear local need and a capable market.' });
    const seen = await api('commissioner', 'GET', `/api/v1/local-proposals/${proposal.id}`);
    expect(seen.json()).toMatchObject({ status: 'approved', decisionReasons: 'Clear local need and a capable market.' });
    expect(seen.json().assessments).toHaveLength(ASSESSMENT_CRITERIA.length);

    expect(await auditActions(proposal.id)).toEqual([
      'proposal.create',
      'proposal.update',
      'proposal.submit',
      'proposal.assess',
      'proposal.assess',
      'proposal.decide',
    ]);
  });

  it('refuses illegal transitions with a coded error and changes nothing', async () => {
    const { id } = (await api('commissioner', 'POST', '/api/v1/local-proposals', { ...PROPOSAL, name: 'Treatment room dressings' })).json();
    const decideDraft = await api('reviewer', 'POST', `/api/v1/local-proposals/${id}/decision`, { outcome: 'approved', reasons: 'x' });
    expect(decideDraft.statusCode).toBe(404);
    await api('commissioner', 'POST', `/api/v1/local-proposals/${id}/submission`);
    const editAfter = await api('commissioner', 'PUT', `/api/v1/local-proposals/${id}`, { ...PROPOSAL, name: 'Something else' });
    expect(editAfter.statusCode).toBe(409);
    expect(editAfter.json().code).toBe('invalid-transition');
    const again = await api('commissioner', 'POST', `/api/v1/local-proposals/${id}/submission`);
    expect(again.statusCode).toBe(409);
    await api('reviewer', 'PUT', `/api/v1/local-proposals/${id}/assessments`, { assessments: ALL_MET });
    await api('reviewer', 'POST', `/api/v1/local-proposals/${id}/decision`, {
      outcome: 'rejected',
      reasons: 'Existing community nursing covers this.',
    });
    const redecide = await api('reviewer', 'POST', `/api/v1/local-proposals/${id}/decision`, {
      outcome: 'approved',
      reasons: 'Changed my mind.',
    });
    expect(redecide.statusCode).toBe(409);
    const reassess = await api('reviewer', 'PUT', `/api/v1/local-proposals/${id}/assessments`, { assessments: ALL_MET.slice(0, 1) });
    expect(reassess.statusCode).toBe(409);
    const row = await t.deps.db
      .selectFrom('local_service_proposals')
      .select(['name', 'status', 'decision_reasons'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      name: 'Treatment room dressings',
      status: 'rejected',
      decision_reasons: 'Existing community nursing covers this.',
    });
    expect(await auditActions(id)).toEqual(['proposal.create', 'proposal.submit', 'proposal.assess', 'proposal.decide']);
  });

  it('refuses a name already on the national list, pointing to the national service, and bad fields together', async () => {
    const duplicate = await api('commissioner', 'POST', '/api/v1/local-proposals', { ...PROPOSAL, name: '  phlebotomy. ' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().errors[0]).toEqual({
      field: 'name',
      message: expect.stringContaining('Phlebotomy is already a national service (code phlebotomy)'),
    });
    const empty = await api('commissioner', 'POST', '/api/v1/local-proposals', { name: '', description: '', rationale: '' });
    expect(empty.json().errors.map((e: { field: string }) => e.field)).toEqual(['name', 'description', 'rationale']);
    const badAssessment = await api('commissioner', 'POST', '/api/v1/local-proposals', { ...PROPOSAL, name: 'Wound clinic outreach' });
    const id = badAssessment.json().id;
    await api('commissioner', 'POST', `/api/v1/local-proposals/${id}/submission`);
    const invalid = await api('reviewer', 'PUT', `/api/v1/local-proposals/${id}/assessments`, {
      assessments: [
        { criterion: 'vibes', met: true, note: 'x' },
        { criterion: 'affordability', met: true, note: ' ' },
      ],
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual([
      { field: 'assessments', message: 'There is no criterion called vibes' },
      { field: 'affordability-note', message: 'Give a note for “It is affordable”' },
    ]);
    expect(await t.deps.db.selectFrom('proposal_assessments').select('criterion').where('proposal_id', '=', id).execute()).toEqual([]);
  });

  it('keeps proposals to their commissioner and region: other regions and commissioners get 404, providers 403', async () => {
    const { id } = (
      await api('commissioner', 'POST', '/api/v1/local-proposals', { ...PROPOSAL, name: 'Hearing aid battery postal service' })
    ).json();
    await api('commissioner', 'POST', `/api/v1/local-proposals/${id}/submission`);
    expect((await api('otherReviewer', 'GET', `/api/v1/local-proposals/${id}`)).statusCode).toBe(404);
    expect((await api('otherReviewer', 'PUT', `/api/v1/local-proposals/${id}/assessments`, { assessments: ALL_MET })).statusCode).toBe(404);
    expect(
      (await api('otherReviewer', 'POST', `/api/v1/local-proposals/${id}/decision`, { outcome: 'rejected', reasons: 'Not ours.' }))
        .statusCode,
    ).toBe(404);
    expect((await api('otherReviewer', 'GET', '/api/v1/local-proposals')).json().total).toBe(0);
    expect((await api('otherCommissioner', 'GET', `/api/v1/local-proposals/${id}`)).statusCode).toBe(404);
    expect((await api('provider', 'GET', '/api/v1/local-proposals')).statusCode).toBe(403);
    expect((await api('commissioner', 'PUT', `/api/v1/local-proposals/${id}/assessments`, { assessments: ALL_MET })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/local-proposals' })).statusCode).toBe(401);
    expect(await statusOf(id)).toBe('submitted');
    expect(await t.deps.db.selectFrom('proposal_assessments').select('criterion').where('proposal_id', '=', id).execute()).toEqual([]);
    const denied = await t.deps.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'access-denied').execute();
    expect(denied.map((row) => row.entity_id)).toEqual(
      expect.arrayContaining(['GET /api/v1/local-proposals', 'PUT /api/v1/local-proposals/:id/assessments']),
    );
  });

  it('runs the whole journey through browser forms, with errors shown beside the fields', async () => {
    const commissioner = new WebClient(t.app);
    await commissioner.signIn('commissioner@aqp.example');
    const invalid = await commissioner.submit('/proposals/new', { name: 'Dermatology', description: '', rationale: 'x' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Dermatology is already a national service');
    expect(invalid.body).toContain('href="/catalogue/dermatology"');
    expect(invalid.body).toContain('Describe the service');
    const created = await commissioner.submit('/proposals/new', {
      name: 'Minor skin surgery',
      description: 'Skin clinics in the community.',
      rationale: 'Waits of 30 weeks at the trust.',
    });
    expect(created.statusCode).toBe(303);
    const detailUrl = created.headers.location as string;
    const id = detailUrl.split('/').pop()!;
    const edited = await commissioner.submit(`${detailUrl}/edit`, {
      name: 'Minor skin surgery',
      description: 'Skin clinics in GP surgeries.',
      rationale: 'Waits of 30 weeks at the trust.',
    });
    expect(edited.statusCode).toBe(303);
    expect((await commissioner.get(detailUrl)).body).toContain('Skin clinics in GP surgeries.');
    expect((await commissioner.submit(`${detailUrl}/submit`, {})).statusCode).toBe(303);
    expect((await commissioner.get(`${detailUrl}/edit`)).statusCode).toBe(409);
    expect((await commissioner.get('/proposals')).body).toContain('Awaiting assessment');
    expect((await commissioner.get(detailUrl)).body).toMatch(/<strong class="nhsuk-tag nhsuk-tag--blue">\s*Awaiting assessment/);

    const reviewer = new WebClient(t.app);
    await reviewer.signIn('regional.reviewer@aqp.example');
    expect((await reviewer.get('/proposals/review')).body).toContain('Minor skin surgery');
    const blocked = await reviewer.get(`${detailUrl}/decide`);
    expect(blocked.body).toContain('Not every criterion is assessed');
    const missingNote = await reviewer.submit(`${detailUrl}/assess`, { 'patient-benefit-met': 'met', 'patient-benefit-note': '' });
    expect(missingNote.statusCode).toBe(400);
    expect(missingNote.body).toContain('Give a note for “Patient benefit and demand for choice”');
    const form = Object.fromEntries(
      ASSESSMENT_CRITERIA.flatMap((c) => [
        [`${c.code}-met`, 'met'],
        [`${c.code}-note`, `Seen for ${c.code}.`],
      ]),
    );
    expect((await reviewer.submit(`${detailUrl}/assess`, form)).statusCode).toBe(303);
    const noOutcome = await reviewer.submit(`${detailUrl}/decide`, { reasons: '' });
    expect(noOutcome.statusCode).toBe(400);
    for (const text of ['Select approved or rejected', 'Give the reasons for the decision']) expect(noOutcome.body).toContain(text);
    expect(
      (await reviewer.submit(`${detailUrl}/decide`, { outcome: 'rejected', reasons: 'The trust is expanding its own clinics.' }))
        .statusCode,
    ).toBe(303);

    const decision = await commissioner.get(detailUrl);
    for (const text of ['Decision: rejected', 'The trust is expanding its own clinics.', 'Seen for affordability.'])
      expect(decision.body).toContain(text);
    expect(await auditActions(id)).toEqual(['proposal.create', 'proposal.update', 'proposal.submit', 'proposal.assess', 'proposal.decide']);
  });

  it('keeps the pages to the right people', async () => {
    const { id } = (await api('commissioner', 'POST', '/api/v1/local-proposals', { ...PROPOSAL, name: 'Draft only service' })).json();
    const reviewer = new WebClient(t.app);
    await reviewer.signIn('regional.reviewer@aqp.example');
    expect((await reviewer.get(`/proposals/${id}`)).statusCode).toBe(404);
    expect((await reviewer.get('/proposals/new')).statusCode).toBe(403);
    const london = new WebClient(t.app);
    await london.signIn('london.reviewer@aqp.example');
    await api('commissioner', 'POST', `/api/v1/local-proposals/${id}/submission`);
    expect((await london.get(`/proposals/${id}`)).statusCode).toBe(404);
    expect((await london.get('/proposals/review')).statusCode).toBe(200);
    const londonIcb = await upsertOrganisation(t.deps.db, {
      odsCode: 'QMJ',
      name: 'NHS North Central London ICB',
      kind: 'commissioner',
      parentId: (await findOrganisationByOdsCode(t.deps.db, 'Y56'))!.id,
    });
    tokens.london = await keyFor(londonIcb.odsCode!, 'commissioner');
    const own = (await api('london', 'POST', '/api/v1/local-proposals', { ...PROPOSAL, name: 'London only service' })).json();
    expect(own.region.odsCode).toBe('Y56');
    await api('london', 'POST', `/api/v1/local-proposals/${own.id}/submission`);
    const page = await london.get(`/proposals/${own.id}/assess`);
    expect(page.statusCode).toBe(200);
    expect(
      (await london.post(`/proposals/${id}/decide`, { _csrf: csrfTokenIn(page.body), outcome: 'approved', reasons: 'x' })).statusCode,
    ).toBe(404);
    const provider = new WebClient(t.app);
    await provider.signIn('provider.admin@aqp.example');
    expect((await provider.get('/proposals')).statusCode).toBe(403);
    expect((await new WebClient(t.app).get('/proposals')).statusCode).toBe(303);
    expect(await statusOf(id)).toBe('submitted');
  });

  it('seeds the demo proposals once: phlebotomy approved with reasons, dermatology awaiting assessment', async () => {
    await seedDemoProposals(t.deps);
    await seedDemoProposals(t.deps);
    const rows = await t.deps.db
      .selectFrom('local_service_proposals as p')
      .innerJoin('organisations as r', 'r.id', 'p.region_organisation_id')
      .select(['p.name', 'p.status', 'p.decision_reasons', 'r.ods_code'])
      .where('p.name', 'in', ['Community phlebotomy', 'Community dermatology'])
      .orderBy('p.name')
      .execute();
    expect(rows.map((row) => [row.name, row.status, row.ods_code])).toEqual([
      ['Community dermatology', 'submitted', 'Y63'],
      ['Community phlebotomy', 'approved', 'Y63'],
    ]);
    expect(rows[1]!.decision_reasons).toContain('clear local need');
  });
});
