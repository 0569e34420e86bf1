/**
 * Fills the node's choice read model before patients and GPs ask (decision 0068): at start and again when England's day changes
 * (waits are counted to today), so no choice list or directory search waits for a cold read of its providers' figures.
 */
import type { Deps } from '../deps.ts';
import { publicCommissionedServices } from './commissioned-services.repo.ts';
import { runningListingsWithStanding } from './standing-cache.ts';

const CHECK_EVERY_MS = 60_000;

/** Reads every public offer's providers with their standing into the cache, one commissioner's service at a time; returns how many and how long. */
export async function warmChoiceReadModel(deps: Deps): Promise<{ services: number; milliseconds: number }> {
  const started = Date.now();
  const services = await publicCommissionedServices(deps.db);
  const today = deps.clock.today();
  for (const service of services) await runningListingsWithStanding(deps.db, service, today);
  return { services: services.length, milliseconds: Date.now() - started };
}

/** Warms now and whenever the day changes (checked each minute); returns a function that stops it. */
export function scheduleChoiceWarmUp(
  deps: Deps,
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void },
): () => void {
  let warmedFor: string | undefined;
  let running = false;
  const tick = () => {
    const today = deps.clock.today();
    if (running || warmedFor === today) return;
    running = true;
    warmChoiceReadModel(deps)
      .then((warmed) => ((warmedFor = today), log.info({ warmed }, 'choice read model warmed')))
      .catch((error: unknown) => log.error({ err: error }, 'could not warm the choice read model; it fills as lists are asked for'))
      .finally(() => (running = false));
  };
  tick();
  const timer = setInterval(tick, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
