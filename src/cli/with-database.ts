/** Opens the configured database for one CLI command and always closes it, exiting non-zero on failure. */
import { openDatabase } from '../db/connect.ts';
import type { Deps } from '../domains/deps.ts';
import { systemClock } from '../lib/clock.ts';
import { isDomainError } from '../lib/errors.ts';
import { configOrExit } from './config-or-exit.ts';

export async function withDatabase<T>(work: (deps: Deps, kind: 'postgres' | 'pglite') => Promise<T>): Promise<T> {
  const config = configOrExit();
  const handle = await openDatabase(config);
  try {
    return await work(
      {
        db: handle.db,
        clock: systemClock(config.today),
        queryPeriods: config.queryPeriods,
        qualityReturnDueWorkingDays: config.qualityReturnDueWorkingDays,
        breachPeriods: config.breachPeriods,
        accessCodeKeys: config.accessCodeKeys,
      },
      handle.kind,
    );
  } catch (error) {
    if (isDomainError(error)) {
      const fields = error.details.fieldErrors?.map((f) => `  ${f.field}: ${f.message}`).join('\n');
      throw new Error(fields ? `${error.message}\n${fields}` : error.message);
    }
    throw error;
  } finally {
    await handle.close();
  }
}
