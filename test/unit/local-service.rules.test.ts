import { describe, expect, it } from 'vitest';
import { packFieldErrors } from '../../src/domains/catalogue/implementation-pack.schema.ts';
import type { Principal } from '../../src/domains/identity/principal.ts';
import { mayOpenAsOffer } from '../../src/domains/proposals/proposal-access.rules.ts';
import { LOCAL_PROTOCOL, LOCAL_TARIFF, localPackContent, localServiceCode } from '../../src/domains/proposals/local-service.rules.ts';

const SPECIFICATION = {
  populationNeeds: 'Need',
  scope: 'Scope',
  outcomes: 'Outcomes',
  serviceDescription: 'Description',
  applicableStandards: 'Standards',
};
const WRITTEN = {
  specification: SPECIFICATION,
  currency: { unit: 'test', description: 'One test' },
  complexityBands: [{ code: 'STANDARD', description: 'All' }],
};
const person = (role: Principal['role'], organisationId: string): Principal => ({
  kind: 'user',
  userId: 'u',
  displayName: 'P',
  organisationId,
  organisationName: 'O',
  role,
});

describe('local service codes', () => {
  it('names the owner and the service, in the catalogue code format', () => {
    expect(localServiceCode('QWO', 'Community Phlebotomy (home visits)')).toBe('local-qwo-community-phlebotomy-home-visits');
    expect(localServiceCode(null, 'Wound care')).toBe('local-wound-care');
  });

  it('numbers a code already taken and never exceeds 80 characters', () => {
    expect(localServiceCode('QWO', 'Wound care', 2)).toBe('local-qwo-wound-care-2');
    const long = localServiceCode('QWO', 'A very long service name '.repeat(10), 12);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-12$/);
  });
});

describe('local pack content', () => {
  it('makes a valid pack from the specification, currency and bands alone, with the local price and protocol defaults', () => {
    const content = localPackContent(WRITTEN) as { tariff: unknown; protocol: unknown; kpis: unknown[] };
    expect(packFieldErrors(content)).toEqual([]);
    expect(content).toMatchObject({ tariff: LOCAL_TARIFF, protocol: LOCAL_PROTOCOL, kpis: [] });
  });

  it('keeps the previous version’s protocol and KPIs when a revision leaves them out', () => {
    const previous = localPackContent({ ...WRITTEN, protocol: { ...LOCAL_PROTOCOL, ageMin: 18 } }) as never;
    expect(localPackContent(WRITTEN, previous)).toMatchObject({ protocol: { ageMin: 18 } });
  });
});

describe('who may open a proposal as an offer', () => {
  const proposal = (status: string) => ({ status, proposer: { id: 'icb' }, region: { id: 'y63' } });
  it('is the proposing commissioner, once the region approved it', () => {
    expect(mayOpenAsOffer(person('commissioner', 'icb'), proposal('approved'))).toBe(true);
    for (const status of ['draft', 'submitted', 'rejected'])
      expect(mayOpenAsOffer(person('commissioner', 'icb'), proposal(status))).toBe(false);
    expect(mayOpenAsOffer(person('commissioner', 'other'), proposal('approved'))).toBe(false);
    expect(mayOpenAsOffer(person('regional-reviewer', 'y63'), proposal('approved'))).toBe(false);
  });
});
