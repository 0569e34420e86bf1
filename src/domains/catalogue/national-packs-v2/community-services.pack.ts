/** Version 2 of the continence, leg ulcer and wound healing, and podiatry packs: each section says what the sources say and which facts are assumptions. */
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

export const CONTINENCE_V2: Revision = {
  changeNote:
    'Version 2: replaces the assumed 6-session episode with the DH definition (bladder and bowel, non-prescribable products, referral and self-referral), paid per contact.',
  content: {
    specification: {
      populationNeeds:
        'Adults and children with bladder or bowel continence problems, many of whom need products as well as treatment. Continence services were one of the eight 2012/13 priority services; 33 PCTs chose them.',
      scope:
        'In scope: adults and children with bladder or bowel problems, referred by their GP or another clinician or referring themselves (national definition: “bladder and bowel, non-prescribable products, referral and self-referral”); assessment, treatment and the supply of non-prescribable continence products. Out of scope: products available on prescription, which stay on prescription.',
      outcomes:
        'Continence improved, or managed with the right non-prescribable products, with regular review so products still fit the person’s need. The outcome measure is set locally.',
      serviceDescription:
        'The pathway: (1) referral, or the person refers themselves; (2) assessment of the bladder or bowel problem; (3) treatment and advice, face to face or by telephone or video; (4) supply of non-prescribable products where needed, with periodic review of the products supplied; (5) discharge when continence is restored, or continued product supply with review.',
      applicableStandards: standards('Self-referral accepted; products supplied are non-prescribable items only.'),
    },
    currency: {
      unit: 'session',
      description:
        'Per contact, face to face or not, as the National Cost Collection counts continence activity; products are priced locally.',
    },
    complexityBands: [
      { code: 'FACE-TO-FACE', description: 'A face-to-face contact (National Cost Collection N14AF)' },
      { code: 'NON-FACE-TO-FACE', description: 'A telephone or video contact (National Cost Collection N14AN)' },
    ],
    informationModel: [
      ...MINIMUM_DATA,
      { item: 'Referral route', description: 'Referred by a clinician or self-referred', required: true },
      { item: 'Contact type', description: 'Face to face or not, for each contact', required: true },
      { item: 'Products supplied', description: 'Non-prescribable products supplied and their review date', required: false },
    ],
    kpis: [],
    tariff: localPrice(
      'Benchmark: National Cost Collection 2023/24 unit costs of an adult continence contact are £124.97 face to face (N14AF) and £74.42 otherwise (N14AN); costs, not tariffs.',
    ),
    protocol: firstProtocolOf('continence'),
    sources: [
      cite('populationNeeds', 'dhPage', 'service definitions: “Continence services (adults and children)”'),
      cite('populationNeeds', 'pctUptake', 'services chosen by PCTs (continence 33)'),
      cite('scope', 'dhPage', 'service definitions: “Bladder and bowel, non-prescribable products, referral and self-referral”'),
      unconfirmed('outcomes', 'packGuidance', 'outcome measures', 'no continence outcome measure or KPI in the sources; set locally'),
      cite('serviceDescription', 'dhPage', 'service definitions (referral and self-referral; non-prescribable products)'),
      cite('serviceDescription', 'nationalCostCollection', 'currency codes (N14AF face to face, N14AN non face to face)'),
      ...standardsCitations(),
      cite('applicableStandards', 'dhPage', 'service definitions'),
      unconfirmed(
        'currency',
        'nationalCostCollection',
        'currency codes (NCC N14AF / N14AN)',
        'no AQP continence currency was found; per contact follows the NCC currencies',
      ),
      unconfirmed('complexityBands', 'nationalCostCollection', 'currency codes (N14AF / N14AN)', 'contact type as the price band'),
      minimumDataCitation(),
      unconfirmed(
        'kpis',
        'packGuidance',
        'key performance indicators',
        'no continence KPIs in the sources; the commissioner sets them locally',
      ),
      unconfirmed('tariff', 'localPrices', 'local price setting', 'any AQP continence price; benchmark: National Cost Collection 2023/24'),
      cite('protocol', 'dhPage', 'service definitions (adults and children; referral and self-referral)'),
    ],
  },
};

