/** Runs the KPI engine nightly from each web node, like the compliance run and the month close: the lock and the once-a-day check mean one node does it, for the month just ended and the current month to date. */
import { scheduleHourly } from '../../lib/hourly-schedule.ts';
import type { Deps } from '../deps.ts';
import { monthBefore } from '../payments/month.rules.ts';
import { runKpis } from './kpi-run.service.ts';

const SYSTEM = { principal: null, clientAddress: null };

/** The end months a nightly run works out: the month just ended (late records still settle it) and the current month to date. */
export function scheduledEndMonths(today: string): string[] {
  return [monthBefore(today), today.slice(0, 7)];
}

/** Checks shortly after start and then hourly whether today's runs are due; returns a function that stops the schedule. */
export function scheduleNightlyKpis(
  deps: Deps,
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void },
  firstDelayMs = 25_000,
): () => void {
  const tick = () => {
    const runAll = async () => {
      for (const endMonth of scheduledEndMonths(deps.clock.today())) {
        const result = await runKpis(deps, SYSTEM, { endMonth, trigger: 'schedule', onceADay: true });
        if (!result.skipped) log.info({ kpiRun: result }, 'nightly KPI run finished');
      }
    };
    runAll().catch((error: unknown) => log.error({ err: error }, 'nightly KPI run failed'));
  };
  return scheduleHourly(tick, firstDelayMs);
}
