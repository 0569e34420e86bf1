import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { systemClock } from '../../src/lib/clock.ts';
import type { FastifyInstance } from 'fastify';
import { TEST_SESSION_SECRET } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

describe('unexpected errors', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({
      config: { ...loadConfig({ NODE_ENV: 'test' }), sessionSecret: TEST_SESSION_SECRET },
      deps: { db: database.db, clock: systemClock() },
    });
    app.get('/explode', async () => {
      throw new Error('secret internal detail at /srv/aqp/src/thing.ts:42');
    });
    app.get('/api/v1/explode', async () => {
      throw new Error('secret internal detail');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('shows people the NHS "problem with the service" page and no detail', async () => {
    const response = await app.inject('/explode');
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('Sorry, there is a problem with the service');
    expect(response.body).not.toContain('secret internal detail');
    expect(response.body).not.toContain('thing.ts');
  });

  it('answers the API with a coded problem and no detail', async () => {
    const response = await app.inject('/api/v1/explode');
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 500, code: 'internal' });
    expect(response.body).not.toContain('secret internal detail');
  });

  it('answers unknown API paths with a 404 problem', async () => {
    const response = await app.inject('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('not-found');
  });
});

describe('client addresses behind a proxy', () => {
  it('believes only the proxy’s own entry in X-Forwarded-For, so a client cannot choose its address', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({
      config: { ...loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'true' }), sessionSecret: TEST_SESSION_SECRET },
      deps: { db: database.db, clock: systemClock() },
    });
    app.get('/whoami', async (request) => ({ ip: request.ip }));
    try {
      const response = await app.inject({
        url: '/whoami',
        headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' },
        remoteAddress: '10.0.0.2',
      });
      expect(response.json()).toEqual({ ip: '203.0.113.7' });
    } finally {
      await app.close();
      await database.destroy();
    }
  });
});
