/** Version 2 of the direct access diagnostics (non-obstetric ultrasound, MRI) and primary care psychological therapies packs, each section citing its source. */
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

type Revision = { changeNote: string; content: PackContent };

export const NON_OBSTETRIC_ULTRASOUND_V2: Revision = {
  changeNote: 'Version 2: each section cites its source; the pathway runs from the GP’s direct request to the report, paid per test.',
  content: {
    specification: {
      populationNeeds:
        'GPs need routine ultrasound quickly, close to home, to support their own assessment of presenting symptoms instead of an outpatient referral. Direct access diagnostics was the second most chosen AQP service (73 PCTs; about 100 by another count), and non-obstetric ultrasound was among the services CCGs still opened to AQP in 2013/14.',
      scope:
        'In scope: adults 18 and over needing a routine non-obstetric ultrasound scan that their GP requests directly. Out of scope: suspected cancer (two-week-wait pathway); scans needed urgently (acute hospital); obstetric scans (maternity services); people under 18.',
      outcomes:
        'The GP has the scan result quickly enough to manage the patient: 80% of patients scanned within 10 working days of the provider accepting the referral and all within 20; the report with the GP within 2 working days for most and 5 at the latest.',
      serviceDescription:
        'The pathway, a single episode of care: (1) the GP requests the scan directly, with the clinical question; (2) the provider accepts the referral and offers an appointment; (3) the ultrasound scan at a community site; (4) a written report to the referring GP; (5) the GP acts on the result. The provider does not follow the patient up or refer onwards.',
      applicableStandards: standards('Report turnaround measured from the scan to the report reaching the referrer.'),
    },
    currency: { unit: 'test', description: 'Per scan with its report: AQP diagnostics are a single episode of care.' },
    complexityBands: [
      { code: 'SINGLE', description: 'One body area (National Cost Collection RD40Z: ultrasound under 20 minutes, no contrast)' },
      { code: 'MULTIPLE', description: 'More than one body area in the same appointment' },
    ],
    informationModel: [
      ...MINIMUM_DATA,
      {
        item: 'Date referral accepted',
        description: 'When the provider accepted the referral (the scan-wait KPI starts here)',
        required: true,
      },
      { item: 'Scan date', description: 'When the scan was done', required: true },
      { item: 'Report date', description: 'When the report reached the referrer', required: true },
    ],
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
    tariff: localPrice(
      'Benchmark: the National Cost Collection 2023/24 unit cost of an ultrasound scan under 20 minutes without contrast (RD40Z) is £64.60, a cost, not a tariff.',
    ),
    protocol: firstProtocolOf('non-obstetric-ultrasound'),
    sources: [
      cite(
        'populationNeeds',
        'guidance',
        'paragraph 3.1 (“diagnostic tests closer to home … to support primary assessment of presenting symptoms”)',
      ),
      cite('populationNeeds', 'pctUptake', 'services chosen by PCTs (diagnostics 73; about 100 PCTs)'),
      cite('populationNeeds', 'wikipedia', 'Development (services CCGs still opened in 2013/14)'),
      cite('scope', 'dhPage', 'service definitions: “Direct Access Diagnostic tests: Non-obstetric ultrasound, MRI”'),
      cite('scope', 'devonMri', 'exclusions (Devon)'),
      cite('outcomes', 'nottinghamUltrasound', 'Non-obstetric ultrasound (Nottingham City)'),
      cite(
        'serviceDescription',
        'devonMri',
        'currency (“a single episode of care”, Devon); key performance indicators (report to the referrer)',
      ),
      ...standardsCitations(),
      cite('applicableStandards', 'nottinghamUltrasound', 'Non-obstetric ultrasound (report to the referrer)'),
      cite('currency', 'devonMri', 'per episode/test, a single episode of care'),
      unconfirmed(
        'complexityBands',
        'nationalCostCollection',
        'currency codes (NCC RD40Z)',
        'bands by number of body areas; no source gives formal AQP complexity bands',
      ),
      minimumDataCitation(),
      cite('kpis', 'nottinghamUltrasound', 'Non-obstetric ultrasound (Nottingham City)'),
      unconfirmed(
        'tariff',
        'localPrices',
        'local price setting',
        'actual AQP tariffs for non-obstetric ultrasound; benchmark: National Cost Collection 2023/24 (RD40Z)',
      ),
      cite('protocol', 'devonMri', 'exclusions'),
    ],
  },
};

