/**
 * The demo's payments (issue #14 item 9): lines a provider sent that were refused, one for each reason the demo's
 * referrals can show; every closed month since the contracts began closed on its first day; the older statements
 * prepared and approved by two finance officers, the last month's physiotherapy statement awaiting approval with a line
 * under an open query, and a back and neck pain budget close to its first alert.
 */
import type { Deps } from '../domains/deps.ts';
import type { ActivityLine } from '../domains/payments/activity-line.rules.ts';
import { submitActivityLines } from '../domains/payments/activity-submission.service.ts';
import { financialYearOf, monthAfter, monthBefore } from '../domains/payments/month.rules.ts';
import { runPaymentMonth } from '../domains/payments/payment-run.service.ts';
import { approveStatement, listStatements, prepareStatement, statementBackingLines } from '../domains/payments/statement.service.ts';
import { raiseLineQuery } from '../domains/payments/line-query.service.ts';
import { budgetOf, revisePlan, savePlans } from '../domains/budgets/budget.service.ts';
import { fixedClock, londonDateOf, londonInstant } from '../lib/clock.ts';
import { withNhsCheckDigit } from '../lib/nhs-number.ts';
import { addDays } from '../lib/working-days.ts';
import { demoActor, requiredDemoActor } from './demo-actor.ts';
import { DEMO_HISTORY_DAYS } from './demo-calendar.ts';
import { demoReferralsOf, type DemoReferralDates } from './demo-referrals.repo.ts';
import { findOrganisationByOdsCode } from '../domains/identity/organisation.repo.ts';

const SYSTEM = { principal: null, clientAddress: null };
const at = (deps: Deps, isoDate: string, time: string): Deps => ({ db: deps.db, clock: fixedClock(londonInstant(isoDate, time)) });
const nhs = (nine: string) => withNhsCheckDigit(nine)!;

/** The physiotherapy provider's lines that are not paid, one per reason its referrals can show (decision 0043's reasons); Elsie's ninth session falls between her eighth paid ones. */
function refusedPhysioLines(today: string, referrals: Map<string, DemoReferralDates>): ActivityLine[] {
  const elsie = referrals.get(nhs('999000007'))!;
  const alice = referrals.get(nhs('999000200'))!;
  const aliceAccepted = londonDateOf(alice.acceptedAt!);
  const aliceFirstSession = addDays(aliceAccepted, 3);
  const line = (lineId: string, referralReference: string, activityDate: string, more: Partial<ActivityLine> = {}): ActivityLine => ({
    lineId: `DEMO9-${lineId}`,
    referralReference,
    currencyCode: 'session',
    activityDate,
    attendance: '5',
    complexityBand: 'STANDARD',
    kind: 'original',
    ...more,
  });
  return [
    line('unreadable', alice.ubrn, `${today.slice(0, 4)}-02-30`),
    line('resent', alice.ubrn, aliceFirstSession),
    line('bad-reversal', alice.ubrn, today, { kind: 'reversal', reversesLineId: 'DEMO9-never-sent' }),
    line('unknown', '100000000999', today),
    line('returned', referrals.get(nhs('999000500'))!.ubrn, addDays(today, -30)),
    line('not-accepted', referrals.get(nhs('999000002'))!.ubrn, today),
    line('wrong-currency', alice.ubrn, addDays(aliceAccepted, 1), { currencyCode: 'repair' }),
    line('wrong-band', alice.ubrn, addDays(aliceAccepted, 2), { complexityBand: 'COMPLEX' }),
    line('tomorrow', alice.ubrn, addDays(today, 1)),
    line('early', alice.ubrn, addDays(aliceAccepted, -1)),
    line('after-discharge', alice.ubrn, addDays(londonDateOf(alice.dischargedAt!), 2)),
    line('cancelled', alice.ubrn, addDays(aliceAccepted, 4), { attendance: '2' }),
    line('did-not-attend', alice.ubrn, addDays(aliceAccepted, 5), { attendance: '3' }),
    line('ninth', elsie.ubrn, addDays(today, -53)),
  ];
}

/** The hearing provider sends the pathway again for a patient already paid for it at discharge. */
function refusedHearingLines(referrals: Map<string, DemoReferralDates>): ActivityLine[] {
  const jack = referrals.get(nhs('999000400'))!;
  return [
    {
      lineId: 'DEMO1-pathway-again',
      referralReference: jack.ubrn,
      currencyCode: 'assessment-and-fitting',
      activityDate: addDays(londonDateOf(jack.dischargedAt!), -1),
      attendance: '5',
      complexityBand: 'MONAURAL',
      kind: 'original',
    },
  ];
}

