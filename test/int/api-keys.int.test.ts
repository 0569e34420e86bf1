import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateApiKey, createApiKey, revokeApiKey } from '../../src/domains/identity/api-key.service.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { WebClient } from '../support/web-client.ts';

describe('API keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'region' });
  });
  afterAll(() => t.close());

  async function createKeyInBrowser(): Promise<{ token: string; client: WebClient }> {
    const client = new WebClient(t.app);
    await client.signIn('provider.admin@aqp.example');
    const created = await client.submit('/api-keys', { name: 'Clinic system', role: 'provider-clinician' });
    const token = /id="api-key-token">([^<]+)</.exec(created.body)?.[1];
    if (!token) throw new Error('the key was not shown');
    return { token, client };
  }

  it('authenticates a JSON request with a key, and refuses it once revoked', async () => {
    const { token, client } = await createKeyInBrowser();
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      kind: 'api-key',
      name: 'Clinic system',
      role: 'provider-clinician',
      organisation: { odsCode: 'DEMO1' },
    });

    const keys = await t.deps.db.selectFrom('api_keys').select(['id', 'secret_hash']).execute();
    expect(keys).toHaveLength(1);
    expect(keys[0]!.secret_hash).not.toContain(token.slice(-20));
    const revoke = await client.submit('/api-keys', {}, `/api-keys/${keys[0]!.id}/revoke`);
    expect(revoke.statusCode).toBe(303);

    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
    expect(after.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('records when a key was last used at most every five minutes, and again once five minutes have passed', async () => {
    const { token } = await createKeyInBrowser();
    const [key] = await t.deps.db
      .selectFrom('api_keys')
      .select('id')
      .where('name', '=', 'Clinic system')
      .where('revoked_at', 'is', null)
      .execute();
    const lastUsed = async () =>
      (await t.deps.db.selectFrom('api_keys').select('last_used_at').where('id', '=', key!.id).executeTakeFirstOrThrow()).last_used_at;
    const at = (instant: string) => ({ db: t.deps.db, clock: fixedClock(instant) });
    expect(await lastUsed()).toBeNull();
    await authenticateApiKey(at('2026-12-07T09:00:00Z'), token);
    expect(await lastUsed()).toEqual(new Date('2026-12-07T09:00:00Z'));
    await authenticateApiKey(at('2026-12-07T09:04:59Z'), token);
    expect(await lastUsed()).toEqual(new Date('2026-12-07T09:00:00Z'));
    await authenticateApiKey(at('2026-12-07T09:05:01Z'), token);
    expect(await lastUsed()).toEqual(new Date('2026-12-07T09:05:01Z'));
    await t.deps.db.updateTable('api_keys').set({ last_used_at: null }).where('id', '=', key!.id).execute();
    await authenticateApiKey(at('2026-12-07T09:06:00Z'), token);
    expect(await lastUsed(), 'this node remembers its own write, so a write by other means within five minutes is left').toBeNull();
  });

  it('moves the keys’ version when a key is revoked, renamed or given another role, never when its use is recorded (decision 0075)', async () => {
    const { token } = await createKeyInBrowser();
    const version = async () =>
      (await t.deps.db.selectFrom('read_model_versions').select('version').where('scope', '=', 'api-keys').executeTakeFirst())?.version ??
      '0';
    const key = await t.deps.db.selectFrom('api_keys').select('id').where('prefix', '=', token.split('_')[1]!).executeTakeFirstOrThrow();
    const before = await version();
    await authenticateApiKey({ db: t.deps.db, clock: fixedClock('2027-01-04T09:00:00Z') }, token);
    await t.deps.db
      .updateTable('api_keys')
      .set({ last_used_at: new Date('2027-01-04T10:00:00Z') })
      .where('id', '=', key.id)
      .execute();
    expect(await version(), 'recording use keeps every node’s held keys').toBe(before);
    await t.deps.db.updateTable('api_keys').set({ name: 'Renamed clinic system' }).where('id', '=', key.id).execute();
    const renamed = await version();
    expect(renamed).not.toBe(before);
    await t.deps.db.updateTable('api_keys').set({ role: 'provider-admin' }).where('id', '=', key.id).execute();
    const newRole = await version();
    expect(newRole).not.toBe(renamed);
    expect(await authenticateApiKey(t.deps, token)).toMatchObject({ role: 'provider-admin' });
    await revokeApiKey(t.deps, { principal: null, clientAddress: null }, key.id, { trusted: true });
    expect(await version()).not.toBe(newRole);
    expect(await authenticateApiKey(t.deps, token)).toBeUndefined();
  });

  it('refuses a missing, malformed or unknown key with a 401 problem', async () => {
    for (const authorization of [undefined, 'Bearer nonsense', `Bearer aqp_${'a'.repeat(12)}_${'b'.repeat(43)}`]) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: authorization ? { authorization } : {} });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('unauthenticated');
    }
  });

  it('lets a key manager’s key list and revoke its organisation’s keys, audited, but never create one', async () => {
    const { token } = await createKeyInBrowser();
    const client = new WebClient(t.app);
    await client.signIn('provider.admin@aqp.example');
    const created = await client.submit('/api-keys', { name: 'Integration engine', role: 'provider-admin' });
    const adminToken = /id="api-key-token">([^<]+)</.exec(created.body)![1]!;
    const minted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: { name: 'Successor', role: 'provider-admin' },
    });
    expect(minted.statusCode).toBe(404);
    const listed = await t.app.inject({ url: '/api/v1/api-keys', headers: { authorization: `Bearer ${adminToken}` } });
    const clinicKey = listed.json().items.find((key: { name: string }) => key.name === 'Clinic system');
    expect(clinicKey).toBeDefined();
    expect((await t.app.inject({ url: '/api/v1/api-keys', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${clinicKey.id}`,
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(revoked.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${clinicKey.id}`,
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conflict');
    const audit = await t.deps.db.selectFrom('audit_events').select('action').where('entity_id', '=', clinicKey.id).orderBy('id').execute();
    expect(audit.map((row) => row.action)).toEqual(['api-key.create', 'api-key.revoke']);
  });

  it('refuses key creation by a key even when a service is called directly', async () => {
    const { token } = await createKeyInBrowser();
    const principal = await authenticateApiKey(t.deps, token);
    await expect(
      createApiKey(
        t.deps,
        { principal: principal!, clientAddress: null },
        { organisationId: principal!.organisationId, name: 'x', role: 'provider-clinician' },
      ),
    ).rejects.toThrow('API keys are created by people');
  });

  it('refuses a key with a role the organisation cannot give, with a field error', async () => {
    const client = new WebClient(t.app);
    await client.signIn('provider.admin@aqp.example');
    const response = await client.submit('/api-keys', { name: 'Wrong role', role: 'commissioner' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('cannot give the role Commissioner');
    expect(response.body).toContain('href="#role"');
  });
});
