/** The revision that names each service's payable currencies (issue #14 item 1; decision 0042): version 3 of the packs, version 4 of talking therapies. Continence, podiatry and wheelchairs keep the single currency derived from their pack, whose bands already carry the NCC codes. */
import type { PackContent, PayableCurrency } from '../implementation-pack.schema.ts';
import { LEG_ULCER_V2 } from '../national-packs-v2/community-services.pack.ts';
import { MRI_V2, NON_OBSTETRIC_ULTRASOUND_V2 } from '../national-packs-v2/diagnostics-and-therapies.pack.ts';
import { ADULT_HEARING_V2, BACK_AND_NECK_PAIN_V2 } from '../national-packs-v2/hearing-and-msk.pack.ts';
import { cite, unconfirmed } from '../national-packs-v2/sources.ts';
import { PSYCHOLOGICAL_THERAPIES_V3 } from './patient-safety.pack.ts';

interface Revision {
  changeNote: string;
  content: PackContent;
}

const DNA_NOT_CONFIRMED = unconfirmed(
  'currency',
  'communityDataSet',
  'ATTENDED OR DID NOT ATTEND code',
  'whether AQP paid for did-not-attends; none is payable by default and an offer may pay them per currency',
);

/** The previous revision with its currencies named, and the sources of the codes and the DNA default. */
function withCurrencies(previous: Revision, currencies: PayableCurrency[], codes: string, changeNote: string): Revision {
  const sources = [...(previous.content.sources ?? []), DNA_NOT_CONFIRMED];
  if (codes) sources.push(cite('currency', 'nationalCostCollection', `currency codes (${codes})`));
  return { changeNote, content: { ...previous.content, currencies, sources } };
}

const perContact = (code: string, name: string, description: string, nationalCostCode?: string): PayableCurrency => ({
  code,
  name,
  unit: 'session',
  ...(nationalCostCode ? { nationalCostCode } : {}),
  oncePerReferral: false,
  dnaPayable: false,
  description,
});

const perScan = (nationalCostCode: string, description: string): PayableCurrency => ({
  code: 'scan',
  name: 'Scan with report',
  unit: 'test',
  nationalCostCode,
  oncePerReferral: true,
  dnaPayable: false,
  description,
});

export const ADULT_HEARING_V3 = withCurrencies(
  ADULT_HEARING_V2,
  [
    {
      code: 'assessment-and-fitting',
      name: 'Assessment and fitting',
      unit: 'pathway',
      nationalCostCode: 'AS05',
      oncePerReferral: true,
      dnaPayable: false,
      description: 'One price per referral for assessment, fitting and the first follow-up, starting a pathway of at least 3 years.',
    },
    perContact('aftercare-visit', 'Aftercare visit', 'A later visit to check, adjust or re-tube the aids, paid per visit.', 'AS11'),
    {
      code: 'repair',
      name: 'Repair',
      unit: 'item',
      oncePerReferral: false,
      dnaPayable: false,
      description: 'A hearing aid repaired or replaced under the pathway, paid per repair.',
    },
  ],
  'AS05 hearing aid, adult, Any Qualified Provider contract; AS11 aftercare',
  'Version 3: the pathway price covers assessment and fitting once per referral; aftercare visits and repairs are paid per visit and per repair.',
);

export const BACK_AND_NECK_PAIN_V3 = withCurrencies(
  BACK_AND_NECK_PAIN_V2,
  [
    {
      ...perContact('session', 'Session', 'One manual therapy session, paid per session up to 8 for one referral.', 'A08A1'),
      sessionCap: 8,
    },
  ],
  'A08A1 physiotherapist, adult, one to one',
  'Version 3: paid per session, up to 8 sessions for one referral.',
);

export const PSYCHOLOGICAL_THERAPIES_V4 = withCurrencies(
  PSYCHOLOGICAL_THERAPIES_V3,
  [perContact('session', 'Session', 'One therapy session, paid per session as IAPT+ was (£47.20 a session in Bristol).')],
  '',
  'Version 4: paid per therapy session.',
);

export const NON_OBSTETRIC_ULTRASOUND_V3 = withCurrencies(
  NON_OBSTETRIC_ULTRASOUND_V2,
  [perScan('RD40Z', 'One ultrasound appointment with its report, paid once per referral.')],
  'RD40Z ultrasound under 20 minutes, no contrast',
  'Version 3: paid once per referral for the scan and its report.',
);

export const MRI_V3 = withCurrencies(
  MRI_V2,
  [perScan('RD01A', 'One MRI appointment with its report, paid once per referral.')],
  'RD01A MRI one area, no contrast, 19 and over',
  'Version 3: paid once per referral for the scan and its report.',
);

export const LEG_ULCER_V3 = withCurrencies(
  LEG_ULCER_V2,
  [perContact('contact', 'Contact', 'One face-to-face wound care contact, paid per contact until the wound heals.', 'N25AF')],
  'N25AF tissue viability, adult, face to face',
  'Version 3: paid per face-to-face contact.',
);
