/** A referral's states (PRODUCT.md §3.5, after e-Referral's vocabulary) as people read them, and what happens next in each. */

export const REFERRAL_STATUSES = ['awaiting-choice', 'sent', 'accepted', 'returned', 'discharged', 'episode-closed', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  'awaiting-choice': 'Waiting for the patient to choose a provider',
  sent: 'Sent to the provider',
  accepted: 'Accepted by the provider',
  returned: 'Returned to the referrer',
  discharged: 'Discharged',
  'episode-closed': 'Episode closed',
  cancelled: 'Cancelled',
};

/** What the patient should expect next, in plain words for the status page. */
export function whatHappensNext(
  status: ReferralStatus,
  facts: { providerName?: string | null; acceptBy?: string | null; selfReferred?: boolean },
): string {
  switch (status) {
    case 'awaiting-choice':
      return 'Choose a provider from the list below. Your referral is sent to them as soon as you choose.';
    case 'sent':
      return `${facts.providerName ?? 'The provider'} will contact you to arrange your first appointment. They should accept your referral by ${facts.acceptBy ?? 'the date shown'}. If you have not heard from them by then, contact them or your GP practice.`;
    case 'accepted':
      return `${facts.providerName ?? 'The provider'} has accepted your referral and will contact you about appointments.`;
    case 'returned':
      if (facts.selfReferred)
        return `${facts.providerName ?? 'The provider'} could not accept your referral and will contact you to explain why. If you have not heard from them within a week, contact them or a GP surgery.`;
      return 'The provider has returned your referral to the person who referred you. Your GP practice will contact you about what happens next.';
    case 'discharged':
      return 'Your care with this provider has finished. Contact your GP practice if you need more help.';
    case 'episode-closed':
      return 'You have had all the sessions this referral allows. Speak to your GP practice if you need more care: you will need a new referral.';
    case 'cancelled':
      return 'This referral has been cancelled. Contact your GP practice if you think this is wrong.';
  }
}

/**
 * Which moves each state allows (reference-systems §1.6): providers accept or return what was sent; a referrer may cancel any referral not yet finished.
 * Issue #12: a returned referral goes back to the same provider when the referrer replies (returned → sent), and a patient may take a
 * sent referral back to choose again while the provider has not accepted it (sent → awaiting-choice).
 */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  'awaiting-choice': ['sent', 'cancelled'],
  sent: ['accepted', 'returned', 'awaiting-choice', 'cancelled'],
  accepted: ['discharged', 'episode-closed', 'cancelled'],
  returned: ['sent', 'cancelled'],
  discharged: [],
  'episode-closed': [],
  cancelled: [],
};

/** True when a referral in `from` may move to `to`. */
export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

/** A finished episode of care after which the patient may need a new referral (PRODUCT.md §3.5: at the cap the patient needs re-referral). */
export function isClosedEpisode(status: ReferralStatus): boolean {
  return status === 'episode-closed' || status === 'discharged';
}

/** Sessions are recorded only while the provider is treating the patient. */
export function isInTreatment(status: ReferralStatus): boolean {
  return status === 'accepted';
}

/** The episode closes when the attended sessions reach the pack's session cap (PRODUCT.md §3.5: at the cap the patient needs re-referral); no cap means it never closes on count. */
export function reachesSessionCap(sessionsAttended: number, sessionCap: number | undefined): boolean {
  return sessionCap !== undefined && sessionsAttended >= sessionCap;
}

/** The earliest day a pathway may end: the pack's minimum years after acceptance (PRODUCT.md §3.5: hearing, at least 3 years with the chosen provider); 29 February falls on 28 February. */
export function pathwayEndsOn(acceptedOn: string, years: number): string {
  const [year, month, day] = acceptedOn.split('-') as [string, string, string];
  const target = Number(year) + years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  return `${target}-${month}-${month === '02' && day === '29' && !leap ? '28' : day}`;
}
