/** Who may see and change a prioritisation run: its commissioner and member commissioners; the region once notified. */
import { DomainError } from '../../lib/errors.ts';
import type { Executor } from '../../db/executor.ts';
import type { Principal } from '../identity/principal.ts';
import { findRun, lockRun, membersOf, type RunRecord } from './run.repo.ts';
import { mayTakeAction, refusalFor, type RunAction } from './run-status.rules.ts';

const notFound = () => new DomainError('not-found', 'There is no such prioritisation run');

/** True when the principal's organisation owns the run or is one of its member commissioners. */
async function isCommissionerOf(db: Executor, principal: Principal, run: RunRecord): Promise<boolean> {
  if (principal.role !== 'commissioner') return false;
  if (run.organisationId === principal.organisationId) return true;
  return (await membersOf(db, run.id)).some((member) => member.id === principal.organisationId);
}

/** The run if the principal may see it; anyone else is told it does not exist (404), so run ids reveal nothing. */
export async function runVisibleTo(db: Executor, principal: Principal | null, runId: string): Promise<RunRecord> {
  const run = await findRun(db, runId);
  if (!run || !principal) throw notFound();
  if (await isCommissionerOf(db, principal, run)) return run;
  if (principal.role === 'regional-reviewer' && run.notifiedOrganisationId === principal.organisationId) return run;
  throw notFound();
}

/** Locks and returns the run for a change by one of its commissioners; refuses the change when the run's status does not allow it. */
export async function runForChange(trx: Executor, principal: Principal | null, runId: string, action?: RunAction): Promise<RunRecord> {
  const visible = await findRun(trx, runId);
  if (!visible || !principal || !(await isCommissionerOf(trx, principal, visible))) throw notFound();
  await lockRun(trx, runId);
  const run = (await findRun(trx, runId))!;
  if (action && !mayTakeAction(run.status, action)) throw new DomainError('invalid-transition', refusalFor(action), { status: run.status });
  return run;
}

/** The acting person's user id, or null for an API key (the audit row names the key). */
export function actingUserId(principal: Principal | null): string | null {
  return principal?.kind === 'user' ? principal.userId : null;
}
