import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { DEMO_PASSWORD } from '../../src/demo/region.demo-seed.ts';
import { buildApp } from '../../src/http/app.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { createSeededTestDatabase, TEST_SESSION_SECRET } from '../support/test-app.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

/** Fails instead of hanging when a reply never comes back (what a crashed reply looks like through inject). */
function within(ms: number, reply: Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
  return Promise.race([
    reply,
    new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`no reply within ${ms} ms`)), ms)),
  ]);
}

/** Opens the sign-in page with a returnTo query and signs in with the form as the page gave it. */
async function signInReturningTo(client: WebClient, encodedReturnTo: string): Promise<LightMyRequestResponse> {
  const page = await client.get(`/sign-in?returnTo=${encodedReturnTo}`);
  return client.post('/sign-in', {
    _csrf: csrfTokenIn(page.body),
    email: 'commissioner@aqp.example',
    password: DEMO_PASSWORD,
    returnTo: decodeURIComponent(encodedReturnTo),
  });
}

describe('no error in a hook, a serializer or a reply stops the process', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const logLines: string[] = [];
  const escaped: unknown[] = [];
  const noteEscape = (error: unknown) => escaped.push(error);

  beforeAll(async () => {
    process.on('unhandledRejection', noteEscape);
    process.on('uncaughtException', noteEscape);
    const clock = systemClock();
    database = await createSeededTestDatabase('region', clock);
    const deps = { db: database.db, clock };
    const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error' }), sessionSecret: TEST_SESSION_SECRET };
    app = await buildApp({ config, deps, logStream: { write: (line) => void logLines.push(line) } });
    app.get('/test/header-after-session-change', async (request, reply) => {
      request.session.pendingUserId = 'someone';
      return reply.header('x-note', 'line one\r\nline two').send('hello');
    });
    app.get(
      '/test/throwing-on-send',
      {
        onSend: async () => {
          throw new Error('onSend failed');
        },
      },
      async () => 'hello',
    );
    app.get(
      '/test/throwing-pre-serialization',
      {
        preSerialization: async () => {
          throw new Error('preSerialization failed');
        },
      },
      async () => ({ a: 1 }),
    );
    app.get(
      '/api/v1/test/bad-serialization',
      { schema: { response: { 200: Type.Object({ required: Type.String() }) } } },
      async () => ({ other: 1 }) as never,
    );
    await app.ready();
  });
  afterAll(async () => {
    process.off('unhandledRejection', noteEscape);
    process.off('uncaughtException', noteEscape);
    await app.close();
    await database.destroy();
  });

  it('returns, percent-encoded, to an address whose characters a header cannot hold, after signing in', async () => {
    const client = new WebClient(app, '10.20.0.1');
    const signIn = await within(10_000, signInReturningTo(client, '%2F%F0%9F%92%A9'));
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/%F0%9F%92%A9');
    expect((await client.get('/')).body).toContain('Your tasks');
    expect(escaped).toEqual([]);
  });

  it('never returns to another site, even through a tab that browsers drop', async () => {
    const client = new WebClient(app, '10.20.0.2');
    const signIn = await signInReturningTo(client, '%2F%09%2Fevil.example');
    expect(signIn.headers.location).toBe('/');
  });

  it('answers 500 and logs it when a header cannot be sent after the session was saved, and keeps serving', async () => {
    const response = await within(10_000, app.inject('/test/header-after-session-change'));
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('Sorry, there is a problem with the service');
    expect(response.headers['x-note']).toBeUndefined();
    expect(logLines.some((line) => line.includes('x-note'))).toBe(true);
    expect((await app.inject('/sign-in')).statusCode).toBe(200);
    expect(escaped).toEqual([]);
  });

  it.each([
    ['/test/throwing-on-send', 'onSend failed'],
    ['/test/throwing-pre-serialization', 'preSerialization failed'],
  ])('answers 500 and logs an error thrown by a hook (%s)', async (url, message) => {
    const response = await within(10_000, app.inject(url));
    expect(response.statusCode).toBe(500);
    expect(logLines.some((line) => line.includes(message))).toBe(true);
    expect(escaped).toEqual([]);
  });

  it('answers 500 with a problem when an answer does not fit its response schema', async () => {
    const response = await within(10_000, app.inject('/api/v1/test/bad-serialization'));
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ status: 500, code: 'internal' });
    expect((await app.inject('/api/v1/services')).statusCode).toBe(200);
  });
});
