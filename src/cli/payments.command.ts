/** `aqp payments run --month YYYY-MM`: closes a month on demand (cron, or after late lines), the same run the web nodes schedule daily. */
import type { Command } from 'commander';
import { runPaymentMonth } from '../domains/payments/payment-run.service.ts';
import { withDatabase } from './with-database.ts';

export function registerPaymentsCommand(program: Command): void {
  program
    .command('payments')
    .description('activity and payment')
    .command('run')
    .description('close a month: place its activity lines on draft statements, priced and re-checked; approved statements never change')
    .requiredOption('--month <YYYY-MM>', 'the month to close; it must have ended')
    .action(async (options: { month: string }) => {
      await withDatabase(async (deps) => {
        const result = await runPaymentMonth(deps, { principal: null, clientAddress: null }, { month: options.month, triggeredBy: 'cli' });
        console.log(
          `Month ${result.month} closed: ${result.drafts} draft statements, ${result.linesPlaced} lines placed (${result.releases} released from earlier statements); ${result.budgetAlerts} budget alerts raised.`,
        );
      });
    });
}
