/** Compliance rules (PRODUCT.md §3.3): which assurance problems raise an alert, and which suspend a listing under the offer's rule. */
import { addDays } from '../../lib/working-days.ts';
import { EVIDENCE_LABELS, type EvidenceKind } from '../providers/evidence-kinds.rules.ts';

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
    const label = EVIDENCE_LABELS[item.kind as EvidenceKind] ?? item.kind;
    if (item.expiresOn && item.expiresOn < today)
      findings.push({
        kind: 'evidence-expired',
        evidenceId: item.id,
        detail: `${label} expired on ${item.expiresOn}`,
        dueOn: item.expiresOn,
      });
    else if (item.expiresOn && item.expiresOn <= addDays(today, DUE_SOON_DAYS))
      findings.push({
        kind: 'evidence-due',
        evidenceId: item.id,
        detail: `${label} expires on ${item.expiresOn}: record new evidence before then`,
        dueOn: item.expiresOn,
      });
    if (item.kind === 'cqc-registration' && item.cqcStatus && item.cqcStatus !== 'registered')
      findings.push({
        kind: 'cqc-status',
        evidenceId: item.id,
        detail: `CQC registration is ${item.cqcStatus.replace('-', ' ')}`,
        dueOn: null,
      });
  }
  return findings;
}

/** The findings that suspend a listing under its offer's rule: expiry beyond the grace days, or CQC loss when the rule says so. */
export function suspendingFindings(findings: EvidenceFinding[], rule: ComplianceRule, today: string): EvidenceFinding[] {
  return findings.filter((finding) => {
    if (finding.kind === 'evidence-expired')
      return rule.suspendOnExpiredEvidence && finding.dueOn !== null && addDays(finding.dueOn, rule.graceDays) < today;
    if (finding.kind === 'cqc-status') return rule.suspendOnCqcLoss;
    return false;
  });
}
