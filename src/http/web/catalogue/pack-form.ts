/** The "new pack version" form: the common fields of a pack as real form fields, the structured rest as JSON, and back again with errors beside the right field. */
import { type PackContent, packFieldErrors } from '../../../domains/catalogue/implementation-pack.schema.ts';
import { plainPackPath } from '../../../domains/catalogue/pack-changes.rules.ts';
import type { FieldError } from '../../../lib/errors.ts';

export type PackFormValues = Record<string, string | string[]>;

const SPECIFICATION = ['populationNeeds', 'scope', 'outcomes', 'serviceDescription', 'applicableStandards'] as const;
const KPI_FIELDS = ['code', 'description', 'thresholdPercent', 'withinDays', 'dayKind', 'source'] as const;
/** How an indicator is measured (decision 0052): edited together as JSON in the row's `measurement` box. */
const MEASUREMENT_FIELDS = ['measure', 'direction', 'period', 'minimumCount'] as const;
const KPI_FORM_FIELDS = [...KPI_FIELDS, 'measurement'] as const;
/** The pack fields shown as form fields, by their path in the pack; everything else is edited as JSON in `rest`. */
const FORM_FIELDS: Record<string, string> = {
  'currency.unit': 'currencyUnit',
  'currency.sessionCap': 'sessionCap',
  'currency.minimumPathwayYears': 'minimumPathwayYears',
  'currency.description': 'currencyDescription',
  'tariff.kind': 'tariffKind',
  'tariff.pricePence': 'price',
  'tariff.note': 'tariffNote',
  'protocol.ageMin': 'ageMin',
  'protocol.ageMax': 'ageMax',
  'protocol.routes': 'routes',
  'protocol.priorities': 'priorities',
  'protocol.sexes': 'sexes',
  'protocol.acceptanceDeadlineWorkingDays': 'acceptanceDeadlineWorkingDays',
  ...Object.fromEntries(SPECIFICATION.map((name) => [`specification.${name}`, name])),
};

const text = (values: PackFormValues, name: string): string => (typeof values[name] === 'string' ? (values[name] as string) : '').trim();
const list = (values: PackFormValues, name: string): string[] => [values[name] ?? []].flat().filter((item) => item !== '');
const numberText = (value: number | undefined) => (value === undefined ? '' : String(value));

/** How many indicator rows the form shows: every posted row, or the pack's indicators and one empty row to add another. */
export function kpiRowCount(values: PackFormValues): number {
  let count = 0;
  while (KPI_FORM_FIELDS.some((field) => values[`kpi-${count}-${field}`] !== undefined)) count += 1;
  return count;
}

/** The form's values for a pack (the current version, as the starting point of the next), with one empty indicator row. */
export function packFormValues(pack: PackContent | undefined): PackFormValues {
  if (!pack)
    return {
      routes: ['gp'],
      priorities: ['routine'],
      rest: JSON.stringify({ complexityBands: [], informationModel: [], exclusions: [], prerequisites: [] }, null, 2),
      ...emptyKpiRow(0),
    };
  const { protocol, currency, tariff } = pack;
  const kpis = [
    ...pack.kpis.map((kpi, index) => ({
      ...Object.fromEntries(KPI_FIELDS.map((field) => [`kpi-${index}-${field}`, numberOrText(kpi[field])])),
      [`kpi-${index}-measurement`]: measurementText(kpi),
    })),
    emptyKpiRow(pack.kpis.length),
  ];
  const rest = {
    ...(pack.currencies ? { currencies: pack.currencies } : {}),
    complexityBands: pack.complexityBands,
    informationModel: pack.informationModel,
    exclusions: protocol.exclusions,
    prerequisites: protocol.prerequisites,
    ...(protocol.repeatLimit ? { repeatLimit: protocol.repeatLimit } : {}),
    ...(pack.sources ? { sources: pack.sources } : {}),
  };
  return {
    ...Object.fromEntries(SPECIFICATION.map((name) => [name, pack.specification[name]])),
    currencyUnit: currency.unit,
    sessionCap: numberText(currency.sessionCap),
    minimumPathwayYears: numberText(currency.minimumPathwayYears),
    currencyDescription: currency.description,
    tariffKind: tariff.kind,
    price: tariff.pricePence === undefined ? '' : (tariff.pricePence / 100).toFixed(2),
    tariffNote: tariff.note,
    ageMin: numberText(protocol.ageMin),
    ageMax: numberText(protocol.ageMax),
    routes: [...protocol.routes],
    priorities: [...protocol.priorities],
    sexes: [...protocol.sexes],
    acceptanceDeadlineWorkingDays: String(protocol.acceptanceDeadlineWorkingDays),
    rest: JSON.stringify(rest, null, 2),
    ...Object.assign({}, ...kpis),
  };
}

function numberOrText(value: unknown): string {
  return value === undefined ? '' : String(value);
}

function emptyKpiRow(index: number): PackFormValues {
  return Object.fromEntries(KPI_FORM_FIELDS.map((field) => [`kpi-${index}-${field}`, '']));
}

/** The indicator's measuring fields as JSON, or empty when it has none. */
function measurementText(kpi: PackContent['kpis'][number]): string {
  const parts = Object.fromEntries(MEASUREMENT_FIELDS.filter((field) => kpi[field] !== undefined).map((field) => [field, kpi[field]]));
  return Object.keys(parts).length ? JSON.stringify(parts) : '';
}

/** The measuring fields typed as JSON in an indicator's row; anything but an object is an error on that box. */
function measurementOf(values: PackFormValues, name: string, errors: FieldError[]): Record<string, unknown> {
  const typed = text(values, name);
  if (!typed) return {};
  try {
    const parsed: unknown = JSON.parse(typed);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below, as any other value that is not an object
  }
  errors.push({ field: name, message: 'Write how it is measured as a JSON object, like {"measure": {"kind": "did-not-attend-rate"}}' });
  return {};
}

