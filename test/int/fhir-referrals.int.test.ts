import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_CATALOGUE_SYSTEM } from '../../src/domains/directory/healthcare-service.fhir.ts';
import { IDENTIFIER_SYSTEMS } from '../../src/lib/uk-core.rules.ts';
import { movableToday } from '../support/movable-clock.ts';
import {
  aHearingReferral,
  aListingIn,
  aPracticeWithReferrer,
  aProviderWithSites,
  bornAged,
  nhsNumberFrom,
  placePostcodes,
  tokenFor,
} from '../support/referral-rows.ts';
import { changedTables, fingerprintTables } from '../support/table-fingerprint.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const TODAY = '2027-03-01';
const FHIR_JSON = 'application/fhir+json';

/** The JSON API's hearing referral (the page's input) as a ServiceRequest with a contained Patient and QuestionnaireResponse. */
function asServiceRequest(body: ReturnType<typeof aHearingReferral>, requesterOds = 'B84001'): Record<string, unknown> {
  const patient = body.patient as Record<string, string>;
  return {
    resourceType: 'ServiceRequest',
    status: 'active',
    intent: 'order',
    priority: body.priority,
    contained: [
      {
        resourceType: 'Patient',
        id: 'patient',
        identifier: [{ system: IDENTIFIER_SYSTEMS.nhsNumber, value: patient.nhsNumber }],
        name: [{ use: 'official', family: patient.familyName, given: [patient.givenName] }],
        gender: patient.sex,
        birthDate: patient.dateOfBirth,
        address: [{ use: 'home', postalCode: patient.postcode }],
      },
      {
        resourceType: 'QuestionnaireResponse',
        id: 'answers',
        status: 'completed',
        item: Object.entries(body.answers as Record<string, boolean>).map(([linkId, valueBoolean]) => ({
          linkId,
          answer: [{ valueBoolean }],
        })),
      },
    ],
    subject: { reference: '#patient' },
    requester: { identifier: { system: IDENTIFIER_SYSTEMS.odsOrganisationCode, value: requesterOds } },
    code: { coding: [{ system: SERVICE_CATALOGUE_SYSTEM, code: body.serviceCode }] },
    supportingInfo: [{ reference: '#answers' }],
    note: [{ text: body.clinicalInformation }],
  };
}

