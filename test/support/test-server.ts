/** A real AQP server on a loopback port over a fresh seeded database, for browser tests. */
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './test-app.ts';

export interface TestServer extends TestApp {
  baseUrl: string;
}

export async function startTestServer(): Promise<TestServer> {
  const testApp = await createTestApp({ seed: 'demo' });
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { ...testApp, baseUrl: `http://127.0.0.1:${port}` };
}
