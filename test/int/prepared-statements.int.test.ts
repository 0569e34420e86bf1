import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

describe('statements sent by name (decision 0075)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await sql`create table named_statement_check (a int primary key)`.execute(database.db);
    await sql`insert into named_statement_check values (1), (2), (3)`.execute(database.db);
  });
  afterAll(() => database.destroy());

  const rowsWith = (a: number) =>
    database.db
      .selectFrom('named_statement_check' as never)
      .selectAll()
      .where('a' as never, '=', a as never)
      .execute();

  it('answers a repeated statement the same way each time, and with a column added after it was prepared', async () => {
    for (let use = 1; use <= 8; use++) expect(await rowsWith((use % 3) + 1)).toEqual([{ a: (use % 3) + 1 }]);
    await sql`alter table named_statement_check add column b int not null default 7`.execute(database.db);
    for (let use = 1; use <= 3; use++) expect(await rowsWith(use)).toEqual([{ a: use, b: 7 }]);
  });

  it('keeps the same answers across a transaction that reads by name', async () => {
    const inside = await database.db.transaction().execute(async (trx) =>
      trx
        .selectFrom('named_statement_check' as never)
        .selectAll()
        .where('a' as never, '=', 2 as never)
        .execute(),
    );
    expect(inside).toEqual([{ a: 2, b: 7 }]);
  });
});
