/** Reads the site form (details and a row of times per weekday) and turns a stored site back into form values. */
import { openingTimeField, WEEKDAY_LABELS, WEEKDAYS } from '../../../domains/providers/opening-times.rules.ts';
import type { ProviderSite } from '../../../domains/providers/provider-site.repo.ts';
import { DELIVERY_MODE_LABELS, DELIVERY_MODES, type SiteInput } from '../../../domains/providers/provider-site.rules.ts';
import { field } from '../form.ts';

/** The site as typed. */
export function siteInputOf(body: unknown): SiteInput {
  return {
    name: field(body, 'name'),
    siteCode: field(body, 'siteCode'),
    address: field(body, 'address'),
    postcode: field(body, 'postcode'),
    deliveryMode: field(body, 'deliveryMode'),
    accessibility: field(body, 'accessibility'),
    phone: field(body, 'phone'),
    openingTimes: WEEKDAYS.map((day) => ({
      day,
      opens: field(body, openingTimeField(day, 'opens')),
      closes: field(body, openingTimeField(day, 'closes')),
    })),
  };
}

/** A stored site as the form's values. */
export function siteInputFrom(site: ProviderSite): SiteInput {
  return {
    name: site.name,
    siteCode: site.siteCode ?? '',
    address: site.address,
    postcode: site.postcode,
    deliveryMode: site.deliveryMode,
    accessibility: site.accessibility,
    phone: site.phone ?? '',
    openingTimes: WEEKDAYS.map((day) => {
      const hours = site.openingTimes.find((entry) => entry.day === day);
      return { day, opens: hours?.opens ?? '', closes: hours?.closes ?? '' };
    }),
  };
}

/** The view-model for the form: values, the weekday rows with their field names, and the delivery mode radios. */
export function siteFormModel(input: SiteInput) {
  return {
    values: input,
    days: input.openingTimes.map((entry) => ({
      ...entry,
      label: WEEKDAY_LABELS[entry.day as keyof typeof WEEKDAY_LABELS],
      opensField: openingTimeField(entry.day, 'opens'),
      closesField: openingTimeField(entry.day, 'closes'),
    })),
    deliveryModes: DELIVERY_MODES.map((value) => ({ value, text: DELIVERY_MODE_LABELS[value] })),
  };
}

/** "Mon 09:00–17:00, Sat closed" style summary of a week. */
export function openingSummary(site: Pick<ProviderSite, 'openingTimes'>): string {
  if (!site.openingTimes.length) return 'Not given';
  return WEEKDAYS.map((day) => {
    const hours = site.openingTimes.find((entry) => entry.day === day);
    return `${WEEKDAY_LABELS[day]} ${hours ? `${hours.opens} to ${hours.closes}` : 'closed'}`;
  }).join('; ');
}
