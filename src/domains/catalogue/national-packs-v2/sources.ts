/** Small helpers to cite the original documents in version 2 of the national packs; each pack section names its source and says when that source marks a fact UNCONFIRMED. */
import type { Citation, PackContent, PackSection } from '../implementation-pack.schema.ts';
import { FIRST_NATIONAL_PACKS } from '../national-packs-v1.seed.ts';
import { DOCUMENTS, type Document, type SourceDocument } from './documents.ts';

/** A citation of an original document: who published it, its title, date and web address as readers can find it, and our file only as an internal note. */
function citationOf(section: PackSection, key: Document, location: string, confirmed: boolean, note?: string): Citation {
  const { file, ...original } = DOCUMENTS[key] as SourceDocument;
  return { section, ...original, location, confirmed, ...(note ? { note } : {}), internalNote: file };
}

/** A citation for facts the source states. */
export function cite(section: PackSection, document: Document, location: string, note?: string): Citation {
  return citationOf(section, document, location, true, note);
}

/** A citation for facts kept as data although the source marks them UNCONFIRMED (or gives none): the note says what is assumed. */
export function unconfirmed(section: PackSection, document: Document, location: string, note: string): Citation {
  return citationOf(section, document, location, false, `UNCONFIRMED: ${note}`);
}

/** Qualification standards every AQP provider meets (DH guidance paragraph 3.14 and footnote 2; HSJ on the national qualification process), followed by the service's own. */
export function standards(specific: string): string {
  return (
    'Registered with CQC and licensed by Monitor where required (from 2014, or an exemption recorded); meets the terms of the NHS Standard Contract, including regard to the NHS Constitution; accepts the commissioner’s price; complies with the local referral protocol and thresholds; has regard to NICE quality standards; Choose and Book (NHS e-Referral Service) compliant. ' +
    specific
  );
}

/** The citations every pack shares for its qualification standards. */
export function standardsCitations(): Citation[] {
  return [
    cite(
      'applicableStandards',
      'guidance',
      'paragraph 3.14 (governing principle of qualification) and footnote 2 (NICE quality standards)',
    ),
    cite(
      'applicableStandards',
      'hsjLaunch',
      'national qualification process (CQC registration, Monitor licence, assurance scaled to risk)',
    ),
    cite('applicableStandards', 'monitorExemption', 'licence exemption for providers with under £10m a year of NHS turnover'),
  ];
}

/** The local-price tariff (Pulse, “CCGs to set local prices”) where no national tariff is confirmed, with the service's cost benchmark. */
export function localPrice(benchmark: string): PackContent['tariff'] {
  return {
    kind: 'local-price-to-be-set',
    note: `No national AQP tariff is confirmed; the commissioner sets a local price after market engagement. ${benchmark}`,
  };
}

/** The national referral protocol of version 1, unchanged: protocols were already drawn from the local referral criteria. */
export function firstProtocolOf(code: string): PackContent['protocol'] {
  return structuredClone(FIRST_NATIONAL_PACKS[code]!.content.protocol);
}

/** The data items every AQP activity return carries (the NHS number and UBRN identify patient and referral; attendance coded as the Community Services Data Set does). */
export const MINIMUM_DATA: PackContent['informationModel'] = [
  { item: 'NHS number', description: 'The patient’s NHS number', required: true },
  { item: 'Referral reference', description: 'The 12-digit referral reference (UBRN)', required: true },
  { item: 'Date of first appointment', description: 'When the patient was first seen', required: true },
  {
    item: 'Attendance',
    description: 'For each contact, the national ATTENDED OR DID NOT ATTEND code (5 attended, 3 did not attend, …)',
    required: true,
  },
  { item: 'Discharge date', description: 'When the patient was discharged', required: true },
];

/** The citation for the shared minimum data set. */
export function minimumDataCitation(): Citation {
  return cite(
    'informationModel',
    'communityDataSet',
    'scope (any qualified providers submit) and the ATTENDED OR DID NOT ATTEND code',
    'NHS number and the referral reference (UBRN) identify the patient and referral in every national return',
  );
}
