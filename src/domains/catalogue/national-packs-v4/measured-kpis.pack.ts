/** The revision that says how each KPI is measured from the record (issue #15 item 1, decision 0052): the measure, direction, period and minimum count of every national KPI, with a did-not-attend rate where appointments are the service. Figures from the payments and quality brief (KPI figures) and the domain brief; assumptions cited as UNCONFIRMED. */
import type { Citation } from '../implementation-pack.schema.ts';
import type { Kpi, PackKpiMeasure } from '../pack-kpi.schema.ts';
import { cite, unconfirmed } from '../national-packs-v2/sources.ts';

/** What the revision changes in a service's latest pack: its KPIs and the citations added for them. */
export interface MeasuredKpis {
  changeNote: string;
  kpis: Kpi[];
  sources: Citation[];
}

/** Every seeded KPI is valued per quarter ending with a month, and reads "not enough data yet" under 10 counted. */
const PER_QUARTER = { direction: 'at-least', period: 'quarter', minimumCount: 10 } as const;

function measured(kpi: Omit<Kpi, 'measure'>, measure: PackKpiMeasure, overrides: Partial<Kpi> = {}): Kpi {
  return { ...kpi, measure, ...PER_QUARTER, ...overrides };
}

const DID_NOT_ATTEND: Kpi = measured(
  {
    code: 'did-not-attend-rate',
    description: 'Appointments the patient did not attend (10% or fewer)',
    thresholdPercent: 10,
    source: 'Attendance as the Community Services Data Set codes it; the 10% ceiling is an assumption',
  },
  { kind: 'did-not-attend-rate' },
  { direction: 'at-most' },
);

const DID_NOT_ATTEND_CITATION = unconfirmed(
  'kpis',
  'communityDataSet',
  'ATTENDED OR DID NOT ATTEND code',
  'no did-not-attend ceiling in the sources; 10% or fewer of appointments is an assumption a commissioner may change locally',
);

const waitKpi = (code: string, description: string, thresholdPercent: number, source: string) => ({
  code,
  description,
  thresholdPercent,
  source,
});

