/** A commissioner's budget alert thresholds (configuration; 90% and 100% of plan unless it sets others), decision 0048. */
import { validationFailed } from '../../lib/errors.ts';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../identity/audit.repo.ts';
import type { ActionContext } from '../identity/principal.ts';
import { replaceThresholds, thresholdsOf } from './budget-alert.repo.ts';
import { checkBudgetAlerts } from './budget-alerts.service.ts';
import { budgetHolderOf } from './budget.service.ts';

/** The principal's commissioner's thresholds, in percent of plan, smallest first. */
export function alertThresholdsOf(deps: Deps, context: ActionContext): Promise<number[]> {
  return thresholdsOf(deps.db, budgetHolderOf(context));
}

/** Sets the thresholds (1 to 5 different whole percentages from 1 to 200), then alerts on any the forecasts already cross. */
export async function setAlertThresholds(deps: Deps, context: ActionContext, percents: readonly number[]): Promise<number[]> {
  const commissionerId = budgetHolderOf(context);
  const unique = [...new Set(percents)].sort((a, b) => a - b);
  if (!unique.length || unique.length > 5 || unique.some((percent) => !Number.isInteger(percent) || percent < 1 || percent > 200))
    throw validationFailed([{ field: 'percents', message: 'Give from 1 to 5 thresholds, each a whole percentage of plan from 1 to 200' }]);
  await deps.db.transaction().execute(async (trx) => {
    await replaceThresholds(trx, commissionerId, unique);
    await recordAudit(trx, context, {
      action: 'budget.thresholds.set',
      entityType: 'organisation',
      entityId: commissionerId,
      details: { percents: unique },
    });
  });
  await checkBudgetAlerts(deps, { commissionerId, today: deps.clock.today() });
  return unique;
}
