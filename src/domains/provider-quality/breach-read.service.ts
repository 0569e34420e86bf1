/** Reading breaches (decision 0056): each side its own list, one breach with its whole history, its plan and the steps the reader may take, and the open count for home pages. */
import type { Executor } from '../../db/executor.ts';
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';
import { type BreachSide, breachSideOf, mayWorkBreaches } from './breach-access.ts';
import { type BreachEvent, type BreachMilestone, breachEventsOf } from './breach-history.repo.ts';
import { factsOf } from './breach-facts.ts';
import { missedMilestones, responseOverdue } from './breach.rules.ts';
import { type BreachStep, nextBreachSteps } from './breach-steps.rules.ts';
import { type BreachReader, type BreachRecord, countOpenBreaches, currentListingIdOf, findBreach, listBreaches } from './breach.repo.ts';

/** The most breaches one list shows: a commissioner's open breaches are far fewer. */
export const MAX_LISTED_BREACHES = 500;

/** A milestone as read: missed when its date passed unmet, whether or not anyone recorded it. */
export type MilestoneView = BreachMilestone & { current: boolean; missed: boolean };

export interface BreachView extends BreachRecord {
  side: BreachSide;
  responseOverdue: boolean;
  nextSteps: BreachStep[];
  milestones: MilestoneView[];
  events: BreachEvent[];
  listingId: string | null;
}

function readerOf(principal: Principal | null): BreachReader {
  if (!mayWorkBreaches(principal)) throw new DomainError('forbidden', 'Only commissioners and providers work KPI breaches');
  return principal.role === 'commissioner' ? { commissionerId: principal.organisationId } : { providerId: principal.organisationId };
}

/** The reader's breaches, newest first: `open`, `closed` (finished: closed, withdrawn or suspended) or all. */
export async function breachesFor(deps: Deps, context: ActionContext, state?: string): Promise<BreachRecord[]> {
  const reader = readerOf(context.principal);
  if (state !== undefined && state !== 'open' && state !== 'closed')
    throw validationFailed([{ field: 'state', message: 'Choose open or closed breaches' }]);
  return listBreaches(deps.db, reader, { ...(state ? { open: state === 'open' } : {}), limit: MAX_LISTED_BREACHES });
}

/** How many breaches are open for the principal's organisation: a commissioner's on offers it leads, a provider's own (home pages). */
export function openBreachCount(deps: Deps, principal: Principal): Promise<number> {
  return countOpenBreaches(deps.db, readerOf(principal));
}

/** The breach as its side reads it, in the caller's transaction; undefined when the reader is on neither side. */
export async function breachViewIn(executor: Executor, context: ActionContext, id: string, today: string): Promise<BreachView | undefined> {
  const breach = await findBreach(executor, id);
  const side = breach && breachSideOf(context.principal, breach);
  if (!breach || !side) return undefined;
  const facts = await factsOf(executor, breach);
  const missed = new Set(missedMilestones(facts.milestones, today));
  const steps = nextBreachSteps(facts, side, today);
  return {
    ...breach,
    side,
    responseOverdue:
      breach.status === 'notice-issued' && !!breach.periods && responseOverdue(breach.noticeOn!, breach.respondedOn, today, breach.periods),
    nextSteps: side === 'provider' && context.principal?.role !== 'provider-admin' ? [] : steps,
    milestones: facts.all.map((milestone) => {
      const current = facts.milestones.find((found) => found.number === milestone.number);
      return { ...milestone, current: !!current, missed: !!current && missed.has(current) };
    }),
    events: await breachEventsOf(executor, breach.id),
    listingId: (await currentListingIdOf(executor, breach.offer.id, breach.provider.id)) ?? breach.suspendedListingId,
  };
}

/** One breach with its whole history for either side of it; to anyone else it does not exist. */
export async function breachFor(deps: Deps, context: ActionContext, id: string): Promise<BreachView> {
  readerOf(context.principal);
  const view = await breachViewIn(deps.db, context, id, deps.clock.today());
  if (!view) throw new DomainError('not-found', 'There is no such breach');
  return view;
}
