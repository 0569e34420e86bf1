/** Guesses at referrals' access codes: each is recorded before it is checked and deleted if it proves right, so the rows are the wrong guesses and those still being checked. */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';

/** Holds every other guess at this reference back until the transaction ends, so counting the recent guesses and recording a new one cannot interleave (decision 0024). */
export async function lockReferenceGuesses(db: Executor, ubrn: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`aqp.patient-access:${ubrn}`}))`.execute(db);
}

/** Guesses at a reference since a moment: from one address group when given, or from every /64 of one IPv6 /48 when a prefix is given. */
export async function guessesSince(
  db: Executor,
  ubrn: string,
  since: Date,
  from: { clientAddress?: string; sitePrefix?: string } = {},
): Promise<number> {
  let query = db
    .selectFrom('patient_access_failures')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('ubrn', '=', ubrn)
    .where('failed_at', '>', since);
  if (from.clientAddress !== undefined) query = query.where('client_address', '=', from.clientAddress);
  if (from.sitePrefix !== undefined) query = query.where('client_address', 'like', `${from.sitePrefix.replace(/[\\%_]/g, '\\$&')}%`);
  return Number((await query.executeTakeFirstOrThrow()).count);
}

/** Records a guess about to be checked; returns its id so it can be taken back if it proves right. */
export async function recordGuess(db: Executor, guess: { ubrn: string; clientAddress: string; at: Date }): Promise<number> {
  const row = await db
    .insertInto('patient_access_failures')
    .values({ ubrn: guess.ubrn, client_address: guess.clientAddress, failed_at: guess.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Takes back a guess that proved right: it was not a failure. */
export async function forgetGuess(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('patient_access_failures').where('id', '=', id).execute();
}

/** Forgets guesses at one reference, or at every reference, made before the cut-off: they no longer count towards any limit (decision 0024). */
export async function deleteGuessesBefore(db: Executor, cutoff: Date, ubrn?: string): Promise<void> {
  let query = db.deleteFrom('patient_access_failures').where('failed_at', '<', cutoff);
  if (ubrn !== undefined) query = query.where('ubrn', '=', ubrn);
  await query.execute();
}
