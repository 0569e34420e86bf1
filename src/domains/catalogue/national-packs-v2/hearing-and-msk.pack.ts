/** Version 2 of the adult hearing and the back and neck pain packs: each section says what its sources say and cites them. */
import type { PackContent } from '../implementation-pack.schema.ts';
import {
  cite,
  firstProtocolOf,
  localPrice,
  MINIMUM_DATA,
  minimumDataCitation,
  standards,
  standardsCitations,
  unconfirmed,
} from './sources.ts';

export const ADULT_HEARING_V2: { changeNote: string; content: PackContent } = {
  changeNote:
    'Version 2: each section cites its source; the pathway names assessment, fitting, follow-up and at least 3 years of aftercare.',
  content: {
    specification: {
      populationNeeds:
        'Adults whose hearing has declined with age. Adult hearing services in the community were one of the eight 2012/13 priority services and the service most PCTs chose (90); the first AQP offer advertised was for adult hearing (Supply2Health, 8 February 2012). Monitor found in 2015 that only 1 in 10 patients was offered a choice and half of those got no information to choose with; patients asked for waiting times, customer service and accessibility information.',
      scope:
        'In scope: adults 55 and over with age-acquired hearing loss, referred by their GP (national definition: “age-acquired 55+ and GP referral only”); non-complex hearing aid provision. Out of scope, refer to ENT instead: ear pain for more than 7 days or discharge in the last 90 days; sudden or rapid loss within 90 days; fluctuating loss; unilateral or pulsatile tinnitus lasting more than 5 minutes; vertigo; an obstructed or abnormal ear canal or eardrum. Wax must be cleared before referral. Repairs of aids from an earlier supplier go back to that supplier.',
      outcomes:
        'Patients seen within 16 working days of referral; hearing aids fitted in both ears where clinically appropriate (80% bilateral fittings in Calderdale); aids in use and kept working through aftercare. Monitor (2015) found the cost per treatment fell by up to 25% in some areas. The patient-reported outcome measure is set locally: GHABP is often assumed but not confirmed as the AQP measure.',
      serviceDescription:
        'The pathway: (1) the GP refers through the NHS e-Referral Service (specialty Diagnostic Physiological Measurement, clinic type Audiology); referrals sent outside e-RS, incomplete or with red flags are returned to the GP. (2) Assessment of hearing, with onward referral to ENT if an exclusion is found. (3) Fitting of one or two hearing aids. (4) Follow-up after fitting. (5) Aftercare with the chosen provider for at least 3 years (repair and maintenance visits), then a review. Commissioners also ask about domiciliary visits, walk-in aftercare, the re-assessment interval and charges for lost aids.',
      applicableStandards: standards(
        'Hearing aids provided through e-RS as an “AQP Adult Hearing Services” clinic; activity reported per component (assessment, fitting, follow-up, aftercare) even where one pathway price is paid.',
      ),
    },
    currency: {
      unit: 'pathway',
      minimumPathwayYears: 3,
      description:
        'One price per patient pathway: assessment, fitting and follow-up, with aftercare for at least 3 years; the patient then has a review. Which parts the price bundles and which are paid per visit is set locally.',
    },
    complexityBands: [
      { code: 'MONAURAL', description: 'One hearing aid fitted (benchmark before AQP: about £350–£400 per patient journey)' },
      { code: 'BINAURAL', description: 'Two hearing aids fitted (benchmark before AQP: about £500–£550 per patient journey)' },
    ],
    informationModel: [
      ...MINIMUM_DATA,
      { item: 'Aids fitted', description: 'Monaural or binaural fitting, and the fitting date', required: true },
      { item: 'Aftercare contacts', description: 'Each aftercare or repair visit in the 3-year pathway', required: true },
      {
        item: 'Outcome measure',
        description: 'The locally agreed hearing outcome measure (for example GHABP) at fitting and follow-up',
        required: false,
      },
    ],
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
    tariff: localPrice(
      'Benchmarks: Specsavers offered about £350–£400 (monaural) and £500–£550 (binaural) per patient journey in 2007; the National Cost Collection 2023/24 unit cost of an AQP adult hearing aid (AS05) is £113.82, a cost, not a tariff.',
    ),
    protocol: firstProtocolOf('adult-hearing'),
    sources: [
      cite(
        'populationNeeds',
        'pctUptake',
        'services chosen by PCTs; context (first offer, 8 February 2012); patient choice (Monitor 2015 survey)',
      ),
      cite('scope', 'dhPage', 'service definitions: “Adult hearing services in the community, age-acquired 55+ and GP referral only”'),
      cite('scope', 'hearingProforma', 'exclusions (GP proforma); returning referrals (repairs go back to the existing supplier)'),
      cite('outcomes', 'calderdale', 'standards (Calderdale AQP: 16 working days, 80% bilateral)'),
      unconfirmed('outcomes', 'packGuidance', 'outcome measures', 'GHABP as the AQP hearing outcome measure'),
      cite('serviceDescription', 'devonAudiology', 'currency (at least 3 years, then a review); returning referrals; e-RS coding'),
      cite(
        'serviceDescription',
        'hearingFoi',
        '(provider FOI template: domiciliary service, walk-in aftercare, re-assessment interval, lost-aid charges)',
      ),
      ...standardsCitations(),
      cite(
        'applicableStandards',
        'nationalCostCollection',
        'currency codes (activity counted per AS component even where a pathway price is paid)',
      ),
      cite('currency', 'devonAudiology', 'per pathway, at least 3 years (Devon referral guide)'),
      unconfirmed(
        'currency',
        'nationalCostCollection',
        'currency codes',
        'the exact AQP hearing bundle (assessment + fitting + first follow-up as one price is a reading, not a source)',
      ),
      cite('complexityBands', 'hearingBenchmarks', 'pre-AQP benchmarks (monaural and binaural patient journeys)'),
      minimumDataCitation(),
      cite('kpis', 'calderdale', 'Audiology (Calderdale)', 'The 95% share of the 16-working-day KPI is an assumption'),
      unconfirmed(
        'tariff',
        'localPrices',
        'local price setting',
        'actual AQP tariffs for the adult hearing pathway; benchmark: National Cost Collection 2023/24 (AS05)',
      ),
      cite('protocol', 'hearingProforma', 'exclusions (GP proforma) and wax (Cornwall)'),
    ],
  },
};