describe('referrals over FHIR: ServiceRequest, Patient and Appointment', () => {
  let t: TestApp;
  let calderdale: { practiceId: string; token: string };
  let kirklees: { token: string };
  let commissionerToken: string;

  const as = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(payload ? { 'content-type': url.startsWith('/fhir/') ? FHIR_JSON : 'application/json' } : {}),
      },
      ...(payload ? { payload: JSON.stringify(payload) } : {}),
    });
  const storedReferral = (ubrn: string) =>
    t.deps.db
      .selectFrom('referrals as r')
      .innerJoin('patients as p', 'p.id', 'r.patient_id')
      .selectAll('r')
      .select(['p.given_name', 'p.family_name', 'p.date_of_birth', 'p.sex', 'p.postcode', 'p.practice_organisation_id'])
      .where('r.ubrn', '=', ubrn)
      .executeTakeFirstOrThrow();
  const auditOf = (action: string) =>
    t.deps.db.selectFrom('audit_events').select(['entity_id', 'outcome', 'details']).where('action', '=', action).execute();

  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo', clock: movableToday(TODAY) });
    await placePostcodes(t.deps);
    const b84001 = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'B84001').executeTakeFirstOrThrow();
    calderdale = { practiceId: b84001.id, token: await tokenFor(t.deps, b84001.id, 'referrer') };
    kirklees = await aPracticeWithReferrer(t.deps, {
      odsCode: 'B85001',
      name: 'Parkview Surgery',
      subIcbOds: 'X2C4Y',
      email: 'referrer@parkview.example',
    });
    const icb = await t.deps.db.selectFrom('organisations').select('id').where('ods_code', '=', 'QWO').executeTakeFirstOrThrow();
    commissionerToken = await tokenFor(t.deps, icb.id, 'commissioner');
  });
  afterAll(() => t?.close());

  it('creates the same referral as the JSON API for the same input: 201, a Location, and a ServiceRequest a UBRN search finds', async () => {
    const viaApi = aHearingReferral({ dateOfBirth: bornAged(70, TODAY), nhsNumber: nhsNumberFrom('401023213') });
    const viaFhir = aHearingReferral({ dateOfBirth: bornAged(70, TODAY), nhsNumber: nhsNumberFrom('401023214') });
    const apiUbrn = (await as(calderdale.token, 'POST', '/api/v1/referrals', viaApi)).json().ubrn as string;

    const response = await as(calderdale.token, 'POST', '/fhir/ServiceRequest', asServiceRequest(viaFhir));
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    const created = response.json();
    expect(response.headers.location).toMatch(new RegExp(`/fhir/ServiceRequest/${created.id}$`));
    expect(created).toMatchObject({ resourceType: 'ServiceRequest', status: 'active', intent: 'order', priority: 'routine' });
    const ubrn = created.identifier[0].value as string;
    expect(created.identifier).toEqual([{ system: IDENTIFIER_SYSTEMS.ubrn, value: ubrn }]);

    const [fromApi, fromFhir] = await Promise.all([storedReferral(apiUbrn), storedReferral(ubrn)]);
    const differ = ['id', 'ubrn', 'access_code_hash', 'patient_id', 'created_at', 'updated_at'] as const;
    const same = (row: typeof fromApi) =>
      Object.fromEntries(Object.entries(row).filter(([key]) => !(differ as readonly string[]).includes(key)));
    expect(same(fromFhir)).toEqual(same(fromApi));
    const eventsOf = (id: string) =>
      t.deps.db
        .selectFrom('referral_events')
        .select(['from_status', 'to_status', 'actor', 'comment'])
        .where('referral_id', '=', id)
        .execute();
    expect(await eventsOf(fromFhir.id)).toEqual(await eventsOf(fromApi.id));

    const search = await as(
      calderdale.token,
      'GET',
      `/fhir/ServiceRequest?identifier=${encodeURIComponent(`${IDENTIFIER_SYSTEMS.ubrn}|${ubrn}`)}`,
    );
    expect(search.statusCode).toBe(200);
    expect(search.json()).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1, entry: [{ resource: { id: created.id } }] });
    expect((await as(kirklees.token, 'GET', `/fhir/ServiceRequest?identifier=${ubrn}`)).json().total).toBe(0);
  });

  it('refuses an ineligible referral with a 422 OperationOutcome giving each reason, and saves nothing', async () => {
    const body = aHearingReferral({ dateOfBirth: bornAged(70, TODAY), answers: { vertigo: true, 'wax-cleared': false } });
    const before = await fingerprintTables(t.deps.db);
    const response = await as(calderdale.token, 'POST', '/fhir/ServiceRequest', asServiceRequest(body));
    expect(response.statusCode).toBe(422);
    const outcome = response.json();
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue.slice(1)).toEqual([
      expect.objectContaining({
        code: 'business-rule',
        expression: ["QuestionnaireResponse.item.where(linkId='vertigo')"],
        details: { text: 'Answered yes: Vertigo? Do not refer to AQP: refer to ENT.' },
      }),
      expect.objectContaining({ code: 'business-rule', expression: ["QuestionnaireResponse.item.where(linkId='wax-cleared')"] }),
    ]);
    expect(changedTables(before, await fingerprintTables(t.deps.db))).toEqual([]);
  });

  it('answers a malformed request with a 400 OperationOutcome naming each element, and saves nothing', async () => {
    const before = await fingerprintTables(t.deps.db);
    const noSubject = { ...asServiceRequest(aHearingReferral({ dateOfBirth: bornAged(70, TODAY) })), subject: undefined, priority: 'stat' };
    const response = await as(calderdale.token, 'POST', '/fhir/ServiceRequest', noSubject);
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .issue.slice(1)
        .map((issue: { expression: string[] }) => issue.expression[0]),
    ).toEqual(['ServiceRequest.priority', 'ServiceRequest.subject']);
    const badNhsNumber = asServiceRequest(aHearingReferral({ dateOfBirth: bornAged(70, TODAY), nhsNumber: '9434765918' }));
    const checked = await as(calderdale.token, 'POST', '/fhir/ServiceRequest', badNhsNumber);
    expect(checked.statusCode).toBe(400);
    expect(checked.json().issue[1]).toMatchObject({
      expression: ['Patient.identifier'],
      details: { text: expect.stringContaining('check digit') },
    });
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/fhir/ServiceRequest',
      headers: { authorization: `Bearer ${calderdale.token}`, 'content-type': FHIR_JSON },
      payload: '{"resourceType":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(changedTables(before, await fingerprintTables(t.deps.db))).toEqual([]);
  });

  it('refuses a request made in another practice’s name', async () => {
    const body = asServiceRequest(aHearingReferral({ dateOfBirth: bornAged(70, TODAY) }), 'B85001');
    const response = await as(calderdale.token, 'POST', '/fhir/ServiceRequest', body);
    expect(response.statusCode).toBe(403);
    expect(response.json().issue[0].code).toBe('forbidden');
  });

  it('shows a Patient only to the sides of one of their referrals, auditing each read and refusal', async () => {
    const body = asServiceRequest(aHearingReferral({ dateOfBirth: bornAged(71, TODAY), nhsNumber: nhsNumberFrom('401023215') }));
    const created = (await as(calderdale.token, 'POST', '/fhir/ServiceRequest', body)).json();
    const patientId = (created.subject.reference as string).split('/')[1]!;

    const read = await as(calderdale.token, 'GET', `/fhir/Patient/${patientId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      resourceType: 'Patient',
      identifier: [{ system: IDENTIFIER_SYSTEMS.nhsNumber, value: nhsNumberFrom('401023215') }],
      birthDate: bornAged(71, TODAY),
      address: [{ postalCode: 'HX6 3AB' }],
    });
    expect((await as(kirklees.token, 'GET', `/fhir/Patient/${patientId}`)).statusCode).toBe(404);
    expect((await as(commissionerToken, 'GET', `/fhir/Patient/${patientId}`)).statusCode).toBe(403);
    const byNhsNumber = `/fhir/Patient?identifier=${encodeURIComponent(`${IDENTIFIER_SYSTEMS.nhsNumber}|${nhsNumberFrom('401023215')}`)}`;
    expect((await as(calderdale.token, 'GET', byNhsNumber)).json().total).toBe(1);
    expect((await as(kirklees.token, 'GET', byNhsNumber)).json().total).toBe(0);

    const views = (await auditOf('patient.view')).filter((row) => row.entity_id === patientId || row.outcome === 'denied');
    expect(views.map((row) => row.outcome)).toEqual(['success', 'denied']);
    const searches = await auditOf('patient.fhir-search');
    expect(searches.map((row) => (row.details as { ids: string[] }).ids)).toEqual([[patientId], []]);
    const referralViews = await auditOf('referral.view');
    expect(referralViews.some((row) => row.entity_id === created.id && (row.details as { page: string }).page === 'fhir')).toBe(true);
  });

  it('shows the chosen provider the referral, its patient and its appointments once sent, based on the ServiceRequest', async () => {
    const offer = (await t.app.inject('/api/v1/offers?service=adult-hearing&commissioner=02T')).json().items[0].id as string;
    await aProviderWithSites(t.deps, { odsCode: 'FHR01', name: 'Hear Here', sites: [{ name: 'Halifax', postcode: 'HX1 1PW' }] });
    const { providerId } = await aListingIn(t.deps, offer, 'FHR01', 'live', TODAY);
    const providerToken = await tokenFor(t.deps, providerId, 'provider-clinician');
    const body = asServiceRequest(aHearingReferral({ dateOfBirth: bornAged(72, TODAY), nhsNumber: nhsNumberFrom('401023216') }));
    const created = (await as(calderdale.token, 'POST', '/fhir/ServiceRequest', body)).json();
    const ubrn = created.identifier[0].value as string;
    expect((await as(providerToken, 'GET', `/fhir/ServiceRequest/${created.id}`)).statusCode).toBe(404);

    const entry = (await as(calderdale.token, 'GET', `/api/v1/referrals/${ubrn}/choice-list`)).json().entries[0];
    await as(calderdale.token, 'POST', `/api/v1/referrals/${ubrn}/choice`, { listingId: entry.listingId, siteId: entry.siteId });
    await as(providerToken, 'POST', `/api/v1/referrals/${ubrn}/accept`, {});
    const session = { kind: 'appointment', scheduledFor: '2027-03-08T10:30:00Z' };
    expect((await as(providerToken, 'POST', `/api/v1/referrals/${ubrn}/sessions`, session)).statusCode).toBe(201);

    const mine = await as(
      providerToken,
      'GET',
      `/fhir/ServiceRequest?performer=${encodeURIComponent(`${IDENTIFIER_SYSTEMS.odsOrganisationCode}|FHR01`)}`,
    );
    expect(mine.json().entry.map((found: { resource: { id: string } }) => found.resource.id)).toEqual([created.id]);
    expect(mine.json().entry[0].resource).toMatchObject({ performer: [{ identifier: { value: 'FHR01' } }], locationReference: [{}] });
    expect((await as(providerToken, 'GET', `/fhir/${created.subject.reference}`)).statusCode).toBe(200);
    const appointments = await as(providerToken, 'GET', `/fhir/Appointment?based-on=ServiceRequest/${created.id}`);
    expect(appointments.json()).toMatchObject({
      total: 1,
      entry: [
        { resource: { status: 'booked', start: '2027-03-08T10:30:00.000Z', basedOn: [{ reference: `ServiceRequest/${created.id}` }] } },
      ],
    });
    const appointmentId = appointments.json().entry[0].resource.id as string;
    expect((await as(calderdale.token, 'GET', `/fhir/Appointment/${appointmentId}`)).statusCode).toBe(200);
    expect((await as(kirklees.token, 'GET', `/fhir/Appointment/${appointmentId}`)).statusCode).toBe(404);
    expect((await auditOf('appointment.view')).map((row) => row.outcome)).toEqual(['success', 'denied']);
  });
});
