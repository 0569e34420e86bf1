/** Measures HTTP routes of a real server with autocannon in-process, one route at a time. */
import autocannon from 'autocannon';
import type { BenchRow } from './report.ts';

export async function measureRoute(label: string, url: string, options: { seconds?: number; connections?: number; headers?: Record<string, string> } = {}): Promise<BenchRow> {
  const result = await autocannon({ url, duration: options.seconds ?? 5, connections: options.connections ?? 10, headers: options.headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${label}: ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  return { label, perSecond: result.requests.average, meanMs: result.latency.average, p99Ms: result.latency.p99 };
}
