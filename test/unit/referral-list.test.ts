import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/lib/errors.ts';
import { spreadsheetSafe } from '../../src/domains/referrals/referral-list.csv.ts';
import { checkReferralListFilter, filterQuery } from '../../src/domains/referrals/referral-list.rules.ts';

const fieldsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return (error.details.fieldErrors ?? []).map((field) => field.field);
    throw error;
  }
  return [];
};

describe('the referral list filter', () => {
  it('reads a 10-digit search as an NHS number and a 12-digit one as a reference, whatever the spacing', () => {
    expect(checkReferralListFilter({ search: ' 943 476 5919 ' })).toEqual({ nhsNumber: '9434765919' });
    expect(checkReferralListFilter({ search: '1234-5678 9012' })).toEqual({ ubrn: '123456789012' });
  });

  it('names every bad field at once: unknown status, impossible or reversed dates, a search that is neither key', () => {
    expect(fieldsOf(() => checkReferralListFilter({ status: 'lost', sentFrom: '2027-02-30', search: '12345' })).sort()).toEqual([
      'search',
      'sentFrom',
      'status',
    ]);
    expect(fieldsOf(() => checkReferralListFilter({ sentFrom: '2027-03-02', sentTo: '2027-03-01' }))).toEqual(['sentTo']);
    expect(fieldsOf(() => checkReferralListFilter({ status: 'accepted', overdue: true }))).toEqual(['status']);
  });

  it('makes overdue mean sent, and writes the filter back as the query a link carries', () => {
    const filter = checkReferralListFilter({ overdue: true, service: 'adult-hearing', sentFrom: '2027-03-01' });
    expect(filter).toEqual({ status: 'sent', overdue: true, service: 'adult-hearing', sentFrom: '2027-03-01' });
    expect(filterQuery(filter)).toEqual({ status: 'sent', overdue: 'yes', service: 'adult-hearing', sentFrom: '2027-03-01' });
    expect(
      checkReferralListFilter(
        Object.fromEntries(Object.entries(filterQuery(filter)).map(([key, value]) => [key, key === 'overdue' ? value === 'yes' : value])),
      ),
    ).toEqual(filter);
  });
});

describe('CSV cells', () => {
  it('keeps a spreadsheet from running any cell as a formula', () => {
    for (const text of ['=SUM(A1)', '+1', '-1+2', '@cmd', '\t=1', '\r=1']) expect(spreadsheetSafe(text)).toBe(`'${text}`);
    expect(spreadsheetSafe('Ada Lovelace')).toBe('Ada Lovelace');
    expect(spreadsheetSafe('1234 5678 9012')).toBe('1234 5678 9012');
  });
});
