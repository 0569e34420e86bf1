import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NATIONAL_PACKS } from '../../src/domains/catalogue/national-packs.seed.ts';
import { evaluateEligibility, routeReasons } from '../../src/domains/referrals/eligibility.rules.ts';
import {
  checkSelfReferralInput,
  isPlausibleEmail,
  matchesPatientRecord,
  normalisePhone,
  type SelfReferralInput,
} from '../../src/domains/referrals/self-referral-input.rules.ts';

const hearing = NATIONAL_PACKS['adult-hearing']!.content.protocol;
const talking = NATIONAL_PACKS['psychological-therapies']!.content.protocol;
const continence = NATIONAL_PACKS.continence!.content.protocol;

/** A talking therapies self-referral as a 17-year-old would type it on 1 June 2027; override any field. */
function aSelfReferral(overrides: Partial<SelfReferralInput> = {}): SelfReferralInput {
  return {
    serviceCode: 'psychological-therapies',
    practiceOdsCode: 'B84001',
    nhsNumber: '943 476 5919',
    givenName: ' Robin ',
    familyName: 'Hood',
    dateOfBirth: '2010-01-15',
    sex: 'male',
    postcode: 'HX6 3AB',
    phone: '07700 900982',
    email: '',
    answers: { risk: false, 'not-asked': true },
    helpWanted: ' Panic attacks. ',
    ...overrides,
  };
}

describe('which services a patient may refer themselves to', () => {
  it('allows self-referral to talking therapies and continence, whose national packs list the self route, and not to hearing (GP only)', () => {
    expect(routeReasons(talking, 'self')).toEqual([]);
    expect(routeReasons(continence, 'self')).toEqual([]);
    expect(routeReasons(hearing, 'self')).toEqual([
      { code: 'route', message: 'This service does not accept referrals from the patient (self-referral); it accepts referrals from a GP' },
    ]);
  });

  it('gives the eligibility engine the same route reason as the route check, so a page and the engine never disagree', () => {
    const facts = {
      referralDate: '2027-06-01',
      dateOfBirth: '1950-01-01',
      sex: 'female' as const,
      route: 'self' as const,
      priority: 'routine',
      exclusionAnswers: {},
      prerequisiteAnswers: {},
      bodyArea: null,
      earlierReferrals: [],
    };
    expect(evaluateEligibility(hearing, facts).reasons).toContainEqual(routeReasons(hearing, 'self')[0]);
  });
});

describe('the self-referral form', () => {
  it('checks a 17-year-old’s talking therapies self-referral as a routine referral by route self, with the help wanted as its information and only the protocol’s answers kept', () => {
    const { errors, checked } = checkSelfReferralInput(aSelfReferral(), talking, '2027-06-01');
    expect(errors).toEqual([]);
    expect(checked).toEqual({
      referral: {
        nhsNumber: '9434765919',
        givenName: 'Robin',
        familyName: 'Hood',
        dateOfBirth: '2010-01-15',
        sex: 'male',
        priority: 'routine',
        route: 'self',
        bodyArea: null,
        answers: { risk: false },
        clinicalInformation: 'Panic attacks.',
      },
      contact: { phone: '07700900982', email: null, addressLines: [], communicationNeeds: null, sendReferenceBy: null },
    });
  });

  it('needs a phone number or an email address, so the provider can reach the patient', () => {
    const { errors } = checkSelfReferralInput(aSelfReferral({ phone: ' ', email: '' }), talking, '2027-06-01');
    expect(errors).toEqual([{ field: 'phone', message: 'Enter a phone number or an email address, so the provider can contact you' }]);
    expect(checkSelfReferralInput(aSelfReferral({ phone: '', email: 'sam@example.com' }), talking, '2027-06-01').errors).toEqual([]);
  });

  it('speaks to the patient in its messages and reports every problem at once', () => {
    const { errors, checked } = checkSelfReferralInput(
      aSelfReferral({ nhsNumber: '', givenName: '', sex: '', answers: {}, helpWanted: '', phone: '12', email: 'not-an-email' }),
      talking,
      '2027-06-01',
    );
    expect(checked).toBeUndefined();
    expect(errors).toEqual([
      { field: 'nhsNumber', message: 'Enter your NHS number' },
      { field: 'givenName', message: 'Enter your first name' },
      { field: 'sex', message: 'Select your sex' },
      { field: 'answer-risk', message: 'Answer yes or no: Immediate risk of harm to self or others?' },
      { field: 'phone', message: 'Enter a phone number, like 01632 960 001 or 07700 900 982' },
      { field: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
      { field: 'helpWanted', message: 'Tell us what help you are looking for' },
    ]);
  });

  it('keeps contact details in one spelling: phone digits without spaces or brackets, email trimmed', () => {
    const { checked } = checkSelfReferralInput(
      aSelfReferral({ phone: '(01632) 960-001', email: ' sam@example.co.uk ' }),
      talking,
      '2027-06-01',
    );
    expect(checked?.contact).toMatchObject({ phone: '01632960001', email: 'sam@example.co.uk' });
    expect(normalisePhone('+44 7700 900982')).toBe('+447700900982');
    expect(normalisePhone('999')).toBeUndefined();
    expect(isPlausibleEmail('name@localhost')).toBe(false);
    expect(isPlausibleEmail(`${'a'.repeat(310)}@example.com`)).toBe(false);
  });

  it('accepts any phone number of 10 to 15 digits however it is spaced, and no shorter one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,20}$/), (digits) => {
        const spaced = digits.replace(/(\d{3})/g, '$1 ');
        expect(normalisePhone(spaced) !== undefined).toBe(digits.length >= 10 && digits.length <= 15);
      }),
    );
  });
});

describe('matching a self-referring patient to the record held', () => {
  const record = { familyName: "O'Brien-Smith", dateOfBirth: '1960-02-29' };

  it('matches the last name whatever the case, spaces, hyphens or apostrophes, with the same date of birth', () => {
    expect(matchesPatientRecord(record, { familyName: 'obrien smith', dateOfBirth: '1960-02-29' })).toBe(true);
    expect(matchesPatientRecord({ familyName: 'Zoë', dateOfBirth: '1990-01-01' }, { familyName: 'ZOE', dateOfBirth: '1990-01-01' })).toBe(
      true,
    );
  });

  it('refuses another date of birth or another name', () => {
    expect(matchesPatientRecord(record, { familyName: "O'Brien-Smith", dateOfBirth: '1960-03-01' })).toBe(false);
    expect(matchesPatientRecord(record, { familyName: 'Brien', dateOfBirth: '1960-02-29' })).toBe(false);
  });
});
