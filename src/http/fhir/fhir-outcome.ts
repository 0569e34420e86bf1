/** Errors as FHIR OperationOutcomes, from the same error table the JSON API uses (`errorAnswerOf` in plugins/errors.ts). */
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { ErrorAnswer } from '../plugins/errors.ts';

/** Our problem codes, so a system can act on the code and not the wording. */
export const PROBLEM_CODE_SYSTEM = 'https://aqp.invalid/fhir/CodeSystem/problem';

/** FHIR's issue-type code for each HTTP status we answer (http://hl7.org/fhir/R4/valueset-issue-type.html). */
const ISSUE_CODE_BY_STATUS: Record<number, OperationOutcomeIssue['code']> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-costly',
  422: 'business-rule',
  429: 'throttled',
  503: 'transient',
};

/** An OperationOutcome for an error: one issue for the error, then one per field error, each with its FHIRPath-ish expression. */
export function operationOutcomeOf(answer: ErrorAnswer): OperationOutcome {
  const code = ISSUE_CODE_BY_STATUS[answer.status] ?? 'exception';
  const main: OperationOutcomeIssue = {
    severity: answer.status >= 500 ? 'fatal' : 'error',
    code,
    details: { coding: [{ system: PROBLEM_CODE_SYSTEM, code: answer.code }], text: answer.detail },
  };
  const fieldIssues = (answer.fieldErrors ?? []).map((fieldError): OperationOutcomeIssue => ({
    severity: 'error',
    code,
    details: { text: fieldError.message },
    expression: [fieldError.field],
  }));
  return { resourceType: 'OperationOutcome', issue: [main, ...fieldIssues] };
}
