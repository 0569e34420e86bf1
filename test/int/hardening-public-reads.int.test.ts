import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { seedNationalCatalogue } from '../../src/domains/catalogue/catalogue.seed.ts';
import { seedDemo } from '../../src/domains/identity/demo-seed.ts';
import { buildApp } from '../../src/http/app.ts';
import { PUBLIC_MAX_AGE_SECONDS } from '../../src/http/plugins/public-reads.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { TEST_SESSION_SECRET } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { apiKeyFor, WebClient } from '../support/web-client.ts';

const LIMIT = 5;

describe(`anonymous public reads are limited per address (configured here to ${LIMIT} a minute) and public answers may be cached`, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let token: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    const deps = { db: database.db, clock: systemClock() };
    await seedNationalCatalogue(deps);
    await seedDemo(deps);
    const config = { ...loadConfig({ NODE_ENV: 'test', AQP_PUBLIC_READS_PER_MINUTE: String(LIMIT) }), sessionSecret: TEST_SESSION_SECRET };
    app = await buildApp({ config, deps });
    await app.ready();
    token = await apiKeyFor(app, 'commissioner@aqp.example', 'commissioner', 'Offer tools');
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const read = (url: string, remoteAddress: string, headers: Record<string, string> = {}) => app.inject({ url, remoteAddress, headers });
  const statusesOf = async (url: string, remoteAddress: string, times: number, headers: Record<string, string> = {}) => {
    const statuses: number[] = [];
    for (let i = 0; i < times; i += 1) statuses.push((await read(url, remoteAddress, headers)).statusCode);
    return statuses;
  };

  it('answers the API read after the limit with a 429 problem and Retry-After, and other addresses carry on', async () => {
    expect(await statusesOf('/api/v1/services', '10.50.0.1', LIMIT)).toEqual(Array(LIMIT).fill(200));
    const refused = await read('/api/v1/services', '10.50.0.1');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ status: 429, code: 'too-many-requests' });
    expect((await read('/api/v1/services', '10.50.0.2')).statusCode).toBe(200);
  });

  it('answers the page read after the limit with an NHS-style page and Retry-After', async () => {
    expect(await statusesOf('/directory', '10.50.0.3', LIMIT)).toEqual(Array(LIMIT).fill(200));
    const refused = await read('/map', '10.50.0.3');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.headers['content-type']).toContain('text/html');
    expect(refused.body).toContain('too many requests from your network');
  });

  it('does not count assets and health checks, which a page loads several of', async () => {
    expect(await statusesOf('/nhsuk/nhsuk-frontend.min.css', '10.50.0.4', LIMIT + 3)).toEqual(Array(LIMIT + 3).fill(200));
    expect(await statusesOf('/health/live', '10.50.0.4', LIMIT + 3)).toEqual(Array(LIMIT + 3).fill(200));
  });

  it('never limits an API key, but does count a made-up one', async () => {
    expect(await statusesOf('/api/v1/services', '10.50.0.5', LIMIT + 3, { authorization: `Bearer ${token}` })).toEqual(Array(LIMIT + 3).fill(200));
    expect((await statusesOf('/api/v1/services', '10.50.0.6', LIMIT + 1, { authorization: 'Bearer aqp_made_up' })).at(-1)).toBe(429);
  });

  it('never limits a signed-in person', async () => {
    const person = new WebClient(app, '10.50.0.7');
    await person.signIn('commissioner@aqp.example');
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 3; i += 1) statuses.push((await person.get('/directory')).statusCode);
    expect(statuses).toEqual(Array(LIMIT + 3).fill(200));
  });

  it('lets anyone cache a public answer to an anonymous reader, and nobody store what a signed-in person or key sees', async () => {
    const open = await read('/api/v1/services', '10.50.0.8');
    expect(open.headers['cache-control']).toBe(`public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
    expect(open.headers.vary).toContain('Authorization');
    expect((await read('/api/v1/directory/providers/DEMO1', '10.50.0.8')).headers['cache-control']).toBe(`public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
    const page = await read('/directory', '10.50.0.8');
    expect(page.headers['set-cookie']).toBeDefined();
    expect(page.headers['cache-control']).toBeUndefined();
    expect((await read('/api/v1/services', '10.50.0.8', { authorization: `Bearer ${token}` })).headers['cache-control']).toBe('private, no-store');
    const person = new WebClient(app, '10.50.0.9');
    await person.signIn('commissioner@aqp.example');
    expect((await person.get('/directory')).headers['cache-control']).toBe('private, no-store');
    expect((await person.get('/')).headers['cache-control']).toBe('private, no-store');
  });
});
