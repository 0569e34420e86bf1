import {
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  sql,
  type UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.ts';
import { VersionReads } from '../../src/db/version-reads.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Records the scopes each version query asked for, in the order the queries were sent. */
class ScopesSent implements KyselyPlugin {
  queries: string[][] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const values: string[] = [];
    JSON.stringify(args.node, (key, value: unknown) => {
      if (key === 'value' && typeof value === 'string') values.push(value);
      if ((key === 'values' || key === 'value') && Array.isArray(value))
        values.push(...value.filter((item): item is string => typeof item === 'string'));
      return value;
    });
    this.queries.push(values);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const bump = (db: Kysely<Database>, scope: string) => sql`SELECT bump_read_model_versions(ARRAY[${scope}])`.execute(db);

describe('version reads shared between waiting requests (decision 0072)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it('answers everyone who asked while a query was out with one more query, never with the one already sent', async () => {
    const sent = new ScopesSent();
    const reads = new VersionReads(database.db.withPlugin(sent));
    await bump(database.db, 'provider-a');
    const first = reads.read(['listings', 'provider-a']);
    const waiting = Array.from({ length: 12 }, (_, i) => reads.read(['listings', `provider-${i}`]));
    const answers = await Promise.all([first, ...waiting]);
    expect(sent.queries).toHaveLength(2);
    expect(sent.queries[0]!.sort()).toEqual(['listings', 'provider-a']);
    expect(new Set(sent.queries[1])).toEqual(new Set(['listings', ...Array.from({ length: 12 }, (_, i) => `provider-${i}`)]));
    expect(answers[0]).toEqual(
      new Map([
        ['listings', '0'],
        ['provider-a', '1'],
      ]),
    );
    expect(answers[1], 'each is told only the scopes it asked for').toEqual(
      new Map([
        ['listings', '0'],
        ['provider-0', '0'],
      ]),
    );
    expect(answers[11]!.get('provider-a')).toBeUndefined();
  });

  it('always shows a change committed before the read began, however busy the reads are', async () => {
    const reads = new VersionReads(database.db);
    let busy = true;
    const background = (async () => {
      while (busy) await reads.read(['listings']);
    })();
    const writer = database.anotherConnection();
    try {
      for (let change = 1; change <= 25; change += 1) {
        await bump(writer, 'listings-check');
        expect((await reads.read(['listings-check'])).get('listings-check'), 'a change committed before the read').toBe(String(change));
      }
    } finally {
      busy = false;
      await background;
    }
  });

  it('hands a failed query to everyone waiting on it, and the next read queries again', async () => {
    const reads = new VersionReads(database.db);
    const failing = new VersionReads(
      database.db.withPlugin({
        transformQuery: () => {
          throw new Error('the database went away');
        },
        transformResult: async (args) => args.result,
      }),
    );
    await expect(Promise.all([failing.read(['a']), failing.read(['b'])])).rejects.toThrow('the database went away');
    await expect(failing.read(['c'])).rejects.toThrow('the database went away');
    expect((await reads.read(['a'])).get('a')).toBe('0');
  });
});
