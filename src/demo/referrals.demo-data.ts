/** The demo's referrals (issue #6 item 10): invented Calderdale patients at real postcodes, one story for every referral state, told day by day. */

/** Real Calderdale postcodes with their Code-Point Open 2025 coordinates, so the demo works before the reference data is imported. */
export const DEMO_PATIENT_POSTCODES = [
  { postcode: 'HX6 3AB', latitude: 53.70711, longitude: -1.91078 },
  { postcode: 'HX1 1PW', latitude: 53.72166, longitude: -1.85798 },
  { postcode: 'HX3 6BP', latitude: 53.72759, longitude: -1.85537 },
  { postcode: 'OL14 5RN', latitude: 53.71365, longitude: -2.09216 },
];

/** The referral a visitor can open as the patient on /referral-status: reference, access code and date of birth are published in the README. */
export const DEMO_PATIENT_ACCESS = { ubrn: '100000000001', accessCode: 'DEMA-7777', dateOfBirth: '1974-06-12' } as const;

export type DemoStep =
  | { daysAgo: number; action: 'accept' }
  | {
      daysAgo: number;
      action: 'appointment' | 'session';
      attendance?: 'attended' | 'did-not-attend';
      note?: string;
      inDays?: number;
      /** PHQ-9 and GAD-7 at an attended talking-therapies session (decision 0053). */
      scores?: [phq9: number, gad7: number];
    }
  | { daysAgo: number; action: 'return'; reasonCode: string; comment: string }
  | { daysAgo: number; action: 'discharge'; outcome: string; comment: string; aidsFitted?: 0 | 1 | 2 }
  | { daysAgo: number; action: 'cancel'; reasonCode: string; comment?: string };

export interface DemoReferral {
  /** Nine digits in the 999 range (never issued to patients); the check digit is added. */
  nhsNine: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: 'female' | 'male';
  postcode: string;
  serviceCode: string;
  bodyArea?: string;
  clinicalInformation: string;
  createdDaysAgo: number;
  /** The provider the patient chooses from the list, by ODS code; left awaiting choice without one. */
  chooses?: string;
  steps: DemoStep[];
  fixedAccess?: typeof DEMO_PATIENT_ACCESS;
}

const weekly = (fromDaysAgo: number, count: number, attendance: 'attended' | 'did-not-attend' = 'attended'): DemoStep[] =>
  Array.from({ length: count }, (_, index) => ({ daysAgo: fromDaysAgo - index * 7, action: 'session' as const, attendance }));

/** Weekly attended talking-therapies sessions with their PHQ-9 and GAD-7, one pair per session: a course starts at caseness (PHQ-9 10+ or GAD-7 8+) and mostly falls below it. */
export const scoredWeekly = (fromDaysAgo: number, scores: [number, number][]): DemoStep[] =>
  scores.map((pair, index) => ({
    daysAgo: fromDaysAgo - index * 7,
    action: 'session' as const,
    attendance: 'attended' as const,
    scores: pair,
  }));

/** Earlier hearing patients of Pennine Hearing Care, accepted, seen and discharged, so its wait to first appointment has enough patients to show. */
const EARLIER_HEARING: DemoReferral[] = [80, 72, 64, 57, 50].map((created, index) => ({
  nhsNine: `99900010${index}`,
  givenName: ['Harold', 'Edith', 'Walter', 'Doris', 'Stanley'][index]!,
  familyName: 'Ackroyd',
  dateOfBirth: `194${index}-03-0${index + 1}`,
  sex: index % 2 ? 'female' : 'male',
  postcode: DEMO_PATIENT_POSTCODES[index % 4]!.postcode,
  serviceCode: 'adult-hearing',
  clinicalInformation: 'Gradual bilateral hearing loss; hearing aid fitted before.',
  createdDaysAgo: created,
  chooses: 'DEMO1',
  steps: [
    { daysAgo: created - 2 - (index % 3), action: 'accept' },
    { daysAgo: created - 7 - index, action: 'appointment', attendance: 'attended', note: 'Assessment and fitting' },
    {
      daysAgo: created - 14,
      action: 'discharge',
      outcome: 'treatment-completed',
      comment: 'Hearing aids fitted; review in 3 years.',
      aidsFitted: index === 3 ? 1 : 2,
    },
  ],
}));

