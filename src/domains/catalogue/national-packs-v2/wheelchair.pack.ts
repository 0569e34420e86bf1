/** Version 2 of the wheelchair services pack: access, assessment, provision and on-going support (repairs, maintenance, who owns the chair), paid per provision by complexity band. */
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

export const WHEELCHAIR_SERVICES_V2: { changeNote: string; content: PackContent } = {
  changeNote:
    'Version 2: replaces the assumed 6-session episode with the DH definition (access, assessment, provision and on-going support), paid per provision by need; says who repairs and who owns the chair.',
  content: {
    specification: {
      populationNeeds:
        'Adults and children who need a wheelchair for their mobility. The July 2011 guidance named children’s wheelchair services a priority; the October 2011 definition covered adults and children, and adult wheelchairs were also on the 2013/14 list. 52 PCTs chose wheelchairs. Families asked who would repair and renew chairs, who would own them (they were on long-term loan), and how a child with a parent who does not drive would reach appointments.',
      scope:
        'In scope: adults and children who need a wheelchair, referred by their GP or another clinician: access to the service, assessment of need, provision of a wheelchair, and on-going support (repairs, maintenance, review and renewal). The local specification lists the kinds of wheelchair offered, from low-need manual chairs to specialist powered chairs. Out of scope: top-up payments by patients or families (not allowed under AQP); personal health budgets, which were piloted separately.',
      outcomes:
        'Each person has a wheelchair that meets their assessed need and is kept safe and working for as long as they use it; repairs are made without long gaps in mobility; families who have difficulty travelling have transport arranged; users are satisfied with the choice of provider and the chair.',
      serviceDescription:
        'The pathway: (1) Access: the GP or another clinician refers; families choose among qualified providers, weighing how close each is. (2) Assessment of the person’s mobility needs, with travel arrangements made where the family has difficulty getting there. (3) Provision: the provider supplies the wheelchair agreed at assessment, of a kind the specification lists. (4) Repairs and maintenance: the provider repairs and maintains the chair while it is in use and says how users report a breakdown. (5) Ownership: the specification must say who owns the chairs; this pack keeps them the commissioner’s property on long-term loan to the user, as before AQP, returned when no longer needed. (6) Review and renewal when the person’s needs change or the chair wears out.',
      applicableStandards: standards(
        'No top-up payments; the specification states how chairs are repaired, which kinds are offered and who owns them; every chair supplied is recorded with its owner.',
      ),
    },
    currency: {
      unit: 'provision',
      description:
        'One price per wheelchair provision, by complexity band: assessment, supply of the chair and its repairs and maintenance while in use. Not a count of sessions.',
    },
    complexityBands: [
      { code: 'LOW-NEED', description: 'Low need: a standard manual wheelchair (National Cost Collection WCE01)' },
      {
        code: 'HIGHER-NEED',
        description: 'Higher need, between low need and specialist powered (National Cost Collection WCE02 to WCE05, grouped here)',
      },
      { code: 'SPECIALIST-POWERED', description: 'Specialist powered wheelchair (National Cost Collection WCE06)' },
    ],
    informationModel: [
      ...MINIMUM_DATA,
      { item: 'Complexity band', description: 'The need band assessed, which sets the price', required: true },
      { item: 'Wheelchair supplied', description: 'The kind of chair and its asset number, with the date supplied', required: true },
      { item: 'Owner', description: 'Who owns the chair (the commissioner, on long-term loan to the user)', required: true },
      { item: 'Repairs', description: 'Each repair or maintenance visit: date reported, date fixed and what was done', required: true },
    ],
    kpis: [],
    tariff: localPrice(
      'Benchmark: National Cost Collection 2023/24 unit costs of wheelchair equipment range from £310.87 (low need, WCE01) to £1,777.81 (specialist powered, WCE06); costs, not tariffs.',
    ),
    protocol: firstProtocolOf('wheelchair-services'),
    sources: [
      cite(
        'populationNeeds',
        'guidance',
        'paragraph 3.1 (“Wheelchair services (children)”) and paragraph 4.2 (“Wheelchair services (adults)” for 2013/14)',
      ),
      cite('populationNeeds', 'dhPage', 'service definitions, and comment 5 (questions on repairs, ownership, long-term loans and travel)'),
      cite('populationNeeds', 'pctUptake', 'services chosen by PCTs (wheelchairs 52)'),
      cite(
        'scope',
        'dhPage',
        'service definitions: “Wheelchair services for adults and children – access, assessment, provision and on-going support”',
      ),
      cite('scope', 'dhPage', 'DH reply to comment 5 (no top-up payments; personal health budgets piloted)'),
      cite('scope', 'nationalCostCollection', 'currency codes (NCC WCE01–WCE06, low need to specialist powered)'),
      unconfirmed(
        'outcomes',
        'dhPage',
        'DH reply to comment 5 (travel arrangements; repairs in the specification)',
        'no national wheelchair outcome measure or KPI was found in the stored sources',
      ),
      cite(
        'serviceDescription',
        'dhPage',
        'service definitions and DH reply to comment 5 (“details about how wheelchairs will be repaired, what kind of wheelchairs should be offered, and who owns the chairs”)',
      ),
      unconfirmed(
        'serviceDescription',
        'dhPage',
        'comment 5 (chairs “currently on long term loans”)',
        'that chairs stay the commissioner’s property on loan under AQP: DH says only that the specification must say who owns them',
      ),
      ...standardsCitations(),
      cite('applicableStandards', 'dhPage', 'DH reply to comment 5'),
      unconfirmed(
        'currency',
        'nationalCostCollection',
        'currency codes (NCC wheelchair equipment WCE01–WCE06)',
        'no AQP wheelchair currency was found; per provision by need band follows the NCC currencies',
      ),
      unconfirmed(
        'complexityBands',
        'nationalCostCollection',
        'currency codes (WCE01 low need to WCE06 specialist powered)',
        'the names of WCE02–WCE05 are not in the source, so they are grouped as one higher-need band',
      ),
      minimumDataCitation(),
      unconfirmed(
        'kpis',
        'packGuidance',
        'key performance indicators',
        'no wheelchair KPIs in the sources; the commissioner sets them locally',
      ),
      unconfirmed(
        'tariff',
        'localPrices',
        'local price setting (local price where no national tariff)',
        'any AQP wheelchair price; benchmark: National Cost Collection 2023/24 (WCE01–WCE06)',
      ),
      cite('protocol', 'dhPage', 'service definitions (adults and children)'),
    ],
  },
};