export const BACK_AND_NECK_PAIN_V2: { changeNote: string; content: PackContent } = {
  changeNote:
    'Version 2: each section cites its source; the pathway names assessment, up to 8 sessions of manual therapy and return to the GP.',
  content: {
    specification: {
      populationNeeds:
        'Adults with back or neck pain that a course of manual therapy can resolve. Back and neck pain was one of the eight 2012/13 priority services (38 PCTs chose it). Before AQP, the North East Essex service gave appointments within 2 weeks (97% of 2,810 patients in 2009/10) and cut referrals to spinal surgeons by more than 25%. NHS experience is that most back and neck pain resolves with a course of about 4 sessions.',
      scope:
        'In scope: adults 18 and over with back or neck pain the GP judges to be musculoskeletal (national definition: “Adult (18+), community service for back and neck pain – manual therapy”), treated by physiotherapists, osteopaths or chiropractors. Out of scope: red flags suggesting serious pathology (urgent medical assessment instead); women more than 35 weeks pregnant; a second referral for the same body area within 12 months.',
      outcomes:
        'Pain and disability reduced, measured with the Bournemouth Questionnaire at the start and at discharge (some providers also screen with STarT Back); fewer onward referrals to spinal surgeons; first appointment within 2 weeks of referral.',
      serviceDescription:
        'The pathway: (1) the GP confirms a musculoskeletal problem and gives the patient the list of qualified providers; the patient chooses and books. (2) The provider assesses and diagnoses, as an urgent or routine referral, and returns red flags to the GP. (3) Treatment by manual therapy: the referral is good for up to 8 sessions. (4) At the 8th session the episode closes and the patient goes back to the GP for re-referral to AQP, further investigation or a different therapy; most patients are discharged sooner.',
      applicableStandards: standards(
        'Patient-reported outcomes with the Bournemouth Questionnaire, as recommended for AQP back and neck pain.',
      ),
    },
    currency: {
      unit: 'episode',
      sessionCap: 8,
      description: 'One episode of up to 8 sessions per referral; the precursor in North East Essex allowed up to 4 treatments.',
    },
    complexityBands: [
      {
        code: 'STANDARD',
        description:
          'All patients meeting the referral criteria: local specifications use urgent or routine priority, not complexity bands.',
      },
    ],
    informationModel: [
      ...MINIMUM_DATA,
      { item: 'Bournemouth Questionnaire', description: 'Score at the start and at discharge', required: true },
      { item: 'STarT Back score', description: 'Screening score at assessment, where the provider uses it', required: false },
      {
        item: 'Onward referral',
        description: 'Discharged, back to the GP for re-referral, investigation or another therapy',
        required: true,
      },
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
    tariff: localPrice(
      'Benchmark: the National Cost Collection 2023/24 unit cost of an adult one-to-one community physiotherapy contact (A08A1) is £75.62, a cost, not a tariff.',
    ),
    protocol: firstProtocolOf('back-and-neck-pain'),
    sources: [
      cite('populationNeeds', 'neEssex', 'key performance indicators (NE Essex MSK) and services chosen by PCTs'),
      cite('populationNeeds', 'msk2012', 'paragraph 5 (“resolved with a course of 4 sessions”)'),
      cite('scope', 'dhPage', 'service definitions: “Adult (18+), community service for back and neck pain – manual therapy”'),
      cite(
        'scope',
        'backActive',
        'referral criteria (serious pathology excluded; one referral per body area in 12 months; over 35 weeks pregnant excluded)',
      ),
      cite('scope', 'msk2012', 'paragraph 3 (physiotherapists, osteopaths and chiropractors)'),
      cite('outcomes', 'bournemouth', 'outcome measures (Bournemouth Questionnaire, STarT Back); key performance indicators (NE Essex)'),
      cite('serviceDescription', 'msk2012', 'paragraphs 4–5 (list of approved practitioners; up to 8 sessions, then back to the GP)'),
      cite('serviceDescription', 'cornwallMsk', 'referral criteria (urgent and standard categories)'),
      ...standardsCitations(),
      cite('applicableStandards', 'bournemouth', 'outcome measures (Bournemouth Questionnaire recommended for AQP)'),
      cite('currency', 'neEssex', 'episode capped at 8 sessions; NE Essex up to 4 treatments'),
      unconfirmed(
        'complexityBands',
        'cherryPicking',
        'patient selection',
        'formal complexity bands inside the AQP packs; local specifications use urgent/routine priority',
      ),
      minimumDataCitation(),
      cite('kpis', 'neEssex', 'NE Essex referral criteria (97% within 2 weeks)', 'The 95% target is an assumption'),
      unconfirmed(
        'tariff',
        'localPrices',
        'local price setting',
        'actual AQP tariffs for MSK back and neck pain; benchmark: National Cost Collection 2023/24 (A08A1)',
      ),
      cite('protocol', 'cornwallMsk', 'referral criteria'),
    ],
  },
};
