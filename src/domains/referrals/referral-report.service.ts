/** The day a scan's report was sent (issue #15 item 3, decision 0053): recorded against a test the patient attended, often days after it, for the report-time KPI. */
import type { Executor } from '../../db/executor.ts';
import { londonDateOf } from '../../lib/clock.ts';
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { outcomeFieldsFor, reportDateErrors } from './outcome-fields.rules.ts';
import { findContactOfReferral, setContactReportedOn } from './referral-episode.repo.ts';
import type { ReferralRecord } from './referral.repo.ts';

export interface TestForReport {
  contactId: string;
  /** The day the test took place, in England. */
  testOn: string;
  reportedOn: string | null;
}

/** The attended test of a scan referral, locked for the change; not found for any other contact or service. */
async function attendedTest(db: Executor, referral: ReferralRecord, contactId: string): Promise<TestForReport> {
  const contact = outcomeFieldsFor(referral.offer.serviceCode).report ? await findContactOfReferral(db, referral.id, contactId) : undefined;
  if (!contact) throw new DomainError('not-found', 'There is no test with that reference on this referral');
  if (contact.attendance !== 'attended')
    throw new DomainError('invalid-transition', 'The patient did not attend this test, so there is no report to record');
  return { contactId, testOn: londonDateOf(contact.scheduledFor ?? contact.recordedAt), reportedOn: contact.reportedOn };
}

/** The test a report is recorded against, for the form that records it. */
export async function testForReport(deps: Deps, referral: ReferralRecord, contactId: string): Promise<TestForReport> {
  return attendedTest(deps.db, referral, contactId);
}

/** Records (or corrects) the day the report of an attended test was sent: not before the test, not in the future; audited with the day it replaced. */
export async function recordReport(
  deps: Deps,
  context: ActionContext,
  referral: ReferralRecord,
  contactId: string,
  reportedOn: string | undefined,
): Promise<TestForReport> {
  return deps.db.transaction().execute(async (trx) => {
    const test = await attendedTest(trx, referral, contactId);
    const errors = reportDateErrors(reportedOn, test.testOn, deps.clock.today());
    if (errors.length) throw validationFailed(errors);
    await setContactReportedOn(trx, contactId, reportedOn!);
    await recordAudit(trx, context, {
      action: 'referral.report',
      entityType: 'referral',
      entityId: referral.id,
      details: { ubrn: referral.ubrn, contactId, reportedOn, replaced: test.reportedOn },
    });
    return { ...test, reportedOn: reportedOn! };
  });
}
