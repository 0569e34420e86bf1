/** Compliance rules (PRODUCT.md §3.3): which assurance problems raise an alert, and which suspend a listing under the offer's rule. */

/** How people name each kind of national assurance evidence. */
export const EVIDENCE_KIND_LABELS: Record<string, string> = {
  'cqc-registration': 'CQC registration',
  'monitor-licence': 'Monitor licence',
  'monitor-exemption': 'Monitor licence exemption',
  'indemnity-insurance': 'Indemnity insurance',
  'information-governance': 'Information governance',
  safeguarding: 'Safeguarding',
  'clinical-governance': 'Clinical governance',
};

/** Evidence due within this many days raises a reminder. */
export const DUE_SOON_DAYS = 30;

export interface ComplianceRule {
  suspendOnExpiredEvidence: boolean;
  graceDays: number;
  suspendOnCqcLoss: boolean;
}

/** The rule an offer has until its commissioner sets one: suspend at once for expired evidence or loss of CQC registration. */
export const DEFAULT_RULE: ComplianceRule = { suspendOnExpiredEvidence: true, graceDays: 0, suspendOnCqcLoss: true };

export interface CurrentEvidence {
  id: string;
  kind: string;
  expiresOn: string | null;
  cqcStatus: string | null;
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface EvidenceFinding {
  kind: 'evidence-due' | 'evidence-expired' | 'cqc-status';
  evidenceId: string;
  detail: string;
  dueOn: string | null;
}

/** What is wrong with one provider's current evidence today: expired, due within 30 days, or a CQC registration that is not in force. */
export function evidenceFindings(evidence: CurrentEvidence[], today: string): EvidenceFinding[] {
  const findings: EvidenceFinding[] = [];
  for (const item of evidence) {
    const label = EVIDENCE_KIND_LABELS[item.kind] ?? item.kind;
    if (item.expiresOn && item.expiresOn < today) findings.push({ kind: 'evidence-expired', evidenceId: item.id, detail: `${label} expired on ${item.expiresOn}`, dueOn: item.expiresOn });
    else if (item.expiresOn && daysBetween(today, item.expiresOn) <= DUE_SOON_DAYS) findings.push({ kind: 'evidence-due', evidenceId: item.id, detail: `${label} expires on ${item.expiresOn}: record new evidence before then`, dueOn: item.expiresOn });
    if (item.kind === 'cqc-registration' && item.cqcStatus && item.cqcStatus !== 'registered') findings.push({ kind: 'cqc-status', evidenceId: item.id, detail: `CQC registration is ${item.cqcStatus.replace('-', ' ')}`, dueOn: null });
  }
  return findings;
}

/** The findings that suspend a listing under its offer's rule: expiry beyond the grace days, or CQC loss when the rule says so. */
export function suspendingFindings(findings: EvidenceFinding[], rule: ComplianceRule, today: string): EvidenceFinding[] {
  return findings.filter((finding) => {
    if (finding.kind === 'evidence-expired') return rule.suspendOnExpiredEvidence && finding.dueOn !== null && addDays(finding.dueOn, rule.graceDays) < today;
    if (finding.kind === 'cqc-status') return rule.suspendOnCqcLoss;
    return false;
  });
}
