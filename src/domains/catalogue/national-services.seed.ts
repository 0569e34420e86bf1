/** The national list of AQP services (shared/context/aqp-domain-brief.md §3, §6; PRODUCT.md §3.1). */

export type Phase = '2012-13-priority' | '2013-14-candidate' | 'wider-list';

export interface SeedService {
  code: string;
  name: string;
  category: string;
  phase: Phase;
  definition: string;
  nationalEligibility: string | null;
  sourceUrl: string | null;
  /** What patients call it, where they use other words than the catalogue (shown on public pages). */
  publicName?: string;
}

const DH_2011 = 'http://webarchive.nationalarchives.gov.uk/20130805112926/http:/healthandcare.dh.gov.uk/any-qualified-provider-2/';
const HSJ_2013 = 'https://www.hsj.co.uk/government-launches-provider-choice-for-community-and-mental-health-services/5032759.article';
const LIST_OF_39 = 'http://the-uncensored-wiki.com:20151/2015-wikipedia_en_all_2015-05/A/Any_Qualified_Provider.html';

const priority = (code: string, name: string, category: string, definition: string, nationalEligibility: string): SeedService => ({
  code,
  name,
  category,
  phase: '2012-13-priority',
  definition,
  nationalEligibility,
  sourceUrl: DH_2011,
});
const candidate = (code: string, name: string, category: string, definition: string, sourceUrl = HSJ_2013): SeedService => ({
  code,
  name,
  category,
  phase: '2013-14-candidate',
  definition,
  nationalEligibility: null,
  sourceUrl,
});
const wider = (code: string, name: string, category: string): SeedService => ({
  code,
  name,
  category,
  phase: 'wider-list',
  definition: `${name}, among the services commissioners opened to AQP from 2012.`,
  nationalEligibility: null,
  sourceUrl: LIST_OF_39,
});

/** What patients call a service where the catalogue uses commissioners' words (as the NHS website names them). */
const PUBLIC_NAMES: Readonly<Record<string, string>> = {
  'back-and-neck-pain': 'Back and neck pain',
  'psychological-therapies': 'Talking therapies',
  'non-obstetric-ultrasound': 'Ultrasound scans',
  mri: 'MRI scans',
  'camhs-psychological-therapies': 'Talking therapies for children and young people',
  'camhs-tier-2': 'Mental health support for children and young people',
  'anti-coagulation': 'Anticoagulation (blood-thinning medicine) clinics',
  ct: 'CT scans',
  dxa: 'Bone density scans',
  ecg: 'Heart traces (ECG)',
  'core-nail-surgery': 'Ingrown toenail surgery',
  'msk-carpal-tunnel': 'Carpal tunnel syndrome',
  'diabetes-education': 'Diabetes education courses',
  phlebotomy: 'Blood tests',
  'community-cardiac-diagnosis': 'Heart tests in the community',
};

const withPublicName = (service: SeedService): SeedService =>
  PUBLIC_NAMES[service.code] ? { ...service, publicName: PUBLIC_NAMES[service.code] } : service;

export const NATIONAL_SERVICES: readonly SeedService[] = (
  [
    priority(
      'back-and-neck-pain',
      'MSK back and neck pain',
      'Musculoskeletal',
      'Manual therapy for adults with back and neck pain.',
      'Adults 18 and over',
    ),
    priority(
      'adult-hearing',
      'Adult hearing',
      'Audiology',
      'Assessment, hearing aid fitting and aftercare for adults with age-acquired hearing loss.',
      'Adults 55 and over with age-acquired hearing loss; GP referral only',
    ),
    priority(
      'continence',
      'Continence',
      'Community nursing',
      'Assessment and treatment of bladder and bowel continence problems.',
      'Adults and children; referral and self-referral',
    ),
    priority(
      'non-obstetric-ultrasound',
      'Non-obstetric ultrasound',
      'Diagnostics',
      'Direct access non-obstetric ultrasound scans requested by GPs.',
      'Direct access from GPs',
    ),
    priority('mri', 'MRI', 'Diagnostics', 'Direct access magnetic resonance imaging requested by GPs.', 'Direct access from GPs'),
    priority(
      'wheelchair-services',
      'Wheelchair services',
      'Equipment',
      'Assessment, provision and maintenance of wheelchairs.',
      'Adults and children',
    ),
    priority(
      'leg-ulcer-and-wound-healing',
      'Leg ulcer and wound healing',
      'Community nursing',
      'Assessment and treatment of leg ulcers and slow-healing wounds.',
      'Adults',
    ),
    priority(
      'psychological-therapies',
      'Primary care psychological therapies',
      'Mental health',
      'Talking therapies in primary care, including IAPT.',
      'People 16 and over; referral and self-referral',
    ),
    priority('podiatry', 'Podiatry', 'Podiatry', 'Foot care and treatment, including specialised orthotics.', 'Adults and children'),
    candidate(
      'antenatal-education-and-breastfeeding',
      'Antenatal education and breastfeeding support',
      'Maternity',
      'Antenatal education classes and breastfeeding support.',
    ),
    candidate(
      'speech-and-language-therapy',
      'Speech and language therapy',
      'Therapies',
      'Speech, language, communication and swallowing therapy.',
      'https://www.gponline.com/general-practice-escapes-qualified-provider-policy/article/1080740',
    ),
    candidate(
      'long-term-conditions-self-management',
      'Long-term conditions self-management',
      'Long-term conditions',
      'Education and support for people managing long-term conditions.',
    ),
    candidate('community-chemotherapy', 'Community chemotherapy', 'Cancer', 'Chemotherapy given at home or in the community.'),
    candidate(
      'camhs-psychological-therapies',
      'CAMHS psychological therapies',
      'Children and young people',
      'Psychological therapies for children and young people.',
    ),
    candidate('adult-wheelchairs', 'Adult wheelchairs', 'Equipment', 'Wheelchair services for adults.'),
    wider('adhd-and-autism', 'ADHD and autism assessment', 'Mental health'),
    wider('anti-coagulation', 'Anti-coagulation', 'Long-term conditions'),
    wider('camhs-tier-2', 'CAMHS tier 2', 'Children and young people'),
    wider('community-cardiac-diagnosis', 'Community cardiac diagnosis', 'Diagnostics'),
    wider('community-fracture-clinic', 'Community fracture clinic', 'Musculoskeletal'),
    wider('continuing-care', 'Continuing care', 'Community nursing'),
    wider('core-nail-surgery', 'Core nail surgery', 'Podiatry'),
    wider('ct', 'CT', 'Diagnostics'),
    wider('dermatology', 'Dermatology', 'Dermatology'),
    wider('diabetes-education', 'Diabetes education (including DESMOND)', 'Long-term conditions'),
    wider('dxa', 'DXA bone density scanning', 'Diagnostics'),
    wider('ecg', 'ECG', 'Diagnostics'),
    wider('endoscopy', 'Endoscopy', 'Diagnostics'),
    wider('glaucoma', 'Glaucoma', 'Eye care'),
    wider('lymphoedema', 'Lymphoedema', 'Community nursing'),
    wider('mental-health-spot-placements', 'Mental health spot placements', 'Mental health'),
    wider('minor-oral-surgery', 'Minor oral surgery', 'Dental'),
    wider('msk-carpal-tunnel', 'MSK carpal tunnel management', 'Musculoskeletal'),
    wider('phlebotomy', 'Phlebotomy', 'Community services'),
    wider('treatment-rooms', 'Treatment rooms', 'Community services'),
    wider('neuro-rehabilitation', 'Neuro-rehabilitation', 'Therapies'),
  ] as SeedService[]
).map(withPublicName);