export const LEG_ULCER_V2: Revision = {
  changeNote:
    'Version 2: replaces the assumed 6-session episode with treatment until healed, paid per contact, and cites the DH definitions.',
  content: {
    specification: {
      populationNeeds:
        'Adults with venous leg ulcers and other wounds slow to heal, treated in the community. The July 2011 guidance listed “venous leg ulcer and wound healing” among the priority services; community wound dressing services and treatment rooms for minor injuries and wound treatment were later opened to AQP too.',
      scope:
        'In scope: adults with a leg ulcer or a wound that is slow to heal, referred by their GP or another clinician: assessment, dressings and treatment until healed. Out of scope: minor injuries and walk-in wound care that a treatment-room service provides; children.',
      outcomes:
        'Ulcers and wounds healed, with advice that lowers the chance of an ulcer coming back; healing times and recurrence are measured locally.',
      serviceDescription:
        'The pathway: (1) referral by the GP or another clinician; (2) assessment of the ulcer or wound and its cause; (3) dressings and treatment at regular clinic contacts; (4) review of healing at each contact; (5) discharge once healed, with advice on preventing recurrence.',
      applicableStandards: standards('Tissue viability activity recorded per contact.'),
    },
    currency: {
      unit: 'session',
      description:
        'Per face-to-face contact until the ulcer or wound heals, as the National Cost Collection counts tissue viability activity.',
    },
    complexityBands: [
      {
        code: 'STANDARD',
        description: 'A face-to-face wound care contact (National Cost Collection N25AF); no complexity bands in the sources.',
      },
    ],
    informationModel: [
      ...MINIMUM_DATA,
      { item: 'Wound type', description: 'Venous leg ulcer or other wound', required: true },
      { item: 'Healed date', description: 'When the ulcer or wound healed, if it did', required: false },
    ],
    kpis: [],
    tariff: localPrice(
      'Benchmark: the National Cost Collection 2023/24 unit cost of an adult face-to-face tissue viability contact (N25AF) is £121.34, a cost, not a tariff.',
    ),
    protocol: firstProtocolOf('leg-ulcer-and-wound-healing'),
    sources: [
      cite('populationNeeds', 'guidance', 'paragraph 3.1 (“Venous leg ulcer and wound healing”)'),
      cite('populationNeeds', 'msk2012', 'paragraph 1 (community wound dressing services)'),
      cite('populationNeeds', 'wikipedia', 'Development (Nottingham City treatment rooms for minor injuries and wound treatment)'),
      cite('scope', 'dhPage', 'service definitions: “Leg ulcer and wound healing”'),
      unconfirmed(
        'scope',
        'dhPage',
        'service definitions, 2011',
        'the definition gives no age; adults only follows the national list entry in this catalogue',
      ),
      unconfirmed(
        'outcomes',
        'packGuidance',
        'key performance indicators',
        'no wound healing outcome measure or KPI in the sources; set locally',
      ),
      unconfirmed(
        'serviceDescription',
        'dhPage',
        'service definitions',
        'the definition names the service only; the pathway steps are the usual ones, not a source',
      ),
      ...standardsCitations(),
      cite('applicableStandards', 'nationalCostCollection', 'currency codes (N25AF tissue viability)'),
      unconfirmed(
        'currency',
        'nationalCostCollection',
        'currency codes (NCC N25AF)',
        'no AQP wound care currency was found; per contact follows the NCC currency',
      ),
      unconfirmed('complexityBands', 'cherryPicking', 'patient selection', 'formal complexity bands inside the AQP packs'),
      minimumDataCitation(),
      unconfirmed(
        'kpis',
        'packGuidance',
        'key performance indicators',
        'no wound care KPIs in the sources; the commissioner sets them locally',
      ),
      unconfirmed(
        'tariff',
        'localPrices',
        'local price setting',
        'any AQP wound care price; benchmark: National Cost Collection 2023/24 (N25AF)',
      ),
      cite('protocol', 'dhPage', 'service definitions'),
    ],
  },
};

