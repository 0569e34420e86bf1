import { describe, expect, it } from 'vitest';
import {
  countsFor,
  evaluateKpi,
  type KpiDefinition,
  type KpiReferralFacts,
  periodWindow,
} from '../../../src/domains/provider-quality/kpi.rules.ts';

const SEEN_WITHIN_16: KpiDefinition = {
  code: 'hearing-seen-within-16-working-days',
  name: 'Seen within 16 working days of referral',
  measure: { kind: 'first-seen-within-working-days', workingDays: 16 },
  thresholdPercent: 90,
  direction: 'at-least',
  period: 'rolling-12-months',
  minimumCount: 5,
};

const referral = (
  id: string,
  receivedOn: string,
  firstAttendedOn: string | null,
  more: Partial<KpiReferralFacts> = {},
): KpiReferralFacts => ({
  referralId: id,
  receivedOn,
  firstAttendedOn,
  courseFinishedOn: null,
  contacts: [],
  ...more,
});

describe('KPIs worked out from the record', () => {
  it('scores 8 of 10 hearing patients seen within 16 working days as 80%, a breach at a 90% threshold, counting bank holidays out', () => {
    // Received Thursday 17 December 2026: Christmas Day, Boxing Day (Monday 28th) and New Year's Day are not working days,
    // so the 16th working day after it is Wednesday 13 January 2027 (it would be Friday 8 January without them).
    const onTime = Array.from({ length: 8 }, (_, index) => referral(`on-time-${index}`, '2026-12-17', '2027-01-13'));
    const late = [referral('late', '2026-12-17', '2027-01-14'), referral('never-seen', '2026-12-17', null)];
    const result = evaluateKpi(SEEN_WITHIN_16, [...onTime, ...late], '2027-01');
    expect(result).toMatchObject({ numerator: 8, denominator: 10, percent: 80, status: 'breached' });
    expect(result.counted.filter((count) => !count.met).map((count) => count.referralId)).toEqual(['late', 'never-seen']);
  });

  it('says not enough data yet below the minimum count, however good the share', () => {
    const four = Array.from({ length: 4 }, (_, index) => referral(`r${index}`, '2027-01-04', '2027-01-05'));
    expect(evaluateKpi(SEEN_WITHIN_16, four, '2027-01')).toMatchObject({ numerator: 4, denominator: 4, status: 'not-enough-data' });
  });

  it('meets an at-most KPI (a DNA rate) at or below its threshold', () => {
    const dnaRate: KpiDefinition = {
      ...SEEN_WITHIN_16,
      measure: { kind: 'did-not-attend-rate' },
      thresholdPercent: 10,
      direction: 'at-most',
      period: 'month',
      minimumCount: 1,
    };
    const contacts = Array.from({ length: 10 }, (_, index) => ({ on: `2027-01-${String(index + 10)}`, attended: index !== 0 }));
    expect(evaluateKpi(dnaRate, [referral('a', '2027-01-04', '2027-01-10', { contacts })], '2027-01')).toMatchObject({
      numerator: 1,
      denominator: 10,
      status: 'met',
    });
  });

  it('counts talking therapies waits and recovery on the courses finished in the period', () => {
    const finished = (id: string, firstAttendedOn: string, recovered: boolean) =>
      referral(id, '2026-11-02', firstAttendedOn, { courseFinishedOn: '2027-01-20', caseness: { atStart: true, recovered } });
    const facts = [
      finished('quick', '2026-12-14', true),
      finished('slow', '2026-12-15', false),
      referral('open', '2026-11-02', '2026-11-09'),
    ];
    expect(countsFor({ kind: 'treatment-started-within-weeks', weeks: 6 }, facts[0]!)).toEqual([
      { referralId: 'quick', countedOn: '2027-01-20', met: true },
    ]);
    expect(countsFor({ kind: 'treatment-started-within-weeks', weeks: 6 }, facts[1]!)[0]!.met).toBe(false);
    expect(countsFor({ kind: 'treatment-started-within-weeks', weeks: 6 }, facts[2]!)).toEqual([]);
    const recovery: KpiDefinition = { ...SEEN_WITHIN_16, measure: { kind: 'recovery-rate' }, thresholdPercent: 50, minimumCount: 2 };
    expect(evaluateKpi(recovery, facts, '2027-01')).toMatchObject({ numerator: 1, denominator: 2, percent: 50, status: 'met' });
  });

  it('counts two aids fitted among hearing discharges, and ultrasound reports within 2 working days of the scan', () => {
    expect(
      countsFor({ kind: 'two-aids-fitted' }, referral('h', '2027-01-04', '2027-01-06', { dischargedOn: '2027-01-20', aidsFitted: 2 })),
    ).toEqual([{ referralId: 'h', countedOn: '2027-01-20', met: true }]);
    const tests = [
      { on: '2027-01-08', reportedOn: '2027-01-12' },
      { on: '2027-01-08', reportedOn: '2027-01-13' },
      { on: '2027-01-08', reportedOn: null },
    ];
    expect(
      countsFor({ kind: 'reported-within-working-days', workingDays: 2 }, referral('u', '2027-01-04', '2027-01-08', { tests })).map(
        (c) => c.met,
      ),
    ).toEqual([true, false, false]);
  });

  it('windows a month, a quarter and a rolling twelve months ending with a month', () => {
    expect(periodWindow('month', '2027-01')).toEqual({ from: '2027-01-01', to: '2027-02-01' });
    expect(periodWindow('quarter', '2027-02')).toEqual({ from: '2026-12-01', to: '2027-03-01' });
    expect(periodWindow('rolling-12-months', '2027-03')).toEqual({ from: '2026-04-01', to: '2027-04-01' });
  });
  it('counts only the priority a podiatry KPI names: routine seen within 4 weeks, urgent within 2', () => {
    const routineIn4Weeks = { kind: 'first-seen-within-weeks', weeks: 4, priority: 'routine' } as const;
    const urgentIn2Weeks = { kind: 'first-seen-within-weeks', weeks: 2, priority: 'urgent' } as const;
    const routine = referral('routine', '2027-01-04', '2027-02-01', { priority: 'routine' });
    const urgent = referral('urgent', '2027-01-04', '2027-01-19', { priority: 'urgent' });
    expect(countsFor(routineIn4Weeks, routine)).toEqual([{ referralId: 'routine', countedOn: '2027-01-04', met: true }]);
    expect(countsFor(routineIn4Weeks, { ...routine, firstAttendedOn: '2027-02-02' })[0]!.met).toBe(false);
    expect(countsFor(routineIn4Weeks, urgent)).toEqual([]);
    expect(countsFor(urgentIn2Weeks, urgent)).toEqual([{ referralId: 'urgent', countedOn: '2027-01-04', met: false }]);
    expect(countsFor(urgentIn2Weeks, { ...urgent, firstAttendedOn: '2027-01-18' })[0]!.met).toBe(true);
    expect(countsFor(urgentIn2Weeks, routine)).toEqual([]);
  });

  it('counts every priority when a measure names none, and a referral never seen as not met', () => {
    const inTwoWeeks = { kind: 'first-seen-within-weeks', weeks: 2 } as const;
    expect(countsFor(inTwoWeeks, referral('u', '2027-01-04', '2027-01-18', { priority: 'urgent' }))[0]!.met).toBe(true);
    expect(countsFor(inTwoWeeks, referral('r', '2027-01-04', null, { priority: 'routine' }))[0]!.met).toBe(false);
    const urgentWorkingDays = { kind: 'first-seen-within-working-days', workingDays: 5, priority: 'urgent' } as const;
    expect(countsFor(urgentWorkingDays, referral('r', '2027-01-04', '2027-01-05', { priority: 'routine' }))).toEqual([]);
  });
});

