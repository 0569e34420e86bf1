/** Every published revision of the national implementation packs, oldest first: version 1 (the first packs) version 2 (each section specific to its service and citing its source), then safety wording and the payable currencies (decision 0042). */
import type { PackContent } from './implementation-pack.schema.ts';
import { FIRST_NATIONAL_PACKS } from './national-packs-v1.seed.ts';
import { CONTINENCE_V2, LEG_ULCER_V2, PODIATRY_V2 } from './national-packs-v2/community-services.pack.ts';
import { MRI_V2, NON_OBSTETRIC_ULTRASOUND_V2, PSYCHOLOGICAL_THERAPIES_V2 } from './national-packs-v2/diagnostics-and-therapies.pack.ts';
import { ADULT_HEARING_V2, BACK_AND_NECK_PAIN_V2 } from './national-packs-v2/hearing-and-msk.pack.ts';
import { WHEELCHAIR_SERVICES_V2 } from './national-packs-v2/wheelchair.pack.ts';
import {
  ADULT_HEARING_V3,
  BACK_AND_NECK_PAIN_V3,
  LEG_ULCER_V3,
  MRI_V3,
  NON_OBSTETRIC_ULTRASOUND_V3,
  PSYCHOLOGICAL_THERAPIES_V4,
} from './national-packs-v3/currencies.pack.ts';
import { PSYCHOLOGICAL_THERAPIES_V3 } from './national-packs-v3/patient-safety.pack.ts';

export interface NationalPackRevision {
  changeNote: string;
  content: PackContent;
}

const SECOND: Record<string, NationalPackRevision> = {
  'adult-hearing': ADULT_HEARING_V2,
  'back-and-neck-pain': BACK_AND_NECK_PAIN_V2,
  'psychological-therapies': PSYCHOLOGICAL_THERAPIES_V2,
  'non-obstetric-ultrasound': NON_OBSTETRIC_ULTRASOUND_V2,
  mri: MRI_V2,
  continence: CONTINENCE_V2,
  'wheelchair-services': WHEELCHAIR_SERVICES_V2,
  'leg-ulcer-and-wound-healing': LEG_ULCER_V2,
  podiatry: PODIATRY_V2,
};

const LATER: Record<string, readonly NationalPackRevision[]> = {
  'adult-hearing': [ADULT_HEARING_V3],
  'back-and-neck-pain': [BACK_AND_NECK_PAIN_V3],
  'psychological-therapies': [PSYCHOLOGICAL_THERAPIES_V3, PSYCHOLOGICAL_THERAPIES_V4],
  'non-obstetric-ultrasound': [NON_OBSTETRIC_ULTRASOUND_V3],
  mri: [MRI_V3],
  'leg-ulcer-and-wound-healing': [LEG_ULCER_V3],
};

/** Revision n is pack version n + 1; a revision is never edited once released, only followed by a new one (docs/decisions/0029-sourced-packs-and-application-figures.md). */
export const NATIONAL_PACK_REVISIONS: Record<string, readonly NationalPackRevision[]> = Object.fromEntries(
  Object.entries(FIRST_NATIONAL_PACKS).map(([code, first]) => [
    code,
    [first, ...(SECOND[code] ? [SECOND[code]] : []), ...(LATER[code] ?? [])],
  ]),
);

/** The latest national pack of each service: what a new offer adopts. */
export const NATIONAL_PACKS: Record<string, NationalPackRevision> = Object.fromEntries(
  Object.entries(NATIONAL_PACK_REVISIONS).map(([code, revisions]) => [code, revisions[revisions.length - 1]!]),
);
