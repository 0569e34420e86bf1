/** A real AQP server on a loopback port over a fresh seeded database, for browser tests. */
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../src/lib/clock.ts';
import { createTestApp, type TestApp, type TestSeed } from './test-app.ts';

export interface TestServer extends TestApp {
  baseUrl: string;
}

/** Listens on a free loopback port over a database holding `seed` (see TestSeed), on the given clock (the system's by default). */
export async function startTestServer(seed: TestSeed, clock?: Clock): Promise<TestServer> {
  const testApp = await createTestApp({ seed, ...(clock ? { clock } : {}) });
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { ...testApp, baseUrl: `http://127.0.0.1:${port}` };
}
