import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURN_ITEMS } from '../../../src/domains/provider-quality/quality-return-items.rules.ts';
import { codeForLabel, itemsFromForm } from '../../../src/http/web/offers/return-items-form.ts';

/** The form as shown for the default items, unchanged. */
const kept: Record<string, string> = Object.fromEntries(
  DEFAULT_RETURN_ITEMS.flatMap((item, index) => [
    [`label-${index}`, item.label],
    [`kind-${index}`, item.kind],
  ]),
);

describe('the quality return items form', () => {
  it('makes a code from a new item’s label that no other item uses', () => {
    expect(codeForLabel('Falls in clinic', new Set())).toBe('falls-in-clinic');
    expect(codeForLabel('Falls in clinic', new Set(['falls-in-clinic', 'falls-in-clinic-2']))).toBe('falls-in-clinic-3');
    expect(codeForLabel('2-week waits (%)', new Set())).toBe('item-2-week-waits');
    expect(codeForLabel('£££', new Set())).toBe('item');
    expect(codeForLabel('x'.repeat(80), new Set())).toHaveLength(37);
  });

  it('keeps the codes of the items in force, drops those removed and adds the new one last', () => {
    const read = itemsFromForm(DEFAULT_RETURN_ITEMS, {
      ...kept,
      'label-0': 'Formal complaints',
      'remove-2': 'yes',
      'label-new': 'Complaints received',
      'kind-new': 'text',
    });
    expect(read).toEqual({
      items: [
        { code: 'complaints-received', label: 'Formal complaints', kind: 'count' },
        { code: 'complaints-upheld', label: 'Complaints upheld', kind: 'count' },
        { code: 'outcomes-summary', label: 'Patient-reported outcomes', kind: 'text' },
        { code: 'complaints-received-2', label: 'Complaints received', kind: 'text' },
      ],
    });
  });

  it('names each problem by its field, and refuses removing every item', () => {
    const everyRemoved = Object.fromEntries(DEFAULT_RETURN_ITEMS.map((_item, index) => [`remove-${index}`, 'yes']));
    expect(itemsFromForm(DEFAULT_RETURN_ITEMS, everyRemoved)).toEqual({
      errors: [{ field: 'remove-0', message: 'Keep at least one item, or use the default items instead' }],
    });
    const read = itemsFromForm(DEFAULT_RETURN_ITEMS, { ...kept, 'kind-1': 'yes-no', 'hint-new': 'A hint alone' });
    expect('errors' in read && read.errors.map((error) => error.field)).toEqual(['kind-1', 'label-new', 'kind-new']);
  });
});
