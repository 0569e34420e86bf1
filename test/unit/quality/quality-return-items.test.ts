import { describe, expect, it } from 'vitest';
import {
  checkReturnAnswers,
  DEFAULT_RETURN_ITEMS,
  returnItemErrors,
  returnItemsOf,
} from '../../../src/domains/provider-quality/quality-return-items.rules.ts';

describe('what a quality return asks and accepts', () => {
  it('asks the default set when the offer defines no items', () => {
    expect(returnItemsOf(null)).toBe(DEFAULT_RETURN_ITEMS);
    expect(returnItemsOf([])).toBe(DEFAULT_RETURN_ITEMS);
    expect(returnItemsOf([{ code: 'falls', label: 'Falls', kind: 'count' }])).toEqual([{ code: 'falls', label: 'Falls', kind: 'count' }]);
  });

  it('takes counts typed with commas or spaces and trims texts', () => {
    const checked = checkReturnAnswers(DEFAULT_RETURN_ITEMS, {
      'complaints-received': ' 1,204 ',
      'complaints-upheld': 3,
      'serious-incidents': '0',
      'outcomes-summary': '  None collected ',
    });
    expect(checked).toEqual({
      answers: { 'complaints-received': 1204, 'complaints-upheld': 3, 'serious-incidents': 0, 'outcomes-summary': 'None collected' },
    });
  });

  it('names each problem by its item: a missing count, a fraction, more upheld than received, a long text', () => {
    const checked = checkReturnAnswers(DEFAULT_RETURN_ITEMS, {
      'complaints-received': '2',
      'complaints-upheld': '3',
      'serious-incidents': '1.5',
      'outcomes-summary': 'x'.repeat(501),
    });
    expect(checked).toEqual({
      errors: [
        { field: 'serious-incidents', message: 'Serious incidents reported must be a whole number from 0 to 99,999' },
        { field: 'outcomes-summary', message: 'Patient-reported outcomes must be 500 characters or fewer' },
        { field: 'complaints-upheld', message: 'Complaints upheld cannot be more than complaints received' },
      ],
    });
    expect(checkReturnAnswers(DEFAULT_RETURN_ITEMS, {})).toMatchObject({
      errors: expect.arrayContaining([{ field: 'complaints-received', message: 'Enter the number of complaints received, or 0' }]),
    });
  });

  it('refuses an offer’s items with a bad or repeated code, no label, or none at all', () => {
    expect(returnItemErrors([])).toEqual([{ field: 'items', message: 'A return asks between 1 and 20 items' }]);
    expect(
      returnItemErrors([
        { code: 'Falls', label: 'Falls', kind: 'count' },
        { code: 'falls', label: ' ', kind: 'count' },
        { code: 'falls', label: 'Again', kind: 'text' },
      ]).map((error) => error.field),
    ).toEqual(['items[0].code', 'items[1].label', 'items[2].code']);
  });
});
