import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domains/identity/user.service.ts';
import { assuranceSummary } from '../../src/domains/providers/assurance-summary.service.ts';
import { tinyPdf } from '../../src/demo/demo-document.ts';
import { MAX_DOCUMENT_BYTES } from '../../src/domains/providers/document-type.rules.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { movableToday } from '../support/movable-clock.ts';
import { aRegistrationForm } from '../support/provider-fixtures.ts';
import { type FilePart, multipartBody, UploadingClient } from '../support/uploads.ts';
import { WebClient } from '../support/web-client.ts';

const clock = movableToday('2027-02-01');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const pdf = (fileName = 'insurance.pdf'): FilePart => ({
  field: 'document',
  fileName,
  contentType: 'application/pdf',
  content: tinyPdf('Certificate of insurance'),
});
const INSURANCE = { reference: 'POL-123456', 'expiresOn-day': '31', 'expiresOn-month': '3', 'expiresOn-year': '2028' };
const NATIONAL_ASSESSOR = 'national.assessor@aqp.example';

describe('national assurance and its verification', () => {
  let t: TestApp;
  let admin: UploadingClient;
  let organisationId: string;
  let apiToken: string;
  const adminForm = aRegistrationForm();

  const count = async (table: 'documents' | 'assurance_evidence') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('organisation_id', '=', organisationId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const api = (
    method: 'GET' | 'POST',
    url: string,
    options: { token?: string; json?: object; multipart?: { payload: Buffer; contentType: string } } = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${options.token ?? apiToken}`,
        ...(options.multipart ? { 'content-type': options.multipart.contentType } : {}),
      },
      ...(options.json ? { payload: options.json } : options.multipart ? { payload: options.multipart.payload } : {}),
    });

  let addresses = 0;
  /** Each person signs in from their own address, so sign-in throttling (10 a minute per address) never trips. */
  const nextAddress = () => `10.1.0.${(addresses += 1)}`;
  const person = async (email: string, password?: string) => {
    const client = new WebClient(t.app, nextAddress());
    expect((await client.signIn(email, password)).statusCode).toBe(303);
    return client;
  };
  const uploader = async (email: string, password?: string) => {
    const client = new UploadingClient(t.app, nextAddress());
    await client.signIn(email, password);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: 'region', clock });
    const form = adminForm;
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/provider-registrations',
      payload: {
        name: form.name,
        providerType: 'independent',
        companiesHouseNumber: '01234567',
        email: form.email,
        admin: { displayName: 'Ada Admin', email: form.adminEmail, password: form.adminPassword },
      },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    organisationId = registered.json().organisationId;
    admin = await uploader(form.adminEmail!, form.adminPassword);
    const keys = await person(form.adminEmail!, form.adminPassword);
    apiToken = /id="api-key-token">([^<]+)</.exec(
      (await keys.submit('/api-keys', { name: 'Assurance tools', role: 'provider-admin' })).body,
    )![1]!;
    const national = await t.deps.db.selectFrom('organisations').select('id').where('kind', '=', 'national').executeTakeFirstOrThrow();
    await createUser(
      t.deps,
      { principal: null, clientAddress: null },
      {
        email: NATIONAL_ASSESSOR,
        displayName: 'Nia National Assessor',
        password: 'aqp-demo-password',
        organisationId: national.id,
        role: 'assessor',
      },
    );
  });
  afterAll(() => t.close());

  describe('recording evidence with a document', () => {
    it('stores the document and its pending evidence together, shows it and audits it', async () => {
      const response = await admin.upload('/provider/assurance/indemnity-insurance', INSURANCE, pdf());
      expect(response.statusCode, response.body).toBe(303);
      const evidence = await t.deps.db
        .selectFrom('assurance_evidence as e')
        .innerJoin('documents as d', 'd.id', 'e.document_id')
        .select([
          'e.id',
          'e.kind',
          'e.reference',
          'e.expires_on',
          'e.verification_status',
          'd.file_name',
          'd.content_type',
          'd.size_bytes',
          'd.sha256',
        ])
        .where('e.organisation_id', '=', organisationId)
        .executeTakeFirstOrThrow();
      expect(evidence).toMatchObject({
        kind: 'indemnity-insurance',
        reference: 'POL-123456',
        expires_on: '2028-03-31',
        verification_status: 'pending',
        file_name: 'insurance.pdf',
        content_type: 'application/pdf',
        size_bytes: pdf().content.length,
      });
      expect(evidence.sha256).toMatch(/^[0-9a-f]{64}$/);
      const page = await admin.get('/provider/assurance');
      expect(page.body).toContain('POL-123456');
      expect(page.body).toContain('Awaiting verification');
      expect(await t.deps.db.selectFrom('audit_events').select('action').where('entity_id', '=', evidence.id).execute()).toEqual([
        { action: 'assurance.record' },
      ]);
    });

    it('refuses a file over the size limit next to the file field and stores nothing', async () => {
      const before = await count('documents');
      const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
      big.set(tinyPdf('big'));
      const response = await admin.upload('/provider/assurance/safeguarding', INSURANCE, { ...pdf('big.pdf'), content: big });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('href="#document"');
      expect(response.body).toContain('The file must be smaller than 10 MB');
      expect(await count('documents')).toBe(before);
    });

    it('refuses a file that only claims to be a PDF, judging by its content', async () => {
      const before = await count('documents');
      const fake = {
        field: 'document',
        fileName: 'policy.pdf',
        contentType: 'application/pdf',
        content: new TextEncoder().encode('<html><script>alert(1)</script></html>'),
      };
      const response = await admin.upload('/provider/assurance/safeguarding', INSURANCE, fake);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('The file must be a PDF, PNG or JPEG');
      expect(await count('documents')).toBe(before);
    });

    it('asks for the reference, expiry and document a kind needs, and the declaration for a Monitor exemption', async () => {
      const missing = await admin.upload('/provider/assurance/indemnity-insurance', {});
      expect(missing.statusCode).toBe(400);
      expect(missing.body).toContain('Enter the Policy number');
      expect(missing.body).toContain('Enter the expiry date');
      expect(missing.body).toContain('Select a document to upload');
      const past = await admin.upload(
        '/provider/assurance/safeguarding',
        { 'expiresOn-day': '31', 'expiresOn-month': '1', 'expiresOn-year': '2027' },
        pdf(),
      );
      expect(past.body).toContain('The expiry date must be today or in the future');
      const undeclared = await admin.upload('/provider/assurance/monitor-exemption', {});
      expect(undeclared.body).toContain('Confirm that your NHS turnover is under £10 million a year');
      const declared = await admin.upload('/provider/assurance/monitor-exemption', { declaration: 'yes' });
      expect(declared.statusCode).toBe(303);
      expect(
        (
          await t.deps.db
            .selectFrom('provider_profiles')
            .select('nhs_turnover_under_10m')
            .where('organisation_id', '=', organisationId)
            .executeTakeFirstOrThrow()
        ).nhs_turnover_under_10m,
      ).toBe(true);
    });

    it('refuses an upload without the page’s CSRF token, before storing anything', async () => {
      const before = await count('documents');
      const forger = await uploader(adminForm.adminEmail!, adminForm.adminPassword);
      const forged = await forger.post('/provider/assurance/safeguarding', multipartBody({ _csrf: 'forged', ...INSURANCE }, pdf()));
      expect(forged.statusCode).toBe(403);
      const missing = await forger.post('/provider/assurance/safeguarding', multipartBody(INSURANCE, pdf()));
      expect(missing.statusCode).toBe(403);
      expect(await count('documents')).toBe(before);
    });

    it('supersedes the previous evidence of a kind and keeps it in the history', async () => {
      const response = await admin.upload(
        '/provider/assurance/indemnity-insurance',
        { ...INSURANCE, reference: 'POL-999999' },
        pdf('renewal.pdf'),
      );
      expect(response.statusCode).toBe(303);
      const rows = await t.deps.db
        .selectFrom('assurance_evidence')
        .select(['reference', 'superseded_at'])
        .where('organisation_id', '=', organisationId)
        .where('kind', '=', 'indemnity-insurance')
        .orderBy('created_at')
        .execute();
      expect(rows.map((row) => [row.reference, row.superseded_at === null])).toEqual([
        ['POL-123456', false],
        ['POL-999999', true],
      ]);
    });

    it('leaves no orphan document or evidence when the database fails half-way, and keeps the previous evidence current', async () => {
      await sql`CREATE FUNCTION refuse_test_evidence() RETURNS trigger AS $$ BEGIN IF NEW.reference = 'FAIL-HALFWAY' THEN RAISE EXCEPTION 'simulated failure after the document insert'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(
        t.deps.db,
      );
      await sql`CREATE TRIGGER refuse_test_evidence BEFORE INSERT ON assurance_evidence FOR EACH ROW EXECUTE FUNCTION refuse_test_evidence()`.execute(
        t.deps.db,
      );
      const [documents, evidence] = [await count('documents'), await count('assurance_evidence')];
      const response = await api('POST', '/api/v1/provider/assurance', {
        multipart: multipartBody({ kind: 'indemnity-insurance', reference: 'FAIL-HALFWAY', expiresOn: '2028-03-31' }, pdf()),
      });
      expect(response.statusCode).toBe(500);
      expect([await count('documents'), await count('assurance_evidence')]).toEqual([documents, evidence]);
      const current = await t.deps.db
        .selectFrom('assurance_evidence')
        .select('reference')
        .where('organisation_id', '=', organisationId)
        .where('kind', '=', 'indemnity-insurance')
        .where('superseded_at', 'is', null)
        .executeTakeFirstOrThrow();
      expect(current.reference).toBe('POL-999999');
      await sql`DROP TRIGGER refuse_test_evidence ON assurance_evidence`.execute(t.deps.db);
    });
  });

  describe('through the API', () => {
    it('records evidence from a multipart upload and reads the assurance back', async () => {
      const response = await api('POST', '/api/v1/provider/assurance', {
        multipart: multipartBody(
          { kind: 'information-governance', expiresOn: '2028-06-30' },
          { field: 'document', fileName: 'dspt.png', contentType: 'image/png', content: PNG },
        ),
      });
      expect(response.statusCode, response.body).toBe(201);
      const { documentId } = response.json();
      expect(
        (await t.deps.db.selectFrom('documents').select('content_type').where('id', '=', documentId).executeTakeFirstOrThrow())
          .content_type,
      ).toBe('image/png');
      const assurance = (await api('GET', '/api/v1/provider/assurance')).json();
      expect(assurance.complete).toBe(false);
      expect(assurance.items.find((item: { kind: string }) => item.kind === 'information-governance')).toMatchObject({
        state: 'pending',
        expiresOn: '2028-06-30',
        evidence: { documentName: 'dspt.png' },
      });
    });

    it('refuses a too-large or disallowed file with a problem naming the document field', async () => {
      const big = new Uint8Array(MAX_DOCUMENT_BYTES + 10);
      big.set(PNG);
      const tooLarge = await api('POST', '/api/v1/provider/assurance', {
        multipart: multipartBody(
          { kind: 'safeguarding', expiresOn: '2028-06-30' },
          { field: 'document', fileName: 'big.png', contentType: 'image/png', content: big },
        ),
      });
      expect(tooLarge.statusCode).toBe(400);
      expect(tooLarge.json()).toMatchObject({
        code: 'validation-failed',
        errors: [{ field: 'document', message: 'The file must be smaller than 10 MB' }],
      });
      const exe = await api('POST', '/api/v1/provider/assurance', {
        multipart: multipartBody(
          { kind: 'safeguarding', expiresOn: '2028-06-30' },
          { field: 'document', fileName: 'policy.png', contentType: 'image/png', content: Uint8Array.from([0x4d, 0x5a, 0x90, 0x00]) },
        ),
      });
      expect(exe.json().errors).toEqual([{ field: 'document', message: 'The file must be a PDF, PNG or JPEG' }]);
    });

    it('refuses recording evidence without an API key, and lets no one else record a provider’s evidence', async () => {
      const { payload, contentType } = multipartBody({ kind: 'safeguarding', expiresOn: '2028-06-30' }, pdf());
      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/api/v1/provider/assurance',
        payload,
        headers: { 'content-type': contentType },
      });
      expect(anonymous.statusCode).toBe(401);
      const clinician = await uploader('clinician@aqp.example');
      expect((await clinician.get('/provider/assurance/safeguarding')).statusCode).toBe(403);
    });
  });

  describe('documents', () => {
    it('lets the provider’s own people and the national centre download a document as an attachment, audited, and nobody else', async () => {
      const current = await t.deps.db
        .selectFrom('assurance_evidence')
        .select('document_id')
        .where('organisation_id', '=', organisationId)
        .where('kind', '=', 'indemnity-insurance')
        .where('superseded_at', 'is', null)
        .executeTakeFirstOrThrow();
      const url = `/documents/${current.document_id}`;
      const own = await admin.get(url);
      expect(own.statusCode).toBe(200);
      expect(own.headers['content-disposition']).toBe('attachment; filename="renewal.pdf"');
      expect(own.headers['x-content-type-options']).toBe('nosniff');
      expect(own.headers['content-type']).toBe('application/pdf');
      expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const verifier = await uploader(NATIONAL_ASSESSOR);
      expect((await verifier.get(url)).statusCode).toBe(200);
      const otherProvider = await person('provider.admin@aqp.example');
      expect((await otherProvider.get(url)).statusCode).toBe(404);
      const commissionerAssessor = await person('assessor@aqp.example');
      expect((await commissionerAssessor.get(url)).statusCode).toBe(404);
      const audit = await t.deps.db
        .selectFrom('audit_events')
        .select('outcome')
        .where('action', '=', 'document.download')
        .where('entity_id', '=', current.document_id)
        .orderBy('occurred_at')
        .execute();
      expect(audit.map((row) => row.outcome)).toEqual(['success', 'success', 'denied', 'denied']);
    });
  });

  describe('verification by the national qualification centre', () => {
    it('shows the queue to a national assessor, who verifies one item and rejects another with a note the provider sees', async () => {
      const verifier = await person(NATIONAL_ASSESSOR);
      const queue = await verifier.get('/assurance/verification');
      expect(queue.statusCode).toBe(200);
      const pending = await t.deps.db
        .selectFrom('assurance_evidence')
        .select(['id', 'kind'])
        .where('organisation_id', '=', organisationId)
        .where('superseded_at', 'is', null)
        .where('verification_status', '=', 'pending')
        .orderBy('kind')
        .execute();
      const insurance = pending.find((row) => row.kind === 'indemnity-insurance')!;
      const governance = pending.find((row) => row.kind === 'information-governance')!;
      expect(queue.body).toContain(`/assurance/verification/${insurance.id}`);

      const verdictPage = await verifier.get(`/assurance/verification/${governance.id}`);
      expect(verdictPage.statusCode, verdictPage.body.slice(0, 2000)).toBe(200);
      const noNote = await verifier.submit(`/assurance/verification/${governance.id}`, { decision: 'rejected', note: '' });
      expect(noNote.statusCode).toBe(400);
      expect(noNote.body).toContain('Enter why the evidence is rejected');
      expect((await verifier.submit(`/assurance/verification/${insurance.id}`, { decision: 'verified', note: '' })).statusCode).toBe(303);
      expect(
        (
          await verifier.submit(`/assurance/verification/${governance.id}`, {
            decision: 'rejected',
            note: 'The toolkit submission is for another organisation.',
          })
        ).statusCode,
      ).toBe(303);

      const judged = await verifier.get(`/assurance/verification/${insurance.id}`);
      expect(judged.body).toContain('already been judged');
      expect(judged.body).not.toContain('Save verdict');
      const page = await admin.get('/provider/assurance');
      expect(page.body).toContain('The toolkit submission is for another organisation.');
      const message = await t.deps.db
        .selectFrom('outbox_messages')
        .select(['subject', 'body'])
        .where('organisation_id', '=', organisationId)
        .where('entity_id', '=', governance.id)
        .executeTakeFirstOrThrow();
      expect(message.subject).toBe('Information governance evidence rejected');
      const audit = await t.deps.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', 'in', [insurance.id, governance.id])
        .where('action', 'in', ['assurance.verify', 'assurance.reject'])
        .orderBy('action')
        .execute();
      expect(audit.map((row) => row.action)).toEqual(['assurance.reject', 'assurance.verify']);
    });

    it('refuses verification by a commissioner’s assessor, a commissioner and the provider itself', async () => {
      const pending = await t.deps.db
        .selectFrom('assurance_evidence')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('verification_status', '=', 'pending')
        .where('superseded_at', 'is', null)
        .executeTakeFirstOrThrow();
      for (const email of ['assessor@aqp.example', 'commissioner@aqp.example']) {
        const someone = await person(email);
        expect((await someone.get('/assurance/verification')).statusCode, email).toBe(403);
        expect((await someone.post(`/assurance/verification/${pending.id}`, { decision: 'verified' })).statusCode, email).toBe(403);
      }
      expect((await api('POST', `/api/v1/assurance/${pending.id}/verification`, { json: { decision: 'verified' } })).statusCode).toBe(403);
      expect(
        (
          await t.deps.db
            .selectFrom('assurance_evidence')
            .select('verification_status')
            .where('id', '=', pending.id)
            .executeTakeFirstOrThrow()
        ).verification_status,
      ).toBe('pending');
    });

    it('makes assurance complete and then valid as every requirement is recorded and verified', async () => {
      for (const [kind, fields] of [
        ['cqc-registration', { reference: '1-101234567', cqcStatus: 'registered' }],
        ['safeguarding', {}],
        ['clinical-governance', {}],
        ['information-governance', {}],
      ] as const) {
        const response = await admin.upload(
          `/provider/assurance/${kind}`,
          { ...fields, 'expiresOn-day': '1', 'expiresOn-month': '2', 'expiresOn-year': '2028' },
          pdf(`${kind}.pdf`),
        );
        expect(response.statusCode, kind).toBe(303);
      }
      expect(await assuranceSummary(t.deps.db, organisationId, '2027-02-01')).toMatchObject({ complete: true, valid: false });
      const national = await person('national.admin@aqp.example');
      const token = /id="api-key-token">([^<]+)</.exec(
        (await national.submit('/api-keys', { name: 'Verification', role: 'national-admin' })).body,
      )![1]!;
      const pending = (await api('GET', '/api/v1/assurance/pending?pageSize=200', { token }))
        .json()
        .items.filter((item: { organisationId: string }) => item.organisationId === organisationId);
      expect(pending).toHaveLength(5);
      for (const item of pending)
        expect((await api('POST', `/api/v1/assurance/${item.id}/verification`, { token, json: { decision: 'verified' } })).statusCode).toBe(
          204,
        );
      const again = await api('POST', `/api/v1/assurance/${pending[0].id}/verification`, {
        token,
        json: { decision: 'rejected', note: 'Changed my mind' },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'invalid-transition', detail: 'This evidence is already verified' });
      const summary = await assuranceSummary(t.deps.db, organisationId, '2027-02-01');
      expect(summary).toMatchObject({ complete: true, valid: true });
      expect(summary.items.find((item) => item.kind === 'monitor-licence')?.state).toBe('missing');
      expect(
        (await assuranceSummary(t.deps.db, organisationId, '2028-02-02')).items.find((item) => item.kind === 'safeguarding'),
      ).toMatchObject({ expired: true, dueWithinDays: null });

      const cancelled = await api('POST', `/api/v1/providers/${organisationId}/cqc-status`, {
        token,
        json: { status: 'registration-cancelled', note: 'CQC notice of 20 January 2027' },
      });
      expect(cancelled.statusCode, cancelled.body).toBe(201);
      const after = await assuranceSummary(t.deps.db, organisationId, '2027-02-01');
      expect(after.valid).toBe(false);
      expect(after.items.find((item) => item.kind === 'cqc-registration')).toMatchObject({
        state: 'verified',
        cqcStatus: 'registration-cancelled',
      });
      expect(
        await t.deps.db
          .selectFrom('assurance_evidence')
          .select('cqc_status')
          .where('organisation_id', '=', organisationId)
          .where('kind', '=', 'cqc-registration')
          .orderBy('created_at')
          .execute(),
      ).toEqual([{ cqc_status: 'registered' }, { cqc_status: 'registration-cancelled' }]);
      expect(
        await t.deps.db
          .selectFrom('outbox_messages')
          .select('subject')
          .where('organisation_id', '=', organisationId)
          .where('subject', 'like', 'CQC status%')
          .execute(),
      ).toEqual([{ subject: 'CQC status recorded: Registration cancelled' }]);
    });

    it('lets only national administrators record a CQC status change', async () => {
      const assessor = await person(NATIONAL_ASSESSOR);
      expect((await assessor.get('/assurance/cqc-status')).statusCode).toBe(403);
      const national = await person('national.admin@aqp.example');
      const page = await national.get('/assurance/cqc-status');
      expect(page.body).toContain('Registration cancelled');
      const restored = await national.submit('/assurance/cqc-status', {
        organisationId,
        status: 'registered',
        note: 'CQC restored the registration',
      });
      expect(restored.statusCode).toBe(303);
      expect((await assuranceSummary(t.deps.db, organisationId, '2027-02-01')).valid).toBe(true);
    });
  });
});
