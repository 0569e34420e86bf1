/** Builds the real app on a fresh database for one test file: the national catalogue by default, more of the demo region only when a test asks. */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { loadConfig } from '../../src/config/config.ts';
import type { Deps } from '../../src/domains/deps.ts';
import { seedNationalCatalogue } from '../../src/domains/catalogue/catalogue.seed.ts';
import { seedDemo } from '../../src/demo/demo.seed.ts';
import { seedDemoRegion } from '../../src/demo/region.demo-seed.ts';
import { buildApp } from '../../src/http/app.ts';
import { type Clock, systemClock } from '../../src/lib/clock.ts';
import { createSeededDatabase, seedKey } from './seeded-database.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  database: TestDatabase;
  close(): Promise<void>;
}

export const TEST_SESSION_SECRET = 'test-session-secret-that-is-long-enough-to-sign';
/** The access-code key of every test app, as AQP_ACCESS_CODE_KEY gives one to a real deployment (decision 0074). */
export const TEST_ACCESS_CODE_KEYS = { current: 'test-access-code-key-that-is-long-enough-to-key' };

/**
 * What a test database holds before the test adds its own rows, cheapest first (docs/decisions/0037):
 * - `false`: nothing but the schema;
 * - `'catalogue'` (the default): the national catalogue, which every real database loads when it migrates;
 * - `'region'`: also the demo organisations, one demo account per role and the two demo providers' first sites;
 * - `'demo'`: also the demo offers, proposals and prioritisation run;
 * - `'full'`: also the demo providers' assurance, applications, listings and referrals (seconds, not milliseconds);
 * - `'history'`: also the year of earlier patients behind the demo's KPIs, as `npm start` seeds it (tens of seconds).
 */
export type TestSeed = false | 'catalogue' | 'region' | 'demo' | 'full' | 'history';

/** Builds the app over a fresh database holding `seed` (see TestSeed); `onRoute` sees every route registered; `env` adds settings (an identity provider, say). */
export async function createTestApp(
  options: { seed?: TestSeed; clock?: Clock; onRoute?: (route: RouteOptions) => void; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const clock = options.clock ?? systemClock();
  const database = await createSeededTestDatabase(options.seed ?? 'catalogue', clock);
  const deps: Deps = { db: database.db, clock, accessCodeKeys: TEST_ACCESS_CODE_KEYS };
  const config = { ...loadConfig({ NODE_ENV: 'test', ...options.env }), sessionSecret: TEST_SESSION_SECRET };
  const app = await buildApp({ config, deps, onRoute: options.onRoute });
  await app.ready();
  return { app, deps, database, close: async () => (await app.close(), await database.destroy()) };
}

/** A second web node on the same database: the same app and clock over a connection of its own, so nothing held in memory is shared. */
export async function anotherNode(t: TestApp): Promise<FastifyInstance> {
  const deps: Deps = { ...t.deps, db: t.database.anotherConnection() };
  const config = { ...loadConfig({ NODE_ENV: 'test' }), sessionSecret: TEST_SESSION_SECRET };
  const app = await buildApp({ config, deps });
  await app.ready();
  return app;
}

/** A fresh database holding `seed` (see TestSeed) as seeded on `clock`, for tests that build the app themselves; seeded once per run and copied. */
export async function createSeededTestDatabase(seed: TestSeed, clock: Clock): Promise<TestDatabase> {
  if (seed === false) return createTestDatabase();
  return createSeededDatabase(await seedKey(seed, clock), (handle) => seedTestData({ db: handle.db, clock }, seed));
}

async function seedTestData(deps: Deps, seed: Exclude<TestSeed, false>): Promise<void> {
  await seedNationalCatalogue(deps);
  if (seed === 'region') await seedDemoRegion(deps);
  if (seed === 'demo' || seed === 'full' || seed === 'history')
    await seedDemo(deps, { activity: seed !== 'demo', history: seed === 'history' });
}
