/** One step of a breach, as every step takes it (decision 0056): the row locked, the side, version and lifecycle checked, then the change, its history row, audit row and message written together. */
import type { Executor } from '../../db/executor.ts';
import { DomainError, validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { actingApiKeyId, actingUserId } from '../offers/offer-access.ts';
import { insertOutboxMessage } from '../providers/provider-outbox.repo.ts';
import { breachSideOf } from './breach-access.ts';
import { type BreachView, breachViewIn } from './breach-read.service.ts';
import { insertBreachEvent } from './breach-history.repo.ts';
import type { BreachMessage } from './breach-messages.rules.ts';
import { BREACH_LIFECYCLE, type BreachStatus } from './breach.rules.ts';
import { type BreachStep, stepMove } from './breach-steps.rules.ts';
import { type BreachChange, type BreachRecord, findBreach, updateBreach } from './breach.repo.ts';

/** The longest notice, response or reason a step takes (the table's limit). */
export const MAX_BREACH_TEXT = 4000;

const NO_BREACH = 'There is no such breach';

/** The breach locked for a step by the side that takes it, at the version the person saw and in a status that allows it. */
export async function lockedForStep(
  trx: Executor,
  context: ActionContext,
  id: string,
  step: BreachStep,
  version: number,
): Promise<BreachRecord> {
  const breach = await findBreach(trx, id, { forUpdate: true });
  const side = breach && breachSideOf(context.principal, breach);
  if (!breach || !side) throw new DomainError('not-found', NO_BREACH);
  const move = stepMove(step);
  if (side !== move.side || (step === 'response' && context.principal?.role !== 'provider-admin'))
    throw new DomainError(
      'forbidden',
      move.side === 'provider' ? 'Only the provider’s administrator responds to a notice' : 'Only the commissioner takes this step',
    );
  if (!Number.isInteger(version) || version < 1)
    throw validationFailed([{ field: 'version', message: 'Give the version of the breach you read' }]);
  if (version !== breach.version)
    throw new DomainError(
      'conflict',
      `Someone else has changed this breach since you read it: it is now “${BREACH_LIFECYCLE.label(breach.status)}”. Reload it to see where it stands.`,
      { status: breach.status, version: breach.version },
    );
  if (step !== 'milestone') BREACH_LIFECYCLE.assertMove(breach.status, move.to);
  else if (breach.status !== 'remedial-plan')
    throw new DomainError('invalid-transition', 'Milestones are recorded while a remedial action plan is in force', {
      from: breach.status,
    });
  return breach;
}

/** A required text field, trimmed, within the limit. */
export function requiredText(field: string, text: string | undefined, missing: string): string {
  const value = (text ?? '').trim();
  if (!value) throw validationFailed([{ field, message: missing }]);
  if (value.length > MAX_BREACH_TEXT)
    throw validationFailed([{ field, message: `Keep it to ${MAX_BREACH_TEXT.toLocaleString('en-GB')} characters or fewer` }]);
  return value;
}

export interface StepWrite {
  action: string;
  to: BreachStatus;
  change?: Omit<BreachChange, 'status'>;
  detail: string;
  details?: Record<string, unknown>;
  /** The message to the other side, when the step sends one itself. */
  message?: { to: 'provider' | 'commissioner'; content: BreachMessage };
}

/** Writes the step: the guarded update, the history row, the audit row and the message, in the caller's transaction. */
export async function writeStep(trx: Executor, deps: Deps, context: ActionContext, breach: BreachRecord, step: StepWrite): Promise<void> {
  const at = deps.clock.now();
  if (!(await updateBreach(trx, breach.id, breach.version, { status: step.to, ...step.change }, at)))
    throw new DomainError('conflict', 'Someone else has just changed this breach. Reload it to see where it stands.');
  await insertBreachEvent(trx, {
    breachId: breach.id,
    action: step.action,
    fromStatus: breach.status,
    toStatus: step.to,
    detail: step.detail,
    occurredOn: deps.clock.today(),
    occurredAt: at,
    userId: actingUserId(context),
    apiKeyId: actingApiKeyId(context),
  });
  await recordAudit(trx, context, {
    action: `breach.${step.action}`,
    entityType: 'breach',
    entityId: breach.id,
    details: { reference: breach.reference, from: breach.status, to: step.to, ...step.details },
  });
  if (step.message) {
    const organisationId = step.message.to === 'provider' ? breach.provider.id : breach.commissioner.id;
    await insertOutboxMessage(trx, { organisationId, ...step.message.content, entityType: 'breach', entityId: breach.id }, at);
  }
}

/** A step's use case: the deps, who acts, the breach and the input with the version the person read. */
export type BreachStepService<I> = (deps: Deps, context: ActionContext, id: string, input: I & { version: number }) => Promise<BreachView>;

/** Runs one step in its own transaction and reads the breach back as its side sees it now. */
export function inTransaction<I>(
  work: (trx: Executor, deps: Deps, context: ActionContext, id: string, input: I & { version: number }) => Promise<void>,
): BreachStepService<I> {
  return (deps, context, id, input) =>
    deps.db.transaction().execute(async (trx) => {
      await work(trx, deps, context, id, input);
      return (await breachViewIn(trx, context, id, deps.clock.today()))!;
    });
}
