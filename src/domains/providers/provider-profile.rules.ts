/** What a provider's profile must say: its type and the register numbers that go with it (PRODUCT.md §3.3). */
import type { FieldError } from '../../lib/errors.ts';

export const PROVIDER_TYPES = ['nhs-trust', 'independent', 'voluntary'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

export const PROVIDER_TYPE_LABELS: Record<ProviderType, string> = {
  'nhs-trust': 'NHS trust',
  independent: 'Independent sector',
  voluntary: 'Voluntary or community sector',
};

export interface ProfileInput {
  name: string;
  providerType: string;
  companiesHouseNumber: string;
  charityNumber: string;
  website: string;
  phone: string;
  email: string;
  description: string;
}

export interface Profile {
  name: string;
  providerType: ProviderType;
  companiesHouseNumber: string | null;
  charityNumber: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  description: string;
}

const COMPANY_NUMBER = /^([0-9]{8}|[A-Z]{2}[0-9]{6})$/;
const CHARITY_NUMBER = /^(SC0[0-9]{5}|[0-9]{6,7}(-[0-9]{1,2})?)$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PHONE = /^\+?[0-9 ()-]{6,20}$/;

export function isProviderType(text: string): text is ProviderType {
  return (PROVIDER_TYPES as readonly string[]).includes(text);
}

const blankToNull = (text: string) => text.trim() || null;

/** The profile as it will be stored, with every field error at once; independents need a Companies House number, voluntary bodies a charity or company number. */
export function checkProfile(input: ProfileInput): { profile: Profile; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const profile = {
    name: input.name.trim(),
    providerType: input.providerType as ProviderType,
    companiesHouseNumber: blankToNull(input.companiesHouseNumber.replace(/\s/g, '').toUpperCase()),
    charityNumber: blankToNull(input.charityNumber.replace(/\s/g, '').toUpperCase()),
    website: blankToNull(input.website),
    phone: blankToNull(input.phone),
    email: blankToNull(input.email),
    description: input.description.trim(),
  };
  if (!profile.name) errors.push({ field: 'name', message: 'Enter the organisation’s name' });
  else if (profile.name.length > 200) errors.push({ field: 'name', message: 'The name must be 200 characters or fewer' });
  if (!isProviderType(input.providerType)) errors.push({ field: 'providerType', message: 'Select the type of provider' });
  if (profile.companiesHouseNumber && !COMPANY_NUMBER.test(profile.companiesHouseNumber))
    errors.push({ field: 'companiesHouseNumber', message: 'A Companies House number is 8 characters, like 01234567 or SC123456' });
  if (profile.charityNumber && !CHARITY_NUMBER.test(profile.charityNumber))
    errors.push({ field: 'charityNumber', message: 'A charity number is 6 or 7 digits, like 1123456, or SC0 and 5 digits in Scotland' });
  if (profile.providerType === 'independent' && !profile.companiesHouseNumber)
    errors.push({ field: 'companiesHouseNumber', message: 'Enter the Companies House number of an independent sector provider' });
  if (profile.providerType === 'voluntary' && !profile.companiesHouseNumber && !profile.charityNumber)
    errors.push({ field: 'charityNumber', message: 'Enter the charity number or the Companies House number' });
  if (profile.website && !/^https?:\/\/[^\s]+\.[^\s]+$/.test(profile.website))
    errors.push({ field: 'website', message: 'Enter the website address in full, like https://www.example.org.uk' });
  if (profile.phone && !PHONE.test(profile.phone)) errors.push({ field: 'phone', message: 'Enter a telephone number, like 01422 123456' });
  if (!profile.email) errors.push({ field: 'email', message: 'Enter a contact email address' });
  else if (!EMAIL.test(profile.email))
    errors.push({ field: 'email', message: 'Enter a contact email address in the correct format, like contact@example.org.uk' });
  if (profile.description.length > 4000)
    errors.push({ field: 'description', message: 'The description must be 4,000 characters or fewer' });
  return { profile, errors };
}
