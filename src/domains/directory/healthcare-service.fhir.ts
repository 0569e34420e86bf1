/** A live listing at a site as a FHIR R4 HealthcareService in the shape of UK Core: who provides it, where, what, for whom and for which areas. */
import type { CodeableConcept, HealthcareService } from '@medplum/fhirtypes';
import { IDENTIFIER_SYSTEMS, UK_CORE_PROFILES } from '../../lib/uk-core.rules.ts';
import type { ListedSiteRecord } from './listed-site.repo.ts';

/** The national service catalogue's codes (and commissioners' local services), as HealthcareService.type. */
export const SERVICE_CATALOGUE_SYSTEM = 'https://aqp.invalid/fhir/CodeSystem/service-catalogue';
const REFERRAL_METHOD_SYSTEM = 'http://terminology.hl7.org/CodeSystem/service-referral-method';

/** What the listing offers besides its record: the offer's eligibility in words, who may refer, and the commissioners it covers. */
export interface ListedSiteTerms {
  eligibility: string | null;
  selfReferral: boolean;
  commissioners: { odsCode: string | null; name: string }[];
}

/** The HealthcareService id: the listing's and the site's ids as 64 hex digits (FHIR ids are at most 64 characters). */
export function healthcareServiceIdOf(listingId: string, siteId: string): string {
  return `${listingId}${siteId}`.replaceAll('-', '').toLowerCase();
}

/** The listing and site ids a HealthcareService id stands for, or undefined when it is not one. */
export function listedSiteIdsOf(id: string): { listingId: string; siteId: string } | undefined {
  if (!/^[0-9a-f]{64}$/.test(id)) return undefined;
  const uuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { listingId: uuid(id.slice(0, 32)), siteId: uuid(id.slice(32)) };
}

function referralMethods(selfReferral: boolean): CodeableConcept[] {
  const electronic = { coding: [{ system: REFERRAL_METHOD_SYSTEM, code: 'elec', display: 'Secure Messaging' }], text: 'Electronic referral' };
  return selfReferral ? [electronic, { text: 'Self-referral' }] : [electronic];
}

/** The HealthcareService; each one names its provider and type, so each conforms to UKCore-HealthcareService. */
export function healthcareServiceResourceOf(listed: ListedSiteRecord, terms: ListedSiteTerms): HealthcareService {
  return {
    resourceType: 'HealthcareService',
    id: healthcareServiceIdOf(listed.listingId, listed.site.id),
    meta: { profile: [UK_CORE_PROFILES.HealthcareService] },
    active: true,
    providedBy: { reference: `Organization/${listed.provider.id}`, display: listed.provider.name },
    type: [
      {
        coding: [{ system: SERVICE_CATALOGUE_SYSTEM, code: listed.service.code, display: listed.service.name }],
        text: listed.service.publicName,
      },
    ],
    location: [{ reference: `Location/${listed.site.id}`, display: listed.site.name }],
    name: `${listed.service.publicName}: ${listed.provider.name}, ${listed.site.name}`,
    ...(listed.site.phone ? { telecom: [{ system: 'phone', value: listed.site.phone, use: 'work' }] } : {}),
    coverageArea: terms.commissioners.map((commissioner) => ({
      ...(commissioner.odsCode ? { identifier: { system: IDENTIFIER_SYSTEMS.odsOrganisationCode, value: commissioner.odsCode } } : {}),
      display: `The area of ${commissioner.name}`,
    })),
    ...(terms.eligibility ? { eligibility: [{ code: { text: 'Referral protocol' }, comment: terms.eligibility }] } : {}),
    program: [{ text: 'Any Qualified Provider' }],
    referralMethod: referralMethods(terms.selfReferral),
    appointmentRequired: true,
  };
}
