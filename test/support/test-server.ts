/** A real AQP server on a loopback port over a fresh seeded database, for browser tests. */
import net, { type AddressInfo } from 'node:net';
import type { Clock } from '../../src/lib/clock.ts';
import { createTestApp, type TestApp, type TestSeed } from './test-app.ts';

export interface TestServer extends TestApp {
  baseUrl: string;
}

/** Listens on a loopback port (a free one unless given) over a database holding `seed` (see TestSeed), on the given clock (the system's by default), with `env` added to the test settings. */
export async function startTestServer(
  seed: TestSeed,
  clock?: Clock,
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const testApp = await createTestApp({ seed, ...(clock ? { clock } : {}), ...(options.env ? { env: options.env } : {}) });
  await testApp.app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { ...testApp, baseUrl: `http://127.0.0.1:${port}` };
}

/** A loopback port free now, for a server whose address another must know before it starts (an identity provider's redirect URI). */
export async function freeLoopbackPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
