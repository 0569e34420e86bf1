/** Makes sure a reply that cannot be sent becomes a logged 500 instead of an exception that stops the process. */
import type { FastifyInstance } from 'fastify';
import { validateHeaderValue } from 'node:http';

/** Thrown when a reply header holds characters HTTP cannot carry (CR, LF, or anything above U+00FF). */
class UnsendableHeaderError extends Error {
  override name = 'UnsendableHeaderError';
}

/**
 * Checks every header before it is written, removing one that cannot be sent and failing the reply so the error handler answers 500.
 * It must be registered after @fastify/session: that plugin finishes its onSend hook from a database callback, where an exception
 * thrown while writing the head escapes Fastify as an unhandled rejection; an async hook after it puts the write back under Fastify's
 * error handling.
 */
export function registerSafeReplies(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        try {
          validateHeaderValue(name, String(item));
        } catch {
          reply.removeHeader(name);
          throw new UnsendableHeaderError(`The reply header ${name} holds characters HTTP cannot send`);
        }
      }
    }
    return payload;
  });
}
