/** Directory searches to measure (a spread of real postcodes and districts with a service commissioned there, kept only when the directory lists someone, so an empty answer in the run is a wrong one) and how their answers are checked, gzip pages included. */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { Deps } from '../src/domains/deps.ts';
import { searchDirectory } from '../src/domains/directory/directory.service.ts';
import { isDomainError } from '../src/lib/errors.ts';
import type { CommissionerArea } from './bench-reference.ts';
import { pickOne, pickSome, type Random } from './bulk.ts';
import type { AnswerCheck } from './http.ts';
import type { DirectoryOffer } from './national-directory.ts';

/** A search for a service at a full postcode or a postcode district. */
export interface DirectorySearch {
  service: string;
  postcode: string;
}

/** The API's and the page's paths for a search. */
export function searchPaths(search: DirectorySearch): { api: string; page: string } {
  const query = new URLSearchParams({ service: search.service, postcode: search.postcode }).toString();
  return { api: `/api/v1/directory?${query}`, page: `/directory?${query}` };
}

/** The API's answer lists at least one site. */
export const apiListsSites = (status: number, body: string) => (body.includes('"listingId"') ? undefined : `HTTP ${status} listed no site`);
/** The page's answer lists at least one site (each is a heading linking to its provider). */
export const pageListsSites = (status: number, body: string) =>
  body.includes('<h3 class="nhsuk-u-margin-bottom-2"><a href="/directory/providers/') ? undefined : `HTTP ${status} listed no site`;

/** Each page's gzip answer as a browser is sent it (asked with Accept-Encoding: gzip), unzipped and checked for a listed site; its size in bytes by path. */
export async function verifiedGzipPages(base: string, pagePaths: string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const each of pagePaths) {
    const { status, encoding, bytes } = await rawGet(`${base}${each}`, { 'accept-encoding': 'gzip' });
    if (encoding !== 'gzip') throw new Error(`${each} answered ${status} with Content-Encoding ${encoding ?? 'none'}, not gzip`);
    const why = pageListsSites(status, gunzipSync(bytes).toString('utf8'));
    if (why) throw new Error(`${each}: ${why}`);
    sizes.set(each, bytes.length);
  }
  return sizes;
}

/**
 * Checks a gzip page answer in a run, where autocannon hands over the body as lossy text: right when it is gzip and exactly as long
 * as the answer unzipped and checked for that search before the run (the cached page is the same bytes until its data changes).
 */
export function sameAsVerifiedGzip(sizes: Map<string, number>): AnswerCheck {
  return (status, _body, answered) => {
    const header = (name: string) => Object.entries(answered.headers).find(([key]) => key.toLowerCase() === name)?.[1];
    if (status !== 200) return `HTTP ${status}`;
    if (header('content-encoding') !== 'gzip') return `HTTP ${status} not gzip`;
    const expected = answered.path === undefined ? undefined : sizes.get(answered.path);
    if (expected === undefined || Number(header('content-length')) !== expected)
      return `HTTP ${status} gzip of ${String(header('content-length'))} bytes for ${answered.path ?? 'an unknown search'}, not the checked answer's ${expected ?? '?'}`;
    return undefined;
  };
}

/** How long a check's GET may wait for the server before the benchmark fails, rather than hang. */
const RAW_GET_TIMEOUT_MS = 30_000;

/** A GET whose body is kept as bytes, not unzipped (fetch unzips). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; encoding?: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http
      .get(url, { headers }, (reply) => {
        const chunks: Buffer[] = [];
        reply.on('data', (chunk: Buffer) => chunks.push(chunk));
        reply.on('end', () =>
          resolve({ status: reply.statusCode ?? 0, encoding: reply.headers['content-encoding'], bytes: Buffer.concat(chunks) }),
        );
        reply.on('error', reject);
      })
      .on('error', reject);
    request.setTimeout(RAW_GET_TIMEOUT_MS, () => request.destroy(new Error(`${url} did not answer in ${RAW_GET_TIMEOUT_MS / 1000} s`)));
  });
}

/** The searches among `candidates` that list at least one site, asked once through the directory service. */
export async function nonEmptySearches(deps: Deps, candidates: DirectorySearch[]): Promise<DirectorySearch[]> {
  const kept: DirectorySearch[] = [];
  for (const candidate of candidates) {
    try {
      if ((await searchDirectory(deps, { ...candidate, pageSize: 1 })).total > 0) kept.push(candidate);
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  return kept;
}

/** `perArea` postcodes in every commissioner's area, each with a service one of its offers is for; and their districts. */
export async function nationalCandidates(
  deps: Deps,
  random: Random,
  areas: CommissionerArea[],
  offers: DirectoryOffer[],
  perArea: number,
): Promise<{ postcodes: DirectorySearch[]; districts: DirectorySearch[] }> {
  const serviceOf = new Map(
    (await deps.db.selectFrom('offers as o').innerJoin('services as s', 's.id', 'o.service_id').select(['o.id', 's.code']).execute()).map(
      (row) => [row.id, row.code],
    ),
  );
  const postcodes = areas.flatMap((area) => {
    const theirs = offers.filter((offer) => offer.commissioner.id === area.id);
    return pickSome(random, area.postcodes, perArea).map((placed) => ({
      service: serviceOf.get(pickOne(random, theirs).id)!,
      postcode: placed.postcode,
    }));
  });
  const districts = new Map(postcodes.map((search) => [search.postcode.split(' ')[0]!, search.service]));
  return { postcodes, districts: [...districts].map(([district, service]) => ({ service, postcode: district })) };
}

/** On the demo: the postcodes of live sites and of the demo's patients, and their districts, each with every service that has a live listing. */
export async function demoCandidates(deps: Deps): Promise<{ postcodes: DirectorySearch[]; districts: DirectorySearch[] }> {
  const live = deps.db
    .selectFrom('listings as l')
    .innerJoin('offers as o', 'o.id', 'l.offer_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .where('l.status', '=', 'live');
  const services = await live.select('s.code').distinct().execute();
  const sites = await live
    .innerJoin('listing_sites as ls', 'ls.listing_id', 'l.id')
    .innerJoin('sites as site', 'site.id', 'ls.site_id')
    .select('site.postcode')
    .distinct()
    .execute();
  const patients = await deps.db.selectFrom('patients').select('postcode').distinct().execute();
  const postcodes = [...new Set([...sites, ...patients].map((row) => row.postcode))].filter((postcode) => /^[A-Z]/.test(postcode));
  const districts = [...new Set(postcodes.map((postcode) => postcode.split(' ')[0]!))];
  const withServices = (places: string[]) => places.flatMap((postcode) => services.map(({ code }) => ({ service: code, postcode })));
  return { postcodes: withServices(postcodes), districts: withServices(districts) };
}

/** Milliseconds each path took the first time it was asked, one at a time. */
export async function firstAsks(base: string, paths: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const each of paths) {
    const started = performance.now();
    const reply = await fetch(`${base}${each}`);
    await reply.arrayBuffer();
    if (!reply.ok) throw new Error(`${each} answered ${reply.status} when first asked`);
    times.push(performance.now() - started);
  }
  return times;
}

/** Mean, median and slowest of some times, for a report note. */
export function describeTimes(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
  return `mean ${mean.toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, slowest ${sorted.at(-1)!.toFixed(1)} ms`;
}
