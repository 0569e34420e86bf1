import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../../src/demo/demo-document.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aListingIn, nhsNumberSequence, placePostcodes, tokenFor } from '../support/referral-rows.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { type FilePart, multipartBody, UploadingClient } from '../support/uploads.ts';
import { WebClient } from '../support/web-client.ts';

const TODAY = '2027-03-01';
const clock = movableToday(TODAY);
const xray = (): FilePart => ({
  field: 'attachment',
  fileName: 'x-ray report.pdf',
  contentType: 'application/pdf',
  content: tinyPdf('X-ray report: no fracture'),
});

describe('replying to a returned referral and re-referring after a closed episode', () => {
  let t: TestApp;
  let referrerKey: string;
  let providerKey: string;
  let providerId: string;
  let clinician: WebClient;
  let gp: UploadingClient;
  const nextNhsNumber = nhsNumberSequence('6030');

  const api = (method: 'GET' | 'POST', url: string, payload?: object, key = referrerKey) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload ? { payload } : {}) });
  const referral = (ubrn: string) => t.deps.db.selectFrom('referrals').selectAll().where('ubrn', '=', ubrn).executeTakeFirstOrThrow();
  const documentCount = async () =>
    (
      await t.deps.db
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const backReferral = (answers: Record<string, boolean> = { 'red-flags': false, 'pregnant-over-35-weeks': false }) => ({
    serviceCode: 'back-and-neck-pain',
    priority: 'routine',
    route: 'gp',
    bodyArea: 'Neck',
    clinicalInformation: 'Neck pain after a fall; no red flags.',
    answers,
    patient: {
      nhsNumber: nextNhsNumber(),
      givenName: 'Nell',
      familyName: 'Neck',
      dateOfBirth: '1975-07-07',
      sex: 'female',
      postcode: 'HX1 1PW',
      phone: '07700 900982',
      addressLines: ['12 Mill Lane', 'Halifax'],
    },
    communicationNeeds: { interpreterLanguage: 'Polish', formats: ['large-print'] },
  });
  const aSentReferral = async (): Promise<string> => {
    const ubrn = (await api('POST', '/api/v1/referrals', backReferral())).json().ubrn;
    const entry = (await api('GET', `/api/v1/referrals/${ubrn}/choice-list`))
      .json()
      .entries.find((candidate: { providerOrganisationId: string }) => candidate.providerOrganisationId === providerId);
    expect((await api('POST', `/api/v1/referrals/${ubrn}/choice`, { listingId: entry.listingId, siteId: entry.siteId })).statusCode).toBe(
      200,
    );
    return ubrn;
  };
  const aReturnedReferral = async (): Promise<string> => {
    const ubrn = await aSentReferral();
    expect(
      (
        await clinician.submit(`/referrals/${ubrn}/return`, {
          reasonCode: 'FURTHER_INFORMATION_REQUIRED',
          comment: 'Please send the X-ray report.',
        })
      ).statusCode,
    ).toBe(303);
    return ubrn;
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock });
    await placePostcodes(t.deps);
    const offer = (await t.app.inject('/api/v1/offers?service=back-and-neck-pain&commissioner=02T')).json().items[0].id;
    providerId = (await aListingIn(t.deps, offer, 'DEMO1', 'live', TODAY)).providerId;
    const practice = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
    referrerKey = await tokenFor(t.deps, practice.id, 'referrer');
    providerKey = await tokenFor(t.deps, providerId, 'provider-clinician');
    clinician = new WebClient(t.app);
    await clinician.signIn('clinician@aqp.example');
    gp = new UploadingClient(t.app);
    await gp.signIn('referrer@aqp.example');
  });
  afterAll(() => t.close());

  it('shows the return reason at the top of the practice’s page with “Reply and resend”', async () => {
    const ubrn = await aReturnedReferral();
    const page = (await gp.get(`/referrals/${ubrn}`)).body;
    expect(page).toMatch(
      /<h1>Referral [\d ]+<\/h1>\s*<div class="nhsuk-card nhsuk-card--warning">[\s\S]*Returned by the provider: Further information required[\s\S]*Please send the X-ray report\./,
    );
    expect(page).toContain(`href="/referrals/${ubrn}/reply"`);
    expect((await clinician.get(`/referrals/${ubrn}/reply`)).statusCode).toBe(403);
  });

  it('refuses a reply without information or with a file that is not a PDF, PNG or JPEG, next to the field, changing nothing', async () => {
    const ubrn = await aReturnedReferral();
    const documents = await documentCount();
    const empty = await gp.upload(`/referrals/${ubrn}/reply`, { information: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toMatch(/id="information-error"[\s\S]*Enter the information the provider asked for/);
    const fake = await gp.upload(
      `/referrals/${ubrn}/reply`,
      { information: 'Report attached.' },
      {
        field: 'attachment',
        fileName: 'report.pdf',
        contentType: 'application/pdf',
        content: new TextEncoder().encode('<html>not a pdf</html>'),
      },
    );
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toMatch(/id="attachment-error"[\s\S]*The file must be a PDF, PNG or JPEG/);
    expect(fake.body).toContain('Report attached.');
    expect((await referral(ubrn)).status).toBe('returned');
    expect(await documentCount()).toBe(documents);
  });

  it('resends a replied referral to the same provider with a new accept-by date, in the history, and the provider reads the reply and its document', async () => {
    const ubrn = await aReturnedReferral();
    clock.setToday('2027-03-05');
    const sent = await gp.upload(`/referrals/${ubrn}/reply`, { information: 'X-ray report attached: no fracture.' }, xray());
    expect(sent.statusCode).toBe(303);
    expect((await gp.get(`/referrals/${ubrn}`)).body).toContain('Reply sent. Referral');
    const row = await referral(ubrn);
    expect(row).toMatchObject({ status: 'sent', provider_organisation_id: providerId, accept_by: '2027-03-12' });
    const events = await t.deps.db
      .selectFrom('referral_events')
      .select(['from_status', 'to_status', 'actor'])
      .where('referral_id', '=', row.id)
      .orderBy('seq')
      .execute();
    expect(events.at(-1)).toEqual({ from_status: 'returned', to_status: 'sent', actor: 'referrer' });
    const message = await t.deps.db
      .selectFrom('outbox_messages')
      .select('subject')
      .where('organisation_id', '=', providerId)
      .where('entity_id', '=', row.id)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(message.subject).toContain('resent with the information you asked for');

    const page = (await clinician.get(`/referrals/${ubrn}`)).body;
    expect(page).toContain('Replies from the referrer');
    expect(page).toContain('X-ray report attached: no fracture.');
    expect(page).toContain('Accept referral');
    const link = new RegExp(`href="(/referrals/${ubrn}/attachments/[0-9a-f-]{36})">x-ray report.pdf</a> \\(PDF, `).exec(page)![1]!;
    const download = await clinician.get(link);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe('attachment; filename="x-ray report.pdf"');
    const national = new WebClient(t.app);
    await national.signIn('national.admin@aqp.example');
    expect((await national.get(`/documents/${link.split('/').pop()}`)).statusCode).toBe(404);
    clock.setToday(TODAY);
  });

  it('replies over the API in one multipart request, lists the replies to the provider, and refuses a reply to a referral that is not returned', async () => {
    const ubrn = await aReturnedReferral();
    const body = multipartBody({ information: 'Report attached.' }, xray());
    const reply = (key: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/referrals/${ubrn}/reply`,
        headers: { authorization: `Bearer ${key}`, 'content-type': body.contentType },
        payload: body.payload,
      });
    const sent = await reply(referrerKey);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', providerName: expect.any(String) });
    const replies = (await api('GET', `/api/v1/referrals/${ubrn}/replies`, undefined, providerKey)).json().items;
    expect(replies).toMatchObject([
      { information: 'Report attached.', attachments: [{ fileName: 'x-ray report.pdf', contentType: 'application/pdf' }] },
    ]);
    expect(
      (await api('GET', `/api/v1/referrals/${ubrn}/attachments/${replies[0].attachments[0].id}`, undefined, providerKey)).statusCode,
    ).toBe(200);
    const again = await reply(referrerKey);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invalid-transition');
  });

  it('keeps neither the reply nor its document when a later step fails', async () => {
    const ubrn = await aReturnedReferral();
    const documents = await documentCount();
    await sql`CREATE FUNCTION refuse_test_reply() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated failure after the document insert'; END $$ LANGUAGE plpgsql`.execute(
      t.deps.db,
    );
    await sql`CREATE TRIGGER refuse_test_reply BEFORE INSERT ON referral_replies FOR EACH ROW EXECUTE FUNCTION refuse_test_reply()`.execute(
      t.deps.db,
    );
    try {
      expect((await gp.upload(`/referrals/${ubrn}/reply`, { information: 'Report attached.' }, xray())).statusCode).toBe(500);
    } finally {
      await sql`DROP TRIGGER refuse_test_reply ON referral_replies`.execute(t.deps.db);
      await sql`DROP FUNCTION refuse_test_reply()`.execute(t.deps.db);
    }
    expect(await documentCount()).toBe(documents);
    expect((await referral(ubrn)).status).toBe('returned');
  });

  it('offers a pre-filled re-referral once the episode is closed: the patient’s details copied, the answers left for the GP to give again', async () => {
    const ubrn = await aSentReferral();
    expect((await clinician.submit(`/referrals/${ubrn}`, {}, `/referrals/${ubrn}/accept`)).statusCode).toBe(303);
    expect((await clinician.submit(`/referrals/${ubrn}/discharge`, { outcome: 'treatment-completed' })).statusCode).toBe(303);
    const page = (await gp.get(`/referrals/${ubrn}`)).body;
    expect(page).toContain(`href="/referrals/${ubrn}/re-refer"`);
    const start = await gp.get(`/referrals/${ubrn}/re-refer`);
    expect(start.headers.location).toBe('/referrals/new/back-and-neck-pain/change');
    const form = (await gp.get(start.headers.location!)).body;
    const old = await t.deps.db
      .selectFrom('patients as p')
      .innerJoin('referrals as r', 'r.patient_id', 'p.id')
      .select('p.nhs_number')
      .where('r.ubrn', '=', ubrn)
      .executeTakeFirstOrThrow();
    expect(form).toContain(`value="${old.nhs_number}"`);
    expect(form).toContain('value="Neck"');
    expect(form).toContain('value="07700900982"');
    expect(form).toContain('value="12 Mill Lane"');
    expect(form).toContain('value="Polish"');
    expect(form).toMatch(/value="large-print"[^>]*checked|checked[^>]*value="large-print"/);
    expect(form).toContain('The patient’s details are copied from referral');
    expect(form).not.toMatch(/name="answer-red-flags"[^>]*checked/);
    expect(form).not.toContain('Neck pain after a fall');

    const again = await api('POST', `/api/v1/referrals/${ubrn}/re-referral`, {
      priority: 'routine',
      route: 'gp',
      bodyArea: 'Lower back',
      answers: { 'red-flags': false, 'pregnant-over-35-weeks': false },
      clinicalInformation: 'Low back pain for six weeks.',
    });
    expect(again.statusCode, again.body).toBe(201);
    const created = await referral(again.json().ubrn);
    expect(created).toMatchObject({ status: 'awaiting-choice', patient_id: (await referral(ubrn)).patient_id, body_area: 'lower back' });
    const open = await aSentReferral();
    expect(
      (
        await api('POST', `/api/v1/referrals/${open}/re-referral`, {
          priority: 'routine',
          route: 'gp',
          answers: {},
          clinicalInformation: 'x',
        })
      ).statusCode,
    ).toBe(409);
    expect((await gp.get(`/referrals/${open}/re-refer`)).headers.location).toBe(`/referrals/${open}`);
  });
});
