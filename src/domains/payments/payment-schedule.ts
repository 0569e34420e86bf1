/** Closes the previous month once a day from each web node, like the compliance run: the lock and the once-a-day check mean one node does it. */
import { scheduleHourly } from '../../lib/hourly-schedule.ts';
import type { Deps } from '../deps.ts';
import { monthBefore } from './month.rules.ts';
import { runPaymentMonth } from './payment-run.service.ts';

/** Checks shortly after start and then hourly whether today's close of last month is due; returns a function that stops the schedule. */
export function scheduleDailyMonthClose(
  deps: Deps,
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void },
  firstDelayMs = 20_000,
): () => void {
  const tick = () => {
    const month = monthBefore(deps.clock.today());
    runPaymentMonth(deps, { principal: null, clientAddress: null }, { month, triggeredBy: 'schedule', onceADay: true })
      .then((result) => {
        if (!result.skipped) log.info({ paymentRun: result }, 'daily month close finished');
      })
      .catch((error: unknown) => log.error({ err: error }, 'daily month close failed'));
  };
  return scheduleHourly(tick, firstDelayMs);
}
