import { describe, expect, it } from 'vitest';
import { packFieldErrors } from '../../src/domains/catalogue/implementation-pack.schema.ts';
import { NATIONAL_PACKS } from '../../src/domains/catalogue/national-packs.seed.ts';
import { NATIONAL_SERVICES } from '../../src/domains/catalogue/national-services.seed.ts';
import { protocolFieldErrors, validateProtocol } from '../../src/domains/catalogue/referral-protocol.rules.ts';
import type { ReferralProtocol } from '../../src/domains/catalogue/referral-protocol.schema.ts';
import { DomainError } from '../../src/lib/errors.ts';

const hearing: ReferralProtocol = structuredClone(NATIONAL_PACKS['adult-hearing']!.content.protocol);

describe('referral protocols', () => {
  it('accepts the national hearing protocol: 55+, GP only, seven ENT exclusions, wax cleared first', () => {
    expect(validateProtocol(hearing)).toMatchObject({ ageMin: 55, routes: ['gp'] });
    expect(hearing.exclusions).toHaveLength(7);
    expect(hearing.exclusions.every((exclusion) => exclusion.redirectAdvice.includes('ENT'))).toBe(true);
    expect(hearing.prerequisites.map((p) => p.id)).toEqual(['wax-cleared']);
  });

  it('accepts a local 50+ age limit', () => {
    expect(protocolFieldErrors({ ...hearing, ageMin: 50 })).toEqual([]);
  });

  it('refuses a maximum age below the minimum, at the maximum age field', () => {
    expect(protocolFieldErrors({ ...hearing, ageMin: 55, ageMax: 40 })).toEqual([
      { field: 'ageMax', message: 'The maximum age (40) cannot be below the minimum age (55)' },
    ]);
  });

  it('refuses an exclusion without redirect advice, at that exclusion', () => {
    const exclusions = hearing.exclusions.map((exclusion, index) => (index === 5 ? { ...exclusion, redirectAdvice: '' } : exclusion));
    expect(protocolFieldErrors({ ...hearing, exclusions })).toEqual([
      { field: 'exclusions.5.redirectAdvice', message: 'must not be empty' },
    ]);
    const { redirectAdvice: _dropped, ...missing } = hearing.exclusions[0]!;
    expect(protocolFieldErrors({ ...hearing, exclusions: [missing] })).toEqual([
      { field: 'exclusions.0.redirectAdvice', message: 'is required' },
    ]);
  });

  it('refuses an unknown referral route and an empty list of routes', () => {
    expect(protocolFieldErrors({ ...hearing, routes: ['fax'] })).toEqual([
      { field: 'routes.0', message: 'must be one of: gp, other-clinician, self' },
    ]);
    expect(protocolFieldErrors({ ...hearing, routes: [] })).toEqual([{ field: 'routes', message: 'needs at least 1' }]);
  });

  it('raises every field error at once as a validation DomainError', () => {
    try {
      validateProtocol({ ...hearing, routes: ['fax'], acceptanceDeadlineWorkingDays: 0 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details.fieldErrors?.map((e) => e.field)).toEqual(['routes.0', 'acceptanceDeadlineWorkingDays']);
    }
  });

  it('refuses a question id used twice', () => {
    const twice = [...hearing.exclusions, hearing.exclusions[0]!];
    expect(protocolFieldErrors({ ...hearing, exclusions: twice })).toEqual([
      { field: 'exclusions', message: 'The question id "ear-pain" is used twice' },
    ]);
  });
});

describe('the national catalogue seed', () => {
  it('has a valid pack for every 2012/13 priority service and none for services without one', () => {
    const priorities = NATIONAL_SERVICES.filter((service) => service.phase === '2012-13-priority').map((service) => service.code);
    expect(Object.keys(NATIONAL_PACKS).sort()).toEqual([...priorities].sort());
    for (const [code, pack] of Object.entries(NATIONAL_PACKS))
      expect({ code, errors: packFieldErrors(pack.content) }).toEqual({ code, errors: [] });
  });

  it('records the brief’s confirmed facts: hearing pathway of 3 years, back pain capped at 8 sessions, talking therapies at £47.20', () => {
    expect(NATIONAL_PACKS['adult-hearing']!.content.currency).toMatchObject({ unit: 'pathway', minimumPathwayYears: 3 });
    expect(NATIONAL_PACKS['back-and-neck-pain']!.content.currency).toMatchObject({ unit: 'episode', sessionCap: 8 });
    expect(NATIONAL_PACKS['psychological-therapies']!.content.tariff).toMatchObject({ kind: 'indicative', pricePence: 4720 });
    expect(NATIONAL_PACKS['non-obstetric-ultrasound']!.content.kpis.map((k) => [k.thresholdPercent, k.withinDays])).toEqual([
      [80, 10],
      [100, 20],
      [80, 2],
      [100, 5],
    ]);
  });

  it('refuses a pack whose episode currency has no session cap, or whose tariff needs a price', () => {
    const content = structuredClone(NATIONAL_PACKS['back-and-neck-pain']!.content);
    const { sessionCap: _cap, ...uncapped } = content.currency;
    expect(packFieldErrors({ ...content, currency: uncapped })).toEqual([
      { field: 'currency.sessionCap', message: 'An episode currency needs a session cap' },
    ]);
    expect(packFieldErrors({ ...content, tariff: { kind: 'national', note: 'x' } })).toEqual([
      { field: 'tariff.pricePence', message: 'A national or indicative tariff needs a price' },
    ]);
    expect(packFieldErrors({ ...content, protocol: { ...content.protocol, ageMax: 10 } })).toEqual([
      { field: 'protocol.ageMax', message: 'The maximum age (10) cannot be below the minimum age (18)' },
    ]);
  });
});
