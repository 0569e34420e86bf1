/** Server-side sessions kept in PostgreSQL, so any web node can serve any request. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The data of a session not yet expired; an expired one reads as none even before it is swept away. */
export async function readSession(db: Kysely<Database>, id: string, now: Date): Promise<unknown | undefined> {
  const row = await db.selectFrom('web_sessions').select('data').where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
  return row?.data;
}

/** Saves a session's data and pushes back its expiry, creating the row on first write. */
export async function writeSession(db: Kysely<Database>, id: string, data: unknown, expiresAt: Date): Promise<void> {
  const json = JSON.stringify(data);
  await db
    .insertInto('web_sessions')
    .values({ id, data: json, expires_at: expiresAt })
    .onConflict((oc) => oc.column('id').doUpdateSet({ data: json, expires_at: expiresAt }))
    .execute();
}

/** Ends a session at once (signing out), on every web node. */
export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('web_sessions').where('id', '=', id).execute();
}

/** Removes expired sessions; run on start-up and periodically. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('web_sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
