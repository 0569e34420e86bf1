/** Version 3 of the packs whose protocols have a safety exclusion that patients can meet when referring themselves: version 2 with plain words for patients (issue #12 item 1; decision 0031). */
import type { PackContent } from '../implementation-pack.schema.ts';
import { PSYCHOLOGICAL_THERAPIES_V2 } from '../national-packs-v2/diagnostics-and-therapies.pack.ts';

interface Revision {
  changeNote: string;
  content: PackContent;
}

/** What a person who says they are at immediate risk of harm reads: what to do now, not the referrer's "contact the crisis team". */
export const RISK_OF_HARM_PATIENT_ADVICE =
  'Get help now. If you or someone else is in danger right now, call 999 or go to A&E. ' +
  'For urgent mental health support, call NHS 111 and choose option 2, or call your local NHS mental health crisis line. ' +
  'You can also call Samaritans free on 116 123, day or night.';

function withPatientWording(protocol: PackContent['protocol'], wording: Record<string, string>): PackContent['protocol'] {
  return {
    ...protocol,
    exclusions: protocol.exclusions.map((exclusion) =>
      wording[exclusion.id] ? { ...exclusion, patientAdvice: wording[exclusion.id], urgent: true } : exclusion,
    ),
  };
}

export const PSYCHOLOGICAL_THERAPIES_V3: Revision = {
  changeNote:
    'Version 3: a person referring themselves who is at immediate risk of harm is told in plain words to call 999, NHS 111 (option 2) or their local crisis line.',
  content: {
    ...PSYCHOLOGICAL_THERAPIES_V2.content,
    protocol: withPatientWording(PSYCHOLOGICAL_THERAPIES_V2.content.protocol, { risk: RISK_OF_HARM_PATIENT_ADVICE }),
  },
};
