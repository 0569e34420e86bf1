import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { upsertOrganisation } from '../../src/domains/identity/organisation.repo.ts';
import { createUser } from '../../src/domains/identity/user.service.ts';
import { buildApp } from '../../src/http/app.ts';
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from '../../src/http/web/sign-in/sign-in.ts';
import { type Clock, londonDateOf } from '../../src/lib/clock.ts';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../support/test-app.ts';
import { csrfTokenIn, WebClient } from '../support/web-client.ts';

const PASSWORD = 'lantern heron kettle';
const LOCKED = 'There have been too many attempts to sign in with this email address.';

describe('per-account sign-in back-off', () => {
  let t: TestApp;
  let secondNode: FastifyInstance;
  let organisationId: string;
  let offsetMs = 0;
  let address = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs), today: () => londonDateOf(new Date(Date.now() + offsetMs)) };
  /** A fresh address for a guesser who keeps to it. */
  const anAddress = () => `198.51.100.${++address}`;
  const anAccount = async (email: string) => {
    await createUser(
      t.deps,
      { principal: null, clientAddress: null },
      { email, displayName: 'Tess Tester', password: PASSWORD, organisationId, role: 'commissioner' },
    );
  };
  /** Five wrong passwords from one address (each attempt its own browser, as a script would): the free failures for that address. */
  const failFiveTimes = async (email: string, from: string, app = t.app) => {
    for (let attempt = 1; attempt <= 5; attempt += 1)
      expect((await new WebClient(app, from).signIn(email, `wrong guess ${attempt}`)).statusCode).toBe(400);
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: false, clock });
    organisationId = (
      await upsertOrganisation(t.deps.db, { odsCode: 'QWO', name: 'NHS West Yorkshire Integrated Care Board', kind: 'commissioner' })
    ).id;
    secondNode = await buildApp({
      config: { ...loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'true' }), sessionSecret: TEST_SESSION_SECRET },
      deps: t.deps,
    });
  });
  afterAll(async () => {
    await secondNode.close();
    await t.close();
  });

  it('locks an email at an address after five failed sign-ins from it, refusing even the right password there, and says plainly to wait', async () => {
    await anAccount('tess.one@example.nhs.uk');
    const from = anAddress();
    await failFiveTimes('tess.one@example.nhs.uk', from);
    const locked = await new WebClient(t.app, from).signIn('tess.one@example.nhs.uk', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('60');
    expect(locked.body).toContain(`${LOCKED} Wait 1 minute, then try again.`);
    expect(locked.body).toContain('href="#email"');
    const denied = await t.deps.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'sign-in')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((row) => row.details)).toContainEqual({ reason: 'account-locked' });
  });

  it('refuses an email with no account in exactly the same way, so the lock reveals no accounts', async () => {
    const from = anAddress();
    await failFiveTimes('nobody.here@example.nhs.uk', from);
    const locked = await new WebClient(t.app, from).signIn('Nobody.Here@example.nhs.uk', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain(`${LOCKED} Wait 1 minute, then try again.`);
  });

  it('keeps the count in the database, so another web node refuses the locked email at that address too', async () => {
    await anAccount('tess.two@example.nhs.uk');
    const from = anAddress();
    await failFiveTimes('tess.two@example.nhs.uk', from);
    const elsewhere = await new WebClient(secondNode, from).signIn('tess.two@example.nhs.uk', PASSWORD);
    expect(elsewhere.statusCode).toBe(429);
    expect(elsewhere.body).toContain(LOCKED);
  });

  it('doubles the lock after a failure once it has ended, and lets the right password in once the lock is over', async () => {
    await anAccount('tess.three@example.nhs.uk');
    const from = anAddress();
    await failFiveTimes('tess.three@example.nhs.uk', from);
    offsetMs += 61_000;
    expect((await new WebClient(t.app, from).signIn('tess.three@example.nhs.uk', 'wrong guess 6')).statusCode).toBe(400);
    expect((await new WebClient(t.app, from).signIn('tess.three@example.nhs.uk', PASSWORD)).body).toContain(
      `${LOCKED} Wait 2 minutes, then try again.`,
    );
    offsetMs += 121_000;
    expect((await new WebClient(t.app, from).signIn('tess.three@example.nhs.uk', PASSWORD)).statusCode).toBe(303);
  });

  it('clears the count on a successful sign-in, so earlier mistakes do not add up', async () => {
    await anAccount('tess.four@example.nhs.uk');
    for (let round = 0; round < 2; round += 1) {
      for (let attempt = 1; attempt <= 4; attempt += 1)
        expect((await new WebClient(t.app, '192.0.2.44').signIn('tess.four@example.nhs.uk', `wrong guess ${attempt}`)).statusCode).toBe(
          400,
        );
      expect((await new WebClient(t.app, '192.0.2.44').signIn('tess.four@example.nhs.uk', PASSWORD)).statusCode).toBe(303);
    }
  });

  it('locks only the guesser’s address: the real person signs in from their own address, and one IPv6 /64 counts as one address', async () => {
    await anAccount('tess.five@example.nhs.uk');
    for (let attempt = 1; attempt <= 5; attempt += 1)
      expect(
        (await new WebClient(t.app, `2001:db8:66:1::${attempt}`).signIn('tess.five@example.nhs.uk', `wrong guess ${attempt}`)).statusCode,
      ).toBe(400);
    expect((await new WebClient(t.app, '2001:db8:66:1::99').signIn('tess.five@example.nhs.uk', PASSWORD)).statusCode).toBe(429);
    offsetMs += 30 * 60_000;
    expect((await new WebClient(t.app, '2001:db8:66:1::7').signIn('tess.five@example.nhs.uk', 'wrong guess 6')).statusCode).toBe(400);
    expect((await new WebClient(t.app, '2001:db8:66:1::8').signIn('tess.five@example.nhs.uk', PASSWORD)).statusCode).toBe(429);
    expect((await new WebClient(t.app, '192.0.2.55').signIn('tess.five@example.nhs.uk', PASSWORD)).statusCode).toBe(303);
  });

  it('locks the account at every address once it has had 100 failures in 24 hours, until the day’s count falls below 100', async () => {
    await anAccount('tess.six@example.nhs.uk');
    for (let batch = 0; batch < 20; batch += 1) await failFiveTimes('tess.six@example.nhs.uk', `192.0.2.${100 + batch}`);
    const moveFailuresBack = (hours: number) =>
      t.deps.db
        .updateTable('sign_in_failures')
        .set((eb) => ({ failed_at: sql<Date>`${eb.ref('failed_at')} - make_interval(hours => ${hours})` }))
        .execute();
    await moveFailuresBack(1);
    const locked = await new WebClient(t.app, '192.0.2.200').signIn('tess.six@example.nhs.uk', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain(`${LOCKED} Wait 23 hours, then try again.`);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(22 * 3600);
    await moveFailuresBack(23);
    expect((await new WebClient(t.app, '192.0.2.200').signIn('tess.six@example.nhs.uk', PASSWORD)).statusCode).toBe(303);
  });

  it('with TRUST_PROXY=true, ignores X-Forwarded-For from a client that is not a trusted proxy, so it cannot dodge the per-address limit', async () => {
    const client = new WebClient(secondNode, '203.0.113.9');
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= SIGN_IN_ATTEMPTS_PER_MINUTE + 1; attempt += 1) {
      const form = await client.get('/sign-in');
      const forged = { 'x-forwarded-for': `192.0.2.${attempt}` };
      statuses.push(
        (
          await client.post(
            '/sign-in',
            { _csrf: csrfTokenIn(form.body), email: `someone.${attempt}@example.nhs.uk`, password: 'wrong guess' },
            forged,
          )
        ).statusCode,
      );
    }
    expect(statuses.slice(0, SIGN_IN_ATTEMPTS_PER_MINUTE).every((status) => status === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const viaProxy = new WebClient(secondNode, '10.0.0.2');
    const form = await viaProxy.get('/sign-in');
    const proxied = await viaProxy.post(
      '/sign-in',
      { _csrf: csrfTokenIn(form.body), email: 'someone.else@example.nhs.uk', password: 'wrong guess' },
      { 'x-forwarded-for': '203.0.113.9, 192.0.2.200' },
    );
    expect(proxied.statusCode).toBe(400);
  });
});
