/** Opening breaches after a KPI run (issue #15 item 6, decision 0056): one per breached result that has none open, audited as AQP itself and told to both sides. */
import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { insertOutboxMessage } from '../providers/provider-outbox.repo.ts';
import { insertBreachEvent } from './breach-history.repo.ts';
import { breachOpenedMessages, figureInWords } from './breach-messages.rules.ts';
import { insertBreach, resultsToOpen } from './breach-open.repo.ts';
import { findBreach } from './breach.repo.ts';

/** A breach is opened by the platform itself, not a person. */
const SYSTEM: ActionContext = { principal: null, clientAddress: null };

/**
 * Call after a KPI run, in its transaction: opens a breach for each of the run's `breached` results with no breach open for
 * its offer, provider and KPI (never for `not-enough-data`), and returns the ids opened. Safe to call again for the same run.
 */
export async function openBreachesForRun(trx: Executor, deps: Deps, runId: string): Promise<string[]> {
  const today = deps.clock.today();
  const at = deps.clock.now();
  const opened: string[] = [];
  for (const result of await resultsToOpen(trx, runId)) {
    const id = await insertBreach(trx, result, today, at);
    if (!id) continue;
    const breach = (await findBreach(trx, id))!;
    const detail = `${breach.kpi.name} below its threshold: ${figureInWords(breach.kpi)}, period ${breach.kpi.periodFrom} to ${breach.kpi.periodTo}`;
    await insertBreachEvent(trx, {
      breachId: id,
      action: 'open',
      fromStatus: null,
      toStatus: 'open',
      detail,
      occurredOn: today,
      occurredAt: at,
      userId: null,
      apiKeyId: null,
    });
    await recordAudit(trx, SYSTEM, {
      action: 'breach.open',
      entityType: 'breach',
      entityId: id,
      details: { reference: breach.reference, kpiResultId: result.id, runId, kpiCode: breach.kpi.code, endMonth: breach.kpi.endMonth },
    });
    const messages = breachOpenedMessages(breach);
    for (const [organisationId, message] of [
      [breach.provider.id, messages.provider],
      [breach.commissioner.id, messages.commissioner],
    ] as const)
      await insertOutboxMessage(trx, { organisationId, ...message, entityType: 'breach', entityId: id }, at);
    opened.push(id);
  }
  return opened;
}
