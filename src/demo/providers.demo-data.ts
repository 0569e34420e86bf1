/** The demo providers of West Yorkshire: who they are, which services they deliver and where (real postcodes, Code-Point Open coordinates). */
import type { OpeningHours } from '../domains/providers/opening-times.rules.ts';
import type { DeliveryMode } from '../domains/providers/provider-site.rules.ts';

export interface DemoSite {
  name: string;
  address: string;
  postcode: string;
  latitude: number;
  longitude: number;
  deliveryMode: DeliveryMode;
  accessibility: string;
  services: string[];
}

export interface DemoProvider {
  odsCode: string;
  name: string;
  providerType: 'nhs-trust' | 'independent' | 'voluntary';
  companiesHouseNumber?: string;
  charityNumber?: string;
  description: string;
  adminEmail: string;
  monitor: 'licence' | 'exemption';
  sites: DemoSite[];
}

/** The provider whose indemnity insurance expires within 20 days of seeding, for the compliance demo. */
export const DEMO_EXPIRING_INSURANCE_ODS = 'DEMO4';
/** Days from seeding until that provider's insurance expires. */
export const DEMO_EXPIRING_INSURANCE_DAYS = 14;

export const DEMO_OPENING_HOURS: OpeningHours[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => ({
  day: day as OpeningHours['day'],
  opens: '09:00',
  closes: '17:00',
}));

const STEP_FREE = 'Step-free access, accessible toilet, hearing loop at reception';
const site = (
  name: string,
  address: string,
  postcode: string,
  latitude: number,
  longitude: number,
  services: string[],
  deliveryMode: DeliveryMode = 'clinic',
): DemoSite => ({ name, address, postcode, latitude, longitude, services, deliveryMode, accessibility: STEP_FREE });

const HEARING = ['adult-hearing'];
const BACK = ['back-and-neck-pain'];
const TALKING = ['psychological-therapies'];

