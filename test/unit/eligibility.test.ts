import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NATIONAL_PACKS } from '../../src/domains/catalogue/national-packs.seed.ts';
import type { ReferralProtocol } from '../../src/domains/catalogue/referral-protocol.schema.ts';
import { ageOn, evaluateEligibility, type ReferralFacts } from '../../src/domains/referrals/eligibility.rules.ts';
import { isValidNhsNumber, normaliseNhsNumber } from '../../src/lib/nhs-number.ts';

const hearing = NATIONAL_PACKS['adult-hearing']!.content.protocol;
const backPain = NATIONAL_PACKS['back-and-neck-pain']!.content.protocol;
const talking = NATIONAL_PACKS['psychological-therapies']!.content.protocol;
const noToAll = (protocol: ReferralProtocol) => Object.fromEntries(protocol.exclusions.map((q) => [q.id, false]));
const yesToAll = (protocol: ReferralProtocol) => Object.fromEntries(protocol.prerequisites.map((q) => [q.id, true]));

/** A referral builder: a GP's routine referral made on 1 June 2027 that meets every question of the protocol. */
function aReferral(protocol: ReferralProtocol, overrides: Partial<ReferralFacts> = {}): ReferralFacts {
  return {
    referralDate: '2027-06-01',
    dateOfBirth: '1960-01-01',
    sex: 'female',
    route: 'gp',
    priority: 'routine',
    exclusionAnswers: noToAll(protocol),
    prerequisiteAnswers: yesToAll(protocol),
    bodyArea: null,
    earlierReferrals: [],
    ...overrides,
  };
}
const agedOnReferral = (age: number) => `${2027 - age}-05-31`;

describe('the eligibility engine', () => {
  it('refuses a 54-year-old for hearing where the protocol says 55+, and accepts them where the local protocol says 50+', () => {
    const result = evaluateEligibility(hearing, aReferral(hearing, { dateOfBirth: agedOnReferral(54) }));
    expect(result).toMatchObject({
      eligible: false,
      ageOnReferralDate: 54,
      reasons: [{ code: 'too-young', message: 'The patient is 54 on the referral date; this service is for people aged 55 and over' }],
    });
    const local = { ...hearing, ageMin: 50 };
    expect(evaluateEligibility(local, aReferral(local, { dateOfBirth: agedOnReferral(54) }))).toEqual({
      eligible: true,
      ageOnReferralDate: 54,
      reasons: [],
    });
  });

  it('refuses a yes to vertigo with the ENT redirect advice', () => {
    const result = evaluateEligibility(hearing, aReferral(hearing, { exclusionAnswers: { ...noToAll(hearing), vertigo: true } }));
    expect(result.reasons).toEqual([
      { code: 'exclusion', message: 'Answered yes: Vertigo?', advice: 'Do not refer to AQP: refer to ENT.', questionId: 'vertigo' },
    ]);
  });

  it('refuses a self-referral to hearing (GP only) but accepts a 17-year-old self-referring to talking therapies (16+)', () => {
    expect(evaluateEligibility(hearing, aReferral(hearing, { route: 'self' })).reasons.map((r) => r.code)).toEqual(['route']);
    expect(evaluateEligibility(talking, aReferral(talking, { route: 'self', dateOfBirth: agedOnReferral(17) })).eligible).toBe(true);
  });

  it('returns every reason at once, with the advice for each', () => {
    const result = evaluateEligibility(
      hearing,
      aReferral(hearing, {
        dateOfBirth: agedOnReferral(40),
        route: 'self',
        exclusionAnswers: { ...noToAll(hearing), discharge: true },
        prerequisiteAnswers: { 'wax-cleared': false },
      }),
    );
    expect(result.reasons.map((r) => r.code)).toEqual(['too-young', 'route', 'exclusion', 'prerequisite']);
    expect(result.reasons[3]!.advice).toContain('Clear the wax before referring');
  });

  it('asks for any question left unanswered rather than guessing', () => {
    const result = evaluateEligibility(hearing, aReferral(hearing, { exclusionAnswers: {} }));
    expect(result.eligible).toBe(false);
    expect(result.reasons.filter((r) => r.code === 'unanswered')).toHaveLength(hearing.exclusions.length);
  });

  it('limits back and neck pain to one referral per body area in 12 months', () => {
    const earlier = [{ referredOn: '2026-09-01', bodyArea: 'neck' }];
    expect(
      evaluateEligibility(backPain, aReferral(backPain, { bodyArea: 'neck', earlierReferrals: earlier })).reasons.map((r) => r.code),
    ).toEqual(['repeat-limit']);
    expect(evaluateEligibility(backPain, aReferral(backPain, { bodyArea: 'lower back', earlierReferrals: earlier })).eligible).toBe(true);
    expect(
      evaluateEligibility(
        backPain,
        aReferral(backPain, { bodyArea: 'neck', earlierReferrals: [{ referredOn: '2026-06-01', bodyArea: 'neck' }] }),
      ).eligible,
    ).toBe(true);
    expect(evaluateEligibility(backPain, aReferral(backPain, { bodyArea: null })).reasons.map((r) => r.code)).toEqual([
      'body-area-missing',
    ]);
  });

  it('refuses a sex or priority the protocol does not take', () => {
    const womenOnly = { ...talking, sexes: ['female' as const] };
    expect(evaluateEligibility(womenOnly, aReferral(womenOnly, { sex: 'male' })).reasons.map((r) => r.code)).toEqual(['sex']);
    expect(evaluateEligibility(hearing, aReferral(hearing, { priority: 'urgent' })).reasons.map((r) => r.code)).toEqual(['priority']);
  });
});

describe('age on the referral date', () => {
  const dates = fc
    .date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('is eligible exactly from the minimum-age birthday onwards', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), dates, dates, (minimum, birth, referral) => {
        fc.pre(birth <= referral);
        const protocol = { ...hearing, ageMin: minimum };
        const eligible = evaluateEligibility(protocol, aReferral(protocol, { dateOfBirth: birth, referralDate: referral })).eligible;
        expect(eligible).toBe(ageOn(birth, referral) >= minimum);
      }),
    );
  });

  it('turns a year older on the birthday itself, not the day before', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 99 }), (birth, years) => {
        fc.pre(!birth.endsWith('02-29'));
        const birthday = `${Number(birth.slice(0, 4)) + years}${birth.slice(4)}`;
        const dayBefore = new Date(Date.parse(`${birthday}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        expect(ageOn(birth, birthday)).toBe(years);
        expect(ageOn(birth, dayBefore)).toBe(years - 1);
      }),
    );
  });

  it('counts a 29 February birthday on 1 March in ordinary years', () => {
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
  });
});

describe('NHS numbers', () => {
  it('accepts a valid modulus 11 number with or without spaces and refuses a wrong check digit', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('12345')).toBe(false);
    expect(normaliseNhsNumber('943-476-5919')).toBe('9434765919');
  });

  it('has exactly one valid check digit for any nine digits, unless the check would be 10', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), (digits) => {
        const valid = Array.from({ length: 10 }, (_, check) => `${digits.join('')}${check}`).filter(isValidNhsNumber);
        const sum = digits.reduce((total, digit, index) => total + digit * (10 - index), 0);
        expect(valid).toHaveLength(11 - (sum % 11) === 10 ? 0 : 1);
      }),
    );
  });
});
