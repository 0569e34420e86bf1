import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { registerErrorHandling } from '../../src/http/plugins/errors.ts';
import { PUBLIC_MAX_AGE_SECONDS, registerPublicReads } from '../../src/http/plugins/public-reads.ts';
import { registerSafeReplies } from '../../src/http/plugins/safe-replies.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { createSeededTestDatabase, TEST_SESSION_SECRET } from '../support/test-app.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { apiKeyFor, WebClient } from '../support/web-client.ts';

const LIMIT = 5;

describe(`anonymous public reads are limited per address (configured here to ${LIMIT} a minute) and public answers may be cached`, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let token: string;
  beforeAll(async () => {
    const clock = systemClock();
    database = await createSeededTestDatabase('full', clock);
    const deps = { db: database.db, clock };
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
    expect(await statusesOf('/api/v1/services', '10.50.0.5', LIMIT + 3, { authorization: `Bearer ${token}` })).toEqual(
      Array(LIMIT + 3).fill(200),
    );
    expect((await statusesOf('/api/v1/services', '10.50.0.6', LIMIT + 1, { authorization: 'Bearer aqp_made_up' })).at(-1)).toBe(429);
  });

  it('never limits a signed-in person', async () => {
    const person = new WebClient(app, '10.50.0.7');
    await person.signIn('commissioner@aqp.example');
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 3; i += 1) statuses.push((await person.get('/directory')).statusCode);
    expect(statuses).toEqual(Array(LIMIT + 3).fill(200));
  });

  it('lets anyone cache a public answer (the directory pages too, which carry no form) to an anonymous reader, and nobody store a page with a form or what a signed-in person or key sees', async () => {
    const open = await read('/api/v1/services', '10.50.0.8');
    expect(open.headers['cache-control']).toBe(`public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
    expect(open.headers.vary).toContain('Authorization');
    expect((await read('/api/v1/directory/providers/DEMO1', '10.50.0.8')).headers['cache-control']).toBe(
      `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`,
    );
    const page = await read('/directory', '10.50.0.8');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['cache-control']).toBe(`public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
    const form = await read('/sign-in', '10.50.0.8');
    expect(form.headers['set-cookie']).toBeDefined();
    expect(form.headers['cache-control']).toBe('private, no-store');
    expect((await read('/api/v1/services', '10.50.0.8', { authorization: `Bearer ${token}` })).headers['cache-control']).toBe(
      'private, no-store',
    );
    const person = new WebClient(app, '10.50.0.9');
    await person.signIn('commissioner@aqp.example');
    expect((await person.get('/directory')).headers['cache-control']).toBe('private, no-store');
    expect((await person.get('/')).headers['cache-control']).toBe('private, no-store');
  });

  it('counts every address of one IPv6 /64 against one budget, since a household is given the whole /64', async () => {
    for (let i = 1; i <= LIMIT; i += 1) expect((await read('/api/v1/services', `2001:db8:50:1::${i}`)).statusCode).toBe(200);
    expect((await read('/api/v1/services', '2001:db8:50:1:ffff:ffff:ffff:ffff')).statusCode).toBe(429);
    expect((await read('/api/v1/services', '2001:db8:50:2::1')).statusCode).toBe(200);
  });

  it('keeps an address over the limit refused while thousands of other addresses read', async () => {
    await statusesOf('/api/v1/services/none', '10.51.0.1', LIMIT);
    expect((await read('/api/v1/services/none', '10.51.0.1')).statusCode).toBe(429);
    for (let i = 0; i < 5_100; i += 1) await read('/api/v1/services/none', `10.52.${i >> 8}.${i & 255}`);
    expect((await read('/api/v1/services/none', '10.51.0.1')).statusCode).toBe(429);
  }, 120_000);

  it('never lets a shared cache keep a patient page, even one read anonymously', async () => {
    for (const url of ['/referral-status', '/self-referral/services/psychological-therapies', '/api/v1/services/none']) {
      expect((await read(url, '10.50.0.10')).headers['cache-control']).toBe('private, no-store');
    }
  });

  it('does not count the sign-in page, so staff behind one shared network address can always reach it', async () => {
    expect(await statusesOf('/sign-in', '10.50.0.11', LIMIT + 3)).toEqual(Array(LIMIT + 3).fill(200));
    expect(await statusesOf('/sign-in?returnTo=%2Fdirectory', '10.50.0.11', 2)).toEqual([200, 200]);
  });
});

describe('an error answer is never marked public, even when the reply was marked public before it failed', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    app.decorateRequest('principal', null);
    registerPublicReads(app, 0);
    registerErrorHandling(app);
    registerSafeReplies(app);
    app.get('/api/v1/services', async (_request, reply) => reply.header('x-note', 'caf\u00e9 \u2603').send([]));
    app.get('/api/v1/map', async (_request, reply) => {
      reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`).header('vary', 'Cookie, Authorization');
      throw new Error('the map could not be drawn');
    });
    app.get('/api/v1/offers', async (_request, reply) => reply.header('vary', 'Accept-Language').send([]));
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers 500 with private, no-store when a header of a public answer cannot be sent', async () => {
    const response = await app.inject('/api/v1/services');
    expect(response.statusCode).toBe(500);
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers.vary).toBeUndefined();
  });

  it('answers 500 with private, no-store when a handler that marked its answer public then fails', async () => {
    const response = await app.inject('/api/v1/map');
    expect(response.statusCode).toBe(500);
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers.vary).toBeUndefined();
  });

  it('adds to a Vary the route set rather than replacing it', async () => {
    const response = await app.inject('/api/v1/offers');
    expect(response.headers['cache-control']).toBe(`public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
    expect(response.headers.vary).toBe('Accept-Language, Cookie, Authorization');
  });
});
