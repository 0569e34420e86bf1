import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCompliance } from '../../src/domains/compliance/compliance-run.service.ts';
import { tinyPdf } from '../../src/demo/demo-document.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { aQualifiedListing, giveCompleteAssurance } from '../support/listing-rows.ts';
import { movableToday } from '../support/movable-clock.ts';
import { type FilePart, multipartBody } from '../support/uploads.ts';
import { apiKeyFor } from '../support/web-client.ts';

const clock = movableToday('2027-03-01');
const certificate: FilePart = {
  field: 'document',
  fileName: 'registration.pdf',
  contentType: 'application/pdf',
  content: tinyPdf('Registration certificate'),
};
const NOT_REGULATED = 'We dispense hearing aids to adults in the community: no regulated activity under the 2014 Regulations applies.';
const NOT_APPLICABLE = { kind: 'cqc-not-applicable', notApplicableReason: NOT_REGULATED, registrationBody: 'HCPC', reference: 'HAD01234' };

describe('a provider cannot clear a loss of CQC registration itself', () => {
  let t: TestApp;
  let providerId: string;
  let providerToken: string;
  let nationalToken: string;
  let commissionerToken: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock });
    providerId = (await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'DEMO1').executeTakeFirstOrThrow()).id;
    providerToken = await apiKeyFor(t.app, 'provider.admin@aqp.example', 'provider-admin');
    nationalToken = await apiKeyFor(t.app, 'national.admin@aqp.example', 'national-admin');
    commissionerToken = await apiKeyFor(t.app, 'commissioner@aqp.example', 'commissioner');
  });
  afterAll(() => t.close());

  const api = (token: string, url: string, body: { json?: object; fields?: Record<string, string> }) => {
    const multipart = body.fields && multipartBody(body.fields, certificate);
    return t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}`, ...(multipart ? { 'content-type': multipart.contentType } : {}) },
      payload: multipart ? multipart.payload : body.json!,
    });
  };
  const record = (fields: Record<string, string>) => api(providerToken, '/api/v1/provider/assurance', { fields });
  const recordCqcStatus = (status: string) =>
    api(nationalToken, `/api/v1/providers/${providerId}/cqc-status`, { json: { status, note: 'CQC notice of 1 March 2027' } });
  const judge = (id: string, decision: string, note = '') =>
    api(nationalToken, `/api/v1/assurance/${id}/verification`, { json: { decision, ...(note ? { note } : {}) } });
  const currentCqcKinds = () =>
    t.deps.db
      .selectFrom('assurance_evidence')
      .select(['kind', 'cqc_status', 'verification_status'])
      .where('organisation_id', '=', providerId)
      .where('kind', 'in', ['cqc-registration', 'cqc-not-applicable'])
      .where('superseded_at', 'is', null)
      .orderBy('kind')
      .execute();
  const suspendedListing = async (service: string) => {
    const offerId = (await t.app.inject(`/api/v1/offers?service=${service}&commissioner=02T`)).json().items[0].id as string;
    const { listingId } = await aQualifiedListing(t.deps, offerId, 'DEMO1');
    await t.deps.db.updateTable('listings').set({ status: 'live', contract_start: '2027-03-01' }).where('id', '=', listingId).execute();
    expect(await runCompliance(t.deps, { triggeredBy: 'test', force: true })).toMatchObject({ listingsSuspended: 1 });
    return listingId;
  };
  const lift = (listingId: string) =>
    api(commissionerToken, `/api/v1/listings/${listingId}/reinstatement`, { json: { reason: 'Provider says CQC does not apply' } });

  it('refuses "CQC registration does not apply" while the registration is cancelled, so the suspension cannot be lifted', async () => {
    await giveCompleteAssurance(t.deps, providerId, '2029-01-31');
    expect((await recordCqcStatus('registration-cancelled')).statusCode).toBe(201);
    const listingId = await suspendedListing('back-and-neck-pain');

    const refused = await record(NOT_APPLICABLE);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'validation-failed',
      errors: [{ field: 'notApplicableReason', message: expect.stringContaining('recorded as registration cancelled') }],
    });
    expect(await currentCqcKinds()).toEqual([
      { kind: 'cqc-registration', cqc_status: 'registration-cancelled', verification_status: 'verified' },
    ]);
    const stillSuspended = await lift(listingId);
    expect(stillSuspended.statusCode).toBe(409);
    expect(stillSuspended.json().detail).toContain('CQC registration is registration cancelled');
  });

  it('keeps the CQC registration until the centre verifies the claim, and keeps it when the claim is rejected', async () => {
    await giveCompleteAssurance(t.deps, providerId, '2029-01-31');
    const claim = await record(NOT_APPLICABLE);
    expect(claim.statusCode, claim.body).toBe(201);
    expect(await currentCqcKinds()).toEqual([
      { kind: 'cqc-not-applicable', cqc_status: null, verification_status: 'pending' },
      { kind: 'cqc-registration', cqc_status: 'registered', verification_status: 'verified' },
    ]);
    expect((await judge(claim.json().id, 'rejected', 'The register entry is for another person')).statusCode).toBe(204);
    expect(await currentCqcKinds()).toEqual([
      { kind: 'cqc-not-applicable', cqc_status: null, verification_status: 'rejected' },
      { kind: 'cqc-registration', cqc_status: 'registered', verification_status: 'verified' },
    ]);
    expect(
      (await t.app.inject({ url: '/api/v1/provider/assurance', headers: { authorization: `Bearer ${providerToken}` } })).json(),
    ).toMatchObject({ valid: true });
  });

  it('lets the centre record a CQC loss while a claim is pending, then refuses to verify the claim over it', async () => {
    await giveCompleteAssurance(t.deps, providerId, '2029-01-31');
    const claim = await record(NOT_APPLICABLE);
    expect((await recordCqcStatus('suspended')).statusCode).toBe(201);
    const refused = await judge(claim.json().id, 'verified');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'decision', message: expect.stringContaining('recorded as suspended') });
    expect((await currentCqcKinds()).map((row) => [row.kind, row.verification_status])).toEqual([
      ['cqc-not-applicable', 'pending'],
      ['cqc-registration', 'verified'],
    ]);

    expect((await recordCqcStatus('registered')).statusCode).toBe(201);
    expect((await judge(claim.json().id, 'verified')).statusCode).toBe(204);
    expect(await currentCqcKinds()).toEqual([{ kind: 'cqc-not-applicable', cqc_status: null, verification_status: 'verified' }]);
  });

  it('refuses a re-recorded registration that would change a CQC status the centre recorded as lost', async () => {
    await giveCompleteAssurance(t.deps, providerId, '2029-01-31');
    expect((await recordCqcStatus('suspended')).statusCode).toBe(201);
    const listingId = await suspendedListing('psychological-therapies');

    const selfRestored = await record({ kind: 'cqc-registration', reference: '1-000000001', cqcStatus: 'registered' });
    expect(selfRestored.statusCode).toBe(400);
    expect(selfRestored.json().errors).toEqual([
      { field: 'cqcStatus', message: expect.stringContaining('Only the national qualification centre can record it restored') },
    ]);
    expect((await lift(listingId)).statusCode).toBe(409);

    const newCertificate = await record({ kind: 'cqc-registration', reference: '1-000000001', cqcStatus: 'suspended' });
    expect(newCertificate.statusCode, newCertificate.body).toBe(201);
    expect(await currentCqcKinds()).toEqual([{ kind: 'cqc-registration', cqc_status: 'suspended', verification_status: 'pending' }]);
    expect((await lift(listingId)).statusCode).toBe(409);
  });
});
