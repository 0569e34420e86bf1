/** The assessor's queue with each application's waiting time in working days, the clock paused while a clarification is with the provider. */
import { DomainError } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import type { ActionContext } from '../identity/principal.ts';
import { organisationKindOf, clarificationsOfMany } from './assessment.repo.ts';
import { assessmentQueue, type QueueRow } from './assessment-queue.repo.ts';
import { waitingWorkingDays } from './waiting-days.rules.ts';

export interface QueueItem extends QueueRow {
  waitingWorkingDays: number;
}

/** The queue an assessor works through: their commissioner's offers, or every offer for a national assessor. */
export async function assessorQueue(
  deps: Deps,
  context: ActionContext,
  page: { limit: number; offset: number },
): Promise<{ items: QueueItem[]; total: number }> {
  const principal = context.principal;
  if (!principal) throw new DomainError('unauthenticated', 'Sign in to assess applications');
  if (principal.role !== 'assessor') throw new DomainError('forbidden', 'Only assessors have an assessment queue');
  const national = (await organisationKindOf(deps.db, principal.organisationId)) === 'national';
  const { rows, total } = await assessmentQueue(deps.db, national ? null : principal.organisationId, page);
  const clarifications = await clarificationsOfMany(
    deps.db,
    rows.map((row) => row.id),
  );
  const today = deps.clock.today();
  return {
    total,
    items: rows.map((row) => ({ ...row, waitingWorkingDays: waitingWorkingDays(row.submittedAt, today, clarifications.get(row.id)!) })),
  };
}
