/** The kinds of national assurance evidence and the rule that says when a provider's assurance is complete (PRODUCT.md §3.3, decisions 0013 and 0027). */

export const EVIDENCE_KINDS = [
  'cqc-registration',
  'cqc-not-applicable',
  'monitor-licence',
  'monitor-exemption',
  'indemnity-insurance',
  'information-governance',
  'safeguarding',
  'clinical-governance',
] as const;

export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_LABELS: Record<EvidenceKind, string> = {
  'cqc-registration': 'CQC registration',
  'cqc-not-applicable': 'Other professional registration (CQC registration does not apply)',
  'monitor-licence': 'Monitor licence',
  'monitor-exemption': 'Monitor licence exemption (NHS turnover under £10m)',
  'indemnity-insurance': 'Indemnity insurance',
  'information-governance': 'Information governance',
  safeguarding: 'Safeguarding',
  'clinical-governance': 'Clinical governance',
};

export const CQC_STATUSES = ['registered', 'registration-cancelled', 'suspended'] as const;
export type CqcStatus = (typeof CQC_STATUSES)[number];

export const CQC_STATUS_LABELS: Record<CqcStatus, string> = {
  registered: 'Registered',
  'registration-cancelled': 'Registration cancelled',
  suspended: 'Suspended',
};

/** The UK statutory regulators of health professionals a provider may be registered with where CQC registration does not apply (decision 0027). */
export const REGISTRATION_BODIES = ['HCPC', 'GOC', 'GPhC', 'GOsC', 'GCC', 'GDC', 'NMC', 'GMC'] as const;
export type RegistrationBody = (typeof REGISTRATION_BODIES)[number];

export const REGISTRATION_BODY_LABELS: Record<RegistrationBody, string> = {
  HCPC: 'Health and Care Professions Council (HCPC)',
  GOC: 'General Optical Council (GOC)',
  GPhC: 'General Pharmaceutical Council (GPhC)',
  GOsC: 'General Osteopathic Council (GOsC)',
  GCC: 'General Chiropractic Council (GCC)',
  GDC: 'General Dental Council (GDC)',
  NMC: 'Nursing and Midwifery Council (NMC)',
  GMC: 'General Medical Council (GMC)',
};

/** True when the text names one of the regulators the platform accepts instead of CQC registration. */
export function isRegistrationBody(text: string): text is RegistrationBody {
  return (REGISTRATION_BODIES as readonly string[]).includes(text);
}

/** CQC registration and its not-applicable alternative replace each other: a provider holds one or the other, never both. */
export const REPLACED_KINDS: Partial<Record<EvidenceKind, EvidenceKind>> = {
  'cqc-registration': 'cqc-not-applicable',
  'cqc-not-applicable': 'cqc-registration',
};

/** Monitor licensing of independent providers began on 1 April 2014 (domain brief §1); before it no licence is needed. */
export const MONITOR_LICENSING_FROM = '2014-04-01';

/**
 * What a provider must hold: one evidence kind from each group. A Monitor licence or a recorded
 * exemption (under £10m NHS turnover) satisfy the same requirement — "licence, or exemption recorded";
 * CQC registration is required where applicable, so a verified other professional registration, for a
 * service that is not a CQC-regulated activity, meets the CQC requirement (decision 0027).
 */
export const ASSURANCE_REQUIREMENTS: ReadonlyArray<ReadonlyArray<EvidenceKind>> = [
  ['cqc-registration', 'cqc-not-applicable'],
  ['monitor-licence', 'monitor-exemption'],
  ['indemnity-insurance'],
  ['information-governance'],
  ['safeguarding'],
  ['clinical-governance'],
];

/** True when the text names one of the seven evidence kinds. */
export function isEvidenceKind(text: string): text is EvidenceKind {
  return (EVIDENCE_KINDS as readonly string[]).includes(text);
}

/** True when the text is one of the CQC registration statuses the platform records. */
export function isCqcStatus(text: string): text is CqcStatus {
  return (CQC_STATUSES as readonly string[]).includes(text);
}

export type EvidenceState = 'missing' | 'pending' | 'verified' | 'rejected';

/** One kind of evidence as a reader needs it: its state, expiry and whether it is due soon. */
export interface EvidenceSummaryItem {
  kind: EvidenceKind;
  label: string;
  state: EvidenceState;
  expiresOn: string | null;
  /** True when the expiry date is before today (evidence is valid through its expiry date). */
  expired: boolean;
  /** Days from today until expiry (0 = expires today); null when there is no expiry date or it has passed. */
  dueWithinDays: number | null;
  evidenceId: string | null;
  /** The CQC registration status, on the cqc-registration kind only. */
  cqcStatus: CqcStatus | null;
}

/** The current evidence row of one kind, as read from assurance_evidence. */
export interface CurrentEvidence {
  id: string;
  kind: string;
  verificationStatus: string;
  expiresOn: string | null;
  cqcStatus: string | null;
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Summarises one kind from its current evidence (or its absence) as at today. */
export function summariseEvidence(kind: EvidenceKind, evidence: CurrentEvidence | undefined, today: string): EvidenceSummaryItem {
  const expiresOn = evidence?.expiresOn ?? null;
  const daysLeft = expiresOn === null ? null : daysBetween(today, expiresOn);
  const cqcStatus = evidence?.cqcStatus;
  return {
    kind,
    label: EVIDENCE_LABELS[kind],
    state: evidence ? (evidence.verificationStatus as EvidenceState) : 'missing',
    expiresOn,
    expired: daysLeft !== null && daysLeft < 0,
    dueWithinDays: daysLeft !== null && daysLeft >= 0 ? daysLeft : null,
    evidenceId: evidence?.id ?? null,
    cqcStatus: cqcStatus && isCqcStatus(cqcStatus) ? cqcStatus : null,
  };
}

/** True when this item counts towards its requirement: present and not rejected (pending or verified). */
function isPresent(item: EvidenceSummaryItem): boolean {
  return item.state === 'pending' || item.state === 'verified';
}

/** True when this item is verified, unexpired and — for CQC — the provider is still registered. */
function isAssured(item: EvidenceSummaryItem): boolean {
  if (item.state !== 'verified' || item.expired) return false;
  return item.kind !== 'cqc-registration' || item.cqcStatus === 'registered';
}

/** The requirements that apply on a date: the Monitor one only from April 2014. */
export function requirementsOn(today: string): ReadonlyArray<ReadonlyArray<EvidenceKind>> {
  return today < MONITOR_LICENSING_FROM
    ? ASSURANCE_REQUIREMENTS.filter((group) => !group.includes('monitor-licence'))
    : ASSURANCE_REQUIREMENTS;
}

/** True when every requirement has at least one item meeting the test (licence OR exemption counts once). */
export function meetsEveryRequirement(
  items: readonly EvidenceSummaryItem[],
  today: string,
  test: (item: EvidenceSummaryItem) => boolean,
): boolean {
  return requirementsOn(today).every((group) => items.some((item) => group.includes(item.kind) && test(item)));
}

/** Complete: every requirement has evidence that is pending or verified (rejected evidence must be replaced). */
export function isAssuranceComplete(items: readonly EvidenceSummaryItem[], today: string): boolean {
  return meetsEveryRequirement(items, today, isPresent);
}

/** Assured: every requirement is verified, unexpired and CQC-registered — what a provider needs to stay listed. */
export function isAssuranceValid(items: readonly EvidenceSummaryItem[], today: string): boolean {
  return meetsEveryRequirement(items, today, isAssured);
}
