/** The real server as the benchmarks run it: production settings, quiet logs, the public read limit off, on a free loopback port. */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { loadConfig } from '../src/config/config.ts';
import type { Deps } from '../src/domains/deps.ts';
import { buildApp } from '../src/http/app.ts';

/** Builds the app over `deps` and listens; `base` is its address, and `app.close()` stops it. */
export async function listeningBenchServer(
  deps: Deps,
  options: { onRoute?: (route: RouteOptions) => void } = {},
): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildApp({
    config: {
      ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', AQP_PUBLIC_READS_PER_MINUTE: '0' }),
      sessionSecret: 'bench-session-secret-long-enough-to-sign-cookies',
    },
    deps,
    ...(options.onRoute && { onRoute: options.onRoute }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}
