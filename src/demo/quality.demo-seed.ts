/**
 * The demo's quality monitoring (issue #15 item 10, decision 0060): the KPI engine run for each of the last twelve months
 * on the first day of the next, as the nightly job would have; the breach those runs opened taken to an agreed remedial
 * plan; Friends and Family Test answers from patients after discharge (one provider with fewer than five, so nothing of
 * its feedback is published).
 */
import type { Deps } from '../domains/deps.ts';
import { issueNotice, respondToNotice } from '../domains/provider-quality/breach-notice.service.ts';
import { agreePlan } from '../domains/provider-quality/breach-plan.service.ts';
import { findBreach } from '../domains/provider-quality/breach.repo.ts';
import { giveFeedback } from '../domains/provider-quality/feedback.service.ts';
import type { FftAnswer } from '../domains/provider-quality/feedback.rules.ts';
import { runKpis } from '../domains/provider-quality/kpi-run.service.ts';
import { monthAfter, monthBefore } from '../domains/payments/month.rules.ts';
import { findReferralByUbrn } from '../domains/referrals/referral.repo.ts';
import { fixedClock, londonInstant } from '../lib/clock.ts';
import { addDays } from '../lib/working-days.ts';
import { requiredDemoActor } from './demo-actor.ts';
import { demoDischargedReferrals, demoKpiRunExists } from './demo-referrals.repo.ts';

const SYSTEM = { principal: null, clientAddress: null };
const on = (deps: Deps, isoDate: string, time = '10:00'): Deps => ({ ...deps, clock: fixedClock(londonInstant(isoDate, time)) });

/** Runs the KPIs for each month of the last year, early on the first day of the next month; returns the breaches opened. */
async function runTwelveMonths(deps: Deps): Promise<{ runs: number; breaches: { id: string; openedOn: string }[] }> {
  const breaches: { id: string; openedOn: string }[] = [];
  const last = monthBefore(deps.clock.today());
  let runs = 0;
  for (let month = addDays(deps.clock.today(), -365).slice(0, 7); month <= last; month = monthAfter(month).slice(0, 7)) {
    const runDay = monthAfter(month);
    const { breachesOpened } = await runKpis(on(deps, runDay, '05:00'), SYSTEM, { endMonth: month, trigger: 'demo' });
    breaches.push(...breachesOpened.map((id) => ({ id, openedOn: runDay })));
    runs += 1;
  }
  return { runs, breaches };
}

/** The commissioner's notice a few days after the breach opened, the provider's response, and a plan with two milestones still to come. */
async function planFor(deps: Deps, breach: { id: string; openedOn: string }): Promise<void> {
  const found = (await findBreach(deps.db, breach.id))!;
  const commissioner = await requiredDemoActor(deps, { role: 'commissioner', organisationId: found.commissioner.id });
  const provider = await requiredDemoActor(deps, { role: 'provider-admin', organisationId: found.provider.id });
  const day = (offset: number) => {
    const candidate = addDays(breach.openedOn, offset);
    return candidate < deps.clock.today() ? candidate : deps.clock.today();
  };
  await issueNotice(on(deps, day(2)), commissioner, breach.id, {
    version: 1,
    text: `${found.kpi.name} fell below its threshold. Set out why, and what you will do to bring waits back within the contract.`,
  });
  await respondToNotice(on(deps, day(5)), provider, breach.id, {
    version: 2,
    text: 'An audiologist left in the summer. We have recruited a locum and will run extra Saturday clinics until the waiting list is cleared.',
  });
  await agreePlan(on(deps, day(12)), commissioner, breach.id, {
    version: 3,
    milestones: [
      { description: 'Locum audiologist in post and Saturday clinics running', dueOn: addDays(deps.clock.today(), 14) },
      { description: 'Patients first seen within 16 working days again', dueOn: addDays(deps.clock.today(), 42) },
    ],
  });
}

/** The answers patients gave, in turn; one provider hears from only three patients. */
const ANSWERS: FftAnswer[] = ['very-good', 'very-good', 'good', 'very-good', 'good', 'neither-good-nor-poor', 'very-good', 'poor'];
const FEW_ANSWERS_FROM = 'DEMO7';
const COMMENTS = ['The audiologist explained everything clearly.', 'Easy to book and the clinic was on time.', ''];

/** Every other discharged patient answers the Friends and Family Test the day after discharge. */
async function feedbackAfterDischarge(deps: Deps): Promise<number> {
  let given = 0;
  const fromFew = new Map<string, number>();
  for (const [index, discharged] of (await demoDischargedReferrals(deps.db)).entries()) {
    if (index % 2 === 1) continue;
    const heard = fromFew.get(discharged.providerOds) ?? 0;
    if (discharged.providerOds === FEW_ANSWERS_FROM && heard >= 3) continue;
    fromFew.set(discharged.providerOds, heard + 1);
    const referral = (await findReferralByUbrn(deps.db, discharged.ubrn))!;
    const answeredOn = addDays(discharged.dischargedOn, 1) < deps.clock.today() ? addDays(discharged.dischargedOn, 1) : deps.clock.today();
    await giveFeedback(on(deps, answeredOn, '19:30'), SYSTEM, referral, {
      answer: ANSWERS[index % ANSWERS.length]!,
      comment: COMMENTS[index % COMMENTS.length]!,
    });
    given += 1;
  }
  return given;
}

/** Seeds the demo's quality history once: does nothing once a demo KPI run exists. */
export async function seedDemoQuality(deps: Deps): Promise<{ runs: number; breaches: number; feedback: number }> {
  if (await demoKpiRunExists(deps.db)) return { runs: 0, breaches: 0, feedback: 0 };
  const feedback = await feedbackAfterDischarge(deps);
  const { runs, breaches } = await runTwelveMonths(deps);
  if (breaches[0]) await planFor(deps, breaches[0]);
  return { runs, breaches: breaches.length, feedback };
}
