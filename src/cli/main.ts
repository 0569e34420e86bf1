/** The `aqp` command line: serve, migrate, seed, users, API keys, imports, compliance runs, month closes, KPI runs and email sends, all calling the same services as the web. */
import { Command } from 'commander';
import { registerKeyCommands } from './api-keys.command.ts';
import { registerComplianceCommand } from './compliance.command.ts';
import { registerDatabaseCommands } from './database.command.ts';
import { registerEmailCommand } from './email.command.ts';
import { registerImportCommand } from './import.command.ts';
import { registerOrganisationCommands } from './organisations.command.ts';
import { registerPaymentsCommand } from './payments.command.ts';
import { registerQualityCommand } from './quality.command.ts';
import { registerServeCommand } from './serve.command.ts';
import { registerUserCommands } from './users.command.ts';

const program = new Command().name('aqp').description('AQP: the Any Qualified Provider platform').showHelpAfterError();

registerServeCommand(program);
registerDatabaseCommands(program);
registerOrganisationCommands(program);
registerUserCommands(program);
registerKeyCommands(program);
registerImportCommand(program);
registerComplianceCommand(program);
registerPaymentsCommand(program);
registerQualityCommand(program);
registerEmailCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