export const PODIATRY_V2: Revision = {
  changeNote:
    'Version 2: replaces the assumed 6-session episode with core podiatry and specialised orthotics from the DH definition, paid per contact by tier.',
  content: {
    specification: {
      populationNeeds:
        'Adults and children who need foot care, including people with diabetes whose feet are at risk, and people who need orthotics or specialised footwear. 59 PCTs chose podiatry, and it was among the services CCGs still opened to AQP in 2013/14.',
      scope:
        'In scope: core podiatry for adults and children, including diabetes; specialised orthotics and footwear provision, including biomechanics (national definition). Referral by the GP or another clinician, as urgent or routine. Out of scope: core nail surgery, which some areas commissioned as an AQP service of its own.',
      outcomes:
        'Routine referrals seen within 4 weeks and urgent ones within 2 weeks; feet kept healthy and mobile; people with an at-risk foot seen at the tier their risk needs.',
      serviceDescription:
        'The pathway: (1) referral as urgent or routine; (2) podiatry assessment, including foot risk for people with diabetes; (3) treatment at the tier needed: core podiatry (tier 1), minor surgery (tier 2) or the at-risk foot (tier 3); (4) biomechanical assessment with orthotics or specialised footwear supplied where needed; (5) review, then discharge with self-care advice or continued care while the risk lasts.',
      applicableStandards: standards('Urgent and routine referrals kept apart, each with its own waiting-time standard.'),
    },
    currency: {
      unit: 'session',
      description:
        'Per contact at the tier of care given, as the National Cost Collection counts podiatry; orthotics and footwear priced locally.',
    },
    complexityBands: [
      { code: 'TIER-1', description: 'Core podiatry (National Cost Collection A09A)' },
      { code: 'TIER-2', description: 'Podiatric minor surgery (National Cost Collection A09B)' },
      { code: 'TIER-3', description: 'The at-risk foot, such as in diabetes (National Cost Collection A09C)' },
    ],
    informationModel: [
      ...MINIMUM_DATA,
      { item: 'Priority', description: 'Urgent or routine, for the waiting-time KPIs', required: true },
      { item: 'Tier', description: 'The tier of each contact, which sets the price', required: true },
      { item: 'Orthotics or footwear supplied', description: 'What was supplied, and when', required: false },
    ],
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
    tariff: localPrice(
      'Benchmark: National Cost Collection 2023/24 unit costs of podiatry contacts are £75.11 (tier 1, A09A), £96.70 (tier 2, A09B) and £82.32 (tier 3, A09C); costs, not tariffs.',
    ),
    protocol: firstProtocolOf('podiatry'),
    sources: [
      cite(
        'populationNeeds',
        'dhPage',
        'service definitions: “Adult and children’s core podiatry (including diabetes); specialised orthotics and footwear provision including biomechanics”',
      ),
      cite('populationNeeds', 'pctUptake', 'services chosen by PCTs (podiatry 59)'),
      cite('populationNeeds', 'wikipedia', 'Development (services CCGs still opened in 2013/14)'),
      cite('scope', 'dhPage', 'service definitions (podiatry)'),
      cite('scope', 'wikipedia', 'services (core nail surgery listed separately)'),
      cite('outcomes', 'wirral', 'Podiatry (routine 4 weeks, urgent 2 weeks, Wirral)'),
      cite(
        'serviceDescription',
        'nationalCostCollection',
        'currency codes (A09A tier 1, A09B tier 2 minor surgery, A09C tier 3 at-risk foot)',
      ),
      cite('serviceDescription', 'dhPage', 'service definitions (orthotics and footwear, biomechanics)'),
      ...standardsCitations(),
      cite('applicableStandards', 'wirral', 'Podiatry'),
      unconfirmed(
        'currency',
        'nationalCostCollection',
        'currency codes (NCC A09A–A09C)',
        'no AQP podiatry currency was found; per contact by tier follows the NCC currencies',
      ),
      cite('complexityBands', 'nationalCostCollection', 'currency codes (podiatry tiers 1–3)'),
      minimumDataCitation(),
      cite('kpis', 'wirral', 'Podiatry (Wirral)', 'The 95% shares are an assumption'),
      unconfirmed(
        'tariff',
        'localPrices',
        'local price setting',
        'actual AQP tariffs for podiatry; benchmark: National Cost Collection 2023/24',
      ),
      cite('protocol', 'dhPage', 'service definitions (adults and children)'),
    ],
  },
};
