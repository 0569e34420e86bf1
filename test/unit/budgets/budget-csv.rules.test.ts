import { describe, expect, it } from 'vitest';
import { parseBudgetCsv } from '../../../src/domains/budgets/budget-csv.rules.ts';

const messages = (text: string) => {
  const result = parseBudgetCsv(text);
  return result.ok ? [] : result.errors.map((error) => error.message);
};

describe('budget plans read from CSV', () => {
  it('reads plans in pounds, with or without a byte order mark and monthly amounts', () => {
    const months = Array(12).fill('1000').join(',');
    const result = parseBudgetCsv(
      `\uFEFFService code,Financial year,Amount,apr,may,jun,jul,aug,sep,oct,nov,dec,jan,feb,mar\nback-and-neck-pain,2026-27,"12,000.00",${months}\nadult-hearing,2026-27,5000,,,,,,,,,,,,\n`,
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          plan: {
            serviceCode: 'back-and-neck-pain',
            financialYear: '2026-27',
            amountPence: 1_200_000,
            monthlyPence: Array(12).fill(100_000),
          },
        },
        { line: 3, plan: { serviceCode: 'adult-hearing', financialYear: '2026-27', amountPence: 500_000 } },
      ],
    });
  });

  it('reports every bad line by its number and keeps none', () => {
    expect(
      messages(
        'service_code,financial_year,amount\nback-and-neck-pain,2026-27,1000\n,2026-28,ten\nadult-hearing,2026-27,500\nback-and-neck-pain,2026-27,2000\n',
      ),
    ).toEqual([
      'Line 3: Choose the service the budget is for; Enter the financial year as April’s year and the next, like 2026-27; Enter the year’s budget in pounds, like 250000 or 250,000.00',
      'Line 5: the same service and year as line 2',
    ]);
    expect(messages('service_code,financial_year,amount\n,2026-28,100\n')).toEqual([
      'Line 2: Choose the service the budget is for; Enter the financial year as April’s year and the next, like 2026-27',
    ]);
  });

  it('refuses a header without the required columns, or with only some months', () => {
    expect(messages('service,year,amount\nx,2026-27,1\n')).toEqual([
      'Line 1: unknown column "service"; the columns are service_code, financial_year, amount, apr, may, jun, jul, aug, sep, oct, nov, dec, jan, feb, mar',
      'Line 1: unknown column "year"; the columns are service_code, financial_year, amount, apr, may, jun, jul, aug, sep, oct, nov, dec, jan, feb, mar',
      'Line 1: the header has no "service_code" column',
      'Line 1: the header has no "financial_year" column',
    ]);
    expect(messages('service_code,financial_year,amount,apr\nx,2026-27,1,1\n')).toEqual([
      'Line 1: give all twelve month columns (apr to mar) or none',
    ]);
    expect(messages('')).toEqual(['The file is empty: the first line must name the columns service_code, financial_year, amount']);
  });
});
