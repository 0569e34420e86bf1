/** Adapts the web session service to the callback store interface @fastify/session expects. */
import type { SessionStore } from '@fastify/session';
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../../domains/deps.ts';
import { endWebSession, readWebSession, saveWebSession } from '../../domains/identity/web-session.service.ts';

/**
 * Hands a database result to the session plugin's callback exactly once. An error thrown by the callback itself (a reply
 * that cannot be sent, say) would otherwise become an unhandled rejection that stops the process; it is logged instead.
 */
export function settle<T>(work: Promise<T>, log: FastifyBaseLogger, deliver: (error: unknown, value?: T) => void): void {
  work
    .then(
      (value) => deliver(null, value),
      (error: unknown) => deliver(error),
    )
    .catch((error: unknown) => log.error({ err: error }, 'the session plugin failed after a session store call'));
}

/** A session store over the `web_sessions` table; expiry follows the cookie's own expiry. */
export function postgresSessionStore(deps: Deps, maxAgeMs: number, log: FastifyBaseLogger): SessionStore {
  return {
    get(id, callback) {
      settle(readWebSession(deps, id), log, (error, data) => callback(error, (data ?? null) as Parameters<typeof callback>[1]));
    },
    set(id, session, callback) {
      const expires = session.cookie?.expires ? new Date(session.cookie.expires) : new Date(deps.clock.now().getTime() + maxAgeMs);
      settle(saveWebSession(deps, id, session, expires), log, (error) => callback(error));
    },
    destroy(id, callback) {
      settle(endWebSession(deps, id), log, (error) => callback(error));
    },
  };
}
