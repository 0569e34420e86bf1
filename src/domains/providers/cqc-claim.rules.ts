/** Who may change which CQC facts (decision 0027): a provider never clears a cancelled or suspended CQC registration itself. */
import type { FieldError } from '../../lib/errors.ts';
import { CQC_STATUS_LABELS, type EvidenceKind, isCqcStatus } from './evidence-kinds.rules.ts';

/** The provider's current CQC registration row, as far as these rules need it. */
export interface CurrentCqcRegistration {
  cqcStatus: string | null;
}

function lostStatusOf(registration: CurrentCqcRegistration | undefined): string | null {
  const status = registration?.cqcStatus;
  return status && status !== 'registered' ? (isCqcStatus(status) ? CQC_STATUS_LABELS[status].toLowerCase() : status) : null;
}

/**
 * Field errors when a provider's new CQC evidence would hide a loss of registration: "CQC registration does not apply"
 * cannot replace a cancelled or suspended registration, and only the national centre records a registration restored.
 */
export function cqcClaimErrors(kind: EvidenceKind, claimedStatus: string, registration: CurrentCqcRegistration | undefined): FieldError[] {
  const lost = lostStatusOf(registration);
  if (!lost) return [];
  if (kind === 'cqc-not-applicable') {
    return [
      {
        field: 'notApplicableReason',
        message: `Your CQC registration is recorded as ${lost}. Another registration cannot replace a cancelled or suspended CQC registration: contact the national qualification centre`,
      },
    ];
  }
  if (kind === 'cqc-registration' && claimedStatus === 'registered') {
    return [
      {
        field: 'cqcStatus',
        message: `The national qualification centre has recorded your CQC registration as ${lost}. Only the national qualification centre can record it restored: send it the CQC notice`,
      },
    ];
  }
  return [];
}

/** Why a verifier may not accept "CQC registration does not apply" over the provider's current CQC registration, if they may not. */
export function notApplicableVerdictErrors(registration: CurrentCqcRegistration | undefined): FieldError[] {
  const lost = lostStatusOf(registration);
  return lost
    ? [
        {
          field: 'decision',
          message: `The provider’s CQC registration is recorded as ${lost}: another registration cannot replace a lost CQC registration. Reject this evidence, or record the CQC registration restored first`,
        },
      ]
    : [];
}
