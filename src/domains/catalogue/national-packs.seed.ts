/** Every published revision of the national implementation packs, oldest first: version 1 (the first packs) version 2 (each section specific to its service and citing its source), then safety wording, the payable currencies (decision 0042) and KPIs measured from the record (decision 0052). */
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
import { MEASURED_KPIS } from './national-packs-v4/measured-kpis.pack.ts';

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

/** The revision after `previous` whose KPIs say how each is measured, with their citations added. */
function withMeasuredKpis(code: string, previous: NationalPackRevision): NationalPackRevision[] {
  const change = MEASURED_KPIS[code];
  if (!change) return [];
  const sources = [...(previous.content.sources ?? []), ...change.sources];
  return [{ changeNote: change.changeNote, content: { ...previous.content, kpis: change.kpis, sources } }];
}

/** Revision n is pack version n + 1; a revision is never edited once released, only followed by a new one (docs/decisions/0029-sourced-packs-and-application-figures.md). */
export const NATIONAL_PACK_REVISIONS: Record<string, readonly NationalPackRevision[]> = Object.fromEntries(
  Object.entries(FIRST_NATIONAL_PACKS).map(([code, first]) => {
    const released = [first, ...(SECOND[code] ? [SECOND[code]] : []), ...(LATER[code] ?? [])];
    return [code, [...released, ...withMeasuredKpis(code, released[released.length - 1]!)]];
  }),
);

/** The latest national pack of each service: what a new offer adopts. */
export const NATIONAL_PACKS: Record<string, NationalPackRevision> = Object.fromEntries(
  Object.entries(NATIONAL_PACK_REVISIONS).map(([code, revisions]) => [code, revisions[revisions.length - 1]!]),
);
