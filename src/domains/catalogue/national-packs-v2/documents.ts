/** The original documents version 2 of the national packs cites, as a reader can look them up; `file` is only our internal note of where the team's copy or summary is kept. */

export interface SourceDocument {
  publisher: string;
  title: string;
  date?: string;
  url?: string;
  /** Where our copy or summary sits (never shown on pages). */
  file: string;
}

const BRIEF = 'shared/context/aqp-domain-brief.md';
const PAYMENTS = 'shared/context/payments-quality-standards-brief.md';

export const DOCUMENTS = {
  guidance: {
    publisher: 'Department of Health',
    title: 'Operational guidance to the NHS: extending patient choice of provider',
    date: 'July 2011',
    file: 'shared/context/seeds/001_4cb90161ece8a39a.txt',
  },
  dhPage: {
    publisher: 'Department of Health',
    title: '“Any Qualified Provider” (web page: service definitions, with replies to comments)',
    date: 'updated 12 October 2011',
    url: 'http://webarchive.nationalarchives.gov.uk/20130805112926/http:/healthandcare.dh.gov.uk/any-qualified-provider-2/',
    file: 'shared/context/seeds/002_30ddb81e45666f27.txt',
  },
  wikipedia: {
    publisher: 'Wikipedia',
    title: '“Any Qualified Provider”',
    url: 'https://en.wikipedia.org/wiki/Any_Qualified_Provider',
    file: 'shared/context/seeds/000_812d1d1dbb23a8fe.txt',
  },
  msk2012: {
    publisher: 'Evolved Clinic, Twickenham',
    title: '“Any Qualified Provider and the NHS Reforms” (news post)',
    date: '28 November 2012',
    file: 'shared/context/seeds/004_459aff6fd85cd9ad.txt',
  },
  hsjLaunch: {
    publisher: 'Health Service Journal',
    title: '“Government launches provider choice for community and mental health services”',
    date: 'July 2011',
    url: 'https://www.hsj.co.uk/government-launches-provider-choice-for-community-and-mental-health-services/5032759.article',
    file: `${BRIEF} §1`,
  },
  monitorExemption: {
    publisher: 'legislation.gov.uk',
    title: 'The National Health Service (Licence Exemptions, etc.) Regulations 2013, regulation 8',
    date: '2013',
    url: 'https://www.legislation.gov.uk/uksi/2013/2677/regulation/8/data.html',
    file: `${BRIEF} §1`,
  },
  pctUptake: {
    publisher: 'NHS for Sale? (nhsprivate.wordpress.com)',
    title: '“Any Qualified Provider” (executive summary: services chosen by PCTs)',
    url: 'https://nhsprivate.wordpress.com/executive-summary/any-qualified-provider/',
    file: `${BRIEF} §6`,
  },
  pulseNewEra: {
    publisher: 'Pulse',
    title: '“The new era of any qualified provider”',
    url: 'http://www.pulsetoday.co.uk/home/practical-commissioning/the-new-era-of-any-qualified-provider/20002209.article',
    file: `${BRIEF} §1, §6`,
  },
  iaptCommissioning: {
    publisher: 'Lacanian Works',
    title: '“Comments on the commissioning of IAPT”',
    date: 'December 2012',
    url: 'https://lacanianworks.net/2012/12/comments-on-the-commissioning-of-iapt/',
    file: `${BRIEF} §2, §6`,
  },
  localPrices: {
    publisher: 'Pulse',
    title: '“CCGs to set local prices”',
    url: 'https://www.pulsetoday.co.uk/news/uncategorised/ccgs-to-set-local-prices/',
    file: `${BRIEF} §2`,
  },
  hearingBenchmarks: {
    publisher: 'House of Commons Health Committee',
    title: 'Audiology services: written evidence (Specsavers Hearcare)',
    date: '2007',
    url: 'https://publications.parliament.uk/pa/cm200607/cmselect/cmhealth/392/392we47.htm',
    file: `${BRIEF} §2`,
  },
  cherryPicking: {
    publisher: 'Health Service Journal',
    title: '“DH publishes cherry-picking list and tariff details”',
    url: 'https://www.hsj.co.uk/finance-and-efficiency/dh-publishes-cherry-picking-list-and-tariff-details/5053127.article',
    file: `${BRIEF} §2`,
  },
  iaptPayment: {
    publisher: 'NHS England (GOV.UK)',
    title: 'Improving access to psychological therapies payment: an introduction',
    url: 'https://www.gov.uk/guidance/improving-access-to-psychological-therapies-payment-an-introduction',
    file: `${BRIEF} §2`,
  },
  providerSelection: {
    publisher: 'Mental Health Today',
    title: '“Report criticises government’s any qualified provider policy”',
    url: 'https://www.mentalhealthtoday.co.uk/report-criticises-governments-any-qualified-provider-policy',
    file: `${BRIEF} §2`,
  },
  packGuidance: {
    publisher: 'Health Service Journal',
    title: '“Guidance on producing an any qualified provider implementation pack”',
    url: 'https://hsj.co.uk/integrated-care/guidance-on-producing-an-any-qualified-provider-implementation-pack/5042737.article',
    file: `${BRIEF} §2`,
  },
  hearingPack: {
    publisher: 'Department of Health',
    title: 'Adult hearing services: AQP implementation pack',
    date: 'refreshed 20 December 2012',
    url: 'https://vdocuments.us/adult-hearing-aqp-implementation-pack.html',
    file: `${BRIEF} §2`,
  },
  mriPack: {
    publisher: 'Department of Health',
    title: 'Diagnostic tests: direct access magnetic resonance imaging services, AQP implementation pack',
    url: 'https://azrefs.org/diagnostic-tests-direct-access-magnetic-resonance-imaging-serv.html',
    file: `${BRIEF} §2`,
  },
  iaptOutcomes: {
    publisher: 'NHS commissioner (copy on docest.com)',
    title: 'Section B Part 1: outcome specifications (psychological therapies)',
    url: 'https://docest.com/doc/686763/section-b-part-1-outcome-specifications',
    file: `${BRIEF} §2`,
  },
  bournemouth: {
    publisher: 'AECC University College',
    title: 'Outcome measures in practice',
    url: 'http://aecc.ac.uk/student-life/research-at-aecc/current-studies/outcome-measures-in-practice/',
    file: `${BRIEF} §2`,
  },
  neEssex: {
    publisher: 'Department of Health',
    title: 'Back and neck pain services (NE Essex case study)',
    url: 'http://webarchive.nationalarchives.gov.uk/20130804125040/https:/healthandcare.dh.gov.uk/back-and-neck-pain-services/',
    file: `${BRIEF} §2`,
  },
  calderdale: {
    publisher: 'NHS Calderdale CCG',
    title: 'Any qualified provider (AQP): audiology providers',
    url: 'https://www.calderdaleccg.nhs.uk/any-qualified-provider-aqp-audiology-providers-1718161/',
    file: `${BRIEF} §2; ${PAYMENTS} §B1`,
  },
  nottinghamUltrasound: {
    publisher: 'NHS Nottingham City',
    title: 'Direct access non-obstetric ultrasound process',
    url: 'http://www.nottinghamcity.nhs.uk/portal-for-general-practice/pathways-and-referrals/881-direct-access-non-obstetric-ultrasound-process.html',
    file: `${BRIEF} §2`,
  },
  devonUltrasound: {
    publisher: 'Devon Formulary and Referral',
    title: 'AQP ultrasound (western locality)',
    url: 'https://southwest.devonformularyguidance.nhs.uk/referral-guidance/western-locality/diagnostics/aqp-ultrasound',
    file: `${BRIEF} §2`,
  },
  devonMri: {
    publisher: 'Devon Formulary and Referral',
    title: 'AQP MRI (eastern locality)',
    url: 'https://northeast.devonformularyguidance.nhs.uk/referral-guidance/eastern-locality/diagnostics/aqp-mri-eastern-locality',
    file: `${BRIEF} §2, §3`,
  },
  devonAudiology: {
    publisher: 'Devon Formulary and Referral',
    title: 'AQP audiology: referral guide for practice staff',
    url: 'https://northeast.devonformularyguidance.nhs.uk/referral-guidance/eastern-locality/ent-eastern-locality/aqp-audiology-referral-guide-for-practice-staff',
    file: `${BRIEF} §2, §3`,
  },
  wirral: {
    publisher: 'Wirral GP Commissioning Consortium (copy on docsbay.net)',
    title: 'Wirral GPCC: Wirral Alliance (podiatry waiting times)',
    url: 'https://docsbay.net/wirral-gpcc-wirral-alliance',
    file: `${BRIEF} §2`,
  },
  hearingProforma: {
    publisher: 'NHS commissioner (copy on azrefs.org)',
    title: 'Any Qualified Provider (AQP) for adult hearing services: referral proforma',
    url: 'http://azrefs.org/any-qualified-provider-aqp-for-adult-hearing-services-proforma.html',
    file: `${BRIEF} §3`,
  },
  cornwallMsk: {
    publisher: 'NHS Cornwall referral management',
    title: 'Primary care clinical referral criteria: AQP back pain',
    url: 'https://rms.cornwall.nhs.uk/primary_care_clinical_referral_criteria/spinal_neurosurgery/AQP_Back_Pain',
    file: `${BRIEF} §3`,
  },
  backActive: {
    publisher: 'Back Active',
    title: 'Information for GPs (Hampshire)',
    url: 'https://back-active.co.uk/referrers/information-for-gps-hampshire',
    file: `${BRIEF} §3`,
  },
  nationalCostCollection: {
    publisher: 'NHS England',
    title: 'National Cost Collection 2023/24: national schedule of unit costs',
    file: `${PAYMENTS} §A1`,
  },
  communityDataSet: {
    publisher: 'NHS England (NHS Digital)',
    title: 'Community Services Data Set',
    url: 'https://digital.nhs.uk/Community-Services-Data-Set',
    file: `${PAYMENTS} §A4`,
  },
  iaptWaits: {
    publisher: 'NHS Digital',
    title: 'Psychological therapies: reports on the use of IAPT services, June 2021 final: waiting times',
    url: 'https://digital.nhs.uk/data-and-information/publications/statistical/psychological-therapies-report-on-the-use-of-iapt-services/june-2021-final-including-reports-on-the-iapt-pilots-and-quarter-1-data-2021-22/waiting-times',
    file: `${PAYMENTS} §A4`,
  },
  talkingTherapiesStandards: {
    publisher: 'NHS England',
    title: 'NHS Talking Therapies: service standards',
    url: 'https://www.england.nhs.uk/mental-health/adults/nhs-talking-therapies/service-standards/',
    file: `${PAYMENTS} §B1`,
  },
  hearingFoi: {
    publisher: 'Bolton NHS Foundation Trust',
    title: 'Freedom of information reply 2018-288 (adult hearing AQP measures)',
    date: '2018',
    url: 'http://www.boltonft.nhs.uk/reference-2018-288/',
    file: `${PAYMENTS} §B1`,
  },
} as const satisfies Record<string, SourceDocument>;

export type Document = keyof typeof DOCUMENTS;
