/**
 * A year of earlier patients for every live demo provider (issue #15 item 10, decision 0060): referred about once a
 * week, seen, treated and discharged the way each service works, so every provider has KPI values for each quarter of
 * the last twelve months. Kirklees Hearing Centre has seen about a quarter of its patients after 16 working days for the last
 * four months: the demo's breach. Everything is told relative to today and is the same on every seed.
 */
import { withNhsCheckDigit } from '../lib/nhs-number.ts';
import { type DemoReferral, type DemoStep, scoredWeekly } from './referrals.demo-data.ts';

type Profile = 'hearing' | 'back' | 'talking';

interface HistoryPlan {
  ods: string;
  profile: Profile;
  /** Three digits placed in the NHS numbers (999 range, never issued) so each provider's patients are its own. */
  numberBlock: string;
  /** Every n-th patient referred in the last LATE_SINCE_DAYS is first seen late (after the KPI's limit); 0 for never. */
  lateEvery: number;
}

const SERVICE: Record<Profile, string> = {
  hearing: 'adult-hearing',
  back: 'back-and-neck-pain',
  talking: 'psychological-therapies',
};

/** The live demo listings with a provider administrator (the suspended one and the one still in clarification take no new patients). */
const PLANS: HistoryPlan[] = [
  { ods: 'DEMO1', profile: 'hearing', numberBlock: '710', lateEvery: 0 },
  { ods: 'DEMO3', profile: 'hearing', numberBlock: '720', lateEvery: 4 },
  { ods: 'DEMO4', profile: 'back', numberBlock: '730', lateEvery: 0 },
  { ods: 'DEMO5', profile: 'back', numberBlock: '740', lateEvery: 0 },
  { ods: 'DEMO9', profile: 'back', numberBlock: '750', lateEvery: 0 },
  { ods: 'DEMO6', profile: 'talking', numberBlock: '760', lateEvery: 0 },
  { ods: 'DEMO7', profile: 'talking', numberBlock: '770', lateEvery: 0 },
  { ods: 'DEMO8', profile: 'talking', numberBlock: '780', lateEvery: 0 },
];

/** Kirklees Hearing Centre's waits grew when an audiologist left, about four months ago. */
const LATE_SINCE_DAYS = 125;

/** How many days apart the history's referrals to one provider are, and how far back it starts. */
export const HISTORY_SPACING_DAYS = 7;
export const HISTORY_FIRST_DAYS_AGO = 372;
/** The last history referral of each kind is made this long ago, so its story has ended by today. */
const HISTORY_LAST_DAYS_AGO: Record<Profile, number> = { hearing: 25, back: 25, talking: 55 };

const GIVEN = ['Agnes', 'Brian', 'Carol', 'Derek', 'Evelyn', 'Geoffrey', 'Hilda', 'Ian', 'Joan', 'Keith', 'Lorna', 'Maurice'];
const FAMILY = ['Bairstow', 'Crowther', 'Haigh', 'Hirst', 'Holroyd', 'Lockwood', 'Moorhouse', 'Sykes', 'Thewlis', 'Wadsworth'];
const POSTCODES = ['HX6 3AB', 'HX1 1PW', 'HX3 6BP', 'OL14 5RN'];

const discharge = (daysAgo: number, comment: string, more: Partial<DemoStep> = {}): DemoStep =>
  ({ daysAgo, action: 'discharge', outcome: 'treatment-completed', comment, ...more }) as DemoStep;

/** Hearing: assessed and fitted at one appointment (late ones after about 5 weeks), discharged a week later; 7 in 8 fitted with two aids. */
function hearingSteps(created: number, index: number, late: boolean): DemoStep[] {
  const seen = created - (late ? 34 : 9 + (index % 4));
  return [
    { daysAgo: created - 2, action: 'accept' },
    { daysAgo: seen, action: 'appointment', attendance: 'attended', note: 'Assessment and fitting' },
    discharge(seen - 7, 'Hearing aids fitted; aftercare at the clinic.', { aidsFitted: index % 8 === 7 ? 1 : 2 }),
  ];
}

