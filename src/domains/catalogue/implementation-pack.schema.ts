/** An implementation pack (PRODUCT.md §3.1): specification, contract currency, complexity bands, information model, KPIs, tariff and the national protocol. */
import { type Static, Type } from 'typebox';
import { type FieldError, validationFailed } from '../../lib/errors.ts';
import { currenciesFieldErrors } from './pack-currencies.rules.ts';
import { Kpi } from './pack-kpi.schema.ts';
import { PayableCurrency } from './payable-currency.schema.ts';
import { protocolFieldErrors } from './referral-protocol.rules.ts';
import { ReferralProtocol } from './referral-protocol.schema.ts';
import { schemaFieldErrors } from './schema-errors.ts';

export { PAYABLE_UNITS, PayableCurrency } from './payable-currency.schema.ts';
export { Kpi } from './pack-kpi.schema.ts';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

/** Schedule 2 of the NHS Standard Contract: the specification headings. */
export const Specification = Type.Object(
  {
    populationNeeds: Text(4000),
    scope: Text(4000),
    outcomes: Text(4000),
    serviceDescription: Text(8000),
    applicableStandards: Text(4000),
  },
  { additionalProperties: false },
);

/** `provision`: one item of equipment supplied and kept in repair (wheelchairs), priced by complexity band. */
export const CURRENCY_UNITS = ['pathway', 'episode', 'session', 'test', 'provision'] as const;

export const Currency = Type.Object(
  {
    unit: Type.Enum(CURRENCY_UNITS),
    /** Pathway currency: how long the patient stays with the provider (hearing: at least 3 years). */
    minimumPathwayYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    /** Episode currency: the most sessions one referral pays for (back and neck pain: 8). */
    sessionCap: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    description: Text(1000),
  },
  { additionalProperties: false },
);

export const Tariff = Type.Object(
  {
    kind: Type.Enum(['national', 'indicative', 'local-price-to-be-set']),
    /** Integer pence per currency unit; absent when the local price is still to be set. */
    pricePence: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
    note: Text(1000),
  },
  { additionalProperties: false },
);

/** The parts of a pack a citation can support: the five specification headings and the other pack sections. */
export const PACK_SECTIONS = [
  'populationNeeds',
  'scope',
  'outcomes',
  'serviceDescription',
  'applicableStandards',
  'currency',
  'complexityBands',
  'informationModel',
  'kpis',
  'tariff',
  'protocol',
] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];

/** Where a section's facts come from: the original document (publisher, title, date, web address) and the place in it; `confirmed: false` when the source marks the fact UNCONFIRMED; `internalNote` is for the team and never shown on pages. */
export const Citation = Type.Object(
  {
    section: Type.Enum(PACK_SECTIONS),
    publisher: Text(200),
    title: Text(300),
    date: Type.Optional(Text(50)),
    url: Type.Optional(Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$' })),
    location: Text(300),
    confirmed: Type.Boolean(),
    note: Type.Optional(Text(500)),
    internalNote: Type.Optional(Text(300)),
  },
  { additionalProperties: false },
);
export type Citation = Static<typeof Citation>;

export const PackContent = Type.Object(
  {
    specification: Specification,
    currency: Currency,
    /** The units the offer pays (decision 0042); when absent, the single one derived from `currency`. */
    currencies: Type.Optional(Type.Array(PayableCurrency, { minItems: 1, maxItems: 10 })),
    complexityBands: Type.Array(
      Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }), description: Text(500) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 10 },
    ),
    informationModel: Type.Array(
      Type.Object({ item: Text(100), description: Text(500), required: Type.Boolean() }, { additionalProperties: false }),
      { minItems: 1, maxItems: 100 },
    ),
    kpis: Type.Array(Kpi, { maxItems: 30 }),
    tariff: Tariff,
    protocol: ReferralProtocol,
    /** The sources each section rests on (packs from version 2 of the national seed cite every section). */
    sources: Type.Optional(Type.Array(Citation, { maxItems: 100 })),
  },
  { additionalProperties: false },
);

export type PackContent = Static<typeof PackContent>;

/** Field errors for pack content: its shape, the currency's own rules, the tariff and the protocol. */
export function packFieldErrors(value: unknown): FieldError[] {
  const errors = schemaFieldErrors(PackContent, value);
  if (errors.length) return errors;
  const pack = value as PackContent;
  if (pack.currency.unit === 'episode' && pack.currency.sessionCap === undefined)
    errors.push({ field: 'currency.sessionCap', message: 'An episode currency needs a session cap' });
  if (pack.currency.unit === 'pathway' && pack.currency.minimumPathwayYears === undefined)
    errors.push({ field: 'currency.minimumPathwayYears', message: 'A pathway currency needs a minimum length in years' });
  if (pack.tariff.kind !== 'local-price-to-be-set' && pack.tariff.pricePence === undefined)
    errors.push({ field: 'tariff.pricePence', message: 'A national or indicative tariff needs a price' });
  if (pack.tariff.kind === 'local-price-to-be-set' && pack.tariff.pricePence !== undefined)
    errors.push({ field: 'tariff.pricePence', message: 'Leave the price empty when the local price is still to be set' });
  errors.push(...currenciesFieldErrors(pack.currencies));
  errors.push(...protocolFieldErrors(pack.protocol).map((error) => ({ ...error, field: `protocol.${error.field}` })));
  return errors;
}

export function validatePack(value: unknown): PackContent {
  const errors = packFieldErrors(value);
  if (errors.length) throw validationFailed(errors, 'The implementation pack is not valid');
  return value as PackContent;
}
