/** `aqp serve`: the web server (what `npm start` runs). */
import type { Command } from 'commander';
import { serve } from '../http/server.ts';
import { configOrExit } from './config-or-exit.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the web server (embedded PGlite unless DATABASE_URL is set)')
    .action(async () => {
      await serve(configOrExit());
    });
}
