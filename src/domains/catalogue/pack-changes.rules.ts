/** What changes between two versions of an implementation pack, field by field, in words a national admin reads (not JSON paths). */
import { formatPence } from '../../lib/money.ts';
import type { PackContent } from './implementation-pack.schema.ts';

export interface PackChange {
  /** The field in plain words, e.g. "Key performance indicator “wait-to-assessment”: threshold (%)". */
  label: string;
  kind: 'changed' | 'added' | 'removed';
  before?: string;
  after?: string;
}

const WORDS: Record<string, string> = {
  specification: 'Specification',
  populationNeeds: 'population needs',
  scope: 'scope',
  outcomes: 'outcomes',
  serviceDescription: 'service description and pathway',
  applicableStandards: 'applicable standards',
  currency: 'Currency',
  unit: 'unit',
  minimumPathwayYears: 'minimum pathway (years)',
  sessionCap: 'session cap',
  description: 'description',
  complexityBands: 'Complexity band',
  informationModel: 'Information model item',
  kpis: 'Key performance indicator',
  code: 'code',
  thresholdPercent: 'threshold (%)',
  withinDays: 'within (days)',
  dayKind: 'kind of days',
  source: 'source',
  tariff: 'Tariff',
  kind: 'kind',
  pricePence: 'price',
  note: 'note',
  protocol: 'Referral protocol',
  schemaVersion: 'schema version',
  ageMin: 'minimum age',
  ageMax: 'maximum age',
  sexes: 'sexes',
  routes: 'who can refer',
  exclusions: 'exclusion',
  prerequisites: 'prerequisite',
  repeatLimit: 'repeat limit',
  maxReferrals: 'most referrals',
  withinMonths: 'within (months)',
  per: 'counted per',
  priorities: 'priorities',
  acceptanceDeadlineWorkingDays: 'accept or return within (working days)',
  sources: 'Source',
  item: 'item',
  required: 'required',
  question: 'question',
  redirectAdvice: 'advice when yes',
  adviceIfNotMet: 'advice when not met',
  id: 'id',
  section: 'section',
  publisher: 'publisher',
  title: 'title',
  date: 'date',
  url: 'web address',
  location: 'place in the document',
  confirmed: 'confirmed by the source',
  internalNote: 'internal note',
};

/** The key that names an item of each list, so a reordered or inserted item is not read as every later item changing. */
const ITEM_KEYS: Record<string, string> = {
  kpis: 'code',
  complexityBands: 'code',
  informationModel: 'item',
  exclusions: 'id',
  prerequisites: 'id',
};

function wordsFor(key: string): string {
  return WORDS[key] ?? key.replace(/([A-Z])/g, ' $1').toLowerCase();
}

/** A JSON path of the pack ("kpis.0.thresholdPercent") in plain words ("Key performance indicator 1: threshold (%)"), for error messages. */
export function plainPackPath(path: string): string {
  const parts = path.split('.').filter(Boolean);
  const words: string[] = [];
  for (const part of parts) {
    if (/^\d+$/.test(part)) words[words.length - 1] = `${words.at(-1) ?? 'Item'} ${Number(part) + 1}`;
    else words.push(wordsFor(part));
  }
  const [first = 'The pack', ...rest] = words;
  const head = first.charAt(0).toUpperCase() + first.slice(1);
  return rest.length ? `${head}: ${rest.join(', ')}` : head;
}

function shown(value: unknown, key: string): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (key === 'pricePence' && typeof value === 'number') return formatPence(value);
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'None';
  return String(value);
}

/** Every leaf of the pack as plain label → shown value, lists of objects keyed by their naming field. */
function leaves(value: unknown, label: string, key: string, into: Map<string, { label: string; value: string }>, path: string): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null)) {
    const itemKey = ITEM_KEYS[key];
    value.forEach((item, index) => {
      const name = itemKey && typeof item?.[itemKey] === 'string' ? `“${item[itemKey] as string}”` : String(index + 1);
      leaves(item, `${label} ${name}`, key, into, `${path}[${name}]`);
    });
    return;
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    for (const [child, item] of Object.entries(value as Record<string, unknown>)) {
      const childLabel = label
        ? `${label}${label.includes(':') ? ',' : ':'} ${wordsFor(child)}`
        : wordsFor(child).replace(/^./, (c) => c.toUpperCase());
      leaves(item, childLabel, child, into, `${path}.${child}`);
    }
    return;
  }
  into.set(path, { label, value: shown(value, key) });
}

/** The fields that differ between the current pack (if any) and the proposed one, in the pack's order; unchanged fields are left out. */
export function packChanges(before: PackContent | undefined, after: PackContent): PackChange[] {
  const was = new Map<string, { label: string; value: string }>();
  const now = new Map<string, { label: string; value: string }>();
  if (before) leaves(before, '', '', was, '');
  leaves(after, '', '', now, '');
  const changes: PackChange[] = [];
  for (const [path, field] of now) {
    const old = was.get(path);
    if (!old) changes.push({ label: field.label, kind: 'added', after: field.value });
    else if (old.value !== field.value) changes.push({ label: field.label, kind: 'changed', before: old.value, after: field.value });
  }
  for (const [path, field] of was) if (!now.has(path)) changes.push({ label: field.label, kind: 'removed', before: field.value });
  return changes;
}