/** Back and neck pain: first session within 10 days, three weekly sessions (every 12th patient misses one), then discharged. */
function backSteps(created: number, index: number): DemoStep[] {
  const first = created - 7 - (index % 3);
  const missed = index % 12 === 11;
  return [
    { daysAgo: created - 2, action: 'accept' },
    { daysAgo: first, action: 'session', attendance: 'attended' },
    { daysAgo: first - 7, action: 'session', attendance: missed ? 'did-not-attend' : 'attended' },
    { daysAgo: first - 14, action: 'session', attendance: 'attended' },
    discharge(first - 15, 'Pain settled; home exercise plan given.'),
  ];
}

/** Talking therapies: first treatment 3–5 weeks after referral, three scored weekly sessions; 3 in 5 recover. */
function talkingSteps(created: number, index: number): DemoStep[] {
  const first = created - 21 - 7 * (index % 3);
  const recovers = index % 5 < 3;
  const scores: [number, number][] = recovers
    ? [
        [15, 12],
        [11, 9],
        [7, 6],
      ]
    : [
        [17, 14],
        [15, 12],
        [12, 10],
      ];
  return [
    { daysAgo: created - 3, action: 'accept' },
    ...scoredWeekly(first, scores),
    discharge(first - 15, recovers ? 'Course completed; recovered.' : 'Course completed; referred on for further support.'),
  ];
}

function stepsFor(plan: HistoryPlan, created: number, index: number): DemoStep[] {
  if (plan.profile === 'hearing')
    return hearingSteps(created, index, plan.lateEvery > 0 && created <= LATE_SINCE_DAYS && created > 45 && index % plan.lateEvery === 1);
  return plan.profile === 'back' ? backSteps(created, index) : talkingSteps(created, index);
}

/** The provider's NHS numbers in its block, skipping the nine digits no check digit completes. */
function* numbersIn(block: string): Generator<string> {
  for (let serial = 0; serial < 1000; serial += 1) {
    const nine = `999${block}${String(serial).padStart(3, '0')}`;
    if (withNhsCheckDigit(nine)) yield nine;
  }
}

function historyOf(plan: HistoryPlan): DemoReferral[] {
  const referrals: DemoReferral[] = [];
  const numbers = numbersIn(plan.numberBlock);
  for (
    let created = HISTORY_FIRST_DAYS_AGO, index = 0;
    created >= HISTORY_LAST_DAYS_AGO[plan.profile];
    created -= HISTORY_SPACING_DAYS, index += 1
  )
    referrals.push({
      nhsNine: numbers.next().value as string,
      givenName: GIVEN[index % GIVEN.length]!,
      familyName: FAMILY[(index + Number(plan.numberBlock[1])) % FAMILY.length]!,
      dateOfBirth: `19${50 + (index % 40)}-0${1 + (index % 9)}-1${index % 10}`,
      sex: index % 2 ? 'male' : 'female',
      postcode: POSTCODES[index % POSTCODES.length]!,
      serviceCode: SERVICE[plan.profile],
      ...(plan.profile === 'back' ? { bodyArea: index % 2 ? 'Neck' : 'Lower back' } : {}),
      clinicalInformation:
        plan.profile === 'hearing'
          ? 'Gradual hearing loss in both ears.'
          : plan.profile === 'back'
            ? 'Mechanical back or neck pain for over six weeks; no red flags.'
            : 'Low mood and anxiety; PHQ-9 of 15.',
      createdDaysAgo: created,
      chooses: plan.ods,
      steps: stepsFor(plan, created, index),
    });
  return referrals;
}

/** Every live demo provider's year of earlier patients, about one a week each. */
export const QUALITY_HISTORY: DemoReferral[] = PLANS.flatMap(historyOf);
