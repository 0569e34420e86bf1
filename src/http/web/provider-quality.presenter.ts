/** What is known of a provider in plain words, for choice lists and the public directory: wait, registration and checks, and where care is given (measured quality: measured-quality.presenter.ts). */
import { isRegistrationBody, REGISTRATION_BODY_LABELS } from '../../domains/providers/evidence-kinds.rules.ts';
import type { ProviderQuality } from '../../domains/provider-quality/provider-quality.repo.ts';
import { type IndicativeWait, MIN_REFERRALS_FOR_WAIT, WAIT_WINDOW_DAYS } from '../../domains/provider-quality/waits.rules.ts';
import { formatDate } from './format.ts';

const CQC_WORDS: Record<string, string> = {
  registered: 'Registered with the Care Quality Commission',
  'registration-cancelled': 'CQC registration cancelled',
  suspended: 'CQC registration suspended',
};
const DELIVERY_WORDS: Record<string, string> = {
  clinic: 'At the clinic',
  domiciliary: 'At home (home visits)',
  both: 'At the clinic or at home',
};

/** Where care is given, as a patient would say it. */
export function deliveryInWords(deliveryMode: string): string {
  return DELIVERY_WORDS[deliveryMode] ?? deliveryMode;
}

/** A straight-line distance in miles, then kilometres. */
export function distanceInWords(km: number, miles: number): string {
  return `${miles.toFixed(1)} miles (${km.toFixed(1)} km)`;
}

const workingDays = (days: number) => `${days} working day${days === 1 ? '' : 's'}`;

/** The wait to be seen, as patients mean it: from the referral being sent to the first appointment (issue #12). */
export function waitInWords(wait: IndicativeWait): string {
  return wait.workingDays === null
    ? 'Not enough patients seen yet to give a wait'
    : `About ${workingDays(wait.workingDays)} from referral to first appointment`;
}

/** How quickly the provider accepts referrals, for GPs and commissioners, with what the figure rests on. */
export function acceptanceInWords(wait: IndicativeWait): string {
  return wait.workingDays === null
    ? `Time to accept not shown yet (${wait.basedOn} referrals accepted in the last ${WAIT_WINDOW_DAYS} days; ${MIN_REFERRALS_FOR_WAIT} needed)`
    : `Accepts referrals in about ${workingDays(wait.workingDays)} (median of ${wait.basedOn} in the last ${WAIT_WINDOW_DAYS} days)`;
}

/** What a wait means, said once on every page that shows one. */
export const ABOUT_THE_WAIT = `The wait is the middle (median) number of working days from a referral being sent to the patient’s first appointment, over patients first seen in the last ${WAIT_WINDOW_DAYS} days. It is shown once ${MIN_REFERRALS_FOR_WAIT} patients have been seen.`;

/** The CQC status, or where CQC registration does not apply the regulator the provider is registered with instead (decision 0027). */
function registrationInWords(quality: ProviderQuality): string {
  if (quality.cqcStatus) return CQC_WORDS[quality.cqcStatus] ?? quality.cqcStatus;
  const body = quality.registeredWith;
  if (body)
    return `CQC registration does not apply; registered with the ${isRegistrationBody(body) ? REGISTRATION_BODY_LABELS[body] : body}`;
  return 'No CQC registration recorded';
}

/** CQC status, assurance and how long the provider has been qualified, one sentence each. */
export function qualityInWords(quality: ProviderQuality & { contractStart: string | null }): string[] {
  return [
    registrationInWords(quality),
    quality.assuranceVerified
      ? 'Assurance checked and in date (insurance, governance, safeguarding)'
      : 'Assurance not fully checked or in date',
    quality.contractStart ? `AQP provider for this service since ${formatDate(quality.contractStart)}` : 'AQP contract start not recorded',
  ];
}
