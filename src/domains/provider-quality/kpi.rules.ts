/**
 * KPIs as data (issue #15 item 1, decision 0050): what each measures, its threshold and direction, its period and the
 * count below which it says "not enough data"; and how a value is worked out from one referral's recorded facts, so
 * every figure is a numerator over a denominator that can be listed.
 */
import { addDays, workingDaysBetween } from '../../lib/working-days.ts';

/** A referral's urgency as the referrer gave it; a KPI may count only one (podiatry: routine within 4 weeks, urgent within 2). */
export type KpiPriority = 'routine' | 'urgent';

/** How a KPI is measured: each counts referrals (the denominator) and those that met it (the numerator). */
export type KpiMeasure =
  /** Referrals received in the period, and those first seen (an attended appointment or session) within N working days of receipt. */
  | { kind: 'first-seen-within-working-days'; workingDays: number; priority?: KpiPriority }
  /** Referrals received in the period, and those first seen within N weeks (calendar days) of receipt. */
  | { kind: 'first-seen-within-weeks'; weeks: number; priority?: KpiPriority }
  /** Courses finished in the period, and those whose first attended treatment was within N weeks of referral (IAPT waits, brief §A4). */
  | { kind: 'treatment-started-within-weeks'; weeks: number }
  /** Courses finished in the period starting at caseness, and those that moved to recovery by the published rule. */
  | { kind: 'recovery-rate' }
  /** Appointments and sessions due in the period, and those the patient did not attend (lower is better). */
  | { kind: 'did-not-attend-rate' }
  /** Hearing discharges in the period with aids fitted, and those fitted with two. */
  | { kind: 'two-aids-fitted' }
  /** Tests done in the period, and those reported within N working days of the test. */
  | { kind: 'reported-within-working-days'; workingDays: number };

export type KpiPeriod = 'month' | 'quarter' | 'rolling-12-months';

export interface KpiDefinition {
  code: string;
  name: string;
  measure: KpiMeasure;
  /** The threshold in whole percent (75 means 75%). */
  thresholdPercent: number;
  /** Met when the value is at least the threshold (most KPIs) or at most it (a DNA rate). */
  direction: 'at-least' | 'at-most';
  period: KpiPeriod;
  /** Below this many in the denominator the KPI is "not enough data yet", never a breach. */
  minimumCount: number;
}

/** What the record holds about one referral, as the KPI engine reads it (dates in England, ISO). */
export interface KpiReferralFacts {
  referralId: string;
  receivedOn: string;
  /** Routine or urgent, for KPIs that count one of them only; absent counts as neither. */
  priority?: KpiPriority;
  firstAttendedOn: string | null;
  courseFinishedOn: string | null;
  /** Appointment and session outcomes with their dates: attended or did not attend. */
  contacts: readonly { on: string; attended: boolean }[];
  /** Outcome scores at the first and last session, for recovery (talking therapies). */
  caseness?: { atStart: boolean; recovered: boolean };
  aidsFitted?: 0 | 1 | 2;
  dischargedOn?: string | null;
  tests?: readonly { on: string; reportedOn: string | null }[];
}

/** One referral's part in a KPI: counted in the denominator on a date, and whether it met the KPI. */
export interface KpiCount {
  referralId: string;
  countedOn: string;
  met: boolean;
}

/** False when the measure counts one priority only and the referral has another. */
function ofCountedPriority(measure: KpiMeasure, facts: KpiReferralFacts): boolean {
  return !('priority' in measure) || measure.priority === undefined || measure.priority === facts.priority;
}

/** True when the limit is still running on `asOf`: what it measures has not happened yet but still may in time. */
const stillPending = (happened: string | null, limitPassed: (asOf: string) => boolean, asOf: string | undefined): boolean =>
  happened === null && asOf !== undefined && !limitPassed(asOf);

/**
 * The referral's contributions to a measure (none, one, or one per contact or test). With `asOf` (the day the KPI is
 * worked out), a referral not yet seen, or a test not yet reported, whose limit has not passed is left out: it has
 * neither met nor missed the KPI yet (decision 0060).
 */
