/** The explicit dependencies every use case receives, so the web, API and CLI call services the same way. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import type { QueryPeriods } from './payments/line-query.rules.ts';
import type { AccessCodeKeys } from './referrals/access-code-hash.ts';
import type { BreachPeriods } from './provider-quality/breach.rules.ts';

export interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  /** The deployment's periods for line queries (src/config, decision 0047); absent (tests, demo) means the contract defaults. */
  queryPeriods?: QueryPeriods;
  /** Working days after a quarter ends by which its quality return is due (src/config, decision 0055); absent means the default. */
  qualityReturnDueWorkingDays?: number;
  /** The deployment's contract-management periods for KPI breaches (decision 0056); absent means DEFAULT_BREACH_PERIODS. */
  breachPeriods?: BreachPeriods;
  /** The keys patients' access codes are kept under (src/config, decision 0074); absent (tools and tests that build their own) means argon2id, as before. */
  accessCodeKeys?: AccessCodeKeys;
}