export const MEASURED_KPIS: Record<string, MeasuredKpis> = {
  'adult-hearing': {
    changeNote:
      'Version 4: the KPIs are measured from the record: first attended appointment within 16 working days; two aids among fittings.',
    kpis: [
      measured(
        {
          ...waitKpi(
            'seen-within-16-working-days',
            'Seen within 16 working days of referral',
            95,
            'Calderdale audiology KPI; the 95% share is an assumption',
          ),
          withinDays: 16,
          dayKind: 'working',
        },
        { kind: 'first-seen-within-working-days', workingDays: 16 },
      ),
      measured(waitKpi('bilateral-fittings', 'Two aids fitted, among patients fitted with hearing aids', 80, 'Calderdale audiology KPI'), {
        kind: 'two-aids-fitted',
      }),
    ],
    sources: [
      unconfirmed(
        'kpis',
        'calderdale',
        'seen within 16 working days of referral',
        'the 95% share is an assumption; the source gives the 16 working days only',
      ),
      unconfirmed(
        'kpis',
        'calderdale',
        '80% bilateral fitting',
        'whether two aids were clinically appropriate is not recorded, so every fitting counts',
      ),
    ],
  },
  'back-and-neck-pain': {
    changeNote: 'Version 4: first attended appointment within 2 weeks measured from the record, and a did-not-attend rate.',
    kpis: [
      measured(
        {
          ...waitKpi(
            'seen-within-2-weeks',
            'First appointment within 2 weeks of referral',
            95,
            'NE Essex precursor achieved 97%; the 95% target is an assumption',
          ),
          withinDays: 14,
          dayKind: 'calendar',
        },
        { kind: 'first-seen-within-weeks', weeks: 2 },
      ),
      DID_NOT_ATTEND,
    ],
    sources: [DID_NOT_ATTEND_CITATION],
  },
  'psychological-therapies': {
    changeNote:
      'Version 5: waits to first treatment and recovery measured from the record as NHS Talking Therapies counts them, on finished courses.',
    kpis: [
      measured(waitKpi('recovery-rate', 'People finishing a course of treatment who move to recovery', 50, 'IAPT national target'), {
        kind: 'recovery-rate',
      }),
      measured(
        {
          ...waitKpi(
            'first-treatment-within-6-weeks',
            'First treatment within 6 weeks of referral',
            75,
            'NHS Talking Therapies service standards (later than AQP)',
          ),
          withinDays: 42,
          dayKind: 'calendar',
        },
        { kind: 'treatment-started-within-weeks', weeks: 6 },
      ),
      measured(
        {
          ...waitKpi(
            'first-treatment-within-18-weeks',
            'First treatment within 18 weeks of referral',
            95,
            'NHS Talking Therapies service standards (later than AQP)',
          ),
          withinDays: 126,
          dayKind: 'calendar',
        },
        { kind: 'treatment-started-within-weeks', weeks: 18 },
      ),
    ],
    sources: [
      cite(
        'kpis',
        'talkingTherapiesStandards',
        'service standards: 75% start treatment within 6 weeks, 95% within 18 weeks, at least 50% of completers recover',
      ),
      unconfirmed(
        'kpis',
        'iaptOutcomes',
        'recovery',
        'reliable improvement is not measured: whether AQP contracts used it is not in the sources',
      ),
    ],
  },
  'non-obstetric-ultrasound': {
    changeNote: 'Version 4: scans within 10 and 20 working days and reports within 2 and 5 working days measured from the record.',
    kpis: [
      measured(
        {
          ...waitKpi(
            'scanned-within-10-working-days',
            'Scanned within 10 working days of referral',
            80,
            'Nottingham City direct access ultrasound',
          ),
          withinDays: 10,
          dayKind: 'working',
        },
        { kind: 'first-seen-within-working-days', workingDays: 10 },
      ),
      measured(
        {
          ...waitKpi('scanned-within-20-working-days', 'Scanned within 20 working days', 100, 'Nottingham City direct access ultrasound'),
          withinDays: 20,
          dayKind: 'working',
        },
        { kind: 'first-seen-within-working-days', workingDays: 20 },
      ),
      measured(
        {
          ...waitKpi(
            'report-within-2-working-days',
            'Report to the referrer within 2 working days of the scan',
            80,
            'Nottingham City direct access ultrasound; the 80% share is an assumption',
          ),
          withinDays: 2,
          dayKind: 'working',
        },
        { kind: 'reported-within-working-days', workingDays: 2 },
      ),
      measured(
        {
          ...waitKpi(
            'report-within-5-working-days',
            'Every report to the referrer within 5 working days',
            100,
            'Nottingham City direct access ultrasound',
          ),
          withinDays: 5,
          dayKind: 'working',
        },
        { kind: 'reported-within-working-days', workingDays: 5 },
      ),
    ],
    sources: [
      unconfirmed(
        'kpis',
        'nottinghamUltrasound',
        'report to the referrer within 2 working days, all within 5',
        'the source says “most” within 2 working days; 80% is an assumption',
      ),
      unconfirmed(
        'kpis',
        'nottinghamUltrasound',
        '80% scanned within 10 working days of accepting the referral',
        'waits are counted from the day the referral was sent to the provider, not the day it was accepted',
      ),
    ],
  },
  mri: {
    changeNote: 'Version 4: scans within 20 working days measured from the record, and a did-not-attend rate.',
    kpis: [
      measured(
        {
          ...waitKpi('scanned-within-20-working-days', 'Scanned within 20 working days', 100, 'Devon AQP diagnostics'),
          withinDays: 20,
          dayKind: 'working',
        },
        { kind: 'first-seen-within-working-days', workingDays: 20 },
      ),
      DID_NOT_ATTEND,
    ],
    sources: [DID_NOT_ATTEND_CITATION],
  },
  continence: {
    changeNote: 'Version 3: a did-not-attend rate measured from the record; other KPIs are still set locally.',
    kpis: [DID_NOT_ATTEND],
    sources: [DID_NOT_ATTEND_CITATION],
  },
  'wheelchair-services': {
    changeNote: 'Version 3: a did-not-attend rate for assessment appointments measured from the record; other KPIs are still set locally.',
    kpis: [DID_NOT_ATTEND],
    sources: [DID_NOT_ATTEND_CITATION],
  },
  'leg-ulcer-and-wound-healing': {
    changeNote: 'Version 4: a did-not-attend rate measured from the record; healing KPIs are still set locally.',
    kpis: [DID_NOT_ATTEND],
    sources: [DID_NOT_ATTEND_CITATION],
  },
  podiatry: {
    changeNote:
      'Version 3: routine referrals seen within 4 weeks and urgent within 2 measured from the record, each counting its own priority, and a did-not-attend rate.',
    kpis: [
      measured(
        {
          ...waitKpi('routine-within-4-weeks', 'Routine referrals seen within 4 weeks', 95, 'Wirral; the 95% share is an assumption'),
          withinDays: 28,
          dayKind: 'calendar',
        },
        { kind: 'first-seen-within-weeks', weeks: 4, priority: 'routine' },
      ),
      measured(
        {
          ...waitKpi('urgent-within-2-weeks', 'Urgent referrals seen within 2 weeks', 95, 'Wirral; the 95% share is an assumption'),
          withinDays: 14,
          dayKind: 'calendar',
        },
        { kind: 'first-seen-within-weeks', weeks: 2, priority: 'urgent' },
      ),
      DID_NOT_ATTEND,
    ],
    sources: [
      unconfirmed('kpis', 'wirral', 'Podiatry (Wirral): routine within 4 weeks, urgent within 2', 'the 95% shares are an assumption'),
      DID_NOT_ATTEND_CITATION,
    ],
  },
};
