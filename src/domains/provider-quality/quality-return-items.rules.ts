/** What a quarterly quality return asks (issue #15 item 4; decision 0055): items an offer defines (a whole count or a short text), a default set when it defines none, and the checks on answers. */
import type { FieldError } from '../../lib/errors.ts';

export type ReturnItemKind = 'count' | 'text';

/** One question of a return: its code (the answer's key), what it asks, and whether the answer is a whole count or a short text. */
export interface ReturnItem {
  code: string;
  label: string;
  kind: ReturnItemKind;
  hint?: string;
}

/** The answers of a return, by item code. */
export type ReturnAnswers = Record<string, number | string>;

/** The longest short text, and the largest count, a return accepts. */
export const RETURN_TEXT_MAX = 500;
export const RETURN_COUNT_MAX = 99_999;
/** The most items an offer may ask for. */
export const RETURN_ITEMS_MAX = 20;
export const RETURN_ITEM_CODE = '^[a-z][a-z0-9-]{0,39}$';

/** What every provider returns when the offer asks nothing else: what the platform cannot see (complaints, serious incidents, patient-reported outcomes). */
export const DEFAULT_RETURN_ITEMS: readonly ReturnItem[] = [
  {
    code: 'complaints-received',
    label: 'Complaints received',
    kind: 'count',
    hint: 'Formal complaints about this service received in the quarter',
  },
  {
    code: 'complaints-upheld',
    label: 'Complaints upheld',
    kind: 'count',
    hint: 'Of the complaints closed in the quarter, how many were upheld in full or in part',
  },
  {
    code: 'serious-incidents',
    label: 'Serious incidents reported',
    kind: 'count',
    hint: 'Reported to the commissioner under the serious incident framework',
  },
  {
    code: 'outcomes-summary',
    label: 'Patient-reported outcomes',
    kind: 'text',
    hint: 'A short summary of the outcome measures patients reported in the quarter, or “None collected”',
  },
];

/** The items a return asks: the offer's own, or the default set. */
export function returnItemsOf(offerItems: unknown): readonly ReturnItem[] {
  return Array.isArray(offerItems) && offerItems.length > 0 ? (offerItems as ReturnItem[]) : DEFAULT_RETURN_ITEMS;
}

function countOf(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().replace(/,/g, '') : '';
  return /^\d{1,5}$/.test(text) && Number(text) <= RETURN_COUNT_MAX ? Number(text) : undefined;
}

function answerError(item: ReturnItem, value: unknown): string | undefined {
  const name = item.label.charAt(0).toLowerCase() + item.label.slice(1);
  if (item.kind === 'count') {
    if (value === undefined || value === null || String(value).trim() === '') return `Enter the number of ${name}, or 0`;
    return countOf(value) === undefined ? `${item.label} must be a whole number from 0 to 99,999` : undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') return `Enter ${name}`;
  return value.trim().length > RETURN_TEXT_MAX ? `${item.label} must be ${RETURN_TEXT_MAX} characters or fewer` : undefined;
}

/** The answers checked against the items: every item answered, counts whole and in range, texts short; each problem named by its item's code. */
export function checkReturnAnswers(
  items: readonly ReturnItem[],
  raw: Record<string, unknown>,
): { answers: ReturnAnswers } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const answers: ReturnAnswers = {};
  for (const item of items) {
    const value = raw[item.code];
    const problem = answerError(item, value);
    if (problem) errors.push({ field: item.code, message: problem });
    else answers[item.code] = item.kind === 'count' ? countOf(value)! : String(value).trim();
  }
  const upheld = answers['complaints-upheld'];
  const received = answers['complaints-received'];
  if (typeof upheld === 'number' && typeof received === 'number' && upheld > received)
    errors.push({ field: 'complaints-upheld', message: 'Complaints upheld cannot be more than complaints received' });
  return errors.length ? { errors } : { answers };
}

/** The checks on an offer's own items: 1 to 20, each with a unique code, a label and a kind. */
export function returnItemErrors(items: readonly ReturnItem[]): FieldError[] {
  const errors: FieldError[] = [];
  if (items.length < 1 || items.length > RETURN_ITEMS_MAX)
    errors.push({ field: 'items', message: `A return asks between 1 and ${RETURN_ITEMS_MAX} items` });
  const codes = new Set<string>();
  items.forEach((item, index) => {
    if (!new RegExp(RETURN_ITEM_CODE).test(item.code))
      errors.push({ field: `items[${index}].code`, message: 'Give each item a code of lower-case letters, digits and hyphens' });
    else if (codes.has(item.code)) errors.push({ field: `items[${index}].code`, message: `The code ${item.code} is used twice` });
    codes.add(item.code);
    if (!item.label?.trim() || item.label.length > 200)
      errors.push({ field: `items[${index}].label`, message: 'Give each item a label of up to 200 characters' });
  });
  return errors;
}
