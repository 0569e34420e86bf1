/** Runs a batch of bad requests against one route and reports server errors, accepted invalid input, and writes made by refusals. */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { changedTables, fingerprintTables } from './table-fingerprint.ts';

export interface FuzzCase {
  /** Sends the request (again, when a write by a refusal has to be pinned down). */
  send(): Promise<{ statusCode: number }>;
  /** True when the input breaks the route's schema for certain, so it must be refused. */
  mustRefuse: boolean;
  /** The one status the answer must have, where the HTTP spec names it (413 for a body over the limit). */
  status?: number;
  describe: string;
}

const isRefusal = (status: number): boolean => status >= 400 && status < 500;

/** Sends every case; refusals are checked for writes as a batch, or one by one when the batch also had acceptances. */
export async function runFuzzBatch(db: Kysely<Database>, route: string, cases: FuzzCase[]): Promise<string[]> {
  const failures: string[] = [];
  const before = await fingerprintTables(db);
  const statuses: number[] = [];
  for (const each of cases) {
    const { statusCode } = await each.send();
    statuses.push(statusCode);
    if (statusCode >= 500) failures.push(`${route} ${each.describe}: got ${statusCode}`);
    else if (each.mustRefuse && !isRefusal(statusCode)) failures.push(`${route} ${each.describe}: accepted with ${statusCode}`);
    else if (each.status && statusCode !== each.status) failures.push(`${route} ${each.describe}: got ${statusCode}, not ${each.status}`);
  }
  const written = changedTables(before, await fingerprintTables(db));
  if (!written.length) return failures;
  if (statuses.every(isRefusal)) return [...failures, `${route}: refused every request but wrote to ${written.join(', ')}`];
  for (const each of cases.filter((_, index) => isRefusal(statuses[index]!))) failures.push(...(await writesOfRefusal(db, route, each)));
  return failures;
}

async function writesOfRefusal(db: Kysely<Database>, route: string, each: FuzzCase): Promise<string[]> {
  const before = await fingerprintTables(db);
  const { statusCode } = await each.send();
  const written = changedTables(before, await fingerprintTables(db));
  return isRefusal(statusCode) && written.length
    ? [`${route} ${each.describe}: refused with ${statusCode} but wrote to ${written.join(', ')}`]
    : [];
}
