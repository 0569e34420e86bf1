/** An open-loop load generator for the soak: each kind of request is started at its own fixed rate whether or not earlier ones have been answered, timed and checked. */

/** What a kind of request does once: undefined when there was nothing to do yet (e.g. no choice list to choose from), counted as skipped. */
export type Fire = (kind: KindStats) => Promise<void> | undefined;

/** Counts and latencies of one kind of request. */
export interface KindStats {
  name: string;
  perSecond: number;
  sent: number;
  right: number;
  errors: number;
  skipped: number;
  /** Started while too many of the kind were still unanswered, so not sent: the server fell behind. */
  dropped: number;
  latenciesMs: number[];
  firstError?: string;
}

/** At most this many unanswered requests of one kind at once. */
const MAX_IN_FLIGHT = 200;
const TICK_MS = 20;
const TIMEOUT_MS = 30_000;

/** A new kind to schedule at `perSecond`. */
export function kind(name: string, perSecond: number): KindStats {
  return { name, perSecond, sent: 0, right: 0, errors: 0, skipped: 0, dropped: 0, latenciesMs: [] };
}

function fail(stats: KindStats, why: string): void {
  stats.errors += 1;
  stats.firstError ??= why;
}

/** Sends one request, timing it to the last byte; a non-2xx, a timeout or a wrong answer (`check` says why) is an error. Returns the body when right. */
export async function timed(
  stats: KindStats,
  url: string,
  init: RequestInit,
  check: (status: number, body: string) => string | undefined = () => undefined,
): Promise<string | undefined> {
  stats.sent += 1;
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const body = await response.text();
    stats.latenciesMs.push(performance.now() - started);
    const why = response.ok ? check(response.status, body) : `HTTP ${response.status}: ${body.slice(0, 200)}`;
    if (why) return void fail(stats, `${init.method ?? 'GET'} ${new URL(url).pathname}: ${why}`);
    stats.right += 1;
    return body;
  } catch (error) {
    stats.latenciesMs.push(performance.now() - started);
    return void fail(stats, `${new URL(url).pathname}: ${(error as Error).message}`);
  }
}

/** Runs every kind at its rate for `seconds`, then waits for the answers still outstanding. */
export async function runOpenLoop(kinds: { stats: KindStats; fire: Fire }[], seconds: number): Promise<void> {
  const started = performance.now();
  const inFlight = new Map(kinds.map(({ stats }) => [stats.name, 0]));
  const pending = new Set<Promise<void>>();
  const fired = new Map(kinds.map(({ stats }) => [stats.name, 0]));
  while (performance.now() - started < seconds * 1000) {
    const elapsed = (performance.now() - started) / 1000;
    for (const { stats, fire } of kinds) {
      const due = Math.floor(elapsed * stats.perSecond) - fired.get(stats.name)!;
      for (let i = 0; i < due; i += 1) {
        fired.set(stats.name, fired.get(stats.name)! + 1);
        if (inFlight.get(stats.name)! >= MAX_IN_FLIGHT) {
          stats.dropped += 1;
          continue;
        }
        const work = fire(stats);
        if (!work) {
          stats.skipped += 1;
          continue;
        }
        inFlight.set(stats.name, inFlight.get(stats.name)! + 1);
        const tracked = work
          .catch((error: Error) => fail(stats, `${stats.name}: ${error.message}`))
          .finally(() => {
            inFlight.set(stats.name, inFlight.get(stats.name)! - 1);
            pending.delete(tracked);
          });
        pending.add(tracked);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  await Promise.allSettled([...pending]);
}

/** The 99th percentile and mean of a kind's latencies, in milliseconds. */
export function latencySummary(stats: KindStats): { p99Ms: number; meanMs: number } {
  const sorted = [...stats.latenciesMs].sort((a, b) => a - b);
  if (!sorted.length) return { p99Ms: 0, meanMs: 0 };
  return {
    p99Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]!,
    meanMs: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}
