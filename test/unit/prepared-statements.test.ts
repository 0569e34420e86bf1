import { describe, expect, it } from 'vitest';
import { StatementNames } from '../../src/db/prepared-statements.ts';

const READ = 'select "r"."id" from "referrals" as "r" where "r"."ubrn" = $1';

describe('which statements are sent by name (decision 0075)', () => {
  it('names a statement from its third use on, always by the same name, and different texts by different names', () => {
    const names = new StatementNames();
    expect(names.nameFor(READ)).toBeUndefined();
    expect(names.nameFor(READ)).toBeUndefined();
    const name = names.nameFor(READ);
    expect(name).toMatch(/^aqp_[\w-]{24}$/);
    expect(names.nameFor(READ)).toBe(name);
    const other = 'insert into "audit_events" ("action") values ($1)';
    for (let use = 0; use < 3; use++) names.nameFor(other);
    expect(names.nameFor(other)).not.toBe(name);
    expect(new StatementNames().nameFor(READ) ?? new StatementNames().nameFor(READ)).toBeUndefined();
  });

  it('never names transaction control, schema changes or a text with a list of values written out', () => {
    const names = new StatementNames();
    for (const text of ['begin', 'commit', 'alter table "t" add column "b" int', 'select * from "t" where "a" in ($1, $2, $3)']) {
      for (let use = 0; use < 5; use++) expect(names.nameFor(text), text).toBeUndefined();
    }
    for (let use = 0; use < 3; use++) names.nameFor('select * from "t" where "a" in ($1)');
    expect(names.nameFor('select * from "t" where "a" in ($1)'), 'a list of one keeps its text').toBeDefined();
  });

  it('names at most 400 texts, and never again one refused (its result columns changed)', () => {
    const names = new StatementNames();
    const named = (text: string) => {
      for (let use = 0; use < 2; use++) names.nameFor(text);
      return names.nameFor(text);
    };
    for (let n = 0; n < 400; n++) expect(named(`select ${n} where $1`)).toBeDefined();
    expect(named('select 400 where $1')).toBeUndefined();
    const refusedToo = new StatementNames();
    for (let use = 0; use < 3; use++) refusedToo.nameFor(READ);
    refusedToo.refuse(READ);
    for (let use = 0; use < 5; use++) expect(refusedToo.nameFor(READ)).toBeUndefined();
  });
});
