/** `aqp compliance run`: the daily compliance checks on demand (cron, or after recording a CQC status change). */
import type { Command } from 'commander';
import { runCompliance } from '../domains/compliance/compliance-run.service.ts';
import { withDatabase } from './with-database.ts';

export function registerComplianceCommand(program: Command): void {
  program
    .command('compliance')
    .description('provider compliance checks')
    .command('run')
    .description('put starting contracts live, expire ended ones, raise evidence alerts and suspend listings by each offer’s rule')
    .option('--force', 'run again even if today’s run has already happened')
    .action(async (options: { force?: boolean }) => {
      await withDatabase(async (deps) => {
        const result = await runCompliance(deps, { triggeredBy: 'cli', force: options.force });
        if (result.skipped) {
          console.log(`Today’s compliance run (${result.ranOn}) has already happened; use --force to run it again.`);
          return;
        }
        console.log(
          `Compliance run for ${result.ranOn}: ${result.listingsLive} listings went live, ${result.listingsExpired} expired, ${result.listingsSuspended} suspended; ${result.alertsRaised} alerts raised, ${result.alertsResolved} resolved.`,
        );
      });
    });
}
