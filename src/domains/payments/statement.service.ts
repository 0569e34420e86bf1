/**
 * Monthly statements for the people who read, prepare and approve them (decision 0045): a provider its own, a commissioner
 * those it pays; only finance officers prepare and approve, and the approver is never the preparer.
 */
import { DomainError } from '../../lib/errors.ts';
import { addDays } from '../../lib/working-days.ts';
import { sendMessage } from '../compliance/compliance.repo.ts';
import type { Deps } from '../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext, Principal } from '../identity/principal.ts';
import { queryOutcomesOn } from './payment-run.service.ts';
import { backingLinesSeen, type BackingLine } from './statement-backing.repo.ts';
import {
  aggregateOf,
  lockStatement,
  openQueryCountOf,
  statementHeader,
  statementsReadableBy,
  type AggregateRow,
  type StatementHeader,
  type StatementReader,
} from './statement.repo.ts';
import { totalsOf, type StatementTotals } from './statement.rules.ts';
import { applyQueryOutcomes, markApproved, markDraft, markPrepared } from './statement-state.repo.ts';
import { formatPence } from '../../lib/money.ts';

/** NHS SBS standard payment terms (brief §A6): an approved statement is due this many days after approval. */
export const PAYMENT_TERMS_DAYS = 30;

const PROVIDER_ROLES = ['provider-admin', 'provider-clinician'];
const COMMISSIONER_ROLES = ['commissioner', 'commissioner-finance'];

export interface StatementView {
  header: StatementHeader;
  aggregate: AggregateRow[];
  totals: StatementTotals;
  openQueries: number;
}

function readerOf(principal: Principal | null): StatementReader {
  if (principal && PROVIDER_ROLES.includes(principal.role)) return { providerId: principal.organisationId };
  if (principal && COMMISSIONER_ROLES.includes(principal.role)) return { commissionerId: principal.organisationId };
  throw new DomainError('forbidden', 'Only providers and commissioners can read statements');
}

/** The statement if the reader is its provider or its paying commissioner (or the ICB above it); otherwise not found. */
async function readableStatement(db: Executor, principal: Principal | null, statementId: string) {
  const reader = readerOf(principal);
  const header = await statementHeader(db, statementId);
  const mine =
    header &&
    ('providerId' in reader
      ? header.providerId === reader.providerId
      : header.commissionerId === reader.commissionerId || header.commissionerParentId === reader.commissionerId);
  if (!mine) throw new DomainError('not-found', 'There is no statement with that id');
  return header;
}

function requireFinance(principal: Principal | null, action: string): asserts principal is Principal {
  if (principal?.role !== 'commissioner-finance') throw new DomainError('forbidden', `Only a commissioner’s finance officer can ${action}`);
}

/** The statements the reader may see, newest month first. */
export async function listStatements(deps: Deps, context: ActionContext, filter: { month?: string; status?: string }) {
  return statementsReadableBy(deps.db, readerOf(context.principal), filter);
}

/** One statement's aggregate and totals: no patient data, so every reader of the statement may see it. */
export async function statementView(deps: Deps, context: ActionContext, statementId: string): Promise<StatementView> {
  const header = await readableStatement(deps.db, context.principal, statementId);
  const [aggregate, openQueries] = await Promise.all([aggregateOf(deps.db, statementId), openQueryCountOf(deps.db, statementId)]);
  return { header, aggregate, totals: totalsOf(aggregate), openQueries };
}

/** The patient-level backing lines: the provider and the commissioner's finance officers only, each read audited. */
export async function statementBackingLines(
  deps: Deps,
  context: ActionContext,
  statementId: string,
  page: string,
): Promise<{ header: StatementHeader; lines: BackingLine[] }> {
  const role = context.principal?.role ?? '';
  if (!PROVIDER_ROLES.includes(role) && role !== 'commissioner-finance')
    throw new DomainError('forbidden', 'Only the provider and the commissioner’s finance officers can see the lines behind a statement');
  return deps.db.transaction().execute(async (trx) => {
    const header = await readableStatement(trx, context.principal, statementId);
    return { header, lines: await backingLinesSeen(trx, context, statementId, { page }) };
  });
}

/** A change of state in one transaction, with the statement locked and read again under the lock. */
async function changeStatement<T>(
  deps: Deps,
  context: ActionContext,
  statementId: string,
  change: (trx: Executor, header: StatementHeader, principal: Principal & { kind: 'user' }) => Promise<T>,
): Promise<T> {
  requireFinance(context.principal, 'prepare or approve a statement');
  const principal = context.principal;
  if (principal.kind !== 'user') throw new DomainError('forbidden', 'A statement is prepared and approved by a person, not an API key');
  return deps.db.transaction().execute(async (trx) => {
    await lockStatement(trx, statementId);
    return change(trx, await readableStatement(trx, principal, statementId), principal);
  });
}

function requireStatus(header: StatementHeader, status: string, action: string): void {
  if (header.status !== status)
    throw new DomainError(
      'invalid-transition',
      `Statement ${header.reference} cannot be ${action}: it is ${header.status.replace('-', ' ')}`,
    );
}

/** A finance officer checks a draft and submits it for approval by a colleague; queried lines are held as of today. */
export async function prepareStatement(deps: Deps, context: ActionContext, statementId: string): Promise<void> {
  await changeStatement(deps, context, statementId, async (trx, header, principal) => {
    requireStatus(header, 'draft', 'submitted for approval');
    await applyQueryOutcomes(trx, statementId, await queryOutcomesOn(trx, deps.clock.today()));
    await markPrepared(trx, statementId, principal.userId, deps.clock.now());
    await recordAudit(trx, context, { action: 'statement.prepare', entityType: 'statement', entityId: statementId });
  });
}

/** Sends a statement awaiting approval back to draft (something needs another look, or the next run should rebuild it). */
export async function returnStatementToDraft(deps: Deps, context: ActionContext, statementId: string): Promise<void> {
  await changeStatement(deps, context, statementId, async (trx, header) => {
    requireStatus(header, 'awaiting-approval', 'sent back to draft');
    await markDraft(trx, statementId);
    await recordAudit(trx, context, { action: 'statement.return-to-draft', entityType: 'statement', entityId: statementId });
  });
}

/** A second finance officer approves: queried lines settled as of today, every payment frozen, the provider told what is payable and when. */
export async function approveStatement(
  deps: Deps,
  context: ActionContext,
  statementId: string,
): Promise<{ payablePence: number; paymentDueOn: string }> {
  return changeStatement(deps, context, statementId, async (trx, header, principal) => {
    requireStatus(header, 'awaiting-approval', 'approved');
    if (header.preparedByUserId === principal.userId)
      throw new DomainError('conflict', 'You prepared this statement: another finance officer must approve it');
    const today = deps.clock.today();
    await applyQueryOutcomes(trx, statementId, await queryOutcomesOn(trx, today));
    const paymentDueOn = addDays(today, PAYMENT_TERMS_DAYS);
    const payablePence = await markApproved(trx, statementId, { userId: principal.userId, at: deps.clock.now(), paymentDueOn });
    await recordAudit(trx, context, {
      action: 'statement.approve',
      entityType: 'statement',
      entityId: statementId,
      details: { payablePence },
    });
    await sendMessage(trx, {
      organisationId: header.providerId,
      subject: `Statement ${header.reference} approved`,
      body: `${header.commissionerName} approved your statement for ${header.month}: ${formatPence(payablePence)} is payable by ${paymentDueOn}.`,
      entityType: 'statement',
      entityId: statementId,
    });
    return { payablePence, paymentDueOn };
  });
}
