/** Reads the quality return items form (decision 0061): the offer's items as rows (label, kind, hint, remove) and one row to add, into the list to save or errors by field. */
import type { FieldError } from '../../../lib/errors.ts';
import { type ReturnItem, RETURN_ITEMS_MAX } from '../../../domains/provider-quality/quality-return-items.rules.ts';

const KINDS = new Set(['count', 'text']);
const LABEL_MAX = 200;
const HINT_MAX = 200;
const CODE_MAX = 40;

/** A code for a new item from its label ("Falls reported" → "falls-reported"), not one already used. */
export function codeForLabel(label: string, taken: ReadonlySet<string>): string {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = (/^[a-z]/.test(slug) ? slug : `item-${slug}`).slice(0, CODE_MAX - 3).replace(/-+$/, '');
  let code = base;
  for (let suffix = 2; taken.has(code); suffix++) code = `${base}-${suffix}`;
  return code;
}

/** One row typed: its problems are named by the row's field suffix (an index, or "new"). */
function rowOf(body: Record<string, string>, suffix: string, errors: FieldError[], position: string) {
  const label = (body[`label-${suffix}`] ?? '').trim();
  const kind = body[`kind-${suffix}`] ?? '';
  const hint = (body[`hint-${suffix}`] ?? '').trim();
  if (!label) errors.push({ field: `label-${suffix}`, message: `Enter what ${position} asks` });
  else if (label.length > LABEL_MAX)
    errors.push({ field: `label-${suffix}`, message: `What ${position} asks must be ${LABEL_MAX} characters or fewer` });
  if (!KINDS.has(kind))
    errors.push({ field: `kind-${suffix}`, message: `Select whether ${position} is answered with a number or a short text` });
  if (hint.length > HINT_MAX)
    errors.push({ field: `hint-${suffix}`, message: `The hint for ${position} must be ${HINT_MAX} characters or fewer` });
  return { label, kind: kind as ReturnItem['kind'], ...(hint ? { hint } : {}) };
}

/** The items to save from the form over the items in force (whose codes are kept), or the errors to show next to each field. */
export function itemsFromForm(
  current: readonly ReturnItem[],
  body: Record<string, string>,
): { items: ReturnItem[] } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const items: ReturnItem[] = [];
  current.forEach((item, index) => {
    if (body[`remove-${index}`] === 'yes') return;
    items.push({ code: item.code, ...rowOf(body, String(index), errors, `item ${index + 1}`) });
  });
  const adding = ['label-new', 'hint-new'].some((name) => (body[name] ?? '').trim() !== '');
  if (adding) {
    const added = rowOf(body, 'new', errors, 'the new item');
    items.push({ code: codeForLabel(added.label, new Set(items.map((item) => item.code))), ...added });
  }
  if (items.length === 0) errors.push({ field: 'remove-0', message: 'Keep at least one item, or use the default items instead' });
  if (items.length > RETURN_ITEMS_MAX) errors.push({ field: 'label-new', message: `A return asks at most ${RETURN_ITEMS_MAX} items` });
  return errors.length ? { errors } : { items };
}
