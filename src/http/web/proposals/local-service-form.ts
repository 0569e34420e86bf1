/** The local service form: its values, reading them into a local pack, and the domain's field errors moved onto the form's fields. */
import type { PackContent } from '../../../domains/catalogue/implementation-pack.schema.ts';
import type { LocalServiceState } from '../../../domains/proposals/local-service.service.ts';
import type { LocalPackInput } from '../../../domains/proposals/local-service.rules.ts';
import { type FieldError, isDomainError, validationFailed } from '../../../lib/errors.ts';
import { field } from '../form.ts';

export const LOCAL_SERVICE_FIELDS = [
  'populationNeeds',
  'scope',
  'outcomes',
  'serviceDescription',
  'applicableStandards',
  'currencyUnit',
  'minimumPathwayYears',
  'sessionCap',
  'currencyDescription',
  'complexityBands',
  'changeNote',
] as const;
export type LocalServiceValues = Record<(typeof LOCAL_SERVICE_FIELDS)[number], string>;

const SPECIFICATION_SECTIONS = ['populationNeeds', 'scope', 'outcomes', 'serviceDescription', 'applicableStandards'] as const;
const LABELS: Record<string, string> = {
  populationNeeds: 'population needs',
  scope: 'scope of the service',
  outcomes: 'outcomes',
  serviceDescription: 'service description',
  applicableStandards: 'applicable standards',
  currencyDescription: 'description of the currency',
  complexityBands: 'complexity bands',
  changeNote: 'change note',
};
const BAND_FORMAT = 'Write each band on its own line as a code, a colon and a description, like HOME: Taken at the patient’s home';
const DEFAULT_STANDARDS = 'NHS Standard Contract; CQC registration; NICE guidance applicable to the service.';

/** The values posted. */
export function localServiceValues(body: unknown): LocalServiceValues {
  return Object.fromEntries(LOCAL_SERVICE_FIELDS.map((name) => [name, field(body, name)])) as LocalServiceValues;
}

function bandsText(bands: PackContent['complexityBands']): string {
  return bands.map((band) => `${band.code}: ${band.description}`).join('\n');
}

/** What the form starts with: the current local pack, or on first use what the proposal already says. */
export function startingValues({ proposal, current }: LocalServiceState): LocalServiceValues {
  if (current) {
    const { specification, currency, complexityBands } = current.content;
    return {
      ...specification,
      currencyUnit: currency.unit,
      minimumPathwayYears: String(currency.minimumPathwayYears ?? ''),
      sessionCap: String(currency.sessionCap ?? ''),
      currencyDescription: currency.description,
      complexityBands: bandsText(complexityBands),
      changeNote: '',
    };
  }
  return {
    populationNeeds: proposal.rationale,
    scope: '',
    outcomes: '',
    serviceDescription: proposal.description,
    applicableStandards: DEFAULT_STANDARDS,
    currencyUnit: '',
    minimumPathwayYears: '',
    sessionCap: '',
    currencyDescription: '',
    complexityBands: 'STANDARD: All patients meeting the referral criteria',
    changeNote: '',
  };
}

function wholeNumber(value: string, fieldName: string, message: string, errors: FieldError[]): number | undefined {
  if (!value.trim()) return undefined;
  if (/^\d{1,3}$/.test(value.trim())) return Number(value.trim());
  errors.push({ field: fieldName, message });
  return undefined;
}

function bandsFrom(text: string, errors: FieldError[]): { code: string; description: string }[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const bands = lines.map((line) => ({ code: line.split(':')[0]!.trim(), description: line.split(':').slice(1).join(':').trim() }));
  if (bands.some((band) => !band.code || !band.description)) errors.push({ field: 'complexityBands', message: BAND_FORMAT });
  else if (new Set(bands.map((band) => band.code)).size < bands.length)
    errors.push({ field: 'complexityBands', message: 'Give each complexity band a different code' });
  return bands.filter((band) => band.code && band.description);
}

/** The local pack the form describes, with errors for what could not be read (numbers and band lines). */
export function localPackFromForm(values: LocalServiceValues): { input: LocalPackInput & { changeNote: string }; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const unit = values.currencyUnit;
  const minimumPathwayYears =
    unit === 'pathway'
      ? wholeNumber(values.minimumPathwayYears, 'minimumPathwayYears', 'Enter the minimum years as a whole number, like 3', errors)
      : undefined;
  const sessionCap =
    unit === 'episode'
      ? wholeNumber(values.sessionCap, 'sessionCap', 'Enter the session cap as a whole number, like 6', errors)
      : undefined;
  const specification = Object.fromEntries(SPECIFICATION_SECTIONS.map((section) => [section, values[section].trim()]));
  const currency = {
    unit,
    description: values.currencyDescription.trim(),
    ...(minimumPathwayYears === undefined ? {} : { minimumPathwayYears }),
    ...(sessionCap === undefined ? {} : { sessionCap }),
  };
  return {
    input: { specification, currency, complexityBands: bandsFrom(values.complexityBands, errors), changeNote: values.changeNote },
    errors,
  };
}

function formFieldOf(path: string): string {
  if (path.startsWith('specification.')) return path.slice('specification.'.length);
  if (path.startsWith('complexityBands')) return 'complexityBands';
  const currency: Record<string, string> = {
    'currency.description': 'currencyDescription',
    'currency.sessionCap': 'sessionCap',
    'currency.minimumPathwayYears': 'minimumPathwayYears',
  };
  return currency[path] ?? (path.startsWith('currency') ? 'currencyUnit' : path);
}

function messageFor(formField: string, error: FieldError): string {
  if (formField === 'currencyUnit') return 'Select how the service is paid for: per pathway, episode, session or test';
  if (formField === 'complexityBands' && !error.field.startsWith('complexityBands.')) return 'Enter at least one complexity band';
  const label = LABELS[formField];
  if (!label) return error.message;
  return /^(must not be empty|is required)$/.test(error.message) ? `Enter the ${label}` : `The ${label} ${error.message}`;
}

/** The pack's field errors placed on the form's fields after the form's own (one per field, in form order), worded for a person. */
export function onFormFields(packErrors: FieldError[], formErrors: FieldError[] = []): FieldError[] {
  const byField = new Map<string, FieldError>(formErrors.map((error) => [error.field, error]));
  for (const error of packErrors) {
    const formField = formFieldOf(error.field);
    if (!byField.has(formField)) byField.set(formField, { field: formField, message: messageFor(formField, error) });
  }
  return [...byField.values()].sort(
    (a, b) => LOCAL_SERVICE_FIELDS.indexOf(a.field as never) - LOCAL_SERVICE_FIELDS.indexOf(b.field as never),
  );
}

/** The domain's validation failure with its pack paths moved onto the form's fields, so attempt() shows it beside them; any other error is returned as it is, to be thrown on. */
export function movedOntoForm(error: unknown): unknown {
  if (!isDomainError(error) || error.code !== 'validation-failed' || !error.details.fieldErrors) return error;
  return validationFailed(onFormFields(error.details.fieldErrors), error.message);
}
