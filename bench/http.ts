/** Measures HTTP routes of a real server with autocannon in-process, one route at a time. */
import autocannon from 'autocannon';
import type { BenchRow } from './report.ts';

export interface MeasureOptions {
  seconds?: number;
  connections?: number;
  headers?: Record<string, string>;
  /** Requests taken in turn across all connections (path and extra headers), so one route is measured over many records. */
  rotate?: { path: string; headers?: Record<string, string> }[];
}

/** Every request of the next one in the rotation, shared by all connections. */
function rotatingRequests(rotate: NonNullable<MeasureOptions['rotate']>): autocannon.Request[] {
  let next = 0;
  return [
    {
      setupRequest: (request) => {
        const pick = rotate[next++ % rotate.length]!;
        return { ...request, path: pick.path, headers: { ...request.headers, ...pick.headers } };
      },
    },
  ];
}

/** Requests per second and latency of a route; any non-2xx response or error fails the benchmark rather than flattering it. */
export async function measureRoute(label: string, url: string, options: MeasureOptions = {}): Promise<BenchRow> {
  const result = await autocannon({
    url,
    duration: options.seconds ?? 5,
    connections: options.connections ?? 10,
    headers: options.headers,
    ...(options.rotate?.length ? { requests: rotatingRequests(options.rotate) } : {}),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${label}: ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  return { label, perSecond: result.requests.average, meanMs: result.latency.average, p99Ms: result.latency.p99 };
}
