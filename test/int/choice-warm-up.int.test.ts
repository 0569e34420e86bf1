import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/domains/deps.ts';
import { publicCommissionedServices } from '../../src/domains/provider-quality/commissioned-services.repo.ts';
import { runningListingsOf } from '../../src/domains/provider-quality/provider-standing.ts';
import { runningListingsWithStanding } from '../../src/domains/provider-quality/standing-cache.ts';
import { warmChoiceReadModel } from '../../src/domains/provider-quality/standing-warm-up.ts';
import { movableToday } from '../support/movable-clock.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** Counts the statements a query builder sends, so a test can say how many round trips a read costs. */
class StatementCounter implements KyselyPlugin {
  statements = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.statements += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

describe('the choice read model is warmed before anyone asks (decision 0068)', () => {
  let t: TestApp;
  let counter: StatementCounter;
  let deps: Deps;

  beforeAll(async () => {
    t = await createTestApp({ seed: 'full', clock: movableToday('2027-03-01') });
    counter = new StatementCounter();
    deps = { ...t.deps, db: t.deps.db.withPlugin(counter) };
  });
  afterAll(() => t.close());

  it('reads every public offer’s commissioners at start, then answers each from memory after one version query', async () => {
    const services = await publicCommissionedServices(t.deps.db);
    expect(services.length).toBeGreaterThan(3);
    expect((await warmChoiceReadModel(deps)).services).toBe(services.length);

    for (const service of services) {
      counter.statements = 0;
      const held = await runningListingsWithStanding(deps.db, service, '2027-03-01');
      expect(counter.statements).toBe(1);
      const fresh = await runningListingsOf(t.deps.db, service, '2027-03-01');
      expect(held.map((standing) => standing.listing.id)).toEqual(fresh.listings.map((listing) => listing.id));
    }
  });
});
