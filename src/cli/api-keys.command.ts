/** `aqp api-keys create|revoke`: keys for systems, created by an operator with shell access. */
import type { Command } from 'commander';
import { createApiKey, revokeApiKey } from '../domains/identity/api-key.service.ts';
import { findOrganisationByOdsCode } from '../domains/identity/organisation.repo.ts';
import { withDatabase } from './with-database.ts';

const OPERATOR = { principal: null, clientAddress: 'cli' };

export function registerKeyCommands(program: Command): void {
  const keys = program.command('api-keys').description('manage API keys');
  keys
    .command('create')
    .description('create an API key; the key is printed once')
    .requiredOption('--organisation <odsCodeOrId>')
    .requiredOption('--name <name>', 'the system that will use it')
    .requiredOption('--role <role>')
    .action(async (options: { organisation: string; name: string; role: string }) => {
      await withDatabase(async (deps) => {
        const organisation = await findOrganisationByOdsCode(deps.db, options.organisation);
        const { key, token } = await createApiKey(
          deps,
          OPERATOR,
          { organisationId: organisation?.id ?? options.organisation, name: options.name, role: options.role },
          { trusted: true },
        );
        console.log(`Created API key ${key.id} (${key.role}). Copy it now; it is not shown again:`);
        console.log(token);
      });
    });
  keys
    .command('revoke <keyId>')
    .description('revoke an API key at once')
    .action(async (keyId: string) => {
      await withDatabase(async (deps) => {
        await revokeApiKey(deps, OPERATOR, keyId, { trusted: true });
        console.log(`Revoked ${keyId}.`);
      });
    });
}
