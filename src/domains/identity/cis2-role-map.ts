/**
 * Which NHS CIS2 job roles give which AQP role, by the kind of organisation the role is held at (decision 0065). Data, not
 * code: a deployment that needs another mapping changes this table in a reviewed commit. The codes are the National RBAC
 * Database's baseline access roles, the last part of a `role_code` such as "S8000:G8000:R8001" (brief §E1).
 */
import type { OrganisationKind, Role } from './roles.rules.ts';

/** National RBAC baseline access roles, with the names CIS2 gives them. */
export const NRBAC_JOB_ROLES = {
  R8000: 'Clinical Practitioner Access Role',
  R8001: 'Nurse Access Role',
  R8002: 'Nurse Manager Access Role',
  R8003: 'Health Professional Access Role',
  R8005: 'Biomedical Scientist Access Role',
  R8006: 'Medical Secretary Access Role',
  R8008: 'Admin/Clinical Support Access Role',
  R8009: 'Receptionist Access Role',
  R8010: 'Clerical Access Role',
  R8011: 'Clerical Manager Access Role',
  R8012: 'Information Officer Access Role',
} as const;
export type NrbacJobRole = keyof typeof NRBAC_JOB_ROLES;

/**
 * At a GP practice, clinicians and the staff who book referrals for them refer (e-RS's referring clinician and admin);
 * at a qualified provider, clinical and clerical staff work its referrals and a clerical manager administers it;
 * at a commissioner, commissioning support staff commission, information officers check the money and clinicians assess.
 * National, regional and platform roles are never given by CIS2: those few accounts are made here.
 */
export const CIS2_ROLE_MAP: Readonly<Record<OrganisationKind, Readonly<Partial<Record<NrbacJobRole, Role>>>>> = {
  'gp-practice': { R8000: 'referrer', R8001: 'referrer', R8002: 'referrer', R8003: 'referrer', R8006: 'referrer', R8008: 'referrer' },
  provider: {
    R8000: 'provider-clinician',
    R8001: 'provider-clinician',
    R8002: 'provider-clinician',
    R8003: 'provider-clinician',
    R8005: 'provider-clinician',
    R8006: 'provider-clinician',
    R8008: 'provider-clinician',
    R8009: 'provider-clinician',
    R8010: 'provider-clinician',
    R8011: 'provider-admin',
  },
  commissioner: { R8008: 'commissioner', R8011: 'commissioner', R8012: 'commissioner-finance', R8000: 'assessor', R8003: 'assessor' },
  national: {},
  region: {},
  platform: {},
};
