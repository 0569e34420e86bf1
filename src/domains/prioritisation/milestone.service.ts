/** Commissioners keep their run's milestones up to date: status, due date and the date each was done. */
import { isIsoDate } from '../../lib/iso-date.ts';
import { DomainError, type FieldError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { milestonesOf, updateMilestoneRow } from './criteria.repo.ts';
import { isMilestoneStatus, type MilestoneStatus } from './milestones.rules.ts';
import { runForChange } from './run-access.service.ts';

export interface MilestoneInput {
  status?: string;
  dueOn?: string;
  /** When done; defaults to today when the status becomes done without a date. */
  completedOn?: string | null;
}

/** Updates a milestone in any status of the run; a done milestone has a completion date, any other has none. */
export async function updateMilestone(
  deps: Deps,
  context: ActionContext,
  runId: string,
  milestoneId: string,
  input: MilestoneInput,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const run = await runForChange(trx, context.principal, runId);
    const milestone = (await milestonesOf(trx, run.id)).find((candidate) => candidate.id === milestoneId);
    if (!milestone) throw new DomainError('not-found', 'There is no such milestone in this prioritisation');
    const status = input.status ?? milestone.status;
    const dueOn = input.dueOn ?? milestone.dueOn;
    const errors: FieldError[] = [];
    if (!isMilestoneStatus(status)) errors.push({ field: 'status', message: 'Select not started, in progress or done' });
    if (!isIsoDate(dueOn)) errors.push({ field: 'dueOn', message: 'Enter a real due date' });
    let completedOn: string | null = null;
    if (status === 'done') {
      completedOn =
        input.completedOn === undefined ? (milestone.completedOn ?? deps.clock.today()) : input.completedOn || deps.clock.today();
      if (!isIsoDate(completedOn)) errors.push({ field: 'completedOn', message: 'Enter a real completion date' });
      else if (completedOn > deps.clock.today())
        errors.push({ field: 'completedOn', message: 'Completion date must be today or in the past' });
    }
    if (errors.length) throw validationFailed(errors);
    await updateMilestoneRow(trx, run.id, milestone.id, { dueOn, status: status as MilestoneStatus, completedOn });
    await recordAudit(trx, context, {
      action: 'prioritisation.milestone.update',
      entityType: 'prioritisation-run',
      entityId: run.id,
      details: { milestoneId, status, dueOn, completedOn },
    });
  });
}
