/** `aqp users create`: an account with one membership, e.g. the first platform administrator; `aqp users unlock`: lifts a sign-in lock. */
import type { Command } from 'commander';
import { findOrganisationByOdsCode, isUuid } from '../domains/identity/organisation.repo.ts';
import { unlockSignIn } from '../domains/identity/sign-in-throttle.service.ts';
import { createUser } from '../domains/identity/user.service.ts';
import { withDatabase } from './with-database.ts';

export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('manage accounts');
  users
    .command('create')
    .description('create an account with a role in an organisation')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', 'e.g. platform-admin, commissioner, provider-admin')
    .requiredOption('--organisation <odsCodeOrId>', 'ODS code (or id) of the organisation')
    .option('--password <password>', 'initial password (default: read AQP_NEW_PASSWORD)')
    .action(async (options: { email: string; name: string; role: string; organisation: string; password?: string }) => {
      const password = options.password ?? process.env.AQP_NEW_PASSWORD ?? '';
      await withDatabase(async (deps) => {
        const organisation = isUuid(options.organisation) ? undefined : await findOrganisationByOdsCode(deps.db, options.organisation);
        const organisationId = organisation?.id ?? options.organisation;
        const { userId } = await createUser(
          deps,
          { principal: null, clientAddress: 'cli' },
          { email: options.email, displayName: options.name, password, organisationId, role: options.role },
        );
        console.log(`Created account ${userId} for ${options.email}.`);
      });
    });
  users
    .command('unlock')
    .description('clear the sign-in lock on an email address at every client address (decision 25)')
    .requiredOption('--email <email>')
    .action(async (options: { email: string }) => {
      await withDatabase(async (deps) => {
        await unlockSignIn(deps, { principal: null, clientAddress: 'cli' }, options.email);
        console.log(`Cleared the sign-in lock for ${options.email}.`);
      });
    });
}
