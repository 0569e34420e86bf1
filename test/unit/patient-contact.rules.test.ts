import { describe, expect, it } from 'vitest';
import { NATIONAL_PACKS } from '../../src/domains/catalogue/national-packs.seed.ts';
import { evaluateEligibility } from '../../src/domains/referrals/eligibility.rules.ts';
import { PATIENT_FALLBACK_ADVICE, reasonsForPatients } from '../../src/domains/referrals/patient-advice.rules.ts';
import { keepPatientWording } from '../../src/http/web/offers/protocol-form.ts';
import { checkedContactOf, contactErrors, contactInputOf } from '../../src/domains/referrals/patient-contact.rules.ts';

const talking = NATIONAL_PACKS['psychological-therapies']!.content.protocol;
const facts = {
  referralDate: '2027-06-01',
  dateOfBirth: '1990-01-01',
  sex: 'female' as const,
  route: 'self' as const,
  priority: 'routine',
  prerequisiteAnswers: {},
  bodyArea: null,
  earlierReferrals: [],
};

describe('contact details and communication needs', () => {
  it('asks a self-referring patient for a phone number or an email address, but lets a referrer leave both out', () => {
    expect(contactErrors(contactInputOf({}), 'patient')).toEqual([
      { field: 'phone', message: 'Enter a phone number or an email address, so the provider can contact you' },
    ]);
    expect(contactErrors(contactInputOf({}), 'referrer')).toEqual([]);
  });

  it('refuses a wish to be sent the reference by email without an email address, and unknown formats or access needs', () => {
    expect(contactErrors(contactInputOf({ phone: '07700 900982', sendReferenceBy: 'email' }), 'patient')).toEqual([
      { field: 'sendReferenceBy', message: 'Enter your email address above, or choose another way' },
    ]);
    expect(
      contactErrors(contactInputOf({ phone: '07700 900982', formats: ['smoke-signals'], access: ['helicopter'] }), 'patient').map(
        (error) => error.field,
      ),
    ).toEqual(['formats', 'access']);
    expect(contactErrors(contactInputOf({ phone: '07700 900982', addressLines: ['x'.repeat(101)] }), 'patient')).toEqual([
      { field: 'addressLine1', message: 'Each line of the address must be 100 characters or fewer' },
    ]);
  });

  it('keeps needs only when some were given, in the list’s order, with blank address lines dropped', () => {
    expect(checkedContactOf(contactInputOf({ email: 'sam@example.com' })).communicationNeeds).toBeNull();
    expect(
      checkedContactOf(
        contactInputOf({
          email: 'sam@example.com',
          formats: ['bsl', 'large-print'],
          interpreterLanguage: '  Polish ',
          addressLines: [' 1  High Street ', '', 'Halifax'],
          sendReferenceBy: 'email',
        }),
      ),
    ).toEqual({
      phone: null,
      email: 'sam@example.com',
      addressLines: ['1 High Street', 'Halifax'],
      sendReferenceBy: 'email',
      communicationNeeds: { interpreterLanguage: 'Polish', formats: ['large-print', 'bsl'], access: [], other: null },
    });
  });
});

describe('what a patient is told when the protocol sends them elsewhere', () => {
  it('tells a person at immediate risk of harm to call 999, NHS 111 option 2 or the local crisis line, as urgent advice, never the referrer’s wording', () => {
    const [reason] = reasonsForPatients(evaluateEligibility(talking, { ...facts, exclusionAnswers: { risk: true } }).reasons);
    expect(reason).toMatchObject({ code: 'exclusion', urgent: true, advice: 'Do not refer to AQP: contact the crisis team now.' });
    expect(reason!.patientAdvice).toMatch(/call 999.*NHS 111 and choose option 2.*local NHS mental health crisis line/s);
  });

  it('falls back to safe patient wording that says where to get urgent help when the protocol has none', () => {
    const reasons = reasonsForPatients([
      { code: 'exclusion', message: 'Answered yes: Vertigo?', advice: 'Do not refer to AQP: refer to ENT.' },
      { code: 'too-young', message: 'Too young', urgent: true, patientAdvice: 'Now.' },
    ]);
    expect(reasons.map((reason) => [reason.code, reason.urgent, reason.patientAdvice])).toEqual([
      ['too-young', true, 'Now.'],
      ['exclusion', false, PATIENT_FALLBACK_ADVICE],
    ]);
    expect(PATIENT_FALLBACK_ADVICE).toContain('NHS 111');
  });
});

describe('editing a protocol that has patient wording', () => {
  it('keeps the patient wording and safety mark of an exclusion whose id and question are unchanged, and drops it when the question changes', () => {
    const edited = {
      ...talking,
      exclusions: [
        { id: 'risk', question: talking.exclusions[0]!.question, redirectAdvice: 'Call the crisis team.' },
        { id: 'new', question: 'New?', redirectAdvice: 'Elsewhere.' },
      ],
    };
    const kept = keepPatientWording(talking, edited);
    expect(kept.exclusions[0]).toMatchObject({
      redirectAdvice: 'Call the crisis team.',
      urgent: true,
      patientAdvice: talking.exclusions[0]!.patientAdvice,
    });
    expect(kept.exclusions[1]).toEqual(edited.exclusions[1]);
    const reworded = keepPatientWording(talking, { ...edited, exclusions: [{ id: 'risk', question: 'Any risk?', redirectAdvice: 'x' }] });
    expect(reworded.exclusions[0]).toEqual({ id: 'risk', question: 'Any risk?', redirectAdvice: 'x' });
  });
});
