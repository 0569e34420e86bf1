/** View-model of the "new pack version" form: the choices for each radio and checkbox group, and one fieldset per indicator. */
import { CURRENCY_UNITS } from '../../../domains/catalogue/implementation-pack.schema.ts';
import { PRIORITIES, REFERRAL_ROUTES, SEXES } from '../../../domains/catalogue/referral-protocol.schema.ts';
import { kpiRowCount, type PackFormValues } from './pack-form.ts';

const UNIT_TEXT: Record<string, string> = {
  pathway: 'Pathway',
  episode: 'Episode',
  session: 'Session',
  test: 'Test',
  provision: 'Provision of equipment',
};
const TARIFF_TEXT: Record<string, string> = {
  national: 'National tariff',
  indicative: 'Indicative price',
  'local-price-to-be-set': 'Local price to be set',
};
const ROUTE_TEXT: Record<string, string> = { gp: 'GP', 'other-clinician': 'Other clinician', self: 'Self-referral' };
const PRIORITY_TEXT: Record<string, string> = { routine: 'Routine', urgent: 'Urgent' };
const SEX_TEXT: Record<string, string> = { female: 'Female', male: 'Male' };

const text = (values: PackFormValues, name: string): string => (typeof values[name] === 'string' ? (values[name] as string) : '');
const chosen = (values: PackFormValues, name: string): string[] => [values[name] ?? []].flat();

function items(values: PackFormValues, name: string, options: readonly string[], labels: Record<string, string>) {
  const selected = chosen(values, name);
  return options.map((value) => ({ value, text: labels[value] ?? value, checked: selected.includes(value) }));
}

/** The values and choices the form template shows, from the values as typed (or as the current pack has them). */
export function packFormView(values: PackFormValues) {
  const kpis = Array.from({ length: Math.max(kpiRowCount(values), 1) }, (_, index) => {
    const name = (field: string) => `kpi-${index}-${field}`;
    return {
      index,
      number: index + 1,
      isNew: !text(values, name('code')) && !text(values, name('description')),
      code: text(values, name('code')),
      description: text(values, name('description')),
      thresholdPercent: text(values, name('thresholdPercent')),
      withinDays: text(values, name('withinDays')),
      source: text(values, name('source')),
      measurement: text(values, name('measurement')),
      remove: text(values, name('remove')) === 'yes',
      dayKindItems: [
        { value: '', text: 'No time limit' },
        { value: 'working', text: 'Working days' },
        { value: 'calendar', text: 'Calendar days' },
      ].map((item) => ({ ...item, selected: text(values, name('dayKind')) === item.value })),
    };
  });
  return {
    values: Object.fromEntries(Object.entries(values).filter(([, value]) => typeof value === 'string')),
    unitItems: items(values, 'currencyUnit', CURRENCY_UNITS, UNIT_TEXT),
    tariffItems: items(values, 'tariffKind', Object.keys(TARIFF_TEXT), TARIFF_TEXT),
    routeItems: items(values, 'routes', REFERRAL_ROUTES, ROUTE_TEXT),
    priorityItems: items(values, 'priorities', PRIORITIES, PRIORITY_TEXT),
    sexItems: items(values, 'sexes', SEXES, SEX_TEXT),
    kpis,
  };
}
