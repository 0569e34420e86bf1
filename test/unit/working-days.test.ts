import { describe, expect, it } from 'vitest';
import { addDays, isBankHoliday, isWorkingDay, workingDaysBetween } from '../../src/lib/working-days.ts';

describe('working days in England', () => {
  it('knows the 2012 Diamond Jubilee and the moved spring bank holiday', () => {
    expect(isBankHoliday('2012-06-04')).toBe(true);
    expect(isBankHoliday('2012-06-05')).toBe(true);
    expect(isBankHoliday('2012-05-28')).toBe(false);
  });

  it('uses substitute days when Christmas falls at a weekend', () => {
    expect(isWorkingDay('2021-12-27')).toBe(false);
    expect(isWorkingDay('2021-12-28')).toBe(false);
    expect(isWorkingDay('2021-12-29')).toBe(true);
  });

  it('knows Easter as it moves: Good Friday and Easter Monday 2027 are 26 and 29 March', () => {
    expect(isBankHoliday('2027-03-26')).toBe(true);
    expect(isBankHoliday('2027-03-29')).toBe(true);
  });

  it('excludes weekends', () => {
    expect(isWorkingDay('2027-02-06')).toBe(false);
    expect(isWorkingDay('2027-02-07')).toBe(false);
    expect(isWorkingDay('2027-02-08')).toBe(true);
  });

  it('counts 5 working days in a plain week and none for the same day', () => {
    expect(workingDaysBetween('2027-02-01', '2027-02-08')).toBe(5);
    expect(workingDaysBetween('2027-02-01', '2027-02-01')).toBe(0);
    expect(workingDaysBetween('2027-02-08', '2027-02-01')).toBe(0);
  });

  it('counts 2 working days from Thursday before Easter 2027 to the Wednesday after', () => {
    expect(workingDaysBetween('2027-03-25', '2027-03-31')).toBe(2);
  });

  it('adds calendar days across a month end', () => {
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
  });
});
