/** A referral's recorded outcomes for the people who see it (issue #15 item 3, decision 0053): scores by session with recovery by the published rule, tests with their report dates, hearing aids fitted. */
import { londonDateOf } from '../../lib/clock.ts';
import type { Deps } from '../deps.ts';
import { recoveryOf } from '../provider-quality/outcome.rules.ts';
import { type OutcomeFields, outcomeFieldsFor } from './outcome-fields.rules.ts';
import { type ReferralContact, referralAidsFitted, referralContacts } from './referral-history.repo.ts';

export interface ReferralOutcomes {
  fields: OutcomeFields;
  aidsFitted: number | null;
  scoredSessions: { contactId: string; on: string; phq9Score: number; gad7Score: number }[];
  /** Every test the patient attended, for a service that reports them, with the day its report was sent (null until then). */
  tests: { contactId: string; testOn: string; reportedOn: string | null }[];
  /** Caseness at the first scored session and recovery at the last; null with fewer than two scored sessions. */
  recovery: { atStart: boolean; recovered: boolean } | null;
}

const dayOf = (contact: ReferralContact) => londonDateOf(contact.scheduledFor ?? contact.recordedAt);

/** The outcomes in a referral's contacts (oldest first) and discharge. */
export function outcomesFrom(serviceCode: string, contacts: readonly ReferralContact[], aidsFitted: number | null): ReferralOutcomes {
  const fields = outcomeFieldsFor(serviceCode);
  const scoredSessions = contacts.flatMap((contact) =>
    contact.phq9Score !== null && contact.gad7Score !== null
      ? [{ contactId: contact.id, on: dayOf(contact), phq9Score: contact.phq9Score, gad7Score: contact.gad7Score }]
      : [],
  );
  const tests = fields.report
    ? contacts
        .filter((contact) => contact.attendance === 'attended')
        .map((contact) => ({ contactId: contact.id, testOn: dayOf(contact), reportedOn: contact.reportedOn }))
    : [];
  const recovery = recoveryOf(scoredSessions.map((session) => ({ on: session.on, phq9: session.phq9Score, gad7: session.gad7Score })));
  return { fields, aidsFitted, scoredSessions, tests, recovery };
}

/** The outcomes recorded for a referral the caller has already been shown (the view is audited by viewReferral). */
export async function referralOutcomesOf(deps: Deps, referral: { id: string; offer: { serviceCode: string } }): Promise<ReferralOutcomes> {
  const [contacts, aidsFitted] = await Promise.all([referralContacts(deps.db, referral.id), referralAidsFitted(deps.db, referral.id)]);
  return outcomesFrom(referral.offer.serviceCode, contacts, aidsFitted);
}