export function countsFor(measure: KpiMeasure, facts: KpiReferralFacts, asOf?: string): KpiCount[] {
  const id = facts.referralId;
  if (!ofCountedPriority(measure, facts)) return [];
  const seen = facts.firstAttendedOn;
  switch (measure.kind) {
    case 'first-seen-within-working-days':
      if (stillPending(seen, (day) => workingDaysBetween(facts.receivedOn, day) > measure.workingDays, asOf)) return [];
      return [
        {
          referralId: id,
          countedOn: facts.receivedOn,
          met: seen !== null && workingDaysBetween(facts.receivedOn, seen) <= measure.workingDays,
        },
      ];
    case 'first-seen-within-weeks':
      if (stillPending(seen, (day) => day > addDays(facts.receivedOn, measure.weeks * 7), asOf)) return [];
      return [{ referralId: id, countedOn: facts.receivedOn, met: seen !== null && seen <= addDays(facts.receivedOn, measure.weeks * 7) }];
    case 'treatment-started-within-weeks': {
      if (!facts.courseFinishedOn) return [];
      const by = addDays(facts.receivedOn, measure.weeks * 7);
      return [{ referralId: id, countedOn: facts.courseFinishedOn, met: facts.firstAttendedOn !== null && facts.firstAttendedOn <= by }];
    }
    case 'recovery-rate':
      return facts.courseFinishedOn && facts.caseness?.atStart
        ? [{ referralId: id, countedOn: facts.courseFinishedOn, met: facts.caseness.recovered }]
        : [];
    case 'did-not-attend-rate':
      return facts.contacts.map((contact) => ({ referralId: id, countedOn: contact.on, met: !contact.attended }));
    case 'two-aids-fitted':
      return facts.dischargedOn && facts.aidsFitted ? [{ referralId: id, countedOn: facts.dischargedOn, met: facts.aidsFitted === 2 }] : [];
    case 'reported-within-working-days':
      return (facts.tests ?? [])
        .filter((test) => !stillPending(test.reportedOn, (day) => workingDaysBetween(test.on, day) > measure.workingDays, asOf))
        .map((test) => ({
          referralId: id,
          countedOn: test.on,
          met: test.reportedOn !== null && workingDaysBetween(test.on, test.reportedOn) <= measure.workingDays,
        }));
  }
}

/** The days a period covers, ending with the month given (YYYY-MM): [from, to). */
export function periodWindow(period: KpiPeriod, endMonth: string): { from: string; to: string } {
  const [year, month] = endMonth.split('-').map(Number) as [number, number];
  const to = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const back = period === 'month' ? 0 : period === 'quarter' ? 2 : 11;
  const startIndex = year * 12 + (month - 1) - back;
  const from = `${Math.floor(startIndex / 12)}-${String((startIndex % 12) + 1).padStart(2, '0')}-01`;
  return { from, to };
}

export type KpiStatus = 'met' | 'breached' | 'not-enough-data';

export interface KpiResult {
  numerator: number;
  denominator: number;
  /** The value in percent to one decimal place, or null when nothing was counted. */
  percent: number | null;
  status: KpiStatus;
  /** The referrals counted, so the provider can open the list behind the figure. */
  counted: KpiCount[];
}

/** A KPI's value over a period from the counts of every referral: met, breached, or not enough data below the minimum count. */
export function evaluateKpi(definition: KpiDefinition, facts: readonly KpiReferralFacts[], endMonth: string, asOf?: string): KpiResult {
  const { from, to } = periodWindow(definition.period, endMonth);
  const counted = facts
    .flatMap((one) => countsFor(definition.measure, one, asOf))
    .filter((count) => count.countedOn >= from && count.countedOn < to);
  const numerator = counted.filter((count) => count.met).length;
  const denominator = counted.length;
  const percent = denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10;
  const status: KpiStatus =
    denominator < definition.minimumCount || percent === null
      ? 'not-enough-data'
      : (
            definition.direction === 'at-least'
              ? numerator * 100 >= definition.thresholdPercent * denominator
              : numerator * 100 <= definition.thresholdPercent * denominator
          )
        ? 'met'
        : 'breached';
  return { numerator, denominator, percent, status, counted };
}
