/** Reads the provider profile fields from a posted form. */
import type { ProfileInput } from '../../../domains/providers/provider-profile.rules.ts';
import { field } from '../form.ts';

export function profileInputOf(body: unknown): ProfileInput {
  return {
    name: field(body, 'name'),
    providerType: field(body, 'providerType'),
    companiesHouseNumber: field(body, 'companiesHouseNumber'),
    charityNumber: field(body, 'charityNumber'),
    website: field(body, 'website'),
    phone: field(body, 'phone'),
    email: field(body, 'email'),
    description: field(body, 'description'),
  };
}
