import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPerson, aProvider, anotherCommissionerWithOpenOffer, organisationIdOf } from '../support/application-rows.ts';
import { completeAssurance } from '../support/assurance-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

const clock = movableToday('2027-02-01');

/** The application form as a provider fills it in: every declaration ticked, every answer written, the given sites ticked. */
function completeForm(siteIds: string[], overrides: Record<string, string> = {}): [string, string][] {
  const fields: Record<string, string> = {
    acceptsContract: 'yes',
    acceptsPrice: 'yes',
    capability: 'Audiologists registered with the HCPC in three clinics, open six days a week.',
    compliesWithProtocol: 'yes',
    protocolCompliance: 'We return referrals outside the criteria the same day and send red flags to ENT.',
    agreesToLocalSchedules: 'yes',
    action: 'submit',
    ...overrides,
  };
  return [...Object.entries(fields), ...siteIds.map((id): [string, string] => ['sites', id])];
}

describe('applying and assessing through the pages', () => {
  let t: TestApp;
  let provider: WebClient;
  let applicant: { id: string; siteIds: string[] };
  let assessor: WebClient;
  let hearingOfferId: string;
  let otherOfferId: string;

  async function postForm(client: WebClient, pageUrl: string, form: [string, string][], actionUrl = pageUrl) {
    const page = await client.get(pageUrl);
    expect(page.statusCode, page.body.slice(0, 200)).toBe(200);
    return client.post(actionUrl, [['_csrf', csrfTokenIn(page.body)], ...form]);
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
        odsCode: 'QXZ',
        name: 'NHS Test South ICB',
        email: 'test-south.example',
        windowOpens: '2027-01-04',
        contractStart: '2027-04-01',
      })
    ).offerId;
    applicant = await aProvider(t.deps.db, {
      odsCode: 'TSTP1',
      name: 'Brighouse Hearing (test)',
      adminEmail: 'admin@brighouse-hearing.example',
      sites: 3,
    });
    await completeAssurance(t.deps.db, applicant.id).insert();
    provider = new WebClient(t.app);
    await provider.signIn('admin@brighouse-hearing.example');
    assessor = new WebClient(t.app);
    await assessor.signIn('assessor@aqp.example');
  });
  afterAll(() => t.close());

  it('applies to two commissioners’ offers on one assurance; the assessor clarifies, the provider answers, and the assessor qualifies it', async () => {
    const offers = await provider.get('/provider/offers');
    expect(offers.statusCode).toBe(200);
    for (const text of [
      'Adult hearing services, Calderdale (50 and over)',
      'Back and neck pain, NHS Test South ICB',
      'not a bidding process',
    ])
      expect(offers.body).toContain(text);

    const [halifax, huddersfield] = applicant.siteIds;
    const form = await provider.get(`/applications/new?offer=${hearingOfferId}`);
    for (const text of [
      '£450.00',
      '£725.00',
      'Brighouse Hearing (test) Halifax clinic',
      'HX1 1UJ',
      'We accept the terms of the NHS Standard Contract',
    ])
      expect(form.body).toContain(text);
    const incomplete = await postForm(
      provider,
      `/applications/new?offer=${hearingOfferId}`,
      completeForm([], { acceptsPrice: '', capability: '' }),
    );
    expect(incomplete.statusCode).toBe(400);
    for (const text of [
      'Confirm that you accept the offer’s price',
      'Describe how you will deliver the service specification',
      'Select at least one site',
    ])
      expect(incomplete.body).toContain(text);
    const draftId = /action="\/applications\/([0-9a-f-]{36})"/.exec(incomplete.body)![1]!;

    const submitted = await postForm(provider, `/applications/${draftId}`, completeForm([halifax!, huddersfield!]));
    expect(submitted.statusCode, submitted.body.slice(0, 500)).toBe(303);
    const other = await postForm(provider, `/applications/new?offer=${otherOfferId}`, completeForm([halifax!]));
    expect(other.statusCode).toBe(303);
    const list = await provider.get('/applications');
    expect(list.body.match(/nhsuk-tag--blue">\s*Submitted/g)).toHaveLength(2);

    const queue = await assessor.get('/assessment');
    expect(queue.body).toContain('Brighouse Hearing (test) (TSTP1)');
    expect(queue.body).not.toContain('NHS Test South ICB');
    const page = await assessor.get(`/assessment/${draftId}`);
    for (const text of [
      'Judge each criterion only on the submission',
      'Not yet verified',
      'Brighouse Hearing (test) Halifax clinic, HX1 1UJ',
      'Acceptance of the offer’s price',
    ])
      expect(page.body).toContain(text);
    expect(page.body).not.toContain('£450');
    expect(page.body).not.toMatch(/name="(score|rank|total)/i);

    clock.setToday('2027-02-02');
    const asked = await postForm(
      assessor,
      `/assessment/${draftId}`,
      [['question', 'How many audiologists are HCPC registered?']],
      `/assessment/${draftId}/clarifications`,
    );
    expect(asked.statusCode).toBe(303);
    const mine = await provider.get(`/applications/${draftId}`);
    expect(mine.body).toContain('How many audiologists are HCPC registered?');
    expect(mine.body).toContain('Clarification requested');
    const clarificationId = /action="\/applications\/[0-9a-f-]{36}\/clarifications\/([0-9a-f-]{36})"/.exec(mine.body)![1]!;
    const blank = await postForm(
      provider,
      `/applications/${draftId}`,
      [['answer', ' ']],
      `/applications/${draftId}/clarifications/${clarificationId}`,
    );
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter your answer');
    const answered = await postForm(
      provider,
      `/applications/${draftId}`,
      [['answer', 'All four are registered.']],
      `/applications/${draftId}/clarifications/${clarificationId}`,
    );
    expect(answered.statusCode).toBe(303);

    const assessPage = await assessor.get(`/assessment/${draftId}`);
    expect(assessPage.body).toContain('All four are registered.');
    const marks = [...assessPage.body.matchAll(/name="(mark-\d+)"/g)].map((m) => m[1]!);
    const unique = [...new Set(marks)];
    expect(unique).toHaveLength(5);
    const early = await postForm(
      assessor,
      `/assessment/${draftId}`,
      [
        ['outcome', 'qualified'],
        ['reasons', ''],
      ],
      `/assessment/${draftId}/decision`,
    );
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('Mark every criterion as passed before qualifying');
    const marked = await postForm(
      assessor,
      `/assessment/${draftId}`,
      unique.map((name): [string, string] => [name, 'pass']),
      `/assessment/${draftId}/marks`,
    );
    expect(marked.statusCode).toBe(303);
    const checked = await postForm(assessor, `/assessment/${draftId}/decision`, [
      ['outcome', 'qualified'],
      ['reasons', 'Meets every criterion.'],
    ]);
    expect(checked.headers.location).toBe(`/assessment/${draftId}/decision/check`);
    const qualified = await postForm(assessor, `/assessment/${draftId}/decision/check`, []);
    expect(qualified.statusCode).toBe(303);

    const listing = await t.deps.db
      .selectFrom('listings')
      .select(['status'])
      .where('application_id', '=', draftId)
      .executeTakeFirstOrThrow();
    expect(listing.status).toBe('qualified');
    const final = await provider.get(`/applications/${draftId}`);
    for (const text of ['Decision: qualified', 'Meets every criterion.', 'Clarification answered']) expect(final.body).toContain(text);
    const history = await t.deps.db
      .selectFrom('application_history')
      .select('to_status')
      .where('application_id', '=', draftId)
      .orderBy('changed_at')
      .execute();
    expect(history.map((row) => row.to_status)).toEqual(['draft', 'submitted', 'clarification', 'submitted', 'qualified']);
    clock.setToday('2027-02-01');
  });

  it('refuses a second provider for rejecting the price and shows it the ground and reasons', async () => {
    const second = await aProvider(t.deps.db, {
      odsCode: 'TSTP2',
      name: 'Elland Physiotherapy (test)',
      adminEmail: 'admin@calder-valley.example',
    });
    await completeAssurance(t.deps.db, second.id).verified().insert();
    const physio = new WebClient(t.app);
    await physio.signIn('admin@calder-valley.example');
    const backOffer = (
      await t.deps.db
        .selectFrom('offers')
        .select('id')
        .where('title', '=', 'Back and neck pain (manual therapy), West Yorkshire')
        .executeTakeFirstOrThrow()
    ).id;
    const applied = await postForm(
      physio,
      `/applications/new?offer=${backOffer}`,
      completeForm([second.siteId], { capability: 'We deliver manual therapy, at £300 a course rather than the offer’s price.' }),
    );
    expect(applied.statusCode).toBe(303);
    const id = applied.headers.location!.split('/').at(-1)!;

    const noGround = await postForm(
      assessor,
      `/assessment/${id}`,
      [
        ['outcome', 'not-qualified'],
        ['reasons', 'Asks for a higher price.'],
      ],
      `/assessment/${id}/decision`,
    );
    expect(noGround.statusCode).toBe(400);
    expect(noGround.body).toContain('Select the ground for refusal');
    const checked = await postForm(assessor, `/assessment/${id}/decision`, [
      ['outcome', 'not-qualified'],
      ['ground', 'rejects-price'],
      ['reasons', 'The application asks for £300 a course; the price is fixed.'],
    ]);
    expect(checked.headers.location).toBe(`/assessment/${id}/decision/check`);
    const refused = await postForm(assessor, `/assessment/${id}/decision/check`, []);
    expect(refused.statusCode).toBe(303);

    const list = await physio.get('/applications');
    for (const text of ['Not qualified', 'Ground: Rejects the price', 'The application asks for £300 a course; the price is fixed.'])
      expect(list.body).toContain(text);
    const page = await physio.get(`/applications/${id}`);
    expect(page.body).toContain('Ground: Rejects the price');
    expect(page.body).toContain(`/applications/new?offer=${backOffer}`);
    const outbox = await t.deps.db.selectFrom('outbox_messages').select('subject').where('organisation_id', '=', second.id).execute();
    expect(outbox.map((row) => row.subject)).toEqual([expect.stringContaining('Not qualified')]);
  });

  it('refuses an assessor who belongs to the applicant (conflict of interest) and changes nothing', async () => {
    const qwo = await organisationIdOf(t.deps.db, 'QWO');
    const userId = await aPerson(t.deps.db, qwo, 'assessor', 'conflicted@aqp.example');
    await t.deps.db
      .insertInto('memberships')
      .values({ user_id: userId, organisation_id: applicant.id, role: 'provider-clinician' })
      .execute();
    const [, , wakefield] = applicant.siteIds;
    const talking = (
      await t.deps.db.selectFrom('offers').select('id').where('title', '=', 'Talking therapies, West Yorkshire').executeTakeFirstOrThrow()
    ).id;
    const applied = await postForm(provider, `/applications/new?offer=${talking}`, completeForm([wakefield!]));
    const id = applied.headers.location!.split('/').at(-1)!;
    const before = await t.deps.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    const conflicted = new WebClient(t.app);
    await conflicted.signIn('conflicted@aqp.example');
    await conflicted.submit('/choose-role', { membership: `${qwo}|assessor` });
    const page = await conflicted.get(`/assessment/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Conflict of interest');
    expect(page.body).not.toContain('Record decision');
    const token = csrfTokenIn((await conflicted.get('/choose-role')).body);
    const refused = await conflicted.post(`/assessment/${id}/decision`, {
      _csrf: token,
      outcome: 'not-qualified',
      ground: 'incomplete',
      reasons: 'x',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Conflict of interest');
    expect(await t.deps.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('lets a provider withdraw a draft, and hides one provider’s application from another', async () => {
    const kirklees = (
      await t.deps.db
        .selectFrom('offers')
        .select('id')
        .where('title', '=', 'Adult hearing services, Kirklees and Wakefield')
        .executeTakeFirstOrThrow()
    ).id;
    const saved = await postForm(provider, `/applications/new?offer=${kirklees}`, [
      ['capability', 'Draft answer'],
      ['action', 'save'],
    ]);
    expect(saved.statusCode).toBe(303);
    const url = saved.headers.location!;
    expect((await provider.get(url)).body).toContain('Draft answer');
    const stranger = new WebClient(t.app);
    await aPerson(t.deps.db, await organisationIdOf(t.deps.db, 'TSTP2'), 'provider-admin', 'other@calder-valley.example');
    await stranger.signIn('other@calder-valley.example');
    expect((await stranger.get(url)).statusCode).toBe(404);
    const withdrawn = await postForm(provider, url, [['reason', 'Not ready this year']], `${url}/withdrawal`);
    expect(withdrawn.statusCode).toBe(303);
    expect((await provider.get(url)).body).toContain('Withdrawn');
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', url.split('/').at(-1)!)
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['application.create', 'application.withdraw']);
  });

  it('lets the commissioner set questions on a draft offer, which applicants then see; others only read them', async () => {
    const commissioner = new WebClient(t.app);
    await commissioner.signIn('commissioner@aqp.example');
    const opened = await commissioner.submit('/offers/new', {
      serviceCode: 'adult-hearing',
      title: 'Hearing with questions',
      coverage: '02T',
    });
    const offerUrl = opened.headers.location as string;
    const form = await commissioner.get(`${offerUrl}/questions`);
    expect(form.body).toContain('Save questions');
    const saved = await commissioner.post(`${offerUrl}/questions`, {
      _csrf: csrfTokenIn(form.body),
      'question-0-id': '',
      'question-0-text': 'How do you refer red flags onward?',
      'question-0-guidance': 'Name the service.',
      'question-1-id': '',
      'question-1-text': '',
      'question-1-guidance': '',
      'question-2-id': '',
      'question-2-text': 'What are your opening hours?',
      'question-2-guidance': '',
    });
    expect(saved.statusCode).toBe(303);
    const again = await commissioner.get(`${offerUrl}/questions`);
    expect(again.body).toContain('value="how-do-you-refer-red-flags-onward"');
    const removed = await commissioner.post(`${offerUrl}/questions`, {
      _csrf: csrfTokenIn(again.body),
      'question-0-id': 'how-do-you-refer-red-flags-onward',
      'question-0-text': 'How do you refer red flags onward?',
      'question-0-guidance': '',
      'question-1-id': 'what-are-your-opening-hours',
      'question-1-text': 'What are your opening hours?',
      'question-1-guidance': '',
      'question-1-remove': 'yes',
    });
    expect(removed.statusCode).toBe(303);
    expect((await commissioner.get(offerUrl)).body).toContain(`${offerUrl}/questions`);
    const questions = await t.deps.db
      .selectFrom('offers')
      .select('questions')
      .where('id', '=', offerUrl.split('/').at(-1)!)
      .executeTakeFirstOrThrow();
    expect(questions.questions).toEqual([{ id: 'how-do-you-refer-red-flags-onward', text: 'How do you refer red flags onward?' }]);
    expect((await provider.get(`${offerUrl}/questions`)).statusCode).toBe(404);
    const openQuestions = await commissioner.get(`/offers/${hearingOfferId}/questions`);
    expect(openQuestions.body).not.toContain('Save questions');
  });
});
