/** Pure rules for turning an approved local proposal into a local service: its code and the local implementation pack the commissioner writes. */
import type { PackContent } from '../catalogue/implementation-pack.schema.ts';
import { comparableServiceName } from './proposals.rules.ts';

/** What a commissioner writes for a local service; the rest of a pack falls back to the previous version or to local defaults. */
export interface LocalPackInput {
  specification: unknown;
  currency: unknown;
  /** The units the service pays (decision 0042); when absent, the previous version's, else one derived from `currency`. */
  currencies?: unknown;
  complexityBands: unknown;
  informationModel?: unknown;
  kpis?: unknown;
  tariff?: unknown;
  protocol?: unknown;
}

/** The minimum dataset every AQP provider returns, as in the national packs. */
export const LOCAL_INFORMATION_MODEL: PackContent['informationModel'] = [
  { item: 'NHS number', description: 'The patient’s NHS number', required: true },
  { item: 'Referral reference', description: 'The 12-digit referral reference (UBRN)', required: true },
  { item: 'Date of first appointment', description: 'When the patient was first seen', required: true },
  { item: 'Attendance', description: 'Attended or did not attend, for each contact', required: true },
  { item: 'Outcome', description: 'The outcome of the episode or pathway', required: true },
  { item: 'Discharge date', description: 'When the patient was discharged', required: true },
];

/** A local service has no national tariff: the commissioner sets its price in each offer's schedule. */
export const LOCAL_TARIFF: PackContent['tariff'] = {
  kind: 'local-price-to-be-set',
  note: 'A local service: the commissioner sets the price per unit of currency in the offer’s price schedule.',
};

/** The starting referral protocol: GP referral, routine, answered within 5 working days; each offer then sets its own. */
export const LOCAL_PROTOCOL: PackContent['protocol'] = {
  schemaVersion: 1,
  sexes: [],
  routes: ['gp'],
  exclusions: [],
  prerequisites: [],
  priorities: ['routine'],
  acceptanceDeadlineWorkingDays: 5,
};

/** The pack content to validate: what was written, else the previous version's part, else the local default. */
export function localPackContent(input: LocalPackInput, previous?: PackContent): unknown {
  return {
    specification: input.specification,
    currency: input.currency,
    ...(input.currencies !== undefined
      ? { currencies: input.currencies }
      : previous?.currencies
        ? { currencies: previous.currencies }
        : {}),
    complexityBands: input.complexityBands,
    informationModel: input.informationModel ?? previous?.informationModel ?? LOCAL_INFORMATION_MODEL,
    kpis: input.kpis ?? previous?.kpis ?? [],
    tariff: input.tariff ?? previous?.tariff ?? LOCAL_TARIFF,
    protocol: input.protocol ?? previous?.protocol ?? LOCAL_PROTOCOL,
  };
}

const MAX_CODE_LENGTH = 80;

/** A readable, stable catalogue code for a local service: `local-`, the owner's ODS code and the name, with a number when already taken. */
export function localServiceCode(ownerOdsCode: string | null, name: string, attempt = 1): string {
  const suffix = attempt > 1 ? `-${attempt}` : '';
  const prefix = ['local', ownerOdsCode?.toLowerCase().replace(/[^a-z0-9]/g, '')].filter(Boolean).join('-');
  const slug = comparableServiceName(name).replace(/ /g, '-') || 'service';
  const room = MAX_CODE_LENGTH - prefix.length - suffix.length - 1;
  return `${prefix}-${slug.slice(0, room).replace(/-+$/, '')}${suffix}`;
}
