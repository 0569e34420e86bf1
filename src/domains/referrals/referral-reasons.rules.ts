/** Coded reasons for returning and cancelling a referral (reference-systems §1.7, after e-Referral's code systems), as data with labels and whether a comment is required. */
import type { FieldError } from '../../lib/errors.ts';

export interface ReasonCode {
  label: string;
  commentRequired: boolean;
}

export const RETURN_REASONS = {
  FURTHER_INFORMATION_REQUIRED: { label: 'Further information required', commentRequired: true },
  OUTSIDE_CRITERIA: { label: 'Outside the referral criteria', commentRequired: false },
  SERVICE_INAPPROPRIATE: { label: 'Service inappropriate', commentRequired: false },
  SERVICE_PREREQUISITES_NOT_COMPLETE: { label: 'Service prerequisites not complete', commentRequired: false },
  OTHER: { label: 'Other', commentRequired: true },
} as const satisfies Record<string, ReasonCode>;
export type ReturnReasonCode = keyof typeof RETURN_REASONS;
export const RETURN_REASON_CODES = Object.keys(RETURN_REASONS) as ReturnReasonCode[];

export const CANCEL_REASONS = {
  NO_LONGER_REQUIRED: { label: 'No longer required', commentRequired: false },
  PATIENT_DIED: { label: 'Patient died', commentRequired: false },
  RAISED_IN_ERROR: { label: 'Raised in error', commentRequired: false },
  INTEND_PRIVATE: { label: 'Patient intends to go private', commentRequired: false },
  OTHER: { label: 'Other', commentRequired: true },
} as const satisfies Record<string, ReasonCode>;
export type CancelReasonCode = keyof typeof CANCEL_REASONS;
export const CANCEL_REASON_CODES = Object.keys(CANCEL_REASONS) as CancelReasonCode[];

export const DISCHARGE_OUTCOMES = ['treatment-completed', 'patient-declined', 'did-not-attend', 'referred-elsewhere', 'other'] as const;
export type DischargeOutcome = (typeof DISCHARGE_OUTCOMES)[number];

export const DISCHARGE_OUTCOME_LABELS: Record<DischargeOutcome, string> = {
  'treatment-completed': 'Treatment completed',
  'patient-declined': 'The patient declined further treatment',
  'did-not-attend': 'The patient did not attend',
  'referred-elsewhere': 'Referred on to another service',
  other: 'Other',
};

/** The label of a return, cancellation or discharge code as people read it, or the code itself when it is not one of ours. */
export function reasonLabel(code: string): string {
  const reasons: Record<string, ReasonCode> = { ...RETURN_REASONS, ...CANCEL_REASONS };
  if (Object.hasOwn(reasons, code)) return reasons[code]!.label;
  return Object.hasOwn(DISCHARGE_OUTCOME_LABELS, code) ? DISCHARGE_OUTCOME_LABELS[code as DischargeOutcome] : code;
}

export const MAX_REASON_COMMENT = 2000;

/** Field errors for a coded reason: the code must be one of the list, and a code that requires a comment needs one. */
export function reasonErrors(reasons: Record<string, ReasonCode>, code: string, comment: string | undefined): FieldError[] {
  const reason = Object.hasOwn(reasons, code) ? reasons[code] : undefined;
  if (!reason) return [{ field: 'reasonCode', message: 'Choose a reason from the list' }];
  const text = (comment ?? '').trim();
  if (reason.commentRequired && !text) return [{ field: 'comment', message: `Explain the reason: “${reason.label}” needs a comment` }];
  if (text.length > MAX_REASON_COMMENT)
    return [{ field: 'comment', message: `The comment must be ${MAX_REASON_COMMENT} characters or fewer` }];
  return [];
}
