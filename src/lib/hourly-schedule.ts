/** One mechanism for the jobs each web node schedules (the compliance run, the month close): try shortly after start, then hourly; the job itself decides whether it is due. */

const HOUR_MS = 60 * 60 * 1000;

/** Runs `tick` after `firstDelayMs` and then every hour, never keeping the process alive; returns a function that stops it. */
export function scheduleHourly(tick: () => void, firstDelayMs: number): () => void {
  const first = setTimeout(tick, firstDelayMs);
  const hourly = setInterval(tick, HOUR_MS);
  first.unref();
  hourly.unref();
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}
