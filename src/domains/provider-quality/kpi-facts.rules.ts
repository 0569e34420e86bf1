/** One referral's KPI facts from its stored rows (issue #15 item 2, decision 0052): received when sent, first seen at the first attended contact, finished when discharged, recovery from the scores on attended sessions, tests as attended contacts with their report dates. */
import type { KpiPriority, KpiReferralFacts } from './kpi.rules.ts';
import { recoveryOf } from './outcome.rules.ts';

export interface ReferralRow {
  id: string;
  providerId: string;
  priority: string;
  status: string;
  /** The day in England the referral was sent to the provider (received). */
  sentOn: string;
  dischargedOn: string | null;
  aidsFitted: number | null;
}

export interface ContactRow {
  referralId: string;
  /** The day in England of the appointment or session (its scheduled time, else when it was recorded). */
  on: string;
  attended: boolean;
  phq9: number | null;
  gad7: number | null;
  reportedOn: string | null;
}

/** Returned and cancelled referrals the provider never saw are not the provider's to count. */
const WITHDRAWN = new Set(['returned', 'cancelled']);

/** The referral's facts as the KPI rules read them, or null when it does not count for the provider at all. */
export function referralFacts(referral: ReferralRow, contacts: readonly ContactRow[]): KpiReferralFacts | null {
  const attended = contacts.filter((contact) => contact.attended).sort((a, b) => a.on.localeCompare(b.on));
  if (WITHDRAWN.has(referral.status) && attended.length === 0) return null;
  const scored = attended.flatMap((contact) =>
    contact.phq9 !== null && contact.gad7 !== null ? [{ on: contact.on, phq9: contact.phq9, gad7: contact.gad7 }] : [],
  );
  const caseness = recoveryOf(scored);
  const aids = referral.aidsFitted;
  return {
    referralId: referral.id,
    receivedOn: referral.sentOn,
    priority: referral.priority as KpiPriority,
    firstAttendedOn: attended[0]?.on ?? null,
    courseFinishedOn: referral.dischargedOn,
    dischargedOn: referral.dischargedOn,
    contacts: contacts.map((contact) => ({ on: contact.on, attended: contact.attended })),
    ...(caseness ? { caseness } : {}),
    ...(aids === 0 || aids === 1 || aids === 2 ? { aidsFitted: aids } : {}),
    tests: attended.map((contact) => ({ on: contact.on, reportedOn: contact.reportedOn })),
  };
}
