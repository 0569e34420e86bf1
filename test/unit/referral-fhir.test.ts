import { describe, expect, it } from 'vitest';
import { appointmentOf } from '../../src/domains/referrals/appointment.fhir.ts';
import { ineligibilityErrorOf } from '../../src/domains/referrals/eligibility.fhir.ts';
import { patientResourceOf } from '../../src/domains/referrals/patient.fhir.ts';
import { REFERRAL_STATUSES } from '../../src/domains/referrals/referral-status.rules.ts';
import type { ReferralRecord } from '../../src/domains/referrals/referral.repo.ts';
import { parseIncomingServiceRequest } from '../../src/domains/referrals/service-request-in.fhir.ts';
import { referralStatusesFor, SERVICE_REQUEST_STATUS, serviceRequestOf } from '../../src/domains/referrals/service-request.fhir.ts';
import { SERVICE_CATALOGUE_SYSTEM } from '../../src/domains/directory/healthcare-service.fhir.ts';
import { IDENTIFIER_SYSTEMS } from '../../src/lib/uk-core.rules.ts';

function aReferralRecord(overrides: Partial<ReferralRecord> = {}): ReferralRecord {
  return {
    id: '6a3c1f0e-2d4b-4c5a-9e8f-0a1b2c3d4e5f',
    ubrn: '000000070000',
    accessCodeHash: 'hash',
    status: 'awaiting-choice',
    version: 1,
    offer: {
      id: 'o',
      reference: 'AQP-1',
      title: 'Hearing',
      serviceCode: 'adult-hearing',
      serviceName: 'Adult hearing',
      servicePublicName: 'Hearing',
    },
    protocolVersion: 1,
    commissioner: { id: 'c', name: 'Calderdale', odsCode: '02T' },
    referrer: {
      organisationId: '11111111-1111-4111-8111-111111111111',
      organisationName: 'Elland Surgery',
      odsCode: 'B84001',
      userId: null,
    },
    route: 'gp',
    priority: 'routine',
    bodyArea: null,
    answers: {},
    eligibility: { eligible: true, ageOnReferralDate: 70, reasons: [] },
    clinicalInformation: 'Gradual hearing loss',
    referredOn: '2027-03-01',
    patient: {
      id: '22222222-2222-4222-8222-222222222222',
      nhsNumber: '9434765919',
      givenName: 'Ada',
      familyName: 'Lovelace',
      dateOfBirth: '1957-01-02',
      sex: 'female',
      postcode: 'HX6 3AB',
    },
    chosen: null,
    chosenAt: null,
    chosenBy: null,
    sentAt: null,
    acceptBy: null,
    acceptedAt: null,
    dischargedAt: null,
    sessionsAttended: 0,
    ...overrides,
  };
}

const CHOSEN: NonNullable<ReferralRecord['chosen']> = {
  listingId: 'l',
  siteId: '33333333-3333-4333-8333-333333333333',
  providerOrganisationId: '44444444-4444-4444-8444-444444444444',
  providerName: 'Hear Well',
  providerOdsCode: 'NQ1',
  siteName: 'Halifax clinic',
  siteAddress: null,
  sitePostcode: 'HX1 1PW',
};

