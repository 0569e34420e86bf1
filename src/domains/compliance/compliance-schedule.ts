/** Runs the compliance checks once a day from each web node; the run itself skips a day already done, so nodes never double up. */
import { scheduleHourly } from '../../lib/hourly-schedule.ts';
import type { Deps } from '../deps.ts';
import { runCompliance } from './compliance-run.service.ts';

/** Checks shortly after start and then hourly whether today's run is due; returns a function that stops the schedule. */
export function scheduleDailyCompliance(
  deps: Deps,
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void },
  firstDelayMs = 15_000,
): () => void {
  const tick = () => {
    runCompliance(deps, { triggeredBy: 'schedule' })
      .then((result) => {
        if (!result.skipped) log.info({ compliance: result }, 'daily compliance run finished');
      })
      .catch((error: unknown) => log.error({ err: error }, 'daily compliance run failed'));
  };
  return scheduleHourly(tick, firstDelayMs);
}
