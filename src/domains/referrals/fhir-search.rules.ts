/** FHIR search parameter values as our searches take them: tokens (`system|code`), references (`Type/id`) and organisations by id or ODS code. */
import { IDENTIFIER_SYSTEMS } from '../../lib/uk-core.rules.ts';
import type { OrganisationCriterion } from './referral-fhir.repo.ts';
import type { ReferralStatus } from './referral-status.rules.ts';
import { referralStatusesFor } from './service-request.fhir.ts';

/** A token's code when its system is the one we index (or it names none); null when it names another system, which matches nothing. */
export function tokenCode(value: string, system: string): string | null {
  const bar = value.indexOf('|');
  if (bar < 0) return value.trim();
  return value.slice(0, bar) === system || value.slice(0, bar) === '' ? value.slice(bar + 1).trim() : null;
}

/** The id a reference parameter names: `Type/id` or a bare id; null when it names another resource type. */
export function referenceId(value: string, type: string): string | null {
  const slash = value.lastIndexOf('/');
  if (slash < 0) return value.trim();
  return value.slice(0, slash).endsWith(type) ? value.slice(slash + 1).trim() : null;
}

/** An organisation named by reference (`Organization/<id>`) or by ODS token (`https://fhir.nhs.uk/Id/ods-organization-code|B86041`). */
export function organisationCriterion(value: string): OrganisationCriterion {
  if (value.includes('|')) return { odsCode: (tokenCode(value, IDENTIFIER_SYSTEMS.odsOrganisationCode) ?? '\u0000').toUpperCase() };
  return { id: referenceId(value, 'Organization') ?? '' };
}

/** The referral states a `status` parameter (comma-separated ServiceRequest statuses) asks for. */
export function statusesOf(value: string): ReferralStatus[] {
  return value.split(',').flatMap((status) => referralStatusesFor(status.trim()));
}
