import { describe, expect, it } from 'vitest';
import { cis2IdentityFrom, jobRoleCodeOf, membershipsFromRoles, roleNameOf } from '../../src/domains/identity/cis2-membership.rules.ts';
import type { OrganisationKind } from '../../src/domains/identity/roles.rules.ts';

const KINDS = new Map<string, OrganisationKind>([
  ['B84001', 'gp-practice'],
  ['DEMO1', 'provider'],
  ['QWO', 'commissioner'],
  ['X24', 'national'],
]);
const role = (personRoleId: string, orgCode: string, jobRole: string) => ({
  person_roleid: personRoleId,
  org_code: orgCode,
  role_code: `S8000:G8000:${jobRole}`,
  role_name: `"Clinical":"Clinical Provision":"${jobRole} name"`,
});
const identity = (roles: object[], selected?: string) =>
  cis2IdentityFrom({ sub: 'uuid-1', name: 'Nell Nurse', nhsid_nrbac_roles: roles, selected_roleid: selected })!;

describe('CIS2 roles to memberships (decision 0065)', () => {
  it('takes the job role from the last part of the role code', () => {
    expect(jobRoleCodeOf('S8000:G8000:R8001')).toBe('R8001');
  });

  it('names a role by the last of its quoted parts', () => {
    expect(roleNameOf('"Clinical":"Clinical Provision":"Nurse Access Role"')).toBe('Nurse Access Role');
  });

  it('makes a practice nurse a referrer at the practice, signed straight in', () => {
    expect(membershipsFromRoles(identity([role('1', 'B84001', 'R8001')]), KINDS)).toEqual({
      ok: true,
      memberships: [{ odsCode: 'B84001', role: 'referrer' }],
      selected: { odsCode: 'B84001', role: 'referrer' },
    });
  });

  it('makes a provider’s clerical manager its administrator and its clerks clinicians-or-administrators', () => {
    const outcome = membershipsFromRoles(identity([role('1', 'DEMO1', 'R8011'), role('2', 'DEMO1', 'R8010')]), KINDS);
    expect(outcome.ok && outcome.memberships.map((m) => m.role)).toEqual(['provider-admin', 'provider-clinician']);
  });

  it('makes commissioning support a commissioner, an information officer finance and a clinician an assessor at a commissioner', () => {
    const roles = [role('1', 'QWO', 'R8008'), role('2', 'QWO', 'R8012'), role('3', 'QWO', 'R8000')];
    const outcome = membershipsFromRoles(identity(roles), KINDS);
    expect(outcome.ok && outcome.memberships.map((m) => m.role)).toEqual(['commissioner', 'commissioner-finance', 'assessor']);
  });

  it('leaves the choice to the person when several roles map and CIS2 names none', () => {
    const outcome = membershipsFromRoles(identity([role('1', 'B84001', 'R8001'), role('2', 'DEMO1', 'R8010')]), KINDS);
    expect(outcome).toMatchObject({ ok: true, selected: null });
  });

  it('acts in the role chosen in CIS2 when there are several', () => {
    const outcome = membershipsFromRoles(identity([role('1', 'B84001', 'R8001'), role('2', 'DEMO1', 'R8010')], '2'), KINDS);
    expect(outcome).toMatchObject({ ok: true, selected: { odsCode: 'DEMO1', role: 'provider-clinician' } });
  });

  it('refuses an organisation we do not know', () => {
    expect(membershipsFromRoles(identity([role('1', 'RXX99', 'R8000')]), KINDS)).toMatchObject({
      ok: false,
      reason: 'unknown-organisation',
    });
  });

  it('refuses the chosen role at an unknown organisation even though another role maps', () => {
    const outcome = membershipsFromRoles(identity([role('1', 'B84001', 'R8001'), role('2', 'RXX99', 'R8000')], '2'), KINDS);
    expect(outcome).toMatchObject({ ok: false, reason: 'unknown-organisation' });
  });

  it('refuses a role the map gives nothing for at a known organisation, and every role at national bodies', () => {
    expect(membershipsFromRoles(identity([role('1', 'B84001', 'R8004')]), KINDS)).toMatchObject({ ok: false, reason: 'unmapped-role' });
    expect(membershipsFromRoles(identity([role('1', 'X24', 'R8008')]), KINDS)).toMatchObject({ ok: false, reason: 'unmapped-role' });
  });

  it('refuses a person with no roles, and drops malformed role entries', () => {
    expect(membershipsFromRoles(identity([{ org_code: 'B84001' }]), KINDS)).toMatchObject({ ok: false, reason: 'no-roles' });
  });

  it('needs a subject to know who signed in', () => {
    expect(cis2IdentityFrom({ name: 'Nobody' })).toBeUndefined();
  });
});
