/** Six months of treated patients (issue #14 item 9): their recorded sessions, appointments and discharges become the activity the demo pays for. */
import { type DemoReferral, type DemoStep, scoredWeekly } from './referrals.demo-data.ts';

const weeklySessions = (fromDaysAgo: number, count: number): DemoStep[] =>
  Array.from({ length: count }, (_, index) => ({
    daysAgo: fromDaysAgo - index * 7,
    action: 'session' as const,
    attendance: 'attended' as const,
  }));

const completed = (daysAgo: number, comment: string): DemoStep => ({
  daysAgo,
  action: 'discharge',
  outcome: 'treatment-completed',
  comment,
});

/** Back and neck pain patients of Calder Physio (DEMO9), one starting about every month, each seen weekly then discharged. */
const BACK_PAIN: DemoReferral[] = [215, 180, 145, 110, 75].map((created, index) => ({
  nhsNine: `99900020${index}`,
  givenName: ['Alice', 'Bernard', 'Clara', 'Dennis', 'Eileen', 'Fred'][index]!,
  familyName: 'Mitchell',
  dateOfBirth: `196${index}-05-1${index}`,
  sex: index % 2 ? 'male' : 'female',
  postcode: ['HX1 1PW', 'HX3 6BP', 'HX6 3AB'][index % 3]!,
  serviceCode: 'back-and-neck-pain',
  bodyArea: index % 2 ? 'Neck' : 'Lower back',
  clinicalInformation: 'Mechanical back or neck pain for over six weeks; no red flags.',
  createdDaysAgo: created,
  chooses: 'DEMO9',
  steps: [
    { daysAgo: created - 2, action: 'accept' },
    ...weeklySessions(created - 5, 4 + (index % 2)),
    completed(created - 5 - 7 * (4 + (index % 2)), 'Pain settled; home exercise plan given.'),
  ],
}));

/** PHQ-9 and GAD-7 across each course: both start at caseness and finish below it (recovered). */
const TALKING_SCORES: [number, number][][] = [
  [
    [14, 12],
    [11, 9],
    [8, 7],
    [6, 5],
  ],
  [
    [17, 15],
    [13, 12],
    [9, 8],
    [7, 6],
  ],
];

/** Talking therapies patients of Pennine Minds (DEMO6), a course of four weekly scored sessions each. */
const TALKING: DemoReferral[] = [205, 130].map((created, index) => ({
  nhsNine: `99900030${index}`,
  givenName: ['Grace', 'Henry', 'Ivy'][index]!,
  familyName: 'Lumb',
  dateOfBirth: `198${index}-08-0${index + 1}`,
  sex: index % 2 ? 'male' : 'female',
  postcode: ['HX6 3AB', 'HX1 1PW', 'HX3 6BP'][index]!,
  serviceCode: 'psychological-therapies',
  clinicalInformation: 'Anxiety and low mood; PHQ-9 of 12.',
  createdDaysAgo: created,
  chooses: 'DEMO6',
  steps: [
    { daysAgo: created - 3, action: 'accept' },
    ...scoredWeekly(created - 10, TALKING_SCORES[index]!),
    completed(created - 35, 'Course completed; recovered.'),
  ],
}));

/** Hearing patients of Pennine Hearing Care (DEMO1): assessed, fitted and discharged, so the pathway is paid at discharge. */
const HEARING: DemoReferral[] = [200, 128].map((created, index) => ({
  nhsNine: `99900040${index}`,
  givenName: ['Jack', 'Kathleen', 'Leonard'][index]!,
  familyName: 'Pickles',
  dateOfBirth: `194${index + 5}-02-1${index}`,
  sex: index % 2 ? 'female' : 'male',
  postcode: ['HX3 6BP', 'HX6 3AB', 'HX1 1PW'][index]!,
  serviceCode: 'adult-hearing',
  clinicalInformation: 'Gradual bilateral hearing loss.',
  createdDaysAgo: created,
  chooses: 'DEMO1',
  steps: [
    { daysAgo: created - 3, action: 'accept' },
    { daysAgo: created - 12, action: 'appointment', attendance: 'attended', note: 'Assessment and fitting' },
    { ...completed(created - 20, 'Hearing aids fitted; aftercare at the clinic.'), aidsFitted: 2 },
  ],
}));

/** A back and neck pain referral the provider returned as outside the criteria: activity on it is refused with that reason. */
const RETURNED: DemoReferral = {
  nhsNine: '999000500',
  givenName: 'Mabel',
  familyName: 'Dyson',
  dateOfBirth: '1959-10-10',
  sex: 'female',
  postcode: 'HX1 1PW',
  serviceCode: 'back-and-neck-pain',
  bodyArea: 'Lower back',
  clinicalInformation: 'Back pain with leg weakness.',
  createdDaysAgo: 40,
  chooses: 'DEMO9',
  steps: [{ daysAgo: 38, action: 'return', reasonCode: 'OUTSIDE_CRITERIA', comment: 'Leg weakness is a red flag: refer urgently to MSK.' }],
};

export const PAYMENT_HISTORY: DemoReferral[] = [...BACK_PAIN, ...TALKING, ...HEARING, RETURNED];
