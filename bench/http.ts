/** Measures HTTP routes of a real server with autocannon in-process, one route at a time. */
import autocannon from 'autocannon';
import type { BenchRow } from './report.ts';

/** One request of a rotation: its path, and its method, extra headers and JSON body when not a plain GET. */
export interface RotatedRequest {
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/** What a check is given besides status and body: the rotation's path this answer is for (when rotating) and the reply's headers. */
export interface AnsweredRequest {
  path?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Why an answer is wrong, or undefined when it is right. The body is autocannon's, decoded as UTF-8 chunk by chunk: text only. */
export type AnswerCheck = (status: number, body: string, answered: AnsweredRequest) => string | undefined;

export interface MeasureOptions {
  seconds?: number;
  connections?: number;
  headers?: Record<string, string>;
  /** Requests taken in turn across all connections, so one route is measured over many records. */
  rotate?: RotatedRequest[];
  /** A sequence each connection repeats (e.g. create a referral, then ask for its choice list); overrides `rotate`. */
  requests?: autocannon.Request[];
  /** Why an answer is wrong (an empty directory, a referral not saved), or undefined when it is right; wrong answers are counted. */
  check?: AnswerCheck;
  /** The goal the row is held to, shown beside it in the report. */
  goal?: string;
}

/** Every request of the next one in the rotation, shared by all connections. */
function rotatingRequests(rotate: RotatedRequest[]): autocannon.Request[] {
  let next = 0;
  return [
    {
      setupRequest: (request, context) => {
        const pick = rotate[next++ % rotate.length]!;
        (context as { askedPath?: string }).askedPath = pick.path; // one request at a time per connection: the next answer on it is this one's
        return {
          ...request,
          path: pick.path,
          method: pick.method ?? 'GET',
          headers: { ...request.headers, ...pick.headers, ...(pick.body ? { 'content-type': 'application/json' } : {}) },
          ...(pick.body ? { body: pick.body } : {}),
        };
      },
    },
  ];
}

/** Counts wrong answers and remembers the first reason, by wrapping each request's own response hook. */
function checked(
  requests: autocannon.Request[],
  check: NonNullable<MeasureOptions['check']>,
  wrong: { count: number; first?: string },
): autocannon.Request[] {
  return requests.map((request) => ({
    ...request,
    onResponse: (status, body, context, headers) => {
      const why = check(status, body, { path: (context as { askedPath?: string } | undefined)?.askedPath, headers: headers ?? {} });
      if (why) {
        wrong.count += 1;
        wrong.first ??= why;
      }
      if (typeof request.onResponse === 'function') request.onResponse(status, body, context, headers);
    },
  }));
}

/** Requests per second and latency of a route; unchecked, any non-2xx response or error fails the benchmark rather than flattering it; checked, they are wrong answers on the row. */
export async function measureRoute(label: string, url: string, options: MeasureOptions = {}): Promise<BenchRow> {
  const wrong = { count: 0, first: undefined as string | undefined };
  const plain = options.requests ?? (options.rotate?.length ? rotatingRequests(options.rotate) : undefined);
  const requests = options.check ? checked(plain ?? [{}], options.check, wrong) : plain;
  const result = await autocannon({
    url,
    duration: options.seconds ?? 5,
    connections: options.connections ?? 10,
    headers: options.headers,
    ...(requests ? { requests } : {}),
  });
  const statuses = Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => `${stats.count ?? 0} × HTTP ${status}`);
  const failed = `${result.non2xx} non-2xx responses (${statuses.join(', ')}) and ${result.errors} errors`;
  // Unchecked, any failure stops the benchmark; checked, failures are wrong answers on the row (a server shedding load says 503).
  if (!options.check && (result.non2xx > 0 || result.errors > 0)) throw new Error(`${label}: ${failed}`);
  if (result.errors > 0) wrong.first ??= failed;
  wrong.count += result.errors;
  if (wrong.count) console.error(`${label}: ${wrong.count} wrong answers (${failed}), the first: ${wrong.first}`);
  const right = result.requests.total - wrong.count;
  return {
    label,
    // Checked rows count right answers only, so fast failures cannot flatter them.
    perSecond: options.check ? right / (result.duration || 1) : result.requests.average,
    meanMs: result.latency.average,
    p99Ms: result.latency.p99,
    ...(options.goal ? { goal: options.goal } : {}),
    ...(options.check ? { answers: result.requests.total, wrong: wrong.count, firstWrong: wrong.first } : {}),
  };
}
