import { describe, expect, it } from 'vitest';
import {
  BREACH_LIFECYCLE,
  DEFAULT_BREACH_PERIODS,
  milestoneErrors,
  missedMilestones,
  responseOverdue,
} from '../../../src/domains/provider-quality/breach.rules.ts';
import { workingDayAfter } from '../../../src/lib/working-days.ts';

describe('a KPI breach under contract management', () => {
  it('goes notice → response → plan → closed, or escalates to suspension, and refuses skipping steps in words', () => {
    for (const [from, to] of [
      ['open', 'notice-issued'],
      ['notice-issued', 'responded'],
      ['responded', 'remedial-plan'],
      ['remedial-plan', 'closed'],
      ['remedial-plan', 'escalated'],
      ['escalated', 'suspended'],
    ] as const)
      expect(BREACH_LIFECYCLE.canMove(from, to), `${from} → ${to}`).toBe(true);
    expect(() => BREACH_LIFECYCLE.assertMove('open', 'suspended')).toThrow(
      'A breach that is breach found cannot be moved to listing suspended: it can be moved to contract performance notice issued or closed: performance restored',
    );
    expect(BREACH_LIFECYCLE.next('suspended')).toEqual([]);
  });

  it('lets the commissioner escalate once the response is overdue in working days, bank holidays honoured', () => {
    // A notice on Wednesday 23 December 2026: 5 working days run to Monday 4 January (25 and 28 December and 1 January off).
    expect(workingDayAfter('2026-12-23', DEFAULT_BREACH_PERIODS.respondWithinWorkingDays)).toBe('2027-01-04');
    expect(responseOverdue('2026-12-23', null, '2027-01-04', DEFAULT_BREACH_PERIODS)).toBe(false);
    expect(responseOverdue('2026-12-23', null, '2027-01-05', DEFAULT_BREACH_PERIODS)).toBe(true);
    expect(responseOverdue('2026-12-23', '2026-12-24', '2027-01-05', DEFAULT_BREACH_PERIODS)).toBe(false);
  });

  it('finds milestones missed, and checks a plan’s milestones are described and dated in order after it is agreed', () => {
    const plan = [
      { description: 'Extra clinic on Saturdays', dueOn: '2027-02-01', metOn: '2027-01-30' },
      { description: 'Waits back under 16 working days', dueOn: '2027-03-01', metOn: null },
    ];
    expect(missedMilestones(plan, '2027-03-01')).toEqual([]);
    expect(missedMilestones(plan, '2027-03-02').map((milestone) => milestone.description)).toEqual(['Waits back under 16 working days']);
    expect(milestoneErrors([], '2027-01-10')).toEqual([{ field: 'milestones', message: 'Add at least one milestone with a date' }]);
    expect(
      milestoneErrors(
        [
          { description: ' ', dueOn: '2027-01-05', metOn: null },
          { description: 'Audit', dueOn: '2027-01-04', metOn: null },
        ],
        '2027-01-10',
      ).map((error) => error.field),
    ).toEqual(['milestones.0.description', 'milestones.0.dueOn', 'milestones.1.dueOn', 'milestones.1.dueOn']);
  });
});
