import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationCounts } from '../../src/domains/applications/application-counts.repo.ts';
import { runCompliance } from '../../src/domains/compliance/compliance-run.service.ts';
import { decideApplication, markCriteria } from '../../src/domains/applications/assessment.service.ts';
import { startApplication, submitApplication } from '../../src/domains/applications/application.service.ts';
import { criteriaFor } from '../../src/domains/applications/application-criteria.rules.ts';
import { aProvider, anotherCommissionerWithOpenOffer, completeAnswers, contextOf } from '../support/application-rows.ts';
import { completeAssurance } from '../support/assurance-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { apiKeyFor } from '../support/web-client.ts';

const clock = movableToday('2027-02-01');
const ALL_PASS = criteriaFor([]).map((criterion) => ({ criterion: criterion.id, passed: true, note: 'Judged on the submission.' }));

describe('assessment through the API', () => {
  let t: TestApp;
  let provider: string;
  let applicant: { id: string; siteIds: string[] };
  let assessor: string;
  let otherAssessor: string;
  let hearingOfferId: string;
  let otherOfferId: string;

  async function keyFor(email: string, role: string): Promise<string> {
    return apiKeyFor(t.app, email, role);
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock });
    hearingOfferId = (
      await t.deps.db
        .selectFrom('offers')
        .select('id')
        .where('title', '=', 'Adult hearing services, Calderdale (50 and over)')
        .executeTakeFirstOrThrow()
    ).id;
    otherOfferId = (
      await anotherCommissionerWithOpenOffer(t.deps, {
        odsCode: 'QXY',
        name: 'NHS Test North ICB',
        email: 'test-north.example',
        windowOpens: '2027-01-04',
        contractStart: '2027-04-01',
      })
    ).offerId;
    applicant = await aProvider(t.deps.db, {
      odsCode: 'TSTA1',
      name: 'Brighouse Hearing (test)',
      adminEmail: 'admin@brighouse-hearing.example',
      sites: 3,
    });
    await completeAssurance(t.deps.db, applicant.id).insert();
    provider = await keyFor('admin@brighouse-hearing.example', 'provider-admin');
    assessor = await keyFor('commissioner@aqp.example', 'assessor');
    otherAssessor = await keyFor('commissioner@test-north.example', 'assessor');
  });
  afterAll(() => t.close());

  const call = (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  async function appliedAndSubmitted(token: string, offerId: string, siteIds: string[], answers = completeAnswers()): Promise<string> {
    const created = await call(token, 'POST', '/api/v1/applications', { offerId, answers, siteIds });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const submitted = await call(token, 'POST', `/api/v1/applications/${id}/submission`);
    expect(submitted.statusCode, submitted.body).toBe(204);
    return id;
  }

  it('lets a provider apply to two commissioners’ offers on one assurance, answer a clarification and be qualified and listed', async () => {
    const [halifax, huddersfield] = applicant.siteIds;
    const hearing = await appliedAndSubmitted(provider, hearingOfferId, [halifax!, huddersfield!]);
    const backPain = await appliedAndSubmitted(provider, otherOfferId, [halifax!]);
    expect(
      await t.deps.db.selectFrom('assurance_evidence').select('id').where('organisation_id', '=', applicant.id).execute(),
    ).toHaveLength(6);

    const queued = async (token: string) =>
      (await call(token, 'GET', '/api/v1/assessment/queue')).json().items as { id: string; status: string; waitingWorkingDays: number }[];
    const queue = await queued(assessor);
    expect(queue.map((item) => item.id)).toContain(hearing);
    expect(queue.map((item) => item.id)).not.toContain(backPain);
    expect(queue.find((item) => item.id === hearing)).toMatchObject({
      status: 'submitted',
      waitingWorkingDays: 0,
      provider: { odsCode: 'TSTA1' },
    });
    expect((await queued(otherAssessor)).map((item) => item.id)).toEqual([backPain]);
    const nationalCentre = await keyFor('national.admin@aqp.example', 'assessor');
    expect((await queued(nationalCentre)).map((item) => item.id)).toEqual(expect.arrayContaining([hearing, backPain]));
    expect((await call(nationalCentre, 'GET', `/api/v1/assessment/applications/${backPain}`)).statusCode).toBe(200);
    expect((await call(assessor, 'GET', `/api/v1/assessment/applications/${backPain}`)).statusCode).toBe(404);

    clock.setToday('2027-02-03');
    const asked = await call(assessor, 'POST', `/api/v1/applications/${hearing}/clarifications`, {
      question: 'Which of your audiologists hold HCPC registration?',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const outbox = await t.deps.db.selectFrom('outbox_messages').select(['subject', 'body']).where('entity_id', '=', hearing).execute();
    expect(outbox).toEqual([
      expect.objectContaining({ body: expect.stringContaining('Which of your audiologists hold HCPC registration?') }),
    ]);
    const mine = (await call(provider, 'GET', `/api/v1/applications/${hearing}`)).json();
    expect(mine.status).toBe('clarification');

    clock.setToday('2027-02-08');
    const answered = await call(provider, 'POST', `/api/v1/clarifications/${mine.clarifications[0].id}/answer`, {
      answer: 'All four audiologists are HCPC registered.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    clock.setToday('2027-02-09');
    expect((await queued(assessor)).find((item) => item.id === hearing)).toMatchObject({ status: 'submitted', waitingWorkingDays: 3 });

    const view = (await call(assessor, 'GET', `/api/v1/assessment/applications/${hearing}`)).json();
    expect(view.assurance).toMatchObject({ complete: true, valid: false });
    expect(view.sites.map((site: { postcode: string }) => site.postcode).sort()).toEqual(['HD3 3EA', 'HX1 1UJ']);
    expect(JSON.stringify(view)).not.toMatch(/score|rank|pricePence/i);
    expect((await call(assessor, 'PUT', `/api/v1/applications/${hearing}/marks`, { marks: ALL_PASS })).statusCode).toBe(204);
    const decided = await call(assessor, 'POST', `/api/v1/applications/${hearing}/decision`, {
      outcome: 'qualified',
      reasons: 'Meets every criterion.',
    });
    expect(decided.statusCode, decided.body).toBe(200);

    const listing = await t.deps.db
      .selectFrom('listings')
      .select(['id', 'status', 'application_id'])
      .where('application_id', '=', hearing)
      .executeTakeFirstOrThrow();
    expect(listing).toMatchObject({ id: decided.json().listingId, status: 'qualified' });
    const listed = await t.deps.db.selectFrom('listing_sites').select('site_id').where('listing_id', '=', listing.id).execute();
    expect(listed.map((row) => row.site_id).sort()).toEqual([halifax, huddersfield].sort());
    const final = (await call(provider, 'GET', `/api/v1/applications/${hearing}`)).json();
    expect(final.status).toBe('qualified');
    expect(final.history.map((entry: { to: string }) => entry.to)).toEqual([
      'draft',
      'submitted',
      'clarification',
      'submitted',
      'qualified',
    ]);
    expect(final.history.at(-1).by).toBe('API key “assessor tools”');
    const audited = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', hearing)
      .orderBy('occurred_at')
      .execute();
    expect(audited.map((row) => row.action)).toEqual([
      'application.create',
      'application.submit',
      'application.clarification',
      'application.clarification-answer',
      'application.marks',
      'application.qualified',
    ]);

    const liveOnOffer = async () =>
      ((await t.app.inject(`/api/v1/offers/${hearingOfferId}/providers`)).json().items as { provider: { odsCode: string } }[]).map(
        (item) => item.provider.odsCode,
      );
    const contract = await call(provider, 'POST', `/api/v1/listings/${listing.id}/contract`, { contractStart: '2027-04-01' });
    expect(contract.json()).toEqual({ status: 'contracted' });
    expect(await liveOnOffer()).not.toContain('TSTA1');
    expect(
      (await call(await keyFor('commissioner@aqp.example', 'commissioner'), 'POST', `/api/v1/listings/${listing.id}/live`)).json().code,
    ).toBe('invalid-transition');
    clock.setToday('2027-04-01');
    await runCompliance(t.deps, { triggeredBy: 'test' });
    expect(await liveOnOffer()).toContain('TSTA1');
    clock.setToday('2027-02-01');
  });

  it('refuses a second provider for rejecting the price, shows it the ground and reasons, and lets it reapply', async () => {
    const second = await aProvider(t.deps.db, {
      odsCode: 'TSTB1',
      name: 'Elland Physiotherapy (test)',
      adminEmail: 'admin@calder-physio.example',
    });
    await completeAssurance(t.deps.db, second.id).verified().insert();
    const physio = await keyFor('admin@calder-physio.example', 'provider-admin');
    const backOffer = (
      await t.deps.db
        .selectFrom('offers')
        .select('id')
        .where('title', '=', 'Back and neck pain (manual therapy), West Yorkshire')
        .executeTakeFirstOrThrow()
    ).id;
    const site = second.siteId;
    const id = await appliedAndSubmitted(
      physio,
      backOffer,
      [site],
      completeAnswers([], { capability: 'We can deliver from three clinics, but only at £300 per course rather than the offer’s price.' }),
    );
    const countsBefore = await applicationCounts(t.deps.db, backOffer);

    expect(
      (
        await call(assessor, 'PUT', `/api/v1/applications/${id}/marks`, {
          marks: [{ criterion: 'price', passed: false, note: 'Asks for £300 a course.' }],
        })
      ).statusCode,
    ).toBe(204);
    const missingReasons = await call(assessor, 'POST', `/api/v1/applications/${id}/decision`, {
      outcome: 'not-qualified',
      ground: 'rejects-price',
    });
    expect(missingReasons.statusCode).toBe(400);
    expect(missingReasons.json().errors).toEqual([
      { field: 'reasons', message: 'Give the reasons for the decision; the provider will see them' },
    ]);
    const unknownGround = await call(assessor, 'POST', `/api/v1/applications/${id}/decision`, {
      outcome: 'not-qualified',
      ground: 'not-in-top-three',
      reasons: 'Others were better.',
    });
    expect(unknownGround.statusCode).toBe(400);
    const refused = await call(assessor, 'POST', `/api/v1/applications/${id}/decision`, {
      outcome: 'not-qualified',
      ground: 'rejects-price',
      reasons: 'The application asks for £300 a course; the offer’s price is fixed.',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toEqual({ listingId: null });

    const seen = (await call(physio, 'GET', '/api/v1/applications')).json().items.find((item: { id: string }) => item.id === id);
    expect(seen).toMatchObject({
      status: 'not-qualified',
      refusalGround: 'rejects-price',
      decisionReasons: 'The application asks for £300 a course; the offer’s price is fixed.',
    });
    const again = await call(physio, 'POST', '/api/v1/applications', { offerId: backOffer, siteIds: [site] });
    expect(again.statusCode).toBe(201);
    expect(again.json().attempt).toBe(2);
    const after = await applicationCounts(t.deps.db, backOffer);
    expect(after).toMatchObject({
      received: countsBefore.received,
      qualified: countsBefore.qualified,
      inAssessment: countsBefore.inAssessment - 1,
    });
    expect(after.refused).toEqual({ ...countsBefore.refused, 'rejects-price': countsBefore.refused['rejects-price'] + 1 });
  });

  it('refuses illegal moves with coded errors and changes nothing', async () => {
    const [, , wakefield] = applicant.siteIds;
    const talking = (
      await t.deps.db.selectFrom('offers').select('id').where('title', '=', 'Talking therapies, West Yorkshire').executeTakeFirstOrThrow()
    ).id;
    const draft = (await call(provider, 'POST', '/api/v1/applications', { offerId: talking, siteIds: [wakefield!] })).json().id as string;
    const snapshot = async (id: string) => ({
      application: await t.deps.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      history: await t.deps.db.selectFrom('application_history').select('to_status').where('application_id', '=', id).execute(),
      listings: await t.deps.db.selectFrom('listings').select('id').where('application_id', '=', id).execute(),
    });
    const before = await snapshot(draft);

    expect((await call(assessor, 'GET', `/api/v1/assessment/applications/${draft}`)).statusCode).toBe(404);
    const qualifyDraft = await call(assessor, 'POST', `/api/v1/applications/${draft}/decision`, { outcome: 'qualified' });
    expect(qualifyDraft.statusCode).toBe(409);
    expect(qualifyDraft.json().code).toBe('invalid-transition');
    const incomplete = await call(provider, 'POST', `/api/v1/applications/${draft}/submission`);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().errors.map((error: { field: string }) => error.field)).toContain('acceptsPrice');
    expect(await snapshot(draft)).toEqual(before);

    const otherCommissioners = await call(
      assessor,
      'POST',
      `/api/v1/applications/${(await t.deps.db.selectFrom('applications').select('id').where('offer_id', '=', otherOfferId).executeTakeFirstOrThrow()).id}/decision`,
      { outcome: 'not-qualified', ground: 'incomplete', reasons: 'x' },
    );
    expect(otherCommissioners.statusCode).toBe(404);

    const decided = (
      await t.deps.db
        .selectFrom('applications')
        .select('id')
        .where('status', '=', 'qualified')
        .where('provider_organisation_id', '=', applicant.id)
        .executeTakeFirstOrThrow()
    ).id;
    const beforeDecided = await snapshot(decided);
    const twice = await call(assessor, 'POST', `/api/v1/applications/${decided}/decision`, {
      outcome: 'not-qualified',
      ground: 'fails-quality-standards',
      reasons: 'Changed our mind.',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('invalid-transition');
    expect(await snapshot(decided)).toEqual(beforeDecided);

    await call(provider, 'PUT', `/api/v1/applications/${draft}`, { answers: completeAnswers(), siteIds: [wakefield!] });
    expect((await call(provider, 'POST', `/api/v1/applications/${draft}/submission`)).statusCode).toBe(204);
    const early = await call(assessor, 'POST', `/api/v1/applications/${draft}/decision`, { outcome: 'qualified' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].message).toContain('Mark every criterion as passed before qualifying');
    expect(await t.deps.db.selectFrom('listings').select('id').where('application_id', '=', draft).execute()).toEqual([]);
    const edit = await call(provider, 'PUT', `/api/v1/applications/${draft}`, {
      answers: completeAnswers([], { capability: 'Changed after submission' }),
    });
    expect(edit.statusCode).toBe(409);
  });

  it('refuses to submit until the provider’s national assurance is complete', async () => {
    const newcomer = await aProvider(t.deps.db, {
      odsCode: 'TST01',
      name: 'Kirklees Hearing (test)',
      adminEmail: 'admin@kirklees-hearing.example',
    });
    await completeAssurance(t.deps.db, newcomer.id).without('safeguarding').insert();
    const key = await keyFor('admin@kirklees-hearing.example', 'provider-admin');
    const id = (
      await call(key, 'POST', '/api/v1/applications', { offerId: hearingOfferId, answers: completeAnswers(), siteIds: [newcomer.siteId] })
    ).json().id;
    const refused = await call(key, 'POST', `/api/v1/applications/${id}/submission`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('national assurance');
    expect((await call(key, 'GET', `/api/v1/applications/${id}`)).json().status).toBe('draft');
  });

  it('qualifies a tenth provider on the same offer: there is no cap, score or ranking', async () => {
    const offerId = (
      await t.deps.db
        .selectFrom('offers')
        .select('id')
        .where('title', '=', 'Adult hearing services, Kirklees and Wakefield')
        .executeTakeFirstOrThrow()
    ).id;
    const assessorContext = await contextOf(t.deps.db, 'assessor@aqp.example', 'assessor');
    for (let n = 1; n <= 10; n += 1) {
      const email = `admin@provider-${n}.example`;
      const { id, siteId } = await aProvider(t.deps.db, {
        odsCode: `CAP${String(n).padStart(2, '0')}`,
        name: `Hearing provider ${n}`,
        adminEmail: email,
      });
      await completeAssurance(t.deps.db, id).insert();
      const context = await contextOf(t.deps.db, email, 'provider-admin');
      const application = await startApplication(t.deps, context, offerId, { answers: completeAnswers(), siteIds: [siteId] });
      await submitApplication(t.deps, context, application.id);
      await markCriteria(t.deps, assessorContext, application.id, ALL_PASS);
      const { listingId } = await decideApplication(t.deps, assessorContext, application.id, { outcome: 'qualified', reasons: '' });
      expect(listingId).toEqual(expect.any(String));
    }
    const listings = await t.deps.db
      .selectFrom('listings as l')
      .innerJoin('organisations as o', 'o.id', 'l.provider_organisation_id')
      .select('l.id')
      .where('l.offer_id', '=', offerId)
      .where('l.status', '=', 'qualified')
      .where('o.ods_code', 'like', 'CAP%')
      .execute();
    expect(listings).toHaveLength(10);
    const counts = await applicationCounts(t.deps.db, offerId);
    expect(counts.qualified).toBeGreaterThanOrEqual(10);
    expect(counts.received).toBe(counts.qualified + counts.inAssessment + Object.values(counts.refused).reduce((sum, n) => sum + n, 0));
  });

  it('documents the application and assessment routes in the OpenAPI document', async () => {
    const paths = Object.keys((await t.app.inject('/api/v1/openapi.json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/applications',
        '/api/v1/applications/{id}',
        '/api/v1/applications/{id}/submission',
        '/api/v1/applications/{id}/withdrawal',
        '/api/v1/assessment/queue',
        '/api/v1/applications/{id}/marks',
        '/api/v1/applications/{id}/clarifications',
        '/api/v1/clarifications/{id}/answer',
        '/api/v1/applications/{id}/decision',
        '/api/v1/offers/{id}/questions',
      ]),
    );
  });

  it('refuses two drafts to one offer at once as a conflict, whichever request wins', async () => {
    const racer = await aProvider(t.deps.db, {
      odsCode: 'TSTR1',
      name: 'Racing Hearing (test)',
      adminEmail: 'admin@racing-hearing.example',
    });
    const token = await keyFor('admin@racing-hearing.example', 'provider-admin');
    const results = await Promise.all(
      [1, 2].map(() => call(token, 'POST', '/api/v1/applications', { offerId: otherOfferId, siteIds: [racer.siteId] })),
    );
    expect(results.map((result) => result.statusCode).sort()).toEqual([201, 409]);
    expect(await t.deps.db.selectFrom('applications').select('id').where('provider_organisation_id', '=', racer.id).execute()).toHaveLength(
      1,
    );
  });

  it('lets a commissioner set the offer’s questions until it opens, and applicants must answer them', async () => {
    const commissioner = await keyFor('commissioner@aqp.example', 'commissioner');
    const questions = [{ id: 'red-flags', text: 'How do you refer red flags onward?', guidance: 'Name the service and the time.' }];
    expect((await call(commissioner, 'PUT', `/api/v1/offers/${hearingOfferId}/questions`, { questions })).statusCode).toBe(409);
    const opened = await call(commissioner, 'POST', '/api/v1/offers', {
      serviceCode: 'adult-hearing',
      title: 'Hearing with questions',
      coverage: ['02T'],
    });
    const draftOffer = opened.json().id as string;
    const tooMany = await call(commissioner, 'PUT', `/api/v1/offers/${draftOffer}/questions`, {
      questions: Array.from({ length: 21 }, (_, i) => ({ id: `q${i}`, text: 'Q' })),
    });
    expect(tooMany.statusCode).toBe(400);
    expect((await call(commissioner, 'PUT', `/api/v1/offers/${draftOffer}/questions`, { questions })).statusCode).toBe(204);
    expect((await t.app.inject(`/api/v1/offers/${draftOffer}/questions`)).statusCode).toBe(404);
    expect((await call(commissioner, 'GET', `/api/v1/offers/${draftOffer}/questions`)).json()).toEqual({ questions });
    expect((await call(provider, 'PUT', `/api/v1/offers/${draftOffer}/questions`, { questions })).statusCode).toBe(403);
  });
});
