/**
 * The demo's breach with a remedial plan (issue #15 item 10): after a KPI run, breaches are opened as the run would open them,
 * and the first of them is taken through the notice, the provider's response and a plan with two milestones, told over the
 * last weeks by the demo commissioner and the provider's administrator through the same services as real use.
 */
import type { Deps } from '../domains/deps.ts';
import { issueNotice, respondToNotice } from '../domains/provider-quality/breach-notice.service.ts';
import { openBreachesForRun } from '../domains/provider-quality/breach-open.service.ts';
import { agreePlan } from '../domains/provider-quality/breach-plan.service.ts';
import { findBreach } from '../domains/provider-quality/breach.repo.ts';
import { addDays } from '../lib/working-days.ts';
import { daysAgo } from './demo-calendar.ts';
import { requiredDemoActor } from './demo-actor.ts';

/**
 * Call once the demo's KPI run `runId` is stored: opens its breaches 20 days ago and takes the first one to an agreed plan
 * (milestones due in 2 and 6 weeks); the rest stay open. Returns the breach with the plan, or undefined when the run breached nothing.
 * The plan needs a breached result on an offer led by the demo ICB (commissioner@aqp.example) for a provider with an administrator.
 */
export async function seedDemoBreachWithPlan(deps: Deps, runId: string): Promise<string | undefined> {
  const [id] = await deps.db.transaction().execute((trx) => openBreachesForRun(trx, daysAgo(deps, 20), runId));
  const breach = id && (await findBreach(deps.db, id));
  if (!breach) return undefined;
  const commissioner = await requiredDemoActor(deps, { role: 'commissioner', organisationId: breach.commissioner.id });
  const provider = await requiredDemoActor(deps, { role: 'provider-admin', organisationId: breach.provider.id });
  await issueNotice(daysAgo(deps, 18), commissioner, id, {
    version: 1,
    text: `${breach.kpi.name} fell below its threshold. Set out why, and what you will do to bring waits back within the contract.`,
  });
  await respondToNotice(daysAgo(deps, 15), provider, id, {
    version: 2,
    text: 'An audiologist left in the autumn. We have recruited a locum and will run extra Saturday clinics until the waiting list is cleared.',
  });
  const today = deps.clock.today();
  await agreePlan(daysAgo(deps, 10), commissioner, id, {
    version: 3,
    milestones: [
      { description: 'Locum audiologist in post and Saturday clinics running', dueOn: addDays(today, 14) },
      { description: 'Patients first seen within 16 working days again', dueOn: addDays(today, 42) },
    ],
  });
  return id;
}
