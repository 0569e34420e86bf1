import { describe, expect, it } from 'vitest';
import { isOverdue, milestonesForPlanYear, planYearOf, shiftByYears } from '../../src/domains/prioritisation/milestones.rules.ts';
import { mayTakeAction } from '../../src/domains/prioritisation/run-status.rules.ts';
import { parseStakeholderCsv } from '../../src/domains/prioritisation/stakeholder-csv.rules.ts';

describe('the milestone timetable', () => {
  it('keeps the 2011 dates for a 2012/13 run: engagement by 30 September 2011, three services by 31 October, choice by September 2012', () => {
    const dates = milestonesForPlanYear(2012).map((milestone) => [milestone.title, milestone.dueOn]);
    expect(dates).toEqual([
      ['Engage on local priorities', '2011-09-30'],
      ['Identify 3 or more services', '2011-10-31'],
      ['Notify the region of the priorities', '2011-10-31'],
      ['Implementation packs available', '2011-11-01'],
      ['Roll-out begins', '2012-04-01'],
      ['Patient choice in the chosen services', '2012-09-30'],
    ]);
  });

  it('moves the timetable by whole years for another plan year', () => {
    expect(milestonesForPlanYear(2026).map((milestone) => milestone.dueOn)).toEqual([
      '2025-09-30',
      '2025-10-31',
      '2025-10-31',
      '2025-11-01',
      '2026-04-01',
      '2026-09-30',
    ]);
    expect(shiftByYears('2012-02-29', 1)).toBe('2013-02-28');
  });

  it('reads plan-year labels like 2012/13 and refuses others', () => {
    expect(planYearOf('2012/13')).toBe(2012);
    expect(planYearOf('1999/00')).toBe(1999);
    expect(planYearOf('2012/14')).toBeUndefined();
    expect(planYearOf('2012')).toBeUndefined();
  });

  it('flags a milestone overdue when it is not done and its date has passed', () => {
    expect(isOverdue({ status: 'in-progress', dueOn: '2011-09-30' }, '2011-10-01')).toBe(true);
    expect(isOverdue({ status: 'done', dueOn: '2011-09-30' }, '2011-10-01')).toBe(false);
    expect(isOverdue({ status: 'not-started', dueOn: '2011-10-01' }, '2011-10-01')).toBe(false);
  });
});

describe('the order of a run', () => {
  it('allows long-list changes only in engagement, approval only after short-listing, notification only after approval', () => {
    expect(mayTakeAction('engagement', 'edit-long-list')).toBe(true);
    expect(mayTakeAction('short-listed', 'edit-long-list')).toBe(false);
    expect(mayTakeAction('engagement', 'approve')).toBe(false);
    expect(mayTakeAction('short-listed', 'approve')).toBe(true);
    expect(mayTakeAction('short-listed', 'notify')).toBe(false);
    expect(mayTakeAction('approved', 'notify')).toBe(true);
    expect(mayTakeAction('notified', 'notify')).toBe(false);
    expect(mayTakeAction('approved', 'short-list')).toBe(false);
  });
});

describe('stakeholder responses from CSV', () => {
  const lookup = (service: string) =>
    (({ 'adult-hearing': 'hearing-item', dermatology: 'dermatology-item' }) as Record<string, string>)[service.toLowerCase()];

  it('reads a service code or a local name, any case of priority, and quoted cells across lines', () => {
    const result = parseStakeholderCsv(
      'Service,Group,Priority,Benefits,Comment\nadult-hearing,GPs,HIGH,Shorter waits,\nDermatology,"Providers, all",mid,"Closer\nto home",\n',
      lookup,
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { itemId: 'hearing-item', group: 'GPs', priority: 'high', benefits: 'Shorter waits', comment: '' },
        { itemId: 'dermatology-item', group: 'Providers, all', priority: 'mid', benefits: 'Closer\nto home', comment: '' },
      ],
    });
  });

  it('names every bad row by its line in the file, with each reason', () => {
    const result = parseStakeholderCsv(
      'service,group,priority\nadult-hearing,GPs,high\n\nmri,,soon\nadult-hearing,GPs,low,extra,cells,here\n',
      lookup,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'csv',
          message:
            'Row 4: "mri" is not on the long list (use a national service code or a local candidate’s name); the stakeholder group is empty; the priority "soon" is not high, mid or low',
        },
        { field: 'csv', message: 'Row 5: has 6 cells but the header names 3 columns' },
      ],
    });
  });

  it('requires a header naming the columns, and at least one response', () => {
    expect(parseStakeholderCsv('', lookup)).toMatchObject({
      ok: false,
      errors: [{ message: 'Paste or upload the responses as CSV, with a header row' }],
    });
    expect(parseStakeholderCsv('service,group,priority\n', lookup)).toMatchObject({
      ok: false,
      errors: [{ message: 'The CSV has a header row but no responses' }],
    });
    expect(parseStakeholderCsv('service,priority\nadult-hearing,high', lookup)).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('no "group" column') }],
    });
    expect(parseStakeholderCsv('service,group,priority\n"adult-hearing,GPs,high', lookup)).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('not valid CSV') }],
    });
  });
});
