/** Reasons a self-referral was refused, worded for the patient (issue #12 item 1; decision 0031): never the advice written for referrers. */
import type { IneligibilityReason } from './eligibility.rules.ts';

/** Said to a patient where the protocol has no patient wording: safe for any reason, and it says where to get help now. */
export const PATIENT_FALLBACK_ADVICE =
  'Speak to your GP surgery. They can tell you about other help, and refer you if this service is right for you. If you need help urgently, call NHS 111. In an emergency, call 999.';

/** A reason as a patient sees it: the protocol's patient wording or the safe fallback, and whether it is urgent. */
export interface PatientReason extends IneligibilityReason {
  patientAdvice: string;
  urgent: boolean;
}

/** Each reason with the wording a patient should read; urgent ones first, so what to do now is the first thing seen. */
export function reasonsForPatients(reasons: IneligibilityReason[]): PatientReason[] {
  const worded = reasons.map((reason) => ({
    ...reason,
    patientAdvice: reason.patientAdvice ?? PATIENT_FALLBACK_ADVICE,
    urgent: reason.urgent === true,
  }));
  return [...worded.filter((reason) => reason.urgent), ...worded.filter((reason) => !reason.urgent)];
}
