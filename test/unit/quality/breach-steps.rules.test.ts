import { describe, expect, it } from 'vitest';
import {
  type BreachFacts,
  closeRefusal,
  escalationRefusal,
  milestoneOutcomeErrors,
  nextBreachSteps,
} from '../../../src/domains/provider-quality/breach-steps.rules.ts';
import { DEFAULT_BREACH_PERIODS } from '../../../src/domains/provider-quality/breach.rules.ts';

const noticed: BreachFacts = {
  status: 'notice-issued',
  noticeOn: '2027-02-10',
  respondedOn: null,
  periods: DEFAULT_BREACH_PERIODS,
  milestones: [],
};
const underPlan = (metOn: string | null, missedOn: string | null = null): BreachFacts => ({
  ...noticed,
  status: 'remedial-plan',
  respondedOn: '2027-02-12',
  milestones: [{ description: 'Saturday clinics', dueOn: '2027-03-01', metOn, missedOn }],
});

describe('the next step of a breach', () => {
  it('lets the commissioner escalate an unanswered notice only once the response is overdue in working days', () => {
    expect(escalationRefusal(noticed, '2027-02-17')).toContain('still has time to respond');
    expect(escalationRefusal(noticed, '2027-02-18')).toBeNull();
    expect(nextBreachSteps(noticed, 'commissioner', '2027-02-18')).toEqual(['withdraw', 'escalate']);
    expect(nextBreachSteps(noticed, 'provider', '2027-02-18')).toEqual(['response']);
  });

  it('lets a plan be escalated only once a milestone is missed, and closed only once every one is met on time', () => {
    expect(escalationRefusal(underPlan(null), '2027-03-01')).toContain('No milestone');
    expect(escalationRefusal(underPlan(null), '2027-03-02')).toBeNull();
    expect(closeRefusal(underPlan(null))).toContain('1 is not met');
    expect(closeRefusal(underPlan('2027-03-02'))).toContain('1 is not met');
    expect(closeRefusal(underPlan('2027-02-27'))).toBeNull();
    expect(nextBreachSteps(underPlan('2027-02-27'), 'commissioner', '2027-02-28')).toEqual(['close']);
    expect(nextBreachSteps(underPlan(null, '2027-03-02'), 'commissioner', '2027-03-02')).toEqual(['escalate']);
  });

  it('records a milestone met on a real past day since the plan, or missed only after its date', () => {
    const milestone = { description: 'Saturday clinics', dueOn: '2027-03-01', metOn: null, missedOn: null };
    const context = { agreedOn: '2027-02-12', today: '2027-02-20' };
    expect(milestoneOutcomeErrors(milestone, 'met', '2027-02-19', context)).toEqual([]);
    expect(milestoneOutcomeErrors(milestone, 'met', '2027-02-21', context)).toEqual([
      { field: 'metOn', message: expect.stringContaining('today or in the past') },
    ]);
    expect(milestoneOutcomeErrors(milestone, 'met', '2027-02-11', context)).toEqual([
      { field: 'metOn', message: expect.stringContaining('2027-02-12') },
    ]);
    expect(milestoneOutcomeErrors(milestone, 'missed', '2027-02-20', context)).toEqual([
      { field: 'outcome', message: expect.stringContaining('not due until') },
    ]);
    expect(milestoneOutcomeErrors(milestone, 'missed', '2027-03-02', { ...context, today: '2027-03-02' })).toEqual([]);
    expect(milestoneOutcomeErrors(milestone, 'late', '2027-02-20', context)).toEqual([
      { field: 'outcome', message: 'Choose whether the milestone was met or missed' },
    ]);
  });
});