describe('a referral as a ServiceRequest', () => {
  it('maps every referral state to a ServiceRequest status, and a status search finds the states behind it', () => {
    expect(Object.keys(SERVICE_REQUEST_STATUS).sort()).toEqual([...REFERRAL_STATUSES].sort());
    expect(referralStatusesFor('active')).toEqual(['awaiting-choice', 'sent', 'accepted']);
    expect(referralStatusesFor('completed')).toEqual(['discharged', 'episode-closed']);
    expect(referralStatusesFor('revoked')).toEqual(['cancelled']);
    expect(referralStatusesFor('on-hold')).toEqual(['returned']);
    expect(referralStatusesFor('draft')).toEqual([]);
  });

  it('names the UBRN, the subject by NHS number and the referring practice by ODS code, as an order in the referral category', () => {
    const resource = serviceRequestOf(aReferralRecord({ priority: 'urgent', bodyArea: 'left knee' }));
    expect(resource).toMatchObject({
      identifier: [{ system: IDENTIFIER_SYSTEMS.ubrn, value: '000000070000' }],
      status: 'active',
      intent: 'order',
      priority: 'urgent',
      category: [{ coding: [{ code: 'referral' }] }],
      code: { coding: [{ system: SERVICE_CATALOGUE_SYSTEM, code: 'adult-hearing' }] },
      subject: {
        reference: 'Patient/22222222-2222-4222-8222-222222222222',
        identifier: { system: IDENTIFIER_SYSTEMS.nhsNumber, value: '9434765919' },
      },
      requester: { identifier: { system: IDENTIFIER_SYSTEMS.odsOrganisationCode, value: 'B84001' }, display: 'Elland Surgery' },
      authoredOn: '2027-03-01',
      bodySite: [{ text: 'left knee' }],
    });
    expect(resource.performer).toBeUndefined();
  });

  it('gives the chosen provider as performer and its site as location once chosen, and the treatment period once accepted', () => {
    const acceptedAt = new Date('2027-03-05T09:00:00Z');
    const resource = serviceRequestOf(aReferralRecord({ status: 'accepted', chosen: CHOSEN, acceptedAt }));
    expect(resource.performer).toEqual([
      {
        reference: 'Organization/44444444-4444-4444-8444-444444444444',
        type: 'Organization',
        identifier: { system: IDENTIFIER_SYSTEMS.odsOrganisationCode, value: 'NQ1' },
        display: 'Hear Well',
      },
    ]);
    expect(resource.locationReference?.[0]?.reference).toBe('Location/33333333-3333-4333-8333-333333333333');
    expect(resource.occurrencePeriod).toEqual({ start: '2027-03-05T09:00:00.000Z' });
  });

  it('has the patient as requester of a self-referral, which has no referring practice', () => {
    const resource = serviceRequestOf(
      aReferralRecord({ referrer: { organisationId: null, organisationName: null, odsCode: null, userId: null } }),
    );
    expect(resource.requester?.reference).toBe('Patient/22222222-2222-4222-8222-222222222222');
  });
});

describe('a patient as a Patient', () => {
  it('shows the NHS number, name, date of birth, gender and postcode we hold, and the practice', () => {
    const patient = patientResourceOf({
      ...aReferralRecord().patient,
      practice: { id: '11111111-1111-4111-8111-111111111111', odsCode: 'B84001', name: 'Elland Surgery' },
    });
    expect(patient).toMatchObject({
      identifier: [{ system: IDENTIFIER_SYSTEMS.nhsNumber, value: '9434765919' }],
      name: [{ family: 'Lovelace', given: ['Ada'] }],
      gender: 'female',
      birthDate: '1957-01-02',
      address: [{ postalCode: 'HX6 3AB' }],
      generalPractitioner: [{ identifier: { value: 'B84001' } }],
    });
    expect(Object.keys(patient)).not.toContain('telecom');
  });
});

describe('an appointment or session as an Appointment', () => {
  const contact = { id: 'c1', kind: 'session' as const, recordedAt: new Date('2027-03-10T12:00:00Z') };

  it('is fulfilled when attended, noshow when not, booked before attendance is recorded', () => {
    const referral = aReferralRecord({ status: 'accepted', chosen: CHOSEN });
    const at = new Date('2027-03-10T10:00:00Z');
    expect(appointmentOf({ ...contact, scheduledFor: at, attendance: 'attended' }, referral).status).toBe('fulfilled');
    expect(appointmentOf({ ...contact, scheduledFor: at, attendance: 'did-not-attend' }, referral).status).toBe('noshow');
    expect(appointmentOf({ ...contact, scheduledFor: at, attendance: null }, referral).status).toBe('booked');
  });

  it('is based on the referral, starts when scheduled (or when recorded), and has the patient and the site as participants', () => {
    const referral = aReferralRecord({ status: 'accepted', chosen: CHOSEN });
    const appointment = appointmentOf({ ...contact, scheduledFor: null, attendance: 'attended' }, referral);
    expect(appointment).toMatchObject({
      start: '2027-03-10T12:00:00.000Z',
      end: '2027-03-10T12:00:00.000Z',
      basedOn: [{ reference: `ServiceRequest/${referral.id}` }],
      participant: [
        { actor: { reference: `Patient/${referral.patient.id}` }, status: 'accepted' },
        { actor: { reference: `Location/${CHOSEN.siteId}` }, status: 'accepted' },
      ],
    });
  });
});