/** DEMO1 and DEMO2 are the identity seed's providers (their site names and places match it); DEMO3 to DEMO8 are invented here. */
export const DEMO_PROVIDERS: DemoProvider[] = [
  {
    odsCode: 'DEMO1',
    name: 'Pennine Hearing Care (demo)',
    providerType: 'independent',
    companiesHouseNumber: '07654321',
    description: 'Adult hearing assessments, hearing aids and aftercare.',
    adminEmail: 'provider.admin@aqp.example',
    monitor: 'licence',
    sites: [
      site('Halifax hearing clinic', '12 Commercial Street, Halifax', 'HX1 1UJ', 53.72436, -1.8607, HEARING, 'both'),
      site('Huddersfield hearing clinic', '3 Trinity Street, Huddersfield', 'HD3 3EA', 53.65547, -1.81634, HEARING),
      site('Wakefield hearing clinic', '40 Northgate, Wakefield', 'WF1 4DG', 53.69242, -1.48856, HEARING),
    ],
  },
  {
    odsCode: 'DEMO2',
    name: 'Calder Valley Physiotherapy (demo)',
    providerType: 'independent',
    companiesHouseNumber: '06543210',
    description: 'Manual therapy for back and neck pain.',
    adminEmail: 'admin@demo2.aqp.example',
    monitor: 'exemption',
    sites: [
      site('Todmorden physiotherapy clinic', '5 Halifax Road, Todmorden', 'OL14 5RN', 53.71365, -2.09216, BACK),
      site('Holmfirth physiotherapy clinic', '8 Huddersfield Road, Holmfirth', 'HD9 3TP', 53.57711, -1.78428, BACK),
      site('Pontefract physiotherapy clinic', '21 Ropergate, Pontefract', 'WF8 1PL', 53.69048, -1.30815, BACK),
    ],
  },
  {
    odsCode: 'DEMO3',
    name: 'Kirklees Hearing Centre (demo)',
    providerType: 'independent',
    companiesHouseNumber: '08123456',
    description: 'Audiology for adults in north Kirklees.',
    adminEmail: 'admin@demo3.aqp.example',
    monitor: 'licence',
    sites: [
      site('Dewsbury hearing centre', '2 Daisy Hill, Dewsbury', 'WF13 1AA', 53.69201, -1.62831, HEARING),
      site('Batley hearing centre', '9 Commercial Street, Batley', 'WF17 5AA', 53.71371, -1.63349, HEARING),
    ],
  },
  {
    odsCode: DEMO_EXPIRING_INSURANCE_ODS,
    name: 'Wakefield Spine and Back Clinic (demo)',
    providerType: 'independent',
    companiesHouseNumber: '09234567',
    description: 'Physiotherapy and osteopathy for back and neck pain.',
    adminEmail: 'admin@demo4.aqp.example',
    monitor: 'licence',
    sites: [
      site('Wakefield back clinic', '1 Wood Street, Wakefield', 'WF1 1AA', 53.67947, -1.50093, BACK),
      site('Castleford back clinic', '4 Carlton Street, Castleford', 'WF10 1AD', 53.72597, -1.35062, BACK),
    ],
  },
  {
    odsCode: 'DEMO5',
    name: 'Spen Valley Physiotherapy (demo)',
    providerType: 'independent',
    companiesHouseNumber: '10345678',
    description: 'Community physiotherapy in Kirklees, at clinics and at home.',
    adminEmail: 'admin@demo5.aqp.example',
    monitor: 'exemption',
    sites: [
      site('Liversedge physiotherapy clinic', '7 Bradford Road, Liversedge', 'WF15 6AA', 53.71378, -1.6811, BACK, 'both'),
      site('Mirfield physiotherapy clinic', '11 Huddersfield Road, Mirfield', 'WF14 8AA', 53.67385, -1.69242, BACK),
    ],
  },
  {
    odsCode: 'DEMO6',
    name: 'Calderdale Talking Therapies (demo)',
    providerType: 'voluntary',
    charityNumber: '1145678',
    description: 'Talking therapies for adults, including self-referral.',
    adminEmail: 'admin@demo6.aqp.example',
    monitor: 'exemption',
    sites: [
      site('Halifax talking therapies', '6 Harrison Road, Halifax', 'HX1 2AA', 53.72086, -1.86209, TALKING),
      site('Sowerby Bridge talking therapies', '3 Wharf Street, Sowerby Bridge', 'HX6 1AA', 53.70692, -1.91626, TALKING),
    ],
  },
  {
    odsCode: 'DEMO7',
    name: 'Kirklees Mind Matters (demo)',
    providerType: 'voluntary',
    charityNumber: '1156789',
    companiesHouseNumber: '11456789',
    description: 'Psychological therapies across Kirklees.',
    adminEmail: 'admin@demo7.aqp.example',
    monitor: 'exemption',
    sites: [
      site('Huddersfield wellbeing centre', '14 Westgate, Huddersfield', 'HD1 5AA', 53.64954, -1.78314, TALKING),
      site('Dewsbury wellbeing centre', '19 Wellington Road, Dewsbury', 'WF12 8AB', 53.68845, -1.63058, TALKING),
    ],
  },
  {
    odsCode: 'DEMO8',
    name: 'Wakefield Community Health (demo)',
    providerType: 'nhs-trust',
    description: 'Community audiology and talking therapies in the Wakefield district.',
    adminEmail: 'admin@demo8.aqp.example',
    monitor: 'licence',
    sites: [
      site('Wakefield wellbeing hub', '30 Dewsbury Road, Wakefield', 'WF2 9AA', 53.68822, -1.52938, TALKING),
      site('Hemsworth wellbeing centre', '2 Market Street, Hemsworth', 'WF9 4AB', 53.61558, -1.3536, TALKING),
      site('Normanton audiology clinic', '5 High Street, Normanton', 'WF6 1AB', 53.69922, -1.41685, HEARING),
    ],
  },
  {
    odsCode: 'DEMO9',
    name: 'Brighouse and Elland Physiotherapy (demo)',
    providerType: 'independent',
    companiesHouseNumber: '12567890',
    description: 'Manual therapy for back and neck pain in east Calderdale.',
    adminEmail: 'admin@demo9.aqp.example',
    monitor: 'exemption',
    sites: [
      site('Elland physiotherapy clinic', '2 Southgate, Elland', 'HX5 0AA', 53.6849, -1.83664, BACK),
      site('Hipperholme physiotherapy clinic', '10 Denholme Gate Road, Hipperholme', 'HX3 8AA', 53.72551, -1.81032, BACK),
    ],
  },
];

export interface DemoProviderService {
  odsCode: string;
  providerName: string;
  serviceCode: string;
  siteNames: string[];
}

/** Which demo provider delivers which national service at which of its sites, for seeding applications and listings. */
export const DEMO_PROVIDER_SERVICES: DemoProviderService[] = DEMO_PROVIDERS.flatMap((provider) => {
  const codes = [...new Set(provider.sites.flatMap((demoSite) => demoSite.services))];
  return codes.map((serviceCode) => ({
    odsCode: provider.odsCode,
    providerName: provider.name,
    serviceCode,
    siteNames: provider.sites.filter((demoSite) => demoSite.services.includes(serviceCode)).map((demoSite) => demoSite.name),
  }));
});
