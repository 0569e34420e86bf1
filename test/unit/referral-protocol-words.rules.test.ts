import { describe, expect, it } from 'vitest';
import { eligibilityInWords } from '../../src/domains/catalogue/referral-protocol-words.rules.ts';

describe('who an offer is for, in plain words', () => {
  it('says "for adults 55 and over" for the national hearing protocol, referred by a GP', () => {
    expect(eligibilityInWords({ ageMin: 55, sexes: [], routes: ['gp'] })).toBe('For adults 55 and over. You need a referral from a GP.');
  });

  it('says who may refer when self-referral is open', () => {
    expect(eligibilityInWords({ ageMin: 16, sexes: [], routes: ['gp', 'self'] })).toBe(
      'For people 16 and over. You can refer yourself, or be referred by a GP.',
    );
    expect(eligibilityInWords({ ageMin: 18, sexes: [], routes: ['gp', 'other-clinician'] })).toBe(
      'For adults. You need a referral from a GP or another clinician.',
    );
  });

  it('names an age range, an upper age and a single sex', () => {
    expect(eligibilityInWords({ ageMin: 18, ageMax: 64, sexes: [], routes: ['gp'] })).toBe(
      'For adults aged 18 to 64. You need a referral from a GP.',
    );
    expect(eligibilityInWords({ ageMax: 17, sexes: [], routes: ['gp'] })).toBe(
      'For people aged 17 and under. You need a referral from a GP.',
    );
    expect(eligibilityInWords({ ageMin: 18, sexes: ['female'], routes: ['self'] })).toBe('For women 18 and over. You refer yourself.');
    expect(eligibilityInWords({ sexes: [], routes: ['gp'] })).toBe('For people of any age. You need a referral from a GP.');
  });
});
