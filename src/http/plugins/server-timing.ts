/** Says how long the server took on each reply, so benchmarks and browsers' developer tools see server time apart from the network. */
import type { FastifyInstance } from 'fastify';

/**
 * Adds `Server-Timing: app;dur=<ms>` (the W3C Server Timing header) to every reply: the time from the request's arrival
 * to its reply being sent, handler, database and template rendering included. Registered after the other onSend hooks
 * (the session store saves there), so their time counts too.
 */
export function registerServerTiming(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
    return payload;
  });
}
