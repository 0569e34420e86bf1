/** The 2011 AQP timetable as a milestone template, shifted to a run's year (docs/decisions/0011-prioritisation-scoring.md). */

export const MILESTONE_STATUSES = ['not-started', 'in-progress', 'done'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

export interface MilestoneTemplate {
  title: string;
  description: string;
  dueOn: string;
}

/** The plan year the template's dates belong to: priorities for 2012/13 (seeds/003, appendix 1). */
export const TEMPLATE_PLAN_YEAR = 2012;

/** The national milestones of 2011 (seeds/003 appendix 1; aqp-domain-brief.md §0). */
export const MILESTONES_2011: readonly MilestoneTemplate[] = [
  {
    title: 'Engage on local priorities',
    description:
      'Engage patients, patient representatives, healthcare professionals and providers on local priorities for extending choice of provider.',
    dueOn: '2011-09-30',
  },
  {
    title: 'Identify 3 or more services',
    description:
      'Use the engagement feedback to identify 3 or more community or mental health services for implementation, drawing from the national list or local priorities.',
    dueOn: '2011-10-31',
  },
  {
    title: 'Notify the region of the priorities',
    description: 'Notify the region (in 2011 the SHA) of the priorities for the plan year.',
    dueOn: '2011-10-31',
  },
  {
    title: 'Implementation packs available',
    description:
      'Implementation packs (service specifications, contract currencies, information models and tariffs) are complete for each service on the national list, from November.',
    dueOn: '2011-11-01',
  },
  {
    title: 'Roll-out begins',
    description: 'Roll-out of patient choice of Any Qualified Provider begins, from April.',
    dueOn: '2012-04-01',
  },
  {
    title: 'Patient choice in the chosen services',
    description:
      'Patient choice of Any Qualified Provider implemented in the chosen services, taking account of the NHS Operating Framework and NHS Standard Contract.',
    dueOn: '2012-09-30',
  },
];

const YEAR_LABEL = /^(\d{4})\/(\d{2})$/;

/** The first calendar year of a plan-year label like "2012/13", or undefined when the label is not of that form. */
export function planYearOf(label: string): number | undefined {
  const match = YEAR_LABEL.exec(label.trim());
  if (!match) return undefined;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]) ? start : undefined;
}

/** Moves an ISO date by whole years, keeping the day (29 February becomes 28 February in a common year). */
export function shiftByYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** The template's milestones for a plan year: the 2011 dates moved by the whole years between 2012/13 and that year. */
export function milestonesForPlanYear(planYear: number): MilestoneTemplate[] {
  return MILESTONES_2011.map((milestone) => ({ ...milestone, dueOn: shiftByYears(milestone.dueOn, planYear - TEMPLATE_PLAN_YEAR) }));
}

/** True when a milestone is not done and its due date has passed. */
export function isOverdue(milestone: { status: string; dueOn: string }, today: string): boolean {
  return milestone.status !== 'done' && milestone.dueOn < today;
}

/** True for one of the three milestone statuses. */
export function isMilestoneStatus(value: string): value is MilestoneStatus {
  return (MILESTONE_STATUSES as readonly string[]).includes(value);
}