/** A whole number from a box, or undefined when empty; anything else is an error named for the field. */
function wholeNumber(values: PackFormValues, name: string, label: string, errors: FieldError[]): number | undefined {
  const value = text(values, name);
  if (!value) return undefined;
  if (/^\d{1,9}$/.test(value)) return Number(value);
  errors.push({ field: name, message: `Enter ${label} as a whole number, like 12` });
  return undefined;
}

/** Pounds and pence as typed ("£1,250.50") to integer pence. */
function pence(values: PackFormValues, errors: FieldError[]): number | undefined {
  const value = text(values, 'price').replace(/^£/, '').replaceAll(',', '');
  if (!value) return undefined;
  if (/^\d{1,7}(\.\d{1,2})?$/.test(value)) return Math.round(Number(value) * 100);
  errors.push({ field: 'price', message: 'Enter the price in pounds and pence, like 450.00' });
  return undefined;
}

function kpisOf(values: PackFormValues, errors: FieldError[]): { kpis: unknown[]; rows: number[] } {
  const kpis: unknown[] = [];
  const rows: number[] = [];
  for (let index = 0; index < kpiRowCount(values); index += 1) {
    const name = (field: string) => `kpi-${index}-${field}`;
    if (text(values, name('remove')) === 'yes' || KPI_FORM_FIELDS.every((field) => !text(values, name(field)))) continue;
    const optional = (field: string) => text(values, name(field)) || undefined;
    kpis.push({
      code: text(values, name('code')),
      description: text(values, name('description')),
      thresholdPercent: wholeNumber(values, name('thresholdPercent'), 'the threshold', errors),
      withinDays: wholeNumber(values, name('withinDays'), 'the number of days', errors),
      dayKind: optional('dayKind'),
      source: optional('source'),
      ...measurementOf(values, name('measurement'), errors),
    });
    rows.push(index);
  }
  return { kpis, rows };
}

function restOf(values: PackFormValues, errors: FieldError[]): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text(values, 'rest') || '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    errors.push({ field: 'rest', message: 'The other parts of the pack must be a JSON object, starting with { and ending with }' });
  } catch (error) {
    errors.push({ field: 'rest', message: `The other parts of the pack are not valid JSON: ${(error as Error).message}` });
  }
  return {};
}

/** The pack the form describes and every problem with it, each named for the box it belongs to (JSON problems in plain words). */
export function packFromForm(values: PackFormValues): { content: PackContent; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const { kpis, rows } = kpisOf(values, errors);
  const { exclusions, prerequisites, repeatLimit, ...others } = restOf(values, errors);
  const content = {
    specification: Object.fromEntries(SPECIFICATION.map((name) => [name, text(values, name)])),
    currency: {
      unit: text(values, 'currencyUnit'),
      minimumPathwayYears: wholeNumber(values, 'minimumPathwayYears', 'the minimum pathway length', errors),
      sessionCap: wholeNumber(values, 'sessionCap', 'the session cap', errors),
      description: text(values, 'currencyDescription'),
    },
    kpis,
    tariff: { kind: text(values, 'tariffKind'), pricePence: pence(values, errors), note: text(values, 'tariffNote') },
    protocol: {
      schemaVersion: 1,
      ageMin: wholeNumber(values, 'ageMin', 'the minimum age', errors),
      ageMax: wholeNumber(values, 'ageMax', 'the maximum age', errors),
      sexes: list(values, 'sexes'),
      routes: list(values, 'routes'),
      exclusions: exclusions ?? [],
      prerequisites: prerequisites ?? [],
      repeatLimit,
      priorities: list(values, 'priorities'),
      acceptanceDeadlineWorkingDays: wholeNumber(values, 'acceptanceDeadlineWorkingDays', 'the deadline', errors),
    },
    ...others,
  };
  const cleaned = JSON.parse(JSON.stringify(content)) as PackContent;
  const typed = new Set(errors.map((error) => error.field));
  const packErrors =
    errors.length && typed.has('rest')
      ? []
      : packFieldErrors(cleaned)
          .filter((error) => !error.message.endsWith('schema is false'))
          .map((error) => formError(error, rows))
          .filter((error) => !typed.has(error.field));
  return { content: cleaned, errors: [...errors, ...packErrors] };
}

/** A pack error placed on its form field, or on the JSON box with the path in plain words; a message that is already a sentence is kept. */
function formError(error: FieldError, kpiRows: number[]): FieldError {
  const kpi = /^kpis\.(\d+)\.(\w+)/.exec(error.field);
  const box = kpi && (MEASUREMENT_FIELDS as readonly string[]).includes(kpi[2]!) ? 'measurement' : kpi?.[2];
  const kpiField = kpi && (KPI_FORM_FIELDS as readonly string[]).includes(box!) ? `kpi-${kpiRows[Number(kpi[1])] ?? 0}-${box}` : undefined;
  const field = FORM_FIELDS[error.field] ?? kpiField ?? 'rest';
  const path = field === 'rest' ? error.field.replace(/^protocol\.(exclusions|prerequisites|repeatLimit)/, '$1') : error.field;
  const words = error.message.replace(/must be <= (\d+)/, 'must be $1 or less').replace(/must be >= (\d+)/, 'must be $1 or more');
  const sentence = /^[A-Z]/.test(words) && !words.startsWith('Expected');
  return { field, message: sentence ? words : `${plainPackPath(path)} ${words.charAt(0).toLowerCase()}${words.slice(1)}` };
}
