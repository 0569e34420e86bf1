/** Liveness and readiness probes for load balancers and orchestrators. */
import type { FastifyInstance } from 'fastify';

export function registerHealth(app: FastifyInstance, isDatabaseReady: () => Promise<boolean>): void {
  app.get('/health/live', { config: { csrf: false } }, async () => ({ status: 'ok' }));
  app.get('/health/ready', async (_request, reply) => {
    const ready = await isDatabaseReady().catch(() => false);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', database: ready ? 'ok' : 'unreachable' });
  });
}
