/** The building blocks of the first national packs (version 1): the shared standards, data items, bands, price note and protocol defaults. */
import type { PackContent } from '../implementation-pack.schema.ts';
import type { ReferralProtocol } from '../referral-protocol.schema.ts';

export const STANDARDS =
  'NHS Standard Contract (2013/14 onwards); CQC registration; NICE guidance applicable to the service; Choose and Book / NHS e-Referral Service compliance.';
export const MINIMUM_DATA = [
  { item: 'NHS number', description: 'The patient’s NHS number', required: true },
  { item: 'Referral reference', description: 'The 12-digit referral reference (UBRN)', required: true },
  { item: 'Date of first appointment', description: 'When the patient was first seen', required: true },
  { item: 'Attendance', description: 'Attended or did not attend, for each contact', required: true },
  { item: 'Outcome', description: 'The outcome of the episode or pathway, with the measure the pack names', required: true },
  { item: 'Discharge date', description: 'When the patient was discharged', required: true },
];
export const STANDARD_BANDS = [
  {
    code: 'STANDARD',
    description:
      'All patients meeting the referral criteria; no complexity adjustment (the brief finds no formal bands in the national packs).',
  },
];

export function spec(populationNeeds: string, scope: string, outcomes: string, serviceDescription: string): PackContent['specification'] {
  return { populationNeeds, scope, outcomes, serviceDescription, applicableStandards: STANDARDS };
}

export function protocol(overrides: Partial<ReferralProtocol>): ReferralProtocol {
  return {
    schemaVersion: 1,
    sexes: [],
    routes: ['gp'],
    exclusions: [],
    prerequisites: [],
    priorities: ['routine'],
    acceptanceDeadlineWorkingDays: 5,
    ...overrides,
  };
}

export const LOCAL_PRICE = {
  kind: 'local-price-to-be-set' as const,
  note: 'No national tariff is confirmed; the commissioner sets a local price after market engagement.',
};
export const ENT = 'Do not refer to AQP: refer to ENT.';

/** A pack for a service whose national pack detail the brief does not give: local price, episode of up to 6 sessions (assumed). */
export function simplePack(
  name: string,
  scope: string,
  unit: 'episode',
  overrides: Partial<ReferralProtocol>,
): { changeNote: string; content: PackContent } {
  return {
    changeNote: `National pack for ${name.toLowerCase()} (detail to be confirmed locally).`,
    content: {
      specification: spec(
        `${name} services are used by many people in every area.`,
        scope,
        'Symptoms resolved or managed; patient satisfaction.',
        'Assessment, treatment in an episode of care, and discharge with advice.',
      ),
      currency: { unit, sessionCap: 6, description: 'One episode of up to 6 sessions (an assumption: set locally).' },
      complexityBands: STANDARD_BANDS,
      informationModel: MINIMUM_DATA,
      kpis: [],
      tariff: LOCAL_PRICE,
      protocol: protocol(overrides),
    },
  };
}
