/** What is known of a provider in plain words, for choice lists and the public directory: wait, quality and where care is given, and what is not measured yet. */
import { isRegistrationBody, REGISTRATION_BODY_LABELS } from '../../domains/providers/evidence-kinds.rules.ts';
import type { ProviderQuality } from '../../domains/referrals/choice-list.repo.ts';
import { type IndicativeWait, MIN_REFERRALS_FOR_WAIT, WAIT_WINDOW_DAYS } from '../../domains/referrals/choice-list.rules.ts';
import { formatDate } from './format.ts';

const CQC_WORDS: Record<string, string> = { registered: 'Registered with the Care Quality Commission', 'registration-cancelled': 'CQC registration cancelled', suspended: 'CQC registration suspended' };
const DELIVERY_WORDS: Record<string, string> = { clinic: 'At the clinic', domiciliary: 'At home (home visits)', both: 'At the clinic or at home' };

/** Where care is given, as a patient would say it. */
export function deliveryInWords(deliveryMode: string): string {
  return DELIVERY_WORDS[deliveryMode] ?? deliveryMode;
}

/** A straight-line distance in miles, then kilometres. */
export function distanceInWords(km: number, miles: number): string {
  return `${miles.toFixed(1)} miles (${km.toFixed(1)} km)`;
}

/** The indicative wait, or how many more accepted referrals are needed before one is shown. */
export function waitInWords(wait: IndicativeWait): string {
  return wait.workingDays === null
    ? `Not enough referrals yet to show a wait (${wait.basedOn} accepted in the last ${WAIT_WINDOW_DAYS} days; ${MIN_REFERRALS_FOR_WAIT} needed)`
    : `About ${wait.workingDays} working day${wait.workingDays === 1 ? '' : 's'} to accept a referral (median of ${wait.basedOn} in the last ${WAIT_WINDOW_DAYS} days)`;
}

/** The CQC status, or where CQC registration does not apply the regulator the provider is registered with instead (decision 0027). */
function registrationInWords(quality: ProviderQuality): string {
  if (quality.cqcStatus) return CQC_WORDS[quality.cqcStatus] ?? quality.cqcStatus;
  const body = quality.registeredWith;
  if (body) return `CQC registration does not apply; registered with the ${isRegistrationBody(body) ? REGISTRATION_BODY_LABELS[body] : body}`;
  return 'No CQC registration recorded';
}

/** CQC status, assurance and how long the provider has been qualified, one sentence each. */
export function qualityInWords(quality: ProviderQuality & { contractStart: string | null }): string[] {
  return [
    registrationInWords(quality),
    quality.assuranceVerified ? 'Assurance checked and in date (insurance, governance, safeguarding)' : 'Assurance not fully checked or in date',
    quality.contractStart ? `AQP provider for this service since ${formatDate(quality.contractStart)}` : 'AQP contract start not recorded',
  ];
}