export const MRI_V2: Revision = {
  changeNote:
    'Version 2: each section cites its source; the pathway adds the MRI safety screen before booking, paid per test by body areas.',
  content: {
    specification: {
      populationNeeds:
        'GPs need direct access to MRI for conditions they can manage once diagnosed, without referring to a consultant first. MRI was one of the two direct access tests in the 2012/13 priority list and among the services CCGs still opened to AQP in 2013/14; its pack pointed to a separate pricing-principles document.',
      scope:
        'In scope: adults 18 and over needing a routine MRI scan without contrast that their GP requests directly. Out of scope, refer to the acute hospital instead: suspected cancer (two-week-wait pathway); urgent scans; scans needing contrast; a patient above the scanner’s weight or size limits; some implants, such as pacemakers, that are unsafe in MRI; a patient who would need a general anaesthetic; people under 18.',
      outcomes:
        'Patients scanned within 20 working days of referral and the report with the referring GP, so the GP can manage the patient without a consultant referral.',
      serviceDescription:
        'The pathway, a single episode of care: (1) the GP requests the scan directly, answering the MRI safety questions (implants, size, need for anaesthetic); (2) the provider checks MRI safety again before booking; (3) the scan of one or two body areas, without contrast; (4) a written report to the referring GP; (5) the GP acts on the result.',
      applicableStandards: standards(
        'MRI safety screening for implants before every scan; pricing follows the separate AQP MRI pricing principles.',
      ),
    },
    currency: { unit: 'test', description: 'Per MRI scan with its report, priced by the number of body areas: a single episode of care.' },
    complexityBands: [
      { code: 'ONE-AREA', description: 'One body area, no contrast (National Cost Collection RD01A)' },
      { code: 'TWO-AREAS', description: 'Two body areas in the same appointment, no contrast' },
    ],
    informationModel: [
      ...MINIMUM_DATA,
      { item: 'Body areas scanned', description: 'One or two, for the price band', required: true },
      { item: 'Report date', description: 'When the report reached the referrer', required: true },
    ],
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
    tariff: localPrice(
      'Benchmark: the National Cost Collection 2023/24 unit cost of a directly accessed MRI of one area without contrast for people 19 and over (RD01A) is £176.06, a cost, not a tariff.',
    ),
    protocol: firstProtocolOf('mri'),
    sources: [
      cite('populationNeeds', 'dhPage', 'service definitions: “Direct Access Diagnostic tests: Non-obstetric ultrasound, MRI”'),
      cite('populationNeeds', 'mriPack', 'pack (the MRI pack points to a separate pricing-principles document)'),
      cite('populationNeeds', 'wikipedia', 'Development (services CCGs still opened in 2013/14)'),
      cite('scope', 'devonMri', 'exclusions (Devon MRI referral guide)'),
      cite('outcomes', 'devonUltrasound', 'AQP diagnostics (Devon): within 20 working days'),
      cite('serviceDescription', 'devonMri', 'currency (“a single episode of care”); exclusions (implants, BMI, anaesthetic)'),
      ...standardsCitations(),
      cite('applicableStandards', 'mriPack', 'pack (MRI pricing principles); exclusions (implants)'),
      cite('currency', 'devonMri', 'per episode/test'),
      unconfirmed(
        'complexityBands',
        'nationalCostCollection',
        'currency codes (NCC RD01A, MRI one area)',
        'a two-area band; no source gives formal AQP complexity bands',
      ),
      minimumDataCitation(),
      cite('kpis', 'devonUltrasound', 'AQP diagnostics (Devon)'),
      unconfirmed(
        'tariff',
        'localPrices',
        'local price setting',
        'actual AQP tariffs for MRI; benchmark: National Cost Collection 2023/24 (RD01A)',
      ),
      cite('protocol', 'devonMri', 'exclusions'),
    ],
  },
};

