/** A referral's history and its appointments and sessions as table rows: dates in the NHS style, statuses and reasons in words. */
import type { ReferralContact, ReferralEvent } from '../../../domains/referrals/referral-history.repo.ts';
import { reasonLabel } from '../../../domains/referrals/referral-reasons.rules.ts';
import { REFERRAL_STATUS_LABELS } from '../../../domains/referrals/referral-status.rules.ts';
import { formatDate, formatDateTime } from '../format.ts';

const ACTOR_WORDS: Record<string, string> = {
  referrer: 'Referrer',
  patient: 'Patient',
  provider: 'Provider',
  commissioner: 'Commissioner',
  system: 'AQP',
};

/** One status change: when, what it became, who did it, and why. */
export function presentEvent(event: ReferralEvent) {
  const why = [event.reasonCode ? reasonLabel(event.reasonCode) : '', event.comment].filter(Boolean).join(': ');
  return {
    when: formatDateTime(event.at),
    status: REFERRAL_STATUS_LABELS[event.toStatus],
    by:
      event.byName && event.actor !== 'system'
        ? `${event.byName} (${ACTOR_WORDS[event.actor] ?? event.actor})`
        : (ACTOR_WORDS[event.actor] ?? event.actor),
    why,
  };
}

/** One appointment or session: when it is or was, and whether the patient came. */
export function presentContact(contact: ReferralContact) {
  const attendance =
    contact.attendance === 'attended' ? 'Attended' : contact.attendance === 'did-not-attend' ? 'Did not attend' : 'Not yet known';
  return {
    when: contact.scheduledFor ? formatDateTime(contact.scheduledFor) : `Recorded ${formatDate(contact.recordedAt)}`,
    kind: contact.kind === 'session' ? 'Session' : 'Appointment',
    attendance,
    note: contact.note,
  };
}
