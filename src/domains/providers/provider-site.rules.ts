/** What a provider site must hold: a name, an address, a real postcode, how care is delivered and when it is open (PRODUCT.md §3.3). */
import type { FieldError } from '../../lib/errors.ts';
import { checkOpeningTimes, type OpeningHours, type OpeningTimesInput } from './opening-times.rules.ts';
import { PHONE } from './provider-profile.rules.ts';

export const DELIVERY_MODES = ['clinic', 'domiciliary', 'both'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const DELIVERY_MODE_LABELS: Record<DeliveryMode, string> = {
  clinic: 'At a clinic',
  domiciliary: 'In the patient’s home (domiciliary)',
  both: 'Both at a clinic and at home',
};

export interface SiteInput {
  name: string;
  siteCode: string;
  address: string;
  postcode: string;
  deliveryMode: string;
  accessibility: string;
  openingTimes: OpeningTimesInput[];
  phone: string;
}

export interface SiteDetails {
  name: string;
  siteCode: string | null;
  address: string;
  deliveryMode: DeliveryMode;
  accessibility: string;
  openingTimes: OpeningHours[];
  phone: string | null;
}

/** The site's details as stored, with every field error at once (the postcode is checked against the postcode table separately). */
export function checkSite(input: SiteInput): { details: SiteDetails; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const opening = checkOpeningTimes(input.openingTimes);
  const details = {
    name: input.name.trim(),
    siteCode: input.siteCode.trim().toUpperCase() || null,
    address: input.address.trim(),
    deliveryMode: input.deliveryMode as DeliveryMode,
    accessibility: input.accessibility.trim(),
    openingTimes: opening.hours,
    phone: input.phone.trim() || null,
  };
  if (!details.name) errors.push({ field: 'name', message: 'Enter the site’s name' });
  else if (details.name.length > 120) errors.push({ field: 'name', message: 'The site name must be 120 characters or fewer' });
  if (details.siteCode && !/^[A-Z0-9]{3,8}$/.test(details.siteCode))
    errors.push({ field: 'siteCode', message: 'An ODS site code is 3 to 8 letters and numbers' });
  if (!details.address) errors.push({ field: 'address', message: 'Enter the site’s address' });
  else if (details.address.length > 500) errors.push({ field: 'address', message: 'The address must be 500 characters or fewer' });
  if (!input.postcode.trim()) errors.push({ field: 'postcode', message: 'Enter the site’s postcode' });
  if (!(DELIVERY_MODES as readonly string[]).includes(input.deliveryMode))
    errors.push({ field: 'deliveryMode', message: 'Select where care is given' });
  if (details.accessibility.length > 2000)
    errors.push({ field: 'accessibility', message: 'Accessibility information must be 2,000 characters or fewer' });
  if (details.phone && !PHONE.test(details.phone)) errors.push({ field: 'phone', message: 'Enter a telephone number, like 01422 123456' });
  errors.push(...opening.errors);
  return { details, errors };
}
