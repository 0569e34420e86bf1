/** What each kind of evidence must carry when a provider records it: a reference, an expiry date, a document, a declaration. */
import type { FieldError } from '../../lib/errors.ts';
import { isIsoDate } from '../../lib/iso-date.ts';
import { type EvidenceKind, isCqcStatus, isRegistrationBody } from './evidence-kinds.rules.ts';

interface KindRequirements {
  referenceLabel: string;
  referenceRequired: boolean;
  expiryRequired: boolean;
  documentRequired: boolean;
}

/** Per kind: what the reference is called and what is required (a Monitor exemption is a declaration, with no document needed). */
export const EVIDENCE_REQUIREMENTS: Record<EvidenceKind, KindRequirements> = {
  'cqc-registration': { referenceLabel: 'CQC provider ID', referenceRequired: true, expiryRequired: false, documentRequired: true },
  'cqc-not-applicable': { referenceLabel: 'Registration number', referenceRequired: true, expiryRequired: false, documentRequired: true },
  'monitor-licence': { referenceLabel: 'Monitor licence number', referenceRequired: true, expiryRequired: false, documentRequired: true },
  'monitor-exemption': { referenceLabel: 'Reference (optional)', referenceRequired: false, expiryRequired: false, documentRequired: false },
  'indemnity-insurance': { referenceLabel: 'Policy number', referenceRequired: true, expiryRequired: true, documentRequired: true },
  'information-governance': {
    referenceLabel: 'Data Security and Protection Toolkit reference (optional)',
    referenceRequired: false,
    expiryRequired: true,
    documentRequired: true,
  },
  safeguarding: { referenceLabel: 'Policy reference (optional)', referenceRequired: false, expiryRequired: true, documentRequired: true },
  'clinical-governance': {
    referenceLabel: 'Policy reference (optional)',
    referenceRequired: false,
    expiryRequired: true,
    documentRequired: true,
  },
};

export interface EvidenceFields {
  kind: EvidenceKind;
  reference: string;
  cqcStatus: string;
  expiresOn: string | null;
  hasDocument: boolean;
  /** For a Monitor exemption: the provider declares its NHS turnover is under £10m a year. */
  declaresTurnoverUnder10m: boolean;
  /** Where CQC registration does not apply: why the service is not a CQC-regulated activity, and the regulator the provider is registered with. */
  notApplicableReason?: string;
  registrationBody?: string;
}

/** The reason and regulator a provider gives when CQC registration does not apply (decision 0027). */
function notApplicableErrors(fields: EvidenceFields): FieldError[] {
  const errors: FieldError[] = [];
  const reason = (fields.notApplicableReason ?? '').trim();
  if (!reason)
    errors.push({
      field: 'notApplicableReason',
      message: 'Say why CQC registration does not apply: which of your services is not a CQC-regulated activity, and why',
    });
  else if (reason.length > 2000) errors.push({ field: 'notApplicableReason', message: 'The reason must be 2,000 characters or fewer' });
  if (!isRegistrationBody(fields.registrationBody ?? ''))
    errors.push({ field: 'registrationBody', message: 'Select the body you are registered with instead' });
  return errors;
}

/** Every field error for recording evidence of this kind on this date (expiry dates in the past are refused). */
export function evidenceFieldErrors(fields: EvidenceFields, today: string): FieldError[] {
  const rules = EVIDENCE_REQUIREMENTS[fields.kind];
  const errors: FieldError[] = fields.kind === 'cqc-not-applicable' ? notApplicableErrors(fields) : [];
  const reference = fields.reference.trim();
  if (rules.referenceRequired && !reference) errors.push({ field: 'reference', message: `Enter the ${rules.referenceLabel}` });
  if (reference.length > 100) errors.push({ field: 'reference', message: 'The reference must be 100 characters or fewer' });
  if (fields.kind === 'cqc-registration' && !isCqcStatus(fields.cqcStatus))
    errors.push({ field: 'cqcStatus', message: 'Select the CQC registration status' });
  if (fields.expiresOn === null && rules.expiryRequired) errors.push({ field: 'expiresOn', message: 'Enter the expiry date' });
  if (fields.expiresOn !== null && !isIsoDate(fields.expiresOn))
    errors.push({ field: 'expiresOn', message: 'The expiry date must be a real date' });
  else if (fields.expiresOn !== null && fields.expiresOn < today)
    errors.push({ field: 'expiresOn', message: 'The expiry date must be today or in the future' });
  if (fields.kind === 'monitor-exemption' && !fields.declaresTurnoverUnder10m)
    errors.push({
      field: 'declaration',
      message: 'Confirm that your NHS turnover is under £10 million a year, or record a Monitor licence instead',
    });
  if (rules.documentRequired && !fields.hasDocument) errors.push({ field: 'document', message: 'Select a document to upload' });
  return errors;
}
