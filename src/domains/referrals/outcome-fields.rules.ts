/**
 * Which outcomes each service records, and the checks on them (issue #15 item 3, decision 0053), in one place so the
 * pages, the API and the services agree: talking therapies score PHQ-9 and GAD-7 at every attended session, scans
 * record the day the report was sent, adult hearing records the hearing aids fitted at discharge.
 */
import type { FieldError } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';
import { GAD7_MAX, PHQ9_MAX } from '../provider-quality/outcome.rules.ts';

export interface OutcomeFields {
  /** PHQ-9 and GAD-7 are required at every session the patient attended. */
  scores: boolean;
  /** A test the patient attended may have the day its report was sent recorded. */
  report: boolean;
  /** Hearing aids fitted (0, 1 or 2) is required at discharge. */
  aidsFitted: boolean;
}

const NONE: OutcomeFields = { scores: false, report: false, aidsFitted: false };

/** The services that record outcomes, keyed by service code; every other service records none. */
export const OUTCOME_FIELDS: Readonly<Record<string, OutcomeFields>> = {
  'psychological-therapies': { ...NONE, scores: true },
  'non-obstetric-ultrasound': { ...NONE, report: true },
  mri: { ...NONE, report: true },
  'adult-hearing': { ...NONE, aidsFitted: true },
};

/** The outcomes a referral for this service records. */
export function outcomeFieldsFor(serviceCode: string): OutcomeFields {
  return Object.hasOwn(OUTCOME_FIELDS, serviceCode) ? OUTCOME_FIELDS[serviceCode]! : NONE;
}

export const AIDS_FITTED_CHOICES = [
  { value: 0, text: 'None' },
  { value: 1, text: 'One hearing aid' },
  { value: 2, text: 'Two hearing aids' },
] as const;

export interface ContactOutcomeInput {
  attendance?: 'attended' | 'did-not-attend';
  phq9Score?: number;
  gad7Score?: number;
  reportedOn?: string;
}

function scoreError(field: 'phq9Score' | 'gad7Score', value: number | undefined): FieldError | undefined {
  const [name, max] = field === 'phq9Score' ? ['PHQ-9', PHQ9_MAX] : ['GAD-7', GAD7_MAX];
  if (value === undefined) return { field, message: `Enter the ${name} score from this session` };
  if (!Number.isInteger(value) || value < 0 || value > max)
    return { field, message: `The ${name} score must be a whole number from 0 to ${max}` };
  return undefined;
}

/** Scores for an attended talking-therapies session are both required and in range; anywhere else they are refused. */
function scoreErrors(fields: OutcomeFields, input: ContactOutcomeInput): FieldError[] {
  const given = input.phq9Score !== undefined || input.gad7Score !== undefined;
  if (!fields.scores)
    return given ? [{ field: 'phq9Score', message: 'PHQ-9 and GAD-7 scores are recorded only for talking therapies' }] : [];
  if (input.attendance !== 'attended')
    return given ? [{ field: 'phq9Score', message: 'Scores are recorded only for a session the patient attended' }] : [];
  return [scoreError('phq9Score', input.phq9Score), scoreError('gad7Score', input.gad7Score)].filter((error) => error !== undefined);
}

/** The day a report was sent: a real date, not before the test and not after today. */
export function reportDateErrors(reportedOn: string | undefined, testOn: string, today: string): FieldError[] {
  const field = 'reportedOn';
  if (!reportedOn) return [{ field, message: 'Enter the date the report was sent' }];
  if (!isIsoDate(reportedOn)) return [{ field, message: 'The date the report was sent must be a real date' }];
  if (reportedOn < testOn) return [{ field, message: 'The date the report was sent must be on or after the day of the test' }];
  if (reportedOn > today) return [{ field, message: 'The date the report was sent must be today or in the past' }];
  return [];
}

/** A report date given with a contact: only for a scan the patient attended, and then checked as reportDateErrors does. */
function reportErrors(fields: OutcomeFields, input: ContactOutcomeInput, testOn: string, today: string): FieldError[] {
  if (input.reportedOn === undefined) return [];
  if (!fields.report) return [{ field: 'reportedOn', message: 'A report date is recorded only for a scan' }];
  if (input.attendance !== 'attended')
    return [{ field: 'reportedOn', message: 'A report date is recorded only for a test the patient attended' }];
  return reportDateErrors(input.reportedOn, testOn, today);
}

/** Field errors for the outcomes given with a contact on `testOn` (the day it took place), for a referral to this service. */
export function contactOutcomeErrors(fields: OutcomeFields, input: ContactOutcomeInput, testOn: string, today: string): FieldError[] {
  return [...scoreErrors(fields, input), ...reportErrors(fields, input, testOn, today)];
}

/** Hearing aids fitted: required for adult hearing (0, 1 or 2), refused for any other service. */
export function aidsFittedErrors(fields: OutcomeFields, aidsFitted: number | undefined): FieldError[] {
  const field = 'aidsFitted';
  if (!fields.aidsFitted)
    return aidsFitted === undefined ? [] : [{ field, message: 'Hearing aids fitted is recorded only for adult hearing' }];
  if (aidsFitted === undefined) return [{ field, message: 'Select how many hearing aids were fitted' }];
  return [0, 1, 2].includes(aidsFitted) ? [] : [{ field, message: 'Hearing aids fitted must be 0, 1 or 2' }];
}
