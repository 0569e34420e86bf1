/** `aqp organisations create`: the organisations no reference file holds, such as the platform operator for the first administrator. */
import type { Command } from 'commander';
import { createOrganisation } from '../domains/identity/organisation.service.ts';
import { withDatabase } from './with-database.ts';

export function registerOrganisationCommands(program: Command): void {
  program
    .command('organisations')
    .description('manage organisations that are not in the reference data')
    .command('create')
    .description('create an organisation, e.g. the platform operator: aqp organisations create --kind platform --name "AQP operator"')
    .requiredOption('--name <name>')
    .requiredOption('--kind <kind>', 'national, region, commissioner, provider, gp-practice or platform')
    .option('--ods-code <code>', 'its ODS code, when it has one')
    .option('--parent <odsCode>', 'the ODS code of the organisation it belongs to')
    .option('--postcode <postcode>')
    .action(async (options: { name: string; kind: string; odsCode?: string; parent?: string; postcode?: string }) => {
      await withDatabase(async (deps) => {
        const organisation = await createOrganisation(
          deps,
          { principal: null, clientAddress: 'cli' },
          { ...options, parentOdsCode: options.parent },
        );
        console.log(
          `Created organisation ${organisation.id} (${organisation.kind}${organisation.odsCode ? `, ${organisation.odsCode}` : ''}). Use its id or ODS code with: aqp users create --organisation`,
        );
      });
    });
}
