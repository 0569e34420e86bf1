import { describe, expect, it } from 'vitest';
import { londonInstant, startOfLondonDay } from '../../src/lib/clock.ts';
import { parseTimeOfDay } from '../../src/lib/time-of-day.ts';

describe('times of day as people type them', () => {
  it('reads 24-hour and 12-hour times', () => {
    expect(parseTimeOfDay('14:30')).toBe('14:30');
    expect(parseTimeOfDay('9.05')).toBe('09:05');
    expect(parseTimeOfDay('2:30pm')).toBe('14:30');
    expect(parseTimeOfDay('12am')).toBe('00:00');
    expect(parseTimeOfDay('12 PM')).toBe('12:00');
    expect(parseTimeOfDay('9am')).toBe('09:00');
  });

  it('refuses what is not a time or is ambiguous', () => {
    for (const text of ['', 'teatime', '25:00', '10:75', '13pm', '9', '0am']) expect(parseTimeOfDay(text)).toBeUndefined();
  });
});

describe('wall-clock times in England', () => {
  it('takes a winter time as GMT and a summer time as BST', () => {
    expect(londonInstant('2027-01-15', '09:30').toISOString()).toBe('2027-01-15T09:30:00.000Z');
    expect(londonInstant('2027-07-15', '09:30').toISOString()).toBe('2027-07-15T08:30:00.000Z');
  });

  it('gets the days the clocks change right', () => {
    expect(londonInstant('2027-03-28', '03:00').toISOString()).toBe('2027-03-28T02:00:00.000Z');
    expect(londonInstant('2027-10-31', '12:00').toISOString()).toBe('2027-10-31T12:00:00.000Z');
  });
});

describe('the start of a day in England', () => {
  it('is midnight GMT in winter and 23:00 UTC the evening before in summer (BST)', () => {
    expect(startOfLondonDay('2027-01-15').toISOString()).toBe('2027-01-15T00:00:00.000Z');
    expect(startOfLondonDay('2027-07-15').toISOString()).toBe('2027-07-14T23:00:00.000Z');
  });
});
