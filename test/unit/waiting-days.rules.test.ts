import { describe, expect, it } from 'vitest';
import { eventInstant, waitingWorkingDays } from '../../src/domains/applications/waiting-days.rules.ts';

const at = (isoDate: string) => new Date(`${isoDate}T10:00:00Z`);

describe('the assessment clock', () => {
  it('counts working days since submission, not weekends', () => {
    expect(waitingWorkingDays(at('2027-02-01'), '2027-02-08', [])).toBe(5);
  });

  it('does not count the days a clarification was with the provider', () => {
    // Asked Wednesday 3rd, answered Monday 8th: Thu, Fri and Mon are paused; Tue 2nd, Wed 3rd and Tue 9th count.
    expect(waitingWorkingDays(at('2027-02-01'), '2027-02-09', [{ askedAt: at('2027-02-03'), answeredAt: at('2027-02-08') }])).toBe(3);
  });

  it('stops while a clarification is unanswered', () => {
    expect(waitingWorkingDays(at('2027-02-01'), '2027-02-12', [{ askedAt: at('2027-02-02'), answeredAt: null }])).toBe(1);
  });

  it('skips bank holidays (Good Friday and Easter Monday 2027)', () => {
    expect(waitingWorkingDays(at('2027-03-25'), '2027-03-31', [])).toBe(2);
  });

  it('dates events on the clock’s today when the clock is pinned', () => {
    const pinned = { now: () => new Date('2026-11-23T18:00:00Z'), today: () => '2027-02-01' };
    expect(eventInstant(pinned).toISOString().slice(0, 10)).toBe('2027-02-01');
    const real = { now: () => new Date('2027-02-01T09:00:00Z'), today: () => '2027-02-01' };
    expect(eventInstant(real).toISOString()).toBe('2027-02-01T09:00:00.000Z');
  });
});