describe('a referral whose limit has not passed yet', () => {
  // Received Monday 23 November 2026: its 16th working day after is Tuesday 15 December.
  const waiting = referral('waiting', '2026-11-23', null);

  it('is left out while the limit runs, neither met nor missed', () => {
    expect(countsFor(SEEN_WITHIN_16.measure, waiting, '2026-12-01')).toEqual([]);
    expect(countsFor(SEEN_WITHIN_16.measure, waiting, '2026-12-15')).toEqual([]);
  });

  it('counts as missed once the limit has passed unseen, and as met when seen in time', () => {
    expect(countsFor(SEEN_WITHIN_16.measure, waiting, '2026-12-16')).toEqual([
      { referralId: 'waiting', countedOn: '2026-11-23', met: false },
    ]);
    expect(countsFor(SEEN_WITHIN_16.measure, referral('seen', '2026-11-23', '2026-11-30'), '2026-12-01')).toEqual([
      { referralId: 'seen', countedOn: '2026-11-23', met: true },
    ]);
  });

  it('leaves a test out of the report KPI until its report is due, then counts it missed', () => {
    const measure = { kind: 'reported-within-working-days', workingDays: 2 } as const;
    const scanned = referral('scan', '2026-11-20', '2026-11-30', { tests: [{ on: '2026-11-30', reportedOn: null }] });
    expect(countsFor(measure, scanned, '2026-12-02')).toEqual([]);
    expect(countsFor(measure, scanned, '2026-12-03')).toEqual([{ referralId: 'scan', countedOn: '2026-11-30', met: false }]);
  });
});
