/** A referral the eligibility engine refused, as the error a FHIR client reads: a 422 whose OperationOutcome has one issue per reason, at the element it is about. */
import { DomainError } from '../../lib/errors.ts';
import type { EligibilityResult, IneligibilityReason } from './eligibility.rules.ts';

/** The element of the incoming request each reason is about (FHIRPath), so a GP system can point at it. */
function expressionOf(reason: IneligibilityReason): string {
  switch (reason.code) {
    case 'too-young':
    case 'too-old':
      return 'Patient.birthDate';
    case 'sex':
      return 'Patient.gender';
    case 'route':
      return 'ServiceRequest.requester';
    case 'priority':
      return 'ServiceRequest.priority';
    case 'body-area-missing':
      return 'ServiceRequest.bodySite';
    case 'repeat-limit':
      return 'ServiceRequest.subject';
    default:
      return reason.questionId ? `QuestionnaireResponse.item.where(linkId='${reason.questionId}')` : 'ServiceRequest';
  }
}

/** Every reason with the referrer's advice, as a `business-rule` error (PRODUCT.md §3.5: each outcome carries its reasons). */
export function ineligibilityErrorOf(eligibility: EligibilityResult): DomainError {
  return new DomainError('business-rule', 'The referral is outside the commissioner’s referral protocol, so it was not made', {
    fieldErrors: eligibility.reasons.map((reason) => ({
      field: expressionOf(reason),
      message: reason.advice ? `${reason.message}${/[.?!]$/.test(reason.message) ? '' : '.'} ${reason.advice}` : reason.message,
    })),
  });
}
