/** The explicit dependencies every use case receives, so the web, API and CLI call services the same way. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';

export interface Deps {
  db: Kysely<Database>;
  clock: Clock;
}
