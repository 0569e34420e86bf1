/** A provider as an ORUK organization: ODS code, Companies House and charity numbers as identifiers; links only when they are real web addresses. */
import { organizationUuid, partUuid } from './oruk-ids.rules.ts';
import type { OrukProvider } from './open-referral.repo.ts';

export interface OrukOrganizationIdentifier {
  id: string;
  organization_id: string;
  identifier_scheme: string;
  identifier_type: string;
  identifier: string;
}

export interface OrukOrganization {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
  uri: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A web address as typed by a provider ("www.example.org" or "https://…") as an absolute http(s) URI, or nothing when it is not one. */
export function webAddress(text: string | null): string | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  try {
    const url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
    return url.hostname.includes('.') ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An email address only when it looks like one (a feed must not publish a value its schema refuses). */
export function emailAddress(text: string | null): string | undefined {
  const value = text?.trim();
  return value && EMAIL.test(value) ? value : undefined;
}

/** The public provider page of this AQP, by ODS code (or our id when there is none). */
export function providerPageUrl(provider: { id: string; odsCode: string | null }, baseUrl: string): string {
  return `${baseUrl}/directory/providers/${encodeURIComponent(provider.odsCode ?? provider.id)}`;
}

/** The one-to-one fields of an organization, as lists and nested services carry them. */
export function organizationOf(provider: OrukProvider, baseUrl: string): OrukOrganization {
  const email = emailAddress(provider.email);
  const website = webAddress(provider.website);
  return {
    id: organizationUuid(provider),
    name: provider.name,
    description: provider.description.trim() || `${provider.name} is qualified to provide NHS services through Any Qualified Provider.`,
    ...(email ? { email } : {}),
    ...(website ? { website } : {}),
    uri: providerPageUrl(provider, baseUrl),
  };
}

/** The provider's identifiers: ODS code, Companies House number (GB-COH) and charity number (GB-CHC), those it has. */
export function organizationIdentifiersOf(provider: OrukProvider): OrukOrganizationIdentifier[] {
  const organizationId = organizationUuid(provider);
  const identifiers: [string, string, string | null][] = [
    ['ODS', 'ODS organisation code', provider.odsCode],
    ['GB-COH', 'Company number', provider.companiesHouseNumber],
    ['GB-CHC', 'Charity number', provider.charityNumber],
  ];
  return identifiers
    .filter((entry): entry is [string, string, string] => Boolean(entry[2]?.trim()))
    .map(([scheme, type, identifier]) => ({
      id: partUuid(organizationId, `identifier:${scheme}`),
      organization_id: organizationId,
      identifier_scheme: scheme,
      identifier_type: type,
      identifier: identifier.trim(),
    }));
}
