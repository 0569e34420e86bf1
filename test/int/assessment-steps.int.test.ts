import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApplication, submitApplication } from '../../src/domains/applications/application.service.ts';
import { aProvider, completeAnswers, contextOf } from '../support/application-rows.ts';
import { completeAssurance } from '../support/assurance-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { apiKeyFor, csrfTokenIn, WebClient } from '../support/web-client.ts';

const clock = movableToday('2027-02-01');

describe('the assessor’s steps in the browser: marks saved as made, clarification, check and confirm the decision', () => {
  let t: TestApp;
  let assessor: WebClient;
  let offerId: string;
  let providerNumber = 0;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock });
    offerId = (
      await t.deps.db
        .selectFrom('offers')
        .select('id')
        .where('title', '=', 'Adult hearing services, Calderdale (50 and over)')
        .executeTakeFirstOrThrow()
    ).id;
    assessor = new WebClient(t.app);
    await assessor.signIn('assessor@aqp.example');
  });
  afterAll(() => t.close());

  async function submittedApplication(): Promise<string> {
    providerNumber += 1;
    const email = `admin@steps-${providerNumber}.example`;
    const provider = await aProvider(t.deps.db, {
      odsCode: `TSS${providerNumber}`,
      name: `Steps Hearing ${providerNumber} (test)`,
      adminEmail: email,
    });
    await completeAssurance(t.deps.db, provider.id).insert();
    const context = await contextOf(t.deps.db, email, 'provider-admin');
    const { id } = await startApplication(t.deps, context, offerId, { answers: completeAnswers(), siteIds: [provider.siteId] });
    await submitApplication(t.deps, context, id);
    return id;
  }

  async function post(pageUrl: string, form: [string, string][], actionUrl: string) {
    const page = await assessor.get(pageUrl);
    expect(page.statusCode, page.body.slice(0, 300)).toBe(200);
    return assessor.post(actionUrl, [['_csrf', csrfTokenIn(page.body)], ...form]);
  }

  const marksOf = async (id: string) =>
    await t.deps.db
      .selectFrom('assessment_marks')
      .select(['criterion', 'passed', 'note'])
      .where('application_id', '=', id)
      .orderBy('criterion')
      .execute();
  const statusOf = async (id: string) =>
    (await t.deps.db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('saves one criterion’s mark and note on its own post, with any other mark changed on the page, and returns to that criterion', async () => {
    const id = await submittedApplication();
    const page = await assessor.get(`/assessment/${id}`);
    expect([...page.body.matchAll(/<button[^>]*name="save"[^>]*value="(\d+)"/g)].map((match) => match[1])).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(page.body).not.toContain('name="outcome"');
    expect(page.body).not.toContain('name="question"');

    const saved = await post(
      `/assessment/${id}`,
      [
        ['mark-1', 'pass'],
        ['note-1', 'Accepts the price in full.'],
        ['mark-3', 'fail'],
        ['note-3', 'No plan for returns.'],
        ['save', '1'],
      ],
      `/assessment/${id}/marks`,
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/assessment/${id}?saved=1#criterion-1`);
    expect(await marksOf(id)).toEqual([
      { criterion: 'price', passed: true, note: 'Accepts the price in full.' },
      { criterion: 'referral-protocol', passed: false, note: 'No plan for returns.' },
    ]);
    const after = await assessor.get(saved.headers.location as string);
    expect(after.body).toMatch(/role="status"><strong>Saved:<\/strong> Pass/);
    expect(after.body).toContain('No plan for returns.');
  });

  it('keeps every mark and note typed when one criterion has a problem, saving none until it is put right', async () => {
    const id = await submittedApplication();
    const refused = await post(
      `/assessment/${id}`,
      [
        ['mark-0', 'pass'],
        ['note-0', 'Signed declaration.'],
        ['note-2', 'Strong team, but which clinics?'],
        ['save', '0'],
      ],
      `/assessment/${id}/marks`,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Select pass or fail for “Capability to deliver the specification” to save its note');
    expect(refused.body).toContain('href="#mark-2"');
    expect(refused.body).toContain('Signed declaration.');
    expect(refused.body).toContain('Strong team, but which clinics?');
    expect(refused.body).toMatch(/name="mark-0"[^>]*value="pass"[^>]*checked/);
    expect(await marksOf(id)).toEqual([]);

    const unmarked = await post(`/assessment/${id}`, [['save', '4']], `/assessment/${id}/marks`);
    expect(unmarked.statusCode).toBe(400);
    expect(unmarked.body).toContain('Select pass or fail for “Agreement to local schedules”');
    const tooLong = await post(
      `/assessment/${id}`,
      [
        ['mark-4', 'pass'],
        ['note-4', 'x'.repeat(2001)],
        ['save', '4'],
      ],
      `/assessment/${id}/marks`,
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('The note on “Agreement to local schedules” must be 2,000 characters or fewer');
    expect(await marksOf(id)).toEqual([]);
  });

  it('asks a clarification on its own page, keeping the question typed on an error and the marks untouched', async () => {
    const id = await submittedApplication();
    await post(
      `/assessment/${id}`,
      [
        ['mark-0', 'pass'],
        ['save', '0'],
      ],
      `/assessment/${id}/marks`,
    );
    const page = await assessor.get(`/assessment/${id}/clarifications`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ask a clarification question');
    const blank = await assessor.post(`/assessment/${id}/clarifications`, [
      ['_csrf', csrfTokenIn(page.body)],
      ['question', '   '],
    ]);
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter the question for the provider');
    const tooLong = await assessor.post(`/assessment/${id}/clarifications`, [
      ['_csrf', csrfTokenIn(page.body)],
      ['question', `Which clinics? ${'y'.repeat(5000)}`],
    ]);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('Which clinics? yyyy');
    const asked = await assessor.post(`/assessment/${id}/clarifications`, [
      ['_csrf', csrfTokenIn(page.body)],
      ['question', 'Which clinics will deliver the service?'],
    ]);
    expect(asked.statusCode).toBe(303);
    expect(await statusOf(id)).toBe('clarification');
    expect(await marksOf(id)).toEqual([{ criterion: 'standard-contract', passed: true, note: '' }]);
    expect((await assessor.get(`/assessment/${id}/clarifications`)).statusCode).toBe(303);
  });

  it('checks a refusal on its own page before recording it, keeping every answer on an error, and records it only on confirm', async () => {
    const id = await submittedApplication();
    const noGround = await post(
      `/assessment/${id}/decision`,
      [
        ['outcome', 'not-qualified'],
        ['reasons', 'Asks for £300 a course.'],
      ],
      `/assessment/${id}/decision`,
    );
    expect(noGround.statusCode).toBe(400);
    expect(noGround.body).toContain('Select the ground for refusal');
    expect(noGround.body).toContain('Asks for £300 a course.');
    expect(noGround.body).toMatch(/value="not-qualified"[^>]*checked/);

    const chosen = await post(
      `/assessment/${id}/decision`,
      [
        ['outcome', 'not-qualified'],
        ['ground', 'rejects-price'],
        ['reasons', 'Asks for £300 a course; the price is fixed.'],
      ],
      `/assessment/${id}/decision`,
    );
    expect(chosen.statusCode).toBe(303);
    expect(chosen.headers.location).toBe(`/assessment/${id}/decision/check`);
    expect(await statusOf(id)).toBe('submitted');
    const check = await assessor.get(`/assessment/${id}/decision/check`);
    for (const text of [
      'Check your decision',
      'Not qualified',
      'Rejects the price',
      'Asks for £300 a course; the price is fixed.',
      'Acceptance of the offer’s price',
      'Not marked',
      'Confirm decision',
    ])
      expect(check.body).toContain(text);
    const back = await assessor.get(`/assessment/${id}/decision`);
    expect(back.body).toContain('Asks for £300 a course; the price is fixed.');
    expect(back.body).toMatch(/value="rejects-price"[^>]*checked/);

    const confirmed = await assessor.post(`/assessment/${id}/decision/check`, [['_csrf', csrfTokenIn(check.body)]]);
    expect(confirmed.statusCode).toBe(303);
    expect(await statusOf(id)).toBe('not-qualified');
    const decided = await assessor.get(`/assessment/${id}`);
    expect(decided.body).toContain('The provider has been told it has not qualified');
    expect((await assessor.get(`/assessment/${id}/decision/check`)).headers.location).toBe(`/assessment/${id}/decision`);
  });

  it('qualifies only after every criterion is passed, with the marks kept through the check page', async () => {
    const id = await submittedApplication();
    const early = await post(
      `/assessment/${id}/decision`,
      [
        ['outcome', 'qualified'],
        ['ground', 'incomplete'],
        ['reasons', 'Meets every criterion.'],
      ],
      `/assessment/${id}/decision`,
    );
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('Mark every criterion as passed before qualifying');
    expect(early.body).toContain('Meets every criterion.');
    for (const index of [0, 1, 2, 3, 4])
      await post(
        `/assessment/${id}`,
        [
          [`mark-${index}`, 'pass'],
          [`note-${index}`, `Note ${index}`],
          ['save', String(index)],
        ],
        `/assessment/${id}/marks`,
      );
    const chosen = await post(
      `/assessment/${id}/decision`,
      [
        ['outcome', 'qualified'],
        ['ground', 'incomplete'],
        ['reasons', 'Meets every criterion.'],
      ],
      `/assessment/${id}/decision`,
    );
    expect(chosen.statusCode).toBe(303);
    const check = await assessor.get(`/assessment/${id}/decision/check`);
    expect(check.body).toContain('Pass: Note 2');
    expect(check.body).not.toContain('Ground for refusal');
    const confirmed = await assessor.post(`/assessment/${id}/decision/check`, [['_csrf', csrfTokenIn(check.body)]]);
    expect(confirmed.statusCode).toBe(303);
    expect(await statusOf(id)).toBe('qualified');
    expect(
      (await t.deps.db.selectFrom('listings').select('status').where('application_id', '=', id).executeTakeFirstOrThrow()).status,
    ).toBe('qualified');
    expect((await marksOf(id)).map((mark) => mark.note)).toEqual(expect.arrayContaining(['Note 0', 'Note 4']));
  });

  it('saves one mark at a time through the API too, refusing an unknown criterion', async () => {
    const id = await submittedApplication();
    const token = await apiKeyFor(t.app, 'commissioner@aqp.example', 'assessor');
    const put = (criterion: string, payload: object) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/applications/${id}/marks/${encodeURIComponent(criterion)}`,
        headers: { authorization: `Bearer ${token}` },
        payload,
      });
    expect((await put('capability', { passed: true, note: 'Two HCPC audiologists.' })).statusCode).toBe(204);
    expect((await put('price', { passed: false })).statusCode).toBe(204);
    const unknown = await put('no-such-criterion', { passed: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('validation-failed');
    expect(await marksOf(id)).toEqual([
      { criterion: 'capability', passed: true, note: 'Two HCPC audiologists.' },
      { criterion: 'price', passed: false, note: '' },
    ]);
  });
});