describe('an incoming ServiceRequest', () => {
  const incoming = (overrides: Record<string, unknown> = {}) => ({
    resourceType: 'ServiceRequest',
    status: 'active',
    intent: 'order',
    contained: [
      {
        resourceType: 'Patient',
        id: 'p',
        identifier: [{ system: IDENTIFIER_SYSTEMS.nhsNumber, value: '9434765919' }],
        name: [{ use: 'official', family: 'Lovelace', given: ['Ada', 'King'] }],
        gender: 'female',
        birthDate: '1957-01-02',
        address: [{ use: 'home', postalCode: 'HX6 3AB' }],
      },
      {
        resourceType: 'QuestionnaireResponse',
        id: 'q',
        status: 'completed',
        item: [{ linkId: 'vertigo', answer: [{ valueBoolean: false }] }],
      },
    ],
    subject: { reference: '#p' },
    requester: { identifier: { system: IDENTIFIER_SYSTEMS.odsOrganisationCode, value: 'b84001' } },
    code: { coding: [{ system: SERVICE_CATALOGUE_SYSTEM, code: 'adult-hearing' }] },
    supportingInfo: [{ reference: '#q' }],
    note: [{ text: 'Gradual hearing loss' }],
    ...overrides,
  });

  it('reads the contained patient, the practice, the service, the answers and the clinical information into the referral form’s input', () => {
    expect(parseIncomingServiceRequest(incoming())).toEqual({
      errors: [],
      incoming: {
        requesterOdsCode: 'B84001',
        patient: {
          kind: 'contained',
          details: {
            nhsNumber: '9434765919',
            givenName: 'Ada King',
            familyName: 'Lovelace',
            dateOfBirth: '1957-01-02',
            sex: 'female',
            postcode: 'HX6 3AB',
          },
        },
        referral: {
          serviceCode: 'adult-hearing',
          priority: 'routine',
          route: 'gp',
          answers: { vertigo: false },
          clinicalInformation: 'Gradual hearing loss',
        },
      },
    });
  });

  it('takes a subject named only by NHS number', () => {
    const parsed = parseIncomingServiceRequest(
      incoming({ subject: { identifier: { system: IDENTIFIER_SYSTEMS.nhsNumber, value: '9434765919' } } }),
    );
    expect(parsed.incoming?.patient).toEqual({ kind: 'nhs-number', nhsNumber: '9434765919' });
  });

  it('names every problem by its element: status, priority, a performer, a service in another system, no subject', () => {
    const parsed = parseIncomingServiceRequest(
      incoming({ status: 'draft', priority: 'stat', performer: [{ reference: 'Organization/x' }], code: { text: 'Hearing' }, subject: {} }),
    );
    expect(parsed.incoming).toBeUndefined();
    expect(parsed.errors.map((error) => error.field)).toEqual([
      'ServiceRequest.status',
      'ServiceRequest.priority',
      'ServiceRequest.performer',
      'ServiceRequest.code',
      'ServiceRequest.subject',
    ]);
  });

  it('refuses a body that is not a ServiceRequest', () => {
    expect(parseIncomingServiceRequest([]).errors).toEqual([{ field: 'resourceType', message: 'The body must be a ServiceRequest' }]);
    expect(parseIncomingServiceRequest({ resourceType: 'Patient' }).errors[0]?.field).toBe('resourceType');
  });
});

describe('an ineligible referral as a business-rule error', () => {
  it('has one field error per reason, at the element the reason is about, with the advice', () => {
    const error = ineligibilityErrorOf({
      eligible: false,
      ageOnReferralDate: 54,
      reasons: [
        { code: 'too-young', message: 'The patient must be aged 55 or over' },
        { code: 'exclusion', message: 'Answered yes: Vertigo?', advice: 'Do not refer to AQP: refer to ENT.', questionId: 'vertigo' },
      ],
    });
    expect(error.code).toBe('business-rule');
    expect(error.details.fieldErrors).toEqual([
      { field: 'Patient.birthDate', message: 'The patient must be aged 55 or over' },
      { field: "QuestionnaireResponse.item.where(linkId='vertigo')", message: 'Answered yes: Vertigo? Do not refer to AQP: refer to ENT.' },
    ]);
  });
});
