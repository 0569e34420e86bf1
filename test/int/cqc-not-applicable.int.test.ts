import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCompliance } from '../../src/domains/compliance/compliance-run.service.ts';
import { tinyPdf } from '../../src/demo/demo-document.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { aQualifiedListing, giveCompleteAssurance } from '../support/listing-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { type FilePart, multipartBody, UploadingClient } from '../support/uploads.ts';
import { apiKeyFor, WebClient } from '../support/web-client.ts';

const clock = movableToday('2027-03-01');
const certificate: FilePart = {
  field: 'document',
  fileName: 'hcpc-register-entry.pdf',
  contentType: 'application/pdf',
  content: tinyPdf('HCPC register entry HAD01234'),
};
const NOT_REGULATED =
  'We dispense hearing aids to adults in the community: no regulated activity under the Health and Social Care Act 2008 (Regulated Activities) Regulations 2014 applies.';

describe('a provider whose service is not a CQC-regulated activity', () => {
  let t: TestApp;
  let providerId: string;
  let providerToken: string;
  let nationalToken: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock });
    providerId = (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'DEMO1').executeTakeFirstOrThrow()).id;
    providerToken = await apiKeyFor(t.app, 'provider.admin@aqp.example', 'provider-admin');
    nationalToken = await apiKeyFor(t.app, 'national.admin@aqp.example', 'national-admin');
  });
  afterAll(() => t.close());

  const api = (
    token: string,
    method: 'GET' | 'POST',
    url: string,
    body?: { json?: object; multipart?: { payload: Buffer; contentType: string } },
  ) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...(body?.multipart ? { 'content-type': body.multipart.contentType } : {}) },
      ...(body?.json ? { payload: body.json } : body?.multipart ? { payload: body.multipart.payload } : {}),
    });
  const ownAssurance = async () => (await api(providerToken, 'GET', '/api/v1/provider/assurance')).json();
  const itemOf = (assurance: { items: Record<string, unknown>[] }, kind: string) => assurance.items.find((item) => item.kind === kind)!;

  it('shows every missing field next to it on the page, saving nothing', async () => {
    const admin = new UploadingClient(t.app, '10.2.0.1');
    await admin.signIn('provider.admin@aqp.example');
    expect((await admin.get('/provider/assurance')).body).toContain('href="/provider/assurance/cqc-not-applicable"');
    const form = await admin.get('/provider/assurance/cqc-not-applicable');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="notApplicableReason"');
    expect(form.body).toContain('value="HCPC"');

    const refused = await admin.upload('/provider/assurance/cqc-not-applicable', {
      notApplicableReason: '',
      registrationBody: 'Made-up council',
      reference: '',
    });
    expect(refused.statusCode).toBe(400);
    for (const [field, message] of [
      ['notApplicableReason', 'Say why CQC registration does not apply'],
      ['registrationBody', 'Select the body you are registered with'],
      ['reference', 'Enter the Registration number'],
      ['document', 'Select a document to upload'],
    ]) {
      expect(refused.body).toContain(`href="#${field}"`);
      expect(refused.body).toMatch(new RegExp(`id="${field}-error"[^]*?${message}`));
    }
    expect(
      await t.deps.db
        .selectFrom('assurance_evidence')
        .select('id')
        .where('organisation_id', '=', providerId)
        .where('kind', '=', 'cqc-not-applicable')
        .execute(),
    ).toEqual([]);

    const recorded = await admin.upload(
      '/provider/assurance/cqc-not-applicable',
      {
        notApplicableReason: NOT_REGULATED,
        registrationBody: 'HCPC',
        reference: 'HAD01234',
        'expiresOn-day': '30',
        'expiresOn-month': '4',
        'expiresOn-year': '2027',
      },
      certificate,
    );
    expect(recorded.statusCode, recorded.body).toBe(303);
    const page = await admin.get('/provider/assurance');
    expect(page.body).toContain('Health and Care Professions Council (HCPC): HAD01234');
  });

  it('is verified by the national centre and then meets the CQC requirement for assurance and assessment', async () => {
    await giveCompleteAssurance(t.deps, providerId, '2029-01-31');
    const recorded = await api(providerToken, 'POST', '/api/v1/provider/assurance', {
      multipart: multipartBody(
        {
          kind: 'cqc-not-applicable',
          notApplicableReason: NOT_REGULATED,
          registrationBody: 'HCPC',
          reference: 'HAD01234',
          expiresOn: '2027-04-30',
        },
        certificate,
      ),
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const pending = (await api(nationalToken, 'GET', '/api/v1/assurance/pending'))
      .json()
      .items.find((item: { id: string }) => item.id === recorded.json().id);
    expect(pending).toMatchObject({
      kind: 'cqc-not-applicable',
      registrationBody: 'HCPC',
      notApplicableReason: NOT_REGULATED,
      reference: 'HAD01234',
    });
    const national = new WebClient(t.app, '10.2.0.2');
    await national.signIn('national.admin@aqp.example');
    const verifyPage = (await national.get(`/assurance/verification/${pending.id}`)).body;
    expect(verifyPage).toContain('Why CQC registration does not apply');
    expect(verifyPage).toContain('Health and Care Professions Council (HCPC): HAD01234');
    const before = await ownAssurance();
    expect(itemOf(before, 'cqc-registration').state).toBe('verified');
    expect(itemOf(before, 'cqc-not-applicable').state).toBe('pending');

    expect(
      (await api(nationalToken, 'POST', `/api/v1/assurance/${recorded.json().id}/verification`, { json: { decision: 'verified' } }))
        .statusCode,
    ).toBe(204);
    const after = await ownAssurance();
    expect(itemOf(after, 'cqc-not-applicable')).toMatchObject({ state: 'verified', expiresOn: '2027-04-30' });
    expect(itemOf(after, 'cqc-registration').state).toBe('missing');
    expect(after).toMatchObject({ complete: true, valid: true });

    const offerId = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id;
    const at = new Date();
    const application = await t.deps.db
      .insertInto('applications')
      .values({
        offer_id: offerId,
        provider_organisation_id: providerId,
        status: 'submitted',
        answers: '{}',
        accepts_price: true,
        accepts_contract: true,
        submitted_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const assessorToken = await apiKeyFor(t.app, 'commissioner@aqp.example', 'assessor');
    const view = await api(assessorToken, 'GET', `/api/v1/assessment/applications/${application.id}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().assurance).toMatchObject({ complete: true, valid: true });
  });

  it('raises no CQC alert for the provider, but warns of and suspends for the other registration’s expiry', async () => {
    const kirklees = (await t.app.inject('/api/v1/offers?service=back-and-neck-pain')).json().items[0].id;
    const { listingId } = await aQualifiedListing(t.deps, kirklees, 'DEMO1');
    await t.deps.db.updateTable('listings').set({ status: 'live', contract_start: '2027-03-01' }).where('id', '=', listingId).execute();
    const recorded = await api(providerToken, 'POST', '/api/v1/provider/assurance', {
      multipart: multipartBody(
        {
          kind: 'cqc-not-applicable',
          notApplicableReason: NOT_REGULATED,
          registrationBody: 'HCPC',
          reference: 'HAD01234',
          expiresOn: '2027-04-30',
        },
        certificate,
      ),
    });
    await api(nationalToken, 'POST', `/api/v1/assurance/${recorded.json().id}/verification`, { json: { decision: 'verified' } });
    const openAlerts = () =>
      t.deps.db
        .selectFrom('compliance_alerts')
        .select(['kind', 'detail'])
        .where('organisation_id', '=', providerId)
        .where('resolved_at', 'is', null)
        .orderBy('kind')
        .execute();
    const listingStatus = async () =>
      (await t.deps.db.selectFrom('listings').select('status').where('id', '=', listingId).executeTakeFirstOrThrow()).status;

    clock.setToday('2027-04-02');
    expect(await runCompliance(t.deps, { triggeredBy: 'test', force: true })).toMatchObject({ listingsSuspended: 0 });
    expect(await openAlerts()).toEqual([{ kind: 'evidence-due', detail: expect.stringContaining('expires on 2027-04-30') }]);
    expect(await listingStatus()).toBe('live');

    clock.setToday('2027-05-01');
    expect(await runCompliance(t.deps, { triggeredBy: 'test', force: true })).toMatchObject({ listingsSuspended: 1 });
    expect(await openAlerts()).toEqual([{ kind: 'evidence-expired', detail: expect.stringContaining('expired on 2027-04-30') }]);
    clock.setToday('2027-03-01');
  });
});
