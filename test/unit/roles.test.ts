import { describe, expect, it } from 'vitest';
import { mayHoldRole, mayManageApiKeys, ROLES, rolesForKind } from '../../src/domains/identity/roles.rules.ts';
import { mayManageKeysOf } from '../../src/domains/identity/api-key.service.ts';
import type { Principal } from '../../src/domains/identity/principal.ts';

describe('roles and the organisations that hold them', () => {
  it('gives providers only provider roles and GP practices only the referrer role', () => {
    expect(rolesForKind('provider')).toEqual(['provider-admin', 'provider-clinician']);
    expect(rolesForKind('gp-practice')).toEqual(['referrer']);
  });

  it('lets assessors sit with a commissioner or the national qualification centre, but not a provider', () => {
    expect(mayHoldRole('commissioner', 'assessor')).toBe(true);
    expect(mayHoldRole('national', 'assessor')).toBe(true);
    expect(mayHoldRole('provider', 'assessor')).toBe(false);
  });

  it('gives every role at least one kind of organisation', () => {
    for (const role of ROLES)
      expect(
        ['national', 'region', 'commissioner', 'provider', 'gp-practice', 'platform'].some((kind) => mayHoldRole(kind as never, role)),
      ).toBe(true);
  });

  it('lets key managers manage only their own organisation’s keys, platform admins any', () => {
    const providerAdmin: Principal = {
      kind: 'user',
      userId: 'u',
      displayName: 'P',
      organisationId: 'org-a',
      organisationName: 'A',
      role: 'provider-admin',
    };
    expect(mayManageKeysOf(providerAdmin, 'org-a')).toBe(true);
    expect(mayManageKeysOf(providerAdmin, 'org-b')).toBe(false);
    expect(mayManageKeysOf({ ...providerAdmin, role: 'provider-clinician' }, 'org-a')).toBe(false);
    expect(mayManageKeysOf({ ...providerAdmin, role: 'platform-admin' }, 'org-b')).toBe(true);
    expect(mayManageKeysOf(null, 'org-a')).toBe(false);
    expect(mayManageApiKeys('referrer')).toBe(false);
  });
});
