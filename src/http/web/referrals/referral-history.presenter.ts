/** A referral's history and its appointments and sessions as table rows, with their outcomes: dates in the NHS style, statuses and reasons in words. */
import type { ReferralContact, ReferralEvent } from '../../../domains/referrals/referral-history.repo.ts';
import type { ReferralOutcomes } from '../../../domains/referrals/referral-outcomes.service.ts';
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

/** What the contact recorded: PHQ-9 and GAD-7 at a scored session, or a test's report date (decision 0053). */
function outcomeText(contact: ReferralContact, reports: boolean): string {
  if (contact.phq9Score !== null && contact.gad7Score !== null) return `PHQ-9 ${contact.phq9Score}, GAD-7 ${contact.gad7Score}`;
  if (!reports || contact.attendance !== 'attended') return '';
  return contact.reportedOn ? `Report sent ${formatDate(contact.reportedOn)}` : 'Report not recorded yet';
}

/** One appointment or session: when it is or was, whether the patient came, what it recorded, and, for the provider of a scan the patient attended, where to record its report. */
export function presentContact(contact: ReferralContact, ubrn: string, { reports, provider }: { reports: boolean; provider: boolean }) {
  const attendance =
    contact.attendance === 'attended' ? 'Attended' : contact.attendance === 'did-not-attend' ? 'Did not attend' : 'Not yet known';
  const when = contact.scheduledFor ? formatDateTime(contact.scheduledFor) : `Recorded ${formatDate(contact.recordedAt)}`;
  return {
    when,
    kind: contact.kind === 'session' ? 'Session' : 'Appointment',
    attendance,
    note: contact.note,
    outcome: outcomeText(contact, reports),
    ...(reports && provider && contact.attendance === 'attended'
      ? {
          reportLink: {
            href: `/referrals/${ubrn}/contacts/${contact.id}/report`,
            text: contact.reportedOn ? 'Change' : 'Record the report',
            hidden: ` for the test on ${when}`,
          },
        }
      : {}),
  };
}

const AIDS_WORDS = ['None', 'One hearing aid', 'Two hearing aids'];

/** The outcomes of the whole referral for its summary: hearing aids fitted at discharge, and recovery by the NHS Talking Therapies rule. */
export function presentOutcomeSummary(outcomes: ReferralOutcomes): { aidsFitted?: string; recovery?: string } {
  const { aidsFitted, recovery } = outcomes;
  return {
    ...(aidsFitted !== null ? { aidsFitted: AIDS_WORDS[aidsFitted] ?? String(aidsFitted) } : {}),
    ...(recovery
      ? {
          recovery: !recovery.atStart
            ? 'Not counted: below caseness at the first scored session'
            : recovery.recovered
              ? 'Recovered: below caseness on PHQ-9 and GAD-7 at the last scored session'
              : 'Not recovered: at caseness at the last scored session',
        }
      : {}),
  };
}
