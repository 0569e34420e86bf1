/**
 * Named prepared statements for what a node sends again and again (decision 0075). PostgreSQL plans an unnamed statement every
 * time it arrives, and for the referral read (ten tables joined) planning took 2.1 ms against 0.1 ms of execution. A statement
 * text seen `HOT_AFTER` times is sent under a name made from it, so each connection parses and plans it once and PostgreSQL may
 * keep a generic plan. Bounded: at most `MAX_NAMED` texts are ever named per pool; schema changes and one-off statements are not.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** A text is named from its third use on: start-up and one-off statements never are. */
const HOT_AFTER = 3;
/** The statements a node repeats are a few hundred shapes; beyond this, new texts stay unnamed (each named one lives on every connection). */
const MAX_NAMED = 400;
/** Texts counted towards HOT_AFTER; beyond this, texts not yet counted stay unnamed. */
const MAX_COUNTED = 10_000;
/** Only statements that return or change rows are worth a plan kept; transaction control and DDL never are. */
const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;
/** A list of values written out (`in ($1, $2, …)`) makes a new text for every length: such texts would use up the names, so stay unnamed. */
const WRITTEN_OUT_LIST = /\bin \(\$\d+, \$\d+/i;
/**
 * PostgreSQL's answers when a schema change made a prepared statement wrong while the same text, planned afresh, is right: its
 * result columns changed under it (0A000, "cached plan must not change result type": a column added to a `select *`), or a
 * column's type changed under the parameter types fixed when it was prepared (42883 no such operator, 42804 datatype mismatch,
 * 42P18 indeterminate datatype).
 */
function madeStaleBySchemaChange(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  if (code === '0A000') return /cached plan must not change result type/.test(message ?? '');
  return code === '42883' || code === '42804' || code === '42P18';
}

/** Which statement texts are sent under a name, and the name of each. */
export class StatementNames {
  private readonly counted = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private readonly refused = new Set<string>();
  /** Names ever given, refused ones included: a refused name stays prepared on the connections that used it. */
  private given = 0;

  /** The text's name once it has been seen often enough; undefined while it has not, or when it must stay unnamed. */
  nameFor(text: string): string | undefined {
    const named = this.names.get(text);
    if (named !== undefined) return named;
    if (this.given >= MAX_NAMED || this.refused.has(text)) return undefined;
    if (!DATA_STATEMENT.test(text) || WRITTEN_OUT_LIST.test(text)) return undefined;
    const uses = (this.counted.get(text) ?? 0) + 1;
    if (uses < HOT_AFTER) {
      if (this.counted.has(text) || this.counted.size < MAX_COUNTED) this.counted.set(text, uses);
      return undefined;
    }
    this.counted.delete(text);
    const name = `aqp_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    this.names.set(text, name);
    this.given += 1;
    return name;
  }

  /** Sends the text unnamed from now on (a schema change made its prepared copies wrong). */
  refuse(text: string): void {
    this.names.delete(text);
    this.refused.add(text);
  }
}

type Query = (...args: unknown[]) => Promise<pg.QueryResult>;

/**
 * Makes every connection the pool opens send repeated statements by name. A statement a schema change made wrong under its
 * prepared copy is refused a name and, outside a transaction, sent again unnamed; inside one the error stands (the transaction
 * has failed) and the next attempt goes unnamed.
 */
export function nameRepeatedStatements(pool: pg.Pool, names = new StatementNames()): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as Query;
    const named: Query = async (text, values, ...rest) => {
      if (typeof text !== 'string' || !Array.isArray(values) || rest.length) return query(text, values, ...rest);
      const name = names.nameFor(text);
      if (name === undefined) return query(text, values);
      try {
        return await query({ name, text, values });
      } catch (error) {
        if (!madeStaleBySchemaChange(error)) throw error;
        names.refuse(text);
        // 'I': the error left no transaction open, so the statement can simply be sent again.
        if (client.getTransactionStatus() !== 'I') throw error;
        return query(text, values);
      }
    };
    client.query = named as typeof client.query;
  });
}
