/** `aqp quality run --month YYYY-MM`: works out and stores every offer's KPIs for an end month on demand, the same run the web nodes schedule nightly. */
import type { Command } from 'commander';
import { runKpis } from '../domains/provider-quality/kpi-run.service.ts';
import { withDatabase } from './with-database.ts';

export function registerQualityCommand(program: Command): void {
  program
    .command('quality')
    .description('quality monitoring')
    .command('run')
    .description('work out every offer’s KPIs for the period ending with a month and store them; a re-run replaces the values in place')
    .requiredOption('--month <YYYY-MM>', 'the month the KPI periods end with; the current month counts to date')
    .action(async (options: { month: string }) => {
      await withDatabase(async (deps) => {
        const result = await runKpis(deps, { principal: null, clientAddress: null }, { endMonth: options.month, trigger: 'on-demand' });
        console.log(`KPIs for periods ending ${result.endMonth} stored: ${result.results} results (run ${result.runId}).`);
      });
    });
}
