/** Alerts the commissioner once when a plan's forecast first crosses each threshold (issue #14 item 7; decision 0048): never one per run. */
import type { Executor } from '../../db/executor.ts';
import { formatPence } from '../../lib/money.ts';
import { sendMessage } from '../compliance/compliance.repo.ts';
import type { Deps } from '../deps.ts';
import { recordAlertOnce } from './budget-alert.repo.ts';
import { newAlerts, thresholdsCrossed } from './budget-alert.rules.ts';
import { figuresOf, type PlanFigures } from './budget-figures.service.ts';
import { plansWithLatestVersion } from './budget-plan.repo.ts';
import { financialYearOf } from './financial-year.rules.ts';

export interface AlertCheck {
  /** One commissioner's plans, or every commissioner's (the month-close run). */
  commissionerId?: string;
  today: string;
  now?: Date;
}

function alertMessage(figures: PlanFigures, percent: number) {
  const { plan, forecast } = figures;
  const over = percent >= 100;
  return {
    organisationId: plan.commissionerId,
    subject: `Budget ${over ? 'overspend forecast' : 'alert'}: ${plan.serviceName} ${plan.financialYear} forecast at ${figures.percentOfPlan}% of plan`,
    body:
      `The forecast spend on ${plan.serviceName} for ${plan.financialYear} is ${formatPence(forecast.forecastPence)}, ` +
      `${figures.percentOfPlan}% of the plan of ${formatPence(plan.amountPence)}: it has reached the ${percent}% threshold. ` +
      `Actual spend to date ${formatPence(forecast.actualToDatePence)}, committed ${formatPence(forecast.committedCountedPence)}, ` +
      `and ${formatPence(forecast.runRatePence)} a month for ${forecast.monthsRemaining} months to come. ` +
      `See how it was worked out at /payments/budgets/${plan.id}. AQP will not send this alert again for this plan and threshold.`,
    entityType: 'budget-plan',
    entityId: plan.id,
  };
}

async function checkIn(trx: Executor, check: AlertCheck): Promise<number> {
  const plans = await plansWithLatestVersion(trx, { commissionerId: check.commissionerId });
  const thisYear = financialYearOf(check.today);
  let raised = 0;
  for (const plan of plans.filter((candidate) => candidate.financialYear >= thisYear)) {
    const figures = await figuresOf(trx, plan, check.today);
    const crossed = thresholdsCrossed(figures.forecast.forecastPence, plan.amountPence, figures.thresholds);
    for (const percent of newAlerts(crossed, figures.alerted)) {
      const recorded = await recordAlertOnce(trx, {
        planId: plan.id,
        thresholdPercent: percent,
        planVersion: plan.version,
        planPence: plan.amountPence,
        forecastPence: figures.forecast.forecastPence,
        raisedOn: check.today,
        raisedAt: check.now ?? new Date(),
      });
      if (!recorded) continue;
      await sendMessage(trx, alertMessage(figures, percent));
      raised += 1;
    }
  }
  return raised;
}

/**
 * Checks the plans of this financial year and later against their thresholds and alerts the commissioner the first
 * time a forecast crosses each one; the month-close run calls it after building statements, and saving a plan does too.
 * Given an open transaction it works inside it; given the dependencies it opens its own. Returns the alerts raised.
 */
export async function checkBudgetAlerts(on: Executor | Deps, check: AlertCheck): Promise<number> {
  if ('db' in on && 'clock' in on) return on.db.transaction().execute((trx) => checkIn(trx, { now: on.clock.now(), ...check }));
  return checkIn(on as Executor, check);
}
