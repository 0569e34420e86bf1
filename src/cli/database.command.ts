/** `aqp migrate` and `aqp seed`: bring the schema up to date; load the demo region on request. */
import type { Command } from 'commander';
import { migrateToLatest } from '../db/migrate.ts';
import { seedNationalCatalogue } from '../domains/catalogue/catalogue.seed.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/region.demo-seed.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { withDatabase } from './with-database.ts';

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply every pending migration and load missing national catalogue entries; exits non-zero if one fails')
    .action(async () => {
      await withDatabase(async (deps) => {
        const applied = await migrateToLatest(deps.db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
        const catalogue = await seedNationalCatalogue(deps);
        if (catalogue.servicesAdded)
          console.log(`Loaded the national catalogue: ${catalogue.servicesAdded} services, ${catalogue.packsAdded} implementation packs.`);
      });
    });

  program
    .command('seed')
    .description('load seed data')
    .option('--demo', 'load the demo region and one demo account per role (never for production)')
    .option('--without-history', "leave out the demo's year of quality history (seconds instead of about a minute)")
    .action(async (options: { demo?: boolean; withoutHistory?: boolean }) => {
      if (!options.demo) throw new Error('Say what to seed: aqp seed --demo');
      await withDatabase(async (deps) => {
        await migrateToLatest(deps.db);
        const catalogue = await seedNationalCatalogue(deps);
        console.log(`National catalogue: ${catalogue.servicesAdded} services and ${catalogue.packsAdded} packs added.`);
        const result = await seedDemo(deps, { history: !options.withoutHistory });
        console.log(`Demo region seeded: ${result.organisations} organisations, ${result.usersCreated} new accounts.`);
        console.log(`Demo accounts (${DEMO_USERS.length}) share the demo-only password "${DEMO_PASSWORD}".`);
      });
    });
}