export const PSYCHOLOGICAL_THERAPIES_V2: Revision = {
  changeNote: 'Version 2: each section cites its source; waits to first treatment and recovery are measured as the IAPT data set does.',
  content: {
    specification: {
      populationNeeds:
        'Adults with common mental health problems such as depression and anxiety who could be helped by talking therapies in primary care. Few commissioners chose this service for AQP (28 PCTs; 10 of 151 by another count). The national ambition was access for 15% of prevalence by 2014/15, against 10% before.',
      scope:
        'In scope: people 16 and over, referred by their GP or another clinician or referring themselves (national definition: “16+ years, referrals and self-referral, including IAPT”); talking therapies in primary care. Out of scope: anyone at immediate risk of harm to themselves or others (the crisis team); children and young people, whose psychological therapies (CAMHS) were a separate later candidate.',
      outcomes:
        'At least half of the people who finish a course of treatment move to recovery; people start treatment quickly (the later national standards: 75% within 6 weeks and 95% within 18 weeks of referral). Where payment was tied to recovery, providers were reported to select patients, so case-mix is watched.',
      serviceDescription:
        'The pathway: (1) referral or self-referral; (2) assessment, including the risk questions that send a person to the crisis team; (3) sessions of talking therapy, with outcome measures recorded at every session as the IAPT minimum data set requires; (4) discharge at the end of the course with recovery recorded. Waits run from referral to the first attended treatment appointment.',
      applicableStandards: standards(
        'The IAPT minimum data set for every session; waiting times and recovery measured as the national IAPT data set defines them.',
      ),
    },
    currency: {
      unit: 'session',
      description: 'Per session of therapy attended, as in Bristol and South Gloucestershire’s IAPT+ (£47.20 a session).',
    },
    complexityBands: [
      {
        code: 'STANDARD',
        description:
          'All people meeting the referral criteria; the later national IAPT payment approach adjusts for case complexity, which a commissioner may add locally.',
      },
    ],
    informationModel: [
      ...MINIMUM_DATA,
      {
        item: 'Session outcome measures',
        description: 'The IAPT minimum data set measures at every session (PHQ-9 and GAD-7 are the usual ones)',
        required: true,
      },
      {
        item: 'First treatment date',
        description: 'The first attended treatment appointment, for the waiting-time measures',
        required: true,
      },
      { item: 'Recovery at discharge', description: 'Whether the person moved to recovery at the end of the course', required: true },
    ],
    kpis: [
      {
        code: 'recovery-rate',
        description: 'People finishing a course of treatment who move to recovery',
        thresholdPercent: 50,
        source: 'IAPT national target',
      },
      {
        code: 'first-treatment-within-6-weeks',
        description: 'First treatment within 6 weeks of referral',
        thresholdPercent: 75,
        withinDays: 42,
        dayKind: 'calendar',
        source: 'NHS Talking Therapies service standards (later than AQP)',
      },
      {
        code: 'first-treatment-within-18-weeks',
        description: 'First treatment within 18 weeks of referral',
        thresholdPercent: 95,
        withinDays: 126,
        dayKind: 'calendar',
        source: 'NHS Talking Therapies service standards (later than AQP)',
      },
    ],
    tariff: { kind: 'indicative', pricePence: 4720, note: 'IAPT+ example: £47.20 per session (against £104 before).' },
    protocol: firstProtocolOf('psychological-therapies'),
    sources: [
      cite(
        'populationNeeds',
        'packGuidance',
        'services chosen by PCTs (psychological therapies 28; 10 of 151); IAPT (access 15% by 2014/15)',
      ),
      cite(
        'scope',
        'dhPage',
        'service definitions: “Primary Care Psychological Therapies (adults), 16+ years, referrals and self-referral, including IAPT”',
      ),
      cite('scope', 'guidance', 'paragraph 4.2 (Primary Care Psychological Therapies (CAMHS) on the 2013/14 list)'),
      cite('outcomes', 'talkingTherapiesStandards', 'IAPT / Talking Therapies (75% in 6 weeks, 95% in 18 weeks, at least 50% recover)'),
      cite('outcomes', 'providerSelection', 'patient selection (provider-side selection in AQP psychological therapies)'),
      cite('serviceDescription', 'iaptOutcomes', 'information model (IAPT minimum data set)'),
      cite('serviceDescription', 'iaptWaits', 'IAPT data set (waits to first attended treatment)'),
      ...standardsCitations(),
      cite('applicableStandards', 'iaptWaits', 'IAPT (now NHS Talking Therapies) data set'),
      cite('currency', 'iaptCommissioning', 'per session (IAPT+ Bristol and South Gloucestershire)'),
      unconfirmed(
        'complexityBands',
        'iaptPayment',
        'patient selection (later IAPT payment adjusts for complexity)',
        'formal complexity bands inside the AQP packs',
      ),
      minimumDataCitation(),
      unconfirmed(
        'informationModel',
        'packGuidance',
        'information model',
        'PHQ-9 and GAD-7 as the session measures: the stored sources name the IAPT minimum data set, not its items',
      ),
      cite('kpis', 'talkingTherapiesStandards', 'IAPT / Talking Therapies', 'The waiting-time standards post-date AQP'),
      cite('tariff', 'iaptCommissioning', 'IAPT+ £47.20 per session, against £104'),
      cite('protocol', 'dhPage', 'service definitions (16+, referral and self-referral)'),
    ],
  },
};
