/** The roles of PRODUCT.md §2, each scoped to the kind of organisation that may hold it. */

export const ORGANISATION_KINDS = ['national', 'region', 'commissioner', 'provider', 'gp-practice', 'platform'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = [
  'national-admin',
  'regional-reviewer',
  'commissioner',
  'commissioner-finance',
  'assessor',
  'provider-admin',
  'provider-clinician',
  'referrer',
  'platform-admin',
] as const;
export type Role = (typeof ROLES)[number];

/** How each role is named to people. */
export const ROLE_LABELS: Record<Role, string> = {
  'national-admin': 'National administrator',
  'regional-reviewer': 'Regional reviewer',
  commissioner: 'Commissioner',
  'commissioner-finance': 'Commissioner finance officer',
  assessor: 'Assessor',
  'provider-admin': 'Provider administrator',
  'provider-clinician': 'Provider clinician or administrator',
  referrer: 'Referrer',
  'platform-admin': 'Platform administrator',
};

/** How each kind of organisation is named to people. */
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  national: 'National body',
  region: 'Region',
  commissioner: 'Commissioner',
  provider: 'Provider',
  'gp-practice': 'GP practice',
  platform: 'Platform operator',
};

/** Which organisation kinds may hold each role (an assessor works for a commissioner or the national centre). */
const KINDS_FOR_ROLE: Record<Role, readonly OrganisationKind[]> = {
  'national-admin': ['national'],
  'regional-reviewer': ['region'],
  commissioner: ['commissioner'],
  'commissioner-finance': ['commissioner'],
  assessor: ['commissioner', 'national'],
  'provider-admin': ['provider'],
  'provider-clinician': ['provider'],
  referrer: ['gp-practice'],
  'platform-admin': ['platform'],
};

/** Roles that may create and revoke API keys for their own organisation. */
const KEY_MANAGERS: readonly Role[] = ['national-admin', 'commissioner', 'provider-admin', 'platform-admin'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isOrganisationKind(value: unknown): value is OrganisationKind {
  return typeof value === 'string' && (ORGANISATION_KINDS as readonly string[]).includes(value);
}

/** True when an organisation of this kind may give someone this role (PRODUCT.md §2). */
export function mayHoldRole(kind: OrganisationKind, role: Role): boolean {
  return KINDS_FOR_ROLE[role].includes(kind);
}

/** The roles an organisation of this kind can give its people or systems. */
export function rolesForKind(kind: OrganisationKind): Role[] {
  return ROLES.filter((role) => mayHoldRole(kind, role));
}

/** True when the role may manage API keys for its organisation. */
export function mayManageApiKeys(role: Role): boolean {
  return KEY_MANAGERS.includes(role);
}
