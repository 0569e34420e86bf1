/** Builds the real app on a fresh database for one test file, with the demo region seeded when asked. */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { loadConfig } from '../../src/config/config.ts';
import type { Deps } from '../../src/domains/deps.ts';
import { seedNationalCatalogue } from '../../src/domains/catalogue/catalogue.seed.ts';
import { seedDemo } from '../../src/demo/demo.seed.ts';
import { buildApp } from '../../src/http/app.ts';
import { type Clock, systemClock } from '../../src/lib/clock.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  database: TestDatabase;
  close(): Promise<void>;
}

export const TEST_SESSION_SECRET = 'test-session-secret-that-is-long-enough-to-sign';

/** `seed: true` (the default) loads the demo region, people and offers; `'full'` adds its providers, applications and listings; `onRoute` sees every route registered. */
export async function createTestApp(options: { seed?: boolean | 'full'; clock?: Clock; onRoute?: (route: RouteOptions) => void } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const deps: Deps = { db: database.db, clock: options.clock ?? systemClock() };
  if (options.seed ?? true) {
    await seedNationalCatalogue(deps);
    await seedDemo(deps, { activity: options.seed === 'full' });
  }
  const config = { ...loadConfig({ NODE_ENV: 'test' }), sessionSecret: TEST_SESSION_SECRET };
  const app = await buildApp({ config, deps, onRoute: options.onRoute });
  await app.ready();
  return { app, deps, database, close: async () => (await app.close(), await database.destroy()) };
}
