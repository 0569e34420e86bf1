import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** One connection throughout, so what it has prepared can be seen in `pg_prepared_statements`. */
type Connection = Kysely<Database>;

const rowsOf = (db: Connection, table: string, a: number | string) =>
  db
    .selectFrom(table as never)
    .selectAll()
    .where('a' as never, '=', a as never)
    .execute();

const preparedCopies = async (db: Connection, table: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement like ${`%from "${table}"%`}`.execute(db))
    .rows[0]!.n;

describe('statements sent by name (decision 0075)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    for (const table of ['named_added_column', 'named_changed_type', 'named_in_transaction'])
      await sql`create table ${sql.id(table)} (a int primary key)`.execute(database.db);
    for (const table of ['named_added_column', 'named_changed_type', 'named_in_transaction'])
      await sql`insert into ${sql.id(table)} values (1), (2), (3)`.execute(database.db);
  });
  afterAll(() => database.destroy());

  it('prepares a repeated statement once per PostgreSQL connection from its third use, and answers it the same way each time', async () => {
    await database.db.connection().execute(async (db) => {
      for (let use = 1; use <= 8; use++) expect(await rowsOf(db, 'named_added_column', (use % 3) + 1)).toEqual([{ a: (use % 3) + 1 }]);
      // PGlite is left as it was: one process and no network, so nothing to save by naming.
      expect(await preparedCopies(db, 'named_added_column')).toBe(database.kind === 'postgres' ? 1 : 0);
    });
  });

  it('answers a prepared statement after a migration adds a column under it, or changes a column’s type', async () => {
    await database.db.connection().execute(async (db) => {
      await sql`alter table named_added_column add column b int not null default 7`.execute(db);
      for (let use = 1; use <= 3; use++) expect(await rowsOf(db, 'named_added_column', use)).toEqual([{ a: use, b: 7 }]);
      for (let use = 1; use <= 4; use++) expect(await rowsOf(db, 'named_changed_type', '2')).toEqual([{ a: 2 }]);
      await sql`alter table named_changed_type alter column a type text`.execute(db);
      for (let use = 1; use <= 3; use++) expect(await rowsOf(db, 'named_changed_type', '2')).toEqual([{ a: '2' }]);
    });
  });

  it('fails a transaction that meets a statement a migration made stale, and answers the next attempt', async () => {
    await database.db.connection().execute(async (db) => {
      for (let use = 1; use <= 4; use++) await rowsOf(db, 'named_in_transaction', 1);
      await sql`alter table named_in_transaction add column b int not null default 7`.execute(db);
      const inTransaction = db.transaction().execute((trx) => rowsOf(trx, 'named_in_transaction', 1));
      if (database.kind === 'postgres') await expect(inTransaction).rejects.toThrow(/cached plan must not change result type/);
      else expect(await inTransaction).toEqual([{ a: 1, b: 7 }]);
      expect(await db.transaction().execute((trx) => rowsOf(trx, 'named_in_transaction', 1))).toEqual([{ a: 1, b: 7 }]);
    });
  });
});
