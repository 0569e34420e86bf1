/** Builders for activity lines and the plain facts they are validated against: a back and neck pain episode (8 sessions) and a hearing pathway. */
import type { ActivityLine } from '../../src/domains/payments/activity-line.rules.ts';
import type { CurrencyTerms, ReferralFacts, ValidationFacts } from '../../src/domains/payments/activity-validation.rules.ts';

export const PROVIDER = 'provider-newmove';
export const COMMISSIONER = '15N';
export const TODAY = '2027-06-30';
export const REFERRAL = '000000070001';

/** Physiotherapy session (NCC A08A1) for back and neck pain: up to 8 sessions a referral, DNAs not paid. */
export function backPainSessions(overrides: Partial<CurrencyTerms> = {}): CurrencyTerms {
  return { code: 'A08A1', oncePerReferral: false, dnaPayable: false, sessionCap: 8, ...overrides };
}

/** The adult hearing pathway (NCC AS05), paid once per referral. */
export function hearingPathway(overrides: Partial<CurrencyTerms> = {}): CurrencyTerms {
  return { code: 'AS05', oncePerReferral: true, dnaPayable: false, sessionCap: null, ...overrides };
}

/** A referral accepted by PROVIDER on 1 March 2027 under COMMISSIONER's offer, still in treatment, its listing live since 2026. */
export function aReferral(overrides: Partial<ReferralFacts> = {}): ReferralFacts {
  return {
    status: 'accepted',
    providerId: PROVIDER,
    acceptedOn: '2027-03-01',
    dischargedOn: null,
    outsideCriteria: false,
    offer: { commissionerCode: COMMISSIONER, currencies: [backPainSessions(), hearingPathway()], complexityBands: ['standard', 'complex'] },
    listingLivePeriods: [{ from: '2026-04-01', to: null }],
    contractEndsOn: '2029-03-31',
    responsibleCommissioners: [{ commissionerCode: COMMISSIONER, from: '2020-01-01', to: null }],
    ...overrides,
  };
}

/** Facts for a batch from PROVIDER today, with the given referrals (REFERRAL by default) and nothing accepted before. */
export function someFacts(overrides: Partial<ValidationFacts> = {}): ValidationFacts {
  return { providerId: PROVIDER, today: TODAY, referrals: { [REFERRAL]: aReferral() }, acceptedLines: [], ...overrides };
}

/** An attended back and neck pain session on REFERRAL. */
export function aLine(overrides: Partial<ActivityLine> = {}): ActivityLine {
  return {
    lineId: 'L1',
    referralReference: REFERRAL,
    currencyCode: 'A08A1',
    activityDate: '2027-04-05',
    attendance: '5',
    complexityBand: 'standard',
    kind: 'original',
    ...overrides,
  };
}

/** `count` attended weekly sessions on REFERRAL from 5 April 2027, ids S1, S2, … */
export function weeklySessions(count: number, overrides: Partial<ActivityLine> = {}): ActivityLine[] {
  return Array.from({ length: count }, (_, index) =>
    aLine({ lineId: `S${index + 1}`, activityDate: dayAfter('2027-04-05', 7 * index), ...overrides }),
  );
}

function dayAfter(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