/** Closes each month from the one the contracts began in to last month, on the first day of the next month. */
async function closeMonths(deps: Deps): Promise<string[]> {
  const months: string[] = [];
  const last = monthBefore(deps.clock.today());
  for (let month = addDays(deps.clock.today(), -DEMO_HISTORY_DAYS).slice(0, 7); month <= last; month = monthAfter(month).slice(0, 7)) {
    await runPaymentMonth(at(deps, monthAfter(month), '06:00'), SYSTEM, { month, triggeredBy: 'demo' });
    months.push(month);
  }
  return months;
}

/** Prepares (and unless `awaitOnly`, approves) the month's statements, a few working days into the next month. */
async function settle(deps: Deps, month: string, only: (providerName: string) => boolean, awaitOnly = false): Promise<void> {
  const preparer = await requiredDemoActor(deps, { role: 'commissioner-finance', email: 'finance@aqp.example' });
  const approver = await requiredDemoActor(deps, { role: 'commissioner-finance', email: 'finance.approver@aqp.example' });
  for (const statement of await listStatements(deps, preparer, { month, status: 'draft' })) {
    if (!only(statement.providerName)) continue;
    await prepareStatement(at(deps, addDays(monthAfter(month), 2), '10:00'), preparer, statement.id);
    if (!awaitOnly) await approveStatement(at(deps, addDays(monthAfter(month), 4), '15:00'), approver, statement.id);
  }
}

/** Finance queries the physiotherapy provider's last line of the month (still within the period to raise one), a few days after the close; it stays open (unanswered). */
async function queryOneLine(deps: Deps, month: string, providerName: string): Promise<void> {
  const finance = await requiredDemoActor(deps, { role: 'commissioner-finance', email: 'finance@aqp.example' });
  const [statement] = (await listStatements(deps, finance, { month })).filter((candidate) => candidate.providerName === providerName);
  if (!statement) return;
  const { lines } = await statementBackingLines(deps, finance, statement.id, 'demo-seed');
  const line = lines.findLast((candidate) => candidate.kind === 'original' && candidate.payment === 'payable');
  if (!line) return;
  const raisedOn = deps.clock.today() < addDays(monthAfter(month), 1) ? deps.clock.today() : addDays(monthAfter(month), 1);
  await raiseLineQuery(at(deps, raisedOn, '09:30'), finance, line.lineId, {
    reasonCode: 'activity-not-evidenced',
    comment: 'The session note for this date is missing from the record: please confirm the patient attended.',
  });
}

/** The back and neck pain budget for this financial year, set so its forecast stands at about 87% of plan: close to the 90% alert. */
async function budgetNearItsFirstAlert(deps: Deps): Promise<void> {
  const commissioner = await requiredDemoActor(deps, { role: 'commissioner', email: 'commissioner@aqp.example' });
  const financialYear = financialYearOf(deps.clock.today().slice(0, 7));
  const [saved] = await savePlans(
    deps,
    commissioner,
    [{ serviceCode: 'back-and-neck-pain', financialYear, amountPence: 100_000_000 }],
    'form',
  );
  const { forecast } = await budgetOf(deps, commissioner, saved!.planId);
  const amountPence = Math.max(100_00, Math.ceil(forecast.forecastPence / 0.87 / 100) * 100);
  await revisePlan(deps, commissioner, saved!.planId, { amountPence }, 'form');
}

/** Seeds the demo's payments once: does nothing when the finance officers are missing or a statement exists. */
export async function seedDemoPayments(deps: Deps): Promise<{ months: number }> {
  const finance = await demoActor(deps, { role: 'commissioner-finance', email: 'finance@aqp.example' });
  if (!finance || (await listStatements(deps, finance, {})).length > 0) return { months: 0 };
  const referrals = await demoReferralsOf(deps.db, ['999000007', '999000200', '999000500', '999000002', '999000400'].map(nhs));
  const physio = await findOrganisationByOdsCode(deps.db, 'DEMO9');
  const hearing = await findOrganisationByOdsCode(deps.db, 'DEMO1');
  if (!physio || !hearing || referrals.size < 5) return { months: 0 };
  const physioAdmin = await requiredDemoActor(deps, { role: 'provider-admin', organisationId: physio.id });
  const hearingAdmin = await requiredDemoActor(deps, { role: 'provider-admin', organisationId: hearing.id });
  await submitActivityLines(deps, physioAdmin, { lines: refusedPhysioLines(deps.clock.today(), referrals), source: 'api' });
  await submitActivityLines(deps, hearingAdmin, { lines: refusedHearingLines(referrals), source: 'api' });
  const months = await closeMonths(deps);
  for (const month of months.slice(0, -2)) await settle(deps, month, () => true);
  const lastMonth = months.at(-1);
  if (lastMonth) {
    await queryOneLine(deps, lastMonth, physio.name);
    await settle(deps, lastMonth, (name) => name === physio.name, true);
  }
  await budgetNearItsFirstAlert(deps);
  return { months: months.length };
}
