/** The documents version 2 of the national packs cites, and small helpers to cite them; each pack section names its source and says when that source marks a fact UNCONFIRMED. */
import type { Citation, PackContent, PackSection } from '../implementation-pack.schema.ts';
import { FIRST_NATIONAL_PACKS } from '../national-packs-v1.seed.ts';

/** File names under shared/context, with the original document each holds. */
export const DOCUMENTS = {
  brief: 'shared/context/aqp-domain-brief.md',
  payments: 'shared/context/payments-quality-standards-brief.md',
  guidance: 'shared/context/seeds/001_4cb90161ece8a39a.txt (DH, Operational guidance to the NHS: extending patient choice of provider, July 2011)',
  dhPage: 'shared/context/seeds/002_30ddb81e45666f27.txt (DH web page “Any Qualified Provider”, service definitions updated 12 October 2011, with DH replies to questions)',
  wikipedia: 'shared/context/seeds/000_812d1d1dbb23a8fe.txt (Wikipedia, “Any Qualified Provider”)',
  msk2012: 'shared/context/seeds/004_459aff6fd85cd9ad.txt (“Any Qualified Provider and the NHS Reforms”, Evolved Clinic, Twickenham, 28 November 2012)',
} as const;

type Document = keyof typeof DOCUMENTS;

/** A citation for facts the source states. */
export function cite(section: PackSection, document: Document, location: string, note?: string): Citation {
  return { section, document: DOCUMENTS[document], location, confirmed: true, ...(note ? { note } : {}) };
}

/** A citation for facts kept as data although the source marks them UNCONFIRMED (or gives none): the note says what is assumed. */
export function unconfirmed(section: PackSection, document: Document, location: string, note: string): Citation {
  return { section, document: DOCUMENTS[document], location, confirmed: false, note: `UNCONFIRMED: ${note}` };
}

/** Qualification standards every AQP provider meets (guidance §3.14, footnote 2; brief §1), followed by the service's own. */
export function standards(specific: string): string {
  return 'Registered with CQC and licensed by Monitor where required (from 2014, or an exemption recorded); meets the terms of the NHS Standard Contract, including regard to the NHS Constitution; accepts the commissioner’s price; complies with the local referral protocol and thresholds; has regard to NICE quality standards; Choose and Book (NHS e-Referral Service) compliant. '
    + specific;
}

/** The citations every pack shares for its qualification standards. */
export function standardsCitations(): Citation[] {
  return [
    cite('applicableStandards', 'guidance', '§3.14 (governing principle of qualification) and footnote 2 (NICE quality standards)'),
    cite('applicableStandards', 'brief', '§1 Qualification, Criteria (Choose and Book compliance; Monitor licence from 1 April 2014, exemption under £10m)'),
  ];
}

/** The local-price tariff the brief prescribes where no national tariff is confirmed, with the service's cost benchmark. */
export function localPrice(benchmark: string): PackContent['tariff'] {
  return { kind: 'local-price-to-be-set', note: `No national AQP tariff is confirmed; the commissioner sets a local price after market engagement. ${benchmark}` };
}

/** The national referral protocol of version 1, unchanged: protocols were already drawn from the brief §3. */
export function firstProtocolOf(code: string): PackContent['protocol'] {
  return structuredClone(FIRST_NATIONAL_PACKS[code]!.content.protocol);
}

/** The data items every AQP activity return carries (brief §7; payments brief §A4 attendance codes). */
export const MINIMUM_DATA: PackContent['informationModel'] = [
  { item: 'NHS number', description: 'The patient’s NHS number', required: true },
  { item: 'Referral reference', description: 'The 12-digit referral reference (UBRN)', required: true },
  { item: 'Date of first appointment', description: 'When the patient was first seen', required: true },
  { item: 'Attendance', description: 'For each contact, the national ATTENDED OR DID NOT ATTEND code (5 attended, 3 did not attend, …)', required: true },
  { item: 'Discharge date', description: 'When the patient was discharged', required: true },
];

/** The citation for the shared minimum data set. */
export function minimumDataCitation(): Citation {
  return cite('informationModel', 'payments', '§A4 National data sets (attendance coding, CSDS includes any qualified providers)', 'NHS number and UBRN from brief §7 Build implications');
}
