import { describe, expect, it } from 'vitest';
import {
  isQuarter,
  quarterBounds,
  quarterLabel,
  quarterOf,
  quartersToReturn,
  returnDueOn,
  returnStanding,
} from '../../../src/domains/provider-quality/quality-quarter.rules.ts';

describe('NHS financial quarters for quality returns', () => {
  it('puts April to June in Q1 and January to March in Q4 of the year that began the April before', () => {
    expect(['2026-04-01', '2026-06-30', '2026-07-01', '2026-12-31', '2027-01-01', '2027-03-31'].map(quarterOf)).toEqual([
      '2026-27-Q1',
      '2026-27-Q1',
      '2026-27-Q2',
      '2026-27-Q3',
      '2026-27-Q4',
      '2026-27-Q4',
    ]);
  });

  it('gives each quarter its first and last day, and names it in words', () => {
    expect(quarterBounds('2026-27-Q1')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarterBounds('2026-27-Q3')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterBounds('2027-28-Q4')).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(quarterLabel('2026-27-Q4')).toBe('Q4 2026-27 (January to March 2027)');
  });

  it('refuses codes that are not quarters', () => {
    expect(['2026-27-Q1', '2026-28-Q1', '2026-27-Q5', '2026-27 Q1', '2026-Q1'].map(isQuarter)).toEqual([true, false, false, false, false]);
  });

  it('makes a return due 15 working days after the quarter, skipping weekends, New Year’s Day and Easter', () => {
    expect(returnDueOn('2026-27-Q3', 15)).toBe('2027-01-22');
    expect(returnDueOn('2025-26-Q4', 15)).toBe('2026-04-23');
  });

  it('lists the ended quarters of the contract, newest first, starting from the quarter the contract began', () => {
    expect(quartersToReturn({ start: '2026-05-10', end: null }, '2027-02-01')).toEqual(['2026-27-Q3', '2026-27-Q2', '2026-27-Q1']);
    expect(quartersToReturn({ start: '2020-01-01', end: '2026-08-01' }, '2027-02-01')).toEqual([
      '2026-27-Q2',
      '2026-27-Q1',
      '2025-26-Q4',
      '2025-26-Q3',
      '2025-26-Q2',
      '2025-26-Q1',
      '2024-25-Q4',
      '2024-25-Q3',
    ]);
    expect(quartersToReturn({ start: null, end: null }, '2027-02-01')).toEqual([]);
  });

  it('flags a return late when submitted after the due day or still missing after it', () => {
    expect(returnStanding({ dueOn: '2027-01-22', submittedOn: '2027-01-22', today: '2027-02-01' })).toBe('submitted');
    expect(returnStanding({ dueOn: '2027-01-22', submittedOn: '2027-01-25', today: '2027-02-01' })).toBe('submitted-late');
    expect(returnStanding({ dueOn: '2027-01-22', submittedOn: null, today: '2027-01-22' })).toBe('due');
    expect(returnStanding({ dueOn: '2027-01-22', submittedOn: null, today: '2027-01-25' })).toBe('overdue');
  });
});
