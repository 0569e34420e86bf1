/** What an NHS CIS2 sign-in may do here: the person's identity read from the provider's claims, and the memberships their National RBAC roles give (decision 0065). */
import { CIS2_ROLE_MAP, type NrbacJobRole } from './cis2-role-map.ts';
import type { OrganisationKind, Role } from './roles.rules.ts';

/** One entry of `nhsid_nrbac_roles`: a role a person holds at an organisation (brief §E1). */
export interface NrbacRole {
  personRoleId: string;
  orgCode: string;
  roleCode: string;
  roleName: string;
}

/** The person as CIS2 describes them. */
export interface Cis2Identity {
  subject: string;
  displayName: string;
  email: string | null;
  roles: NrbacRole[];
  /** The role the person chose when signing in to CIS2 (`selected_roleid`), when they have several. */
  selectedRoleId: string | null;
}

/** A membership a CIS2 role gives: our role at the organisation with that ODS code. */
export interface Cis2Membership {
  odsCode: string;
  role: Role;
}

export type Cis2Refusal = 'unknown-organisation' | 'unmapped-role' | 'no-roles';

export type Cis2MembershipOutcome =
  { ok: true; memberships: Cis2Membership[]; selected: Cis2Membership | null } | { ok: false; reason: Cis2Refusal; roleNames: string[] };

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Reads the claims of the ID token and userinfo into a person, or undefined when the subject is missing; malformed role entries are dropped. */
export function cis2IdentityFrom(claims: Record<string, unknown>): Cis2Identity | undefined {
  const subject = text(claims.sub);
  if (!subject) return undefined;
  const named = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  const entries = Array.isArray(claims.nhsid_nrbac_roles) ? (claims.nhsid_nrbac_roles as Record<string, unknown>[]) : [];
  const roles = entries.flatMap((entry) => {
    const [personRoleId, orgCode, roleCode] = [text(entry?.person_roleid), text(entry?.org_code), text(entry?.role_code)];
    if (!personRoleId || !orgCode || !roleCode) return [];
    return [{ personRoleId, orgCode: orgCode.toUpperCase(), roleCode, roleName: roleNameOf(text(entry.role_name) ?? roleCode) }];
  });
  return {
    subject,
    displayName: (text(claims.name) ?? named) || 'NHS CIS2 user',
    email: text(claims.email) ?? null,
    roles,
    selectedRoleId: text(claims.selected_roleid) ?? null,
  };
}

/** CIS2 names a role as quoted, colon-separated parts ("Clinical":"Clinical Provision":"Nurse Access Role"); people need the last. */
export function roleNameOf(roleName: string): string {
  const parts = roleName.split(':').map((part) => part.replace(/"/g, '').trim());
  return parts.at(-1) || roleName;
}

/** The job role of a `role_code` such as "S8000:G8000:R8001": its last part, the National RBAC job role. */
export function jobRoleCodeOf(roleCode: string): string {
  return roleCode.split(':').at(-1)!.trim().toUpperCase();
}

/** Our role for a CIS2 role at an organisation of this kind, or undefined when the map gives none. */
export function mappedRole(kind: OrganisationKind, roleCode: string): Role | undefined {
  return CIS2_ROLE_MAP[kind][jobRoleCodeOf(roleCode) as NrbacJobRole];
}

/**
 * The memberships a person's CIS2 roles give, given the kinds of the organisations we know by ODS code. The role chosen in
 * CIS2 is honoured: it alone decides whether they may sign in and which membership they act in; with no choice made, one
 * mapped role signs them in and several are offered to choose from. Unknown organisations and unmapped roles are refused.
 */
export function membershipsFromRoles(identity: Cis2Identity, kinds: ReadonlyMap<string, OrganisationKind>): Cis2MembershipOutcome {
  const mapped = identity.roles.map((entry) => ({ entry, membership: membershipOf(entry, kinds) }));
  const memberships = dedupe(mapped.flatMap(({ membership }) => (membership ? [membership] : [])));
  const selectedEntry = identity.selectedRoleId
    ? identity.roles.find((entry) => entry.personRoleId === identity.selectedRoleId)
    : undefined;
  const considered = selectedEntry ? [selectedEntry] : identity.roles;
  if (considered.length === 0) return { ok: false, reason: 'no-roles', roleNames: [] };
  const roleNames = [...new Set(considered.map((entry) => entry.roleName))];
  if (selectedEntry) {
    const selected = membershipOf(selectedEntry, kinds);
    if (!selected) return { ok: false, reason: refusalFor([selectedEntry], kinds), roleNames };
    return { ok: true, memberships, selected };
  }
  if (memberships.length === 0) return { ok: false, reason: refusalFor(identity.roles, kinds), roleNames };
  return { ok: true, memberships, selected: memberships.length === 1 ? memberships[0]! : null };
}

function membershipOf(entry: NrbacRole, kinds: ReadonlyMap<string, OrganisationKind>): Cis2Membership | undefined {
  const kind = kinds.get(entry.orgCode);
  const role = kind && mappedRole(kind, entry.roleCode);
  return role ? { odsCode: entry.orgCode, role } : undefined;
}

/** Unmapped role when any of the roles is held at an organisation we know, else unknown organisation. */
function refusalFor(entries: NrbacRole[], kinds: ReadonlyMap<string, OrganisationKind>): Cis2Refusal {
  return entries.some((entry) => kinds.has(entry.orgCode)) ? 'unmapped-role' : 'unknown-organisation';
}

function dedupe(memberships: Cis2Membership[]): Cis2Membership[] {
  const seen = new Map(memberships.map((membership) => [`${membership.odsCode}|${membership.role}`, membership]));
  return [...seen.values()];
}
