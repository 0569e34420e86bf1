/** The first national implementation packs (version 1, seeded since the catalogue began): the 2012/13 priority services from the facts in shared/context/aqp-domain-brief.md §2–3. Never edited: databases already hold these as version 1 (docs/decisions/0029-sourced-packs-and-application-figures.md). */
import type { PackContent } from './implementation-pack.schema.ts';
import { ENT, LOCAL_PRICE, MINIMUM_DATA, protocol, simplePack, spec, STANDARD_BANDS } from './national-packs-v1/pack-parts.ts';

export const FIRST_NATIONAL_PACKS: Record<string, { changeNote: string; content: PackContent }> = {
  'adult-hearing': {
    changeNote: 'National pack (December 2011, refreshed 20 December 2012).',
    content: {
      specification: spec(
        'Age-acquired hearing loss affects most people over 55; many wait years before seeking help.',
        'Adults 55 and over with age-acquired hearing loss, referred by their GP.',
        'Improved hearing and quality of life; hearing aids used and maintained.',
        'Assessment, fitting of hearing aids (bilateral where appropriate), follow-up and aftercare for at least 3 years, with repairs and batteries.',
      ),
      currency: {
        unit: 'pathway',
        minimumPathwayYears: 3,
        description:
          'One pathway: assessment, fitting and aftercare; the patient stays with the chosen provider for at least 3 years, then is reviewed.',
      },
      complexityBands: [
        { code: 'MONAURAL', description: 'One hearing aid' },
        { code: 'BINAURAL', description: 'Two hearing aids' },
      ],
      informationModel: [...MINIMUM_DATA, { item: 'Aids fitted', description: 'Monaural or binaural fitting', required: true }],
      kpis: [
        {
          code: 'seen-within-16-working-days',
          description: 'Seen within 16 working days of referral',
          thresholdPercent: 95,
          withinDays: 16,
          dayKind: 'working',
          source: 'Calderdale audiology KPI; the 95% share is an assumption',
        },
        {
          code: 'bilateral-fittings',
          description: 'Bilateral fittings where clinically appropriate',
          thresholdPercent: 80,
          source: 'Calderdale audiology KPI',
        },
      ],
      tariff: LOCAL_PRICE,
      protocol: protocol({
        ageMin: 55,
        exclusions: [
          { id: 'ear-pain', question: 'Ear pain for more than 7 days in the last 90 days?', redirectAdvice: ENT },
          { id: 'discharge', question: 'Discharge from the ear in the last 90 days?', redirectAdvice: ENT },
          {
            id: 'sudden-loss',
            question: 'Sudden or rapid hearing loss within the last 90 days?',
            redirectAdvice: `${ENT} Sudden loss may need urgent assessment.`,
          },
          { id: 'fluctuating-loss', question: 'Fluctuating hearing loss?', redirectAdvice: ENT },
          { id: 'tinnitus', question: 'Unilateral or pulsatile tinnitus lasting more than 5 minutes?', redirectAdvice: ENT },
          { id: 'vertigo', question: 'Vertigo?', redirectAdvice: ENT },
          { id: 'abnormal-canal', question: 'Obstructed or abnormal ear canal or eardrum?', redirectAdvice: ENT },
        ],
        prerequisites: [
          {
            id: 'wax-cleared',
            question: 'Has any wax been cleared?',
            adviceIfNotMet: 'Clear the wax before referring: the provider will send the patient away unassessed.',
          },
        ],
      }),
    },
  },
  'back-and-neck-pain': {
    changeNote: 'National pack (2 March 2012).',
    content: {
      specification: spec(
        'Back and neck pain is among the commonest reasons adults see a GP.',
        'Adults 18 and over with back or neck pain suitable for manual therapy.',
        'Reduced pain and disability (Bournemouth Questionnaire); fewer onward referrals to spinal surgeons.',
        'Assessment and up to 8 sessions of manual therapy per referral, then discharge or return to the GP for re-referral, investigation or another therapy.',
      ),
      currency: { unit: 'episode', sessionCap: 8, description: 'One episode of up to 8 sessions per referral.' },
      complexityBands: STANDARD_BANDS,
      informationModel: [
        ...MINIMUM_DATA,
        { item: 'Bournemouth Questionnaire', description: 'Score at the start and at discharge', required: true },
      ],
      kpis: [
        {
          code: 'seen-within-2-weeks',
          description: 'First appointment within 2 weeks of referral',
          thresholdPercent: 95,
          withinDays: 14,
          dayKind: 'calendar',
          source: 'NE Essex precursor achieved 97%; the 95% target is an assumption',
        },
      ],
      tariff: LOCAL_PRICE,
      protocol: protocol({
        ageMin: 18,
        routes: ['gp', 'other-clinician'],
        exclusions: [
          {
            id: 'red-flags',
            question: 'Any red flags suggesting serious pathology?',
            redirectAdvice: 'Do not refer to AQP: arrange urgent medical assessment.',
          },
          {
            id: 'pregnant-over-35-weeks',
            question: 'More than 35 weeks pregnant?',
            redirectAdvice: 'Not eligible: refer to maternity or obstetric physiotherapy.',
          },
        ],
        repeatLimit: { maxReferrals: 1, withinMonths: 12, per: 'body-area' },
        priorities: ['routine', 'urgent'],
      }),
    },
  },
  'psychological-therapies': {
    changeNote: 'National pack for primary care psychological therapies (including IAPT).',
    content: {
      specification: spec(
        'Common mental health problems affect about one in six adults; most are never treated.',
        'People 16 and over with depression or anxiety disorders, by referral or self-referral.',
        'Half of treated patients moving to recovery; access for 15% of prevalence.',
        'Stepped-care talking therapies delivered in sessions, with outcome measures at every session (IAPT minimum data set).',
      ),
      currency: { unit: 'session', description: 'Per session of therapy attended.' },
      complexityBands: STANDARD_BANDS,
      informationModel: [
        ...MINIMUM_DATA,
        { item: 'PHQ-9 and GAD-7', description: 'Scores at every session (IAPT minimum data set)', required: true },
      ],
      kpis: [
        { code: 'recovery-rate', description: 'Treated patients moving to recovery', thresholdPercent: 50, source: 'IAPT national target' },
      ],
      tariff: { kind: 'indicative', pricePence: 4720, note: 'IAPT+ example: £47.20 per session (against £104 before).' },
      protocol: protocol({
        ageMin: 16,
        routes: ['gp', 'other-clinician', 'self'],
        exclusions: [
          {
            id: 'risk',
            question: 'Immediate risk of harm to self or others?',
            redirectAdvice: 'Do not refer to AQP: contact the crisis team now.',
          },
        ],
      }),
    },
  },
  'non-obstetric-ultrasound': {
    changeNote: 'National pack for direct access diagnostics.',
    content: {
      specification: spec(
        'GPs need quick access to ultrasound to diagnose and avoid outpatient referrals.',
        'Adults needing non-obstetric ultrasound requested directly by their GP.',
        'Timely scans and reports, so the GP can manage the patient.',
        'A single episode: the scan and a report to the referrer.',
      ),
      currency: { unit: 'test', description: 'Per scan with its report: a single episode of care.' },
      complexityBands: [
        { code: 'SINGLE', description: 'One body area' },
        { code: 'MULTIPLE', description: 'More than one body area' },
      ],
      informationModel: [...MINIMUM_DATA, { item: 'Report date', description: 'When the report was sent to the referrer', required: true }],
      kpis: [
        {
          code: 'scanned-within-10-working-days',
          description: 'Scanned within 10 working days of accepting the referral',
          thresholdPercent: 80,
          withinDays: 10,
          dayKind: 'working',
          source: 'Nottingham City direct access ultrasound',
        },
        {
          code: 'scanned-within-20-working-days',
          description: 'Scanned within 20 working days',
          thresholdPercent: 100,
          withinDays: 20,
          dayKind: 'working',
          source: 'Nottingham City direct access ultrasound',
        },
        {
          code: 'report-within-5-working-days',
          description: 'Report to the referrer within 5 working days (2 for most)',
          thresholdPercent: 100,
          withinDays: 5,
          dayKind: 'working',
          source: 'Nottingham City direct access ultrasound',
        },
      ],
      tariff: LOCAL_PRICE,
      protocol: protocol({
        ageMin: 18,
        exclusions: [
          { id: 'suspected-cancer', question: 'Is cancer suspected?', redirectAdvice: 'Use the two-week-wait pathway, not AQP.' },
          { id: 'obstetric', question: 'Is this an obstetric scan?', redirectAdvice: 'Refer to maternity services.' },
          { id: 'urgent', question: 'Is the scan needed urgently?', redirectAdvice: 'Refer to the acute hospital for an urgent scan.' },
        ],
      }),
    },
  },
  mri: {
    changeNote: 'National pack for direct access diagnostics (with separate pricing principles).',
    content: {
      specification: spec(
        'GPs need direct access to MRI for conditions they can manage once diagnosed.',
        'Adults needing MRI requested directly by their GP.',
        'Scans within 20 working days and reports to the referrer.',
        'A single episode: the scan and a report to the referrer.',
      ),
      currency: { unit: 'test', description: 'Per scan with its report: a single episode of care.' },
      complexityBands: [
        { code: 'ONE-AREA', description: 'One body area' },
        { code: 'TWO-AREAS', description: 'Two body areas' },
      ],
      informationModel: [...MINIMUM_DATA, { item: 'Report date', description: 'When the report was sent to the referrer', required: true }],
      kpis: [
        {
          code: 'scanned-within-20-working-days',
          description: 'Scanned within 20 working days',
          thresholdPercent: 100,
          withinDays: 20,
          dayKind: 'working',
          source: 'Devon AQP diagnostics',
        },
      ],
      tariff: LOCAL_PRICE,
      protocol: protocol({
        ageMin: 18,
        exclusions: [
          { id: 'suspected-cancer', question: 'Is cancer suspected?', redirectAdvice: 'Use the two-week-wait pathway, not AQP.' },
          { id: 'contrast', question: 'Does the scan need contrast?', redirectAdvice: 'Refer to the acute hospital.' },
          {
            id: 'implants',
            question: 'Does the patient have a pacemaker or other implant unsafe in MRI?',
            redirectAdvice: 'Refer to the acute hospital.',
          },
          {
            id: 'bmi',
            question: 'Is the patient’s weight or size above the scanner’s limits?',
            redirectAdvice: 'Refer to the acute hospital.',
          },
          { id: 'anaesthetic', question: 'Would the patient need a general anaesthetic?', redirectAdvice: 'Refer to the acute hospital.' },
        ],
      }),
    },
  },
  continence: simplePack(
    'Continence',
    'Adults and children with bladder or bowel continence problems, by referral or self-referral.',
    'episode',
    { routes: ['gp', 'other-clinician', 'self'] },
  ),
  'wheelchair-services': simplePack('Wheelchair services', 'Adults and children who need a wheelchair.', 'episode', {
    routes: ['gp', 'other-clinician'],
  }),
  'leg-ulcer-and-wound-healing': simplePack('Leg ulcer and wound healing', 'Adults with leg ulcers or slow-healing wounds.', 'episode', {
    routes: ['gp', 'other-clinician'],
  }),
  podiatry: {
    changeNote: 'National pack for podiatry.',
    content: {
      ...simplePack('Podiatry', 'Adults and children needing podiatry, including specialised orthotics.', 'episode', {
        routes: ['gp', 'other-clinician'],
        priorities: ['routine', 'urgent'],
      }).content,
      kpis: [
        {
          code: 'routine-within-4-weeks',
          description: 'Routine referrals seen within 4 weeks',
          thresholdPercent: 95,
          withinDays: 28,
          dayKind: 'calendar',
          source: 'Wirral; the 95% share is an assumption',
        },
        {
          code: 'urgent-within-2-weeks',
          description: 'Urgent referrals seen within 2 weeks',
          thresholdPercent: 95,
          withinDays: 14,
          dayKind: 'calendar',
          source: 'Wirral; the 95% share is an assumption',
        },
      ],
    },
  },
};