export const DEMO_REFERRALS: DemoReferral[] = [
  {
    nhsNine: '999000001',
    givenName: 'Margaret',
    familyName: 'Holroyd',
    dateOfBirth: DEMO_PATIENT_ACCESS.dateOfBirth,
    sex: 'female',
    postcode: 'HX6 3AB',
    serviceCode: 'adult-hearing',
    clinicalInformation:
      'Struggles to follow conversation in groups for a year; 52, so eligible under Calderdale’s local rule (50 and over).',
    createdDaysAgo: 0,
    steps: [],
    fixedAccess: DEMO_PATIENT_ACCESS,
  },
  {
    nhsNine: '999000002',
    givenName: 'Arthur',
    familyName: 'Sutcliffe',
    dateOfBirth: '1968-11-02',
    sex: 'male',
    postcode: 'HX1 1PW',
    serviceCode: 'back-and-neck-pain',
    bodyArea: 'Lower back',
    clinicalInformation: 'Mechanical low back pain for six weeks after lifting; no red flags.',
    createdDaysAgo: 1,
    chooses: 'DEMO9',
    steps: [],
  },
  {
    nhsNine: '999000003',
    givenName: 'Irene',
    familyName: 'Crossley',
    dateOfBirth: '1950-01-20',
    sex: 'female',
    postcode: 'HX3 6BP',
    serviceCode: 'adult-hearing',
    clinicalInformation: 'Bilateral hearing loss; the television is too loud for the family.',
    createdDaysAgo: 14,
    chooses: 'DEMO1',
    steps: [],
  },
  {
    nhsNine: '999000004',
    givenName: 'Joseph',
    familyName: 'Greenwood',
    dateOfBirth: '1991-04-09',
    sex: 'male',
    postcode: 'HX1 1PW',
    serviceCode: 'psychological-therapies',
    clinicalInformation: 'Low mood and anxiety since a bereavement; PHQ-9 of 14.',
    createdDaysAgo: 30,
    chooses: 'DEMO6',
    steps: [
      { daysAgo: 28, action: 'accept' },
      ...scoredWeekly(21, [
        [16, 13],
        [13, 11],
        [11, 9],
      ]),
      { daysAgo: 0, action: 'appointment', inDays: 7, note: 'Fourth session' },
    ],
  },
  {
    nhsNine: '999000005',
    givenName: 'Lilian',
    familyName: 'Priestley',
    dateOfBirth: '1983-09-15',
    sex: 'female',
    postcode: 'OL14 5RN',
    serviceCode: 'back-and-neck-pain',
    bodyArea: 'Neck',
    clinicalInformation: 'Neck pain radiating to the shoulder.',
    createdDaysAgo: 9,
    chooses: 'DEMO9',
    steps: [
      {
        daysAgo: 5,
        action: 'return',
        reasonCode: 'FURTHER_INFORMATION_REQUIRED',
        comment: 'Please send the result of the X-ray taken in October before we book.',
      },
    ],
  },
  {
    nhsNine: '999000006',
    givenName: 'Frank',
    familyName: 'Ogden',
    dateOfBirth: '1946-02-28',
    sex: 'male',
    postcode: 'HX6 3AB',
    serviceCode: 'adult-hearing',
    clinicalInformation: 'Hearing loss in the left ear; wax cleared by the practice nurse.',
    createdDaysAgo: 45,
    chooses: 'DEMO1',
    steps: [
      { daysAgo: 42, action: 'accept' },
      ...weekly(35, 2),
      {
        daysAgo: 20,
        action: 'discharge',
        outcome: 'treatment-completed',
        comment: 'Fitted with a left hearing aid; aftercare by the clinic.',
        aidsFitted: 1,
      },
    ],
  },
  {
    nhsNine: '999000007',
    givenName: 'Elsie',
    familyName: 'Barraclough',
    dateOfBirth: '1972-12-01',
    sex: 'female',
    postcode: 'HX3 6BP',
    serviceCode: 'back-and-neck-pain',
    bodyArea: 'Upper back',
    clinicalInformation: 'Thoracic pain for three months; desk worker.',
    createdDaysAgo: 70,
    chooses: 'DEMO9',
    steps: [{ daysAgo: 68, action: 'accept' }, ...weekly(63, 1, 'did-not-attend'), ...weekly(56, 8)],
  },
  {
    nhsNine: '999000008',
    givenName: 'Norman',
    familyName: 'Hirst',
    dateOfBirth: '1988-07-30',
    sex: 'male',
    postcode: 'OL14 5RN',
    serviceCode: 'psychological-therapies',
    clinicalInformation: 'Work stress and poor sleep.',
    createdDaysAgo: 6,
    steps: [
      {
        daysAgo: 3,
        action: 'cancel',
        reasonCode: 'NO_LONGER_REQUIRED',
        comment: 'The patient is now seen by the occupational health service.',
      },
    ],
  },
  ...EARLIER_HEARING,
];
