/** A page's own server time (its Server-Timing header) over sequential requests: the time a user waits on the server, without the load generator's. */

export interface ServerTime {
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/** The `app;dur=` of a Server-Timing header, in milliseconds. */
function appDuration(response: Response): number {
  const match = /app;dur=(\d+(?:\.\d+)?)/.exec(response.headers.get('server-timing') ?? '');
  if (!match) throw new Error(`${response.url} answered without a Server-Timing app duration`);
  return Number(match[1]);
}

/** The value at a fraction of the sorted durations (nearest rank). */
function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** Requests the URL `warmUp` times unmeasured, then `times` times one after another; any non-200 answer fails the benchmark. */
export async function serverTime(url: string, headers: Record<string, string>, times: number, warmUp = 2): Promise<ServerTime> {
  const durations: number[] = [];
  for (let i = 0; i < warmUp + times; i++) {
    const response = await fetch(url, { headers, redirect: 'manual' });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    if (i >= warmUp) durations.push(appDuration(response));
  }
  durations.sort((a, b) => a - b);
  return { medianMs: percentile(durations, 0.5), p95Ms: percentile(durations, 0.95), maxMs: durations.at(-1)! };
}
