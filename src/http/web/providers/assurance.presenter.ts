/** View-models for assurance: a tag for each state, the expiry as it should be read, the link to the document. */
import type { EvidenceRecord } from '../../../domains/providers/assurance.repo.ts';
import type { EvidenceSummaryItem } from '../../../domains/providers/assurance-summary.service.ts';
import {
  CQC_STATUS_LABELS,
  type CqcStatus,
  isRegistrationBody,
  REGISTRATION_BODY_LABELS,
} from '../../../domains/providers/evidence-kinds.rules.ts';

const STATE_TAGS = {
  missing: { text: 'Not recorded', classes: 'nhsuk-tag--grey' },
  pending: { text: 'Awaiting verification', classes: 'nhsuk-tag--yellow' },
  verified: { text: 'Verified', classes: 'nhsuk-tag--green' },
  rejected: { text: 'Rejected', classes: 'nhsuk-tag--red' },
} as const;

/** "Expired", "Due in 20 days" or nothing, so expiring evidence stands out (the compliance job warns at 30 days). */
function expiryWarning(item: EvidenceSummaryItem): string | null {
  if (item.expired) return 'Expired';
  if (item.dueWithinDays !== null && item.dueWithinDays <= 30)
    return item.dueWithinDays === 0 ? 'Expires today' : `Due in ${item.dueWithinDays} day${item.dueWithinDays === 1 ? '' : 's'}`;
  return null;
}

/** The reference as a reader needs it: with the regulator's name where CQC registration does not apply. */
export function evidenceReference(record: Pick<EvidenceRecord, 'reference' | 'registrationBody'> | undefined): string | null {
  if (!record) return null;
  const body =
    record.registrationBody && isRegistrationBody(record.registrationBody) ? REGISTRATION_BODY_LABELS[record.registrationBody] : null;
  return body ? `${body}: ${record.reference ?? ''}` : record.reference;
}

/** One row of the assurance page. */
export function evidenceRow(item: EvidenceSummaryItem, record: EvidenceRecord | undefined) {
  return {
    kind: item.kind,
    label: item.label,
    tag: STATE_TAGS[item.state],
    expiresOn: item.expiresOn,
    expiryWarning: expiryWarning(item),
    reference: evidenceReference(record),
    notApplicableReason: record?.notApplicableReason ?? null,
    cqcStatus: item.cqcStatus ? CQC_STATUS_LABELS[item.cqcStatus as CqcStatus] : null,
    documentId: record?.documentId ?? null,
    documentName: record?.documentName ?? null,
    note: record?.verificationNote ?? null,
  };
}
