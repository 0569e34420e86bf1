/** A referral the eligibility engine refused, as the OperationOutcome a FHIR client reads: one issue per reason, with the advice on what to do instead. */
import type { OperationOutcome } from '@medplum/fhirtypes';
import { AQP_ELIGIBILITY_REASON_SYSTEM } from '../../lib/fhir-systems.ts';
import type { EligibilityResult } from './eligibility.rules.ts';

/** Each reason as a business-rule error coded by the engine's reason code; the referrer's advice is the diagnostics (PRODUCT.md §3.5: each outcome carries its reasons). */
export function ineligibilityOutcomeOf(eligibility: EligibilityResult): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: eligibility.reasons.map((reason) => ({
      severity: 'error',
      code: 'business-rule',
      details: { coding: [{ system: AQP_ELIGIBILITY_REASON_SYSTEM, code: reason.code }], text: reason.message },
      ...(reason.advice && { diagnostics: reason.advice }),
    })),
  };
}
