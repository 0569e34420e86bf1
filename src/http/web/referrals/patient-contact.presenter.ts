/** Summary list rows for a patient's contact details and communication needs, in words people use. */
import type {
  AccessNeed,
  CommunicationNeeds,
  InformationFormat,
  PatientContact,
} from '../../../domains/referrals/patient-contact.rules.ts';

export const FORMAT_LABELS: Record<InformationFormat, string> = {
  'large-print': 'Large print',
  'easy-read': 'Easy read',
  braille: 'Braille',
  audio: 'Audio',
  bsl: 'British Sign Language (BSL)',
};
export const ACCESS_LABELS: Record<AccessNeed, string> = {
  'step-free-access': 'Step-free access',
  'hearing-loop': 'A hearing loop',
  'longer-appointment': 'A longer appointment',
  'someone-with-me': 'Someone with them (a carer or supporter)',
};

interface Row {
  key: { text: string };
  value: { text: string };
}

const row = (key: string, value: string): Row => ({ key: { text: key }, value: { text: value } });

/** The communication needs as rows: interpreter, formats, access and anything else, saying "None" where nothing was asked for. */
export function needsRows(needs: CommunicationNeeds | null): Row[] {
  return [
    row('Interpreter', needs?.interpreterLanguage ? `Needs an interpreter: ${needs.interpreterLanguage}` : 'Not needed'),
    row('Information in another format', needs?.formats.length ? needs.formats.map((format) => FORMAT_LABELS[format]).join(', ') : 'None'),
    row('Access needs', needs?.access.length ? needs.access.map((need) => ACCESS_LABELS[need]).join(', ') : 'None'),
    row('Other needs', needs?.other ?? 'None'),
  ];
}

/** The contact details as rows: phone, email and postal address (with the postcode given with the referral). */
export function contactRows(contact: PatientContact | null, postcode: string): Row[] {
  return [
    row('Phone', contact?.phone ?? 'Not given'),
    row('Email', contact?.email ?? 'Not given'),
    row('Address', contact?.addressLines.length ? [...contact.addressLines, postcode].join(', ') : `Not given (postcode ${postcode})`),
  ];
}
