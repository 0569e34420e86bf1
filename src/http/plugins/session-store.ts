/** Adapts the PostgreSQL session repository to the callback store interface @fastify/session expects. */
import type { SessionStore } from '@fastify/session';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { deleteSession, readSession, writeSession } from '../../domains/identity/web-session.repo.ts';
import type { Clock } from '../../lib/clock.ts';

/** A session store over the `web_sessions` table; expiry follows the cookie's own expiry. */
export function postgresSessionStore(db: Kysely<Database>, clock: Clock, maxAgeMs: number): SessionStore {
  return {
    get(id, callback) {
      readSession(db, id, clock.now()).then((data) => callback(null, (data ?? null) as Parameters<typeof callback>[1]), callback);
    },
    set(id, session, callback) {
      const expires = session.cookie?.expires ? new Date(session.cookie.expires) : new Date(clock.now().getTime() + maxAgeMs);
      writeSession(db, id, session, expires).then(() => callback(), callback);
    },
    destroy(id, callback) {
      deleteSession(db, id).then(() => callback(), callback);
    },
  };
}
